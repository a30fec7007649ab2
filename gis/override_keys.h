#pragma once

// An override file (--config, a project's gr_settings) may only change what the method
// already has: a misspelt key would otherwise be taken as a new value nothing reads, and the
// run would use the shipped value without a word.

#include "core/method_config.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace greenrenew::gis::detail {

struct UnknownKey {
    QString key;      // dotted path of the offending key ("parameters.walk_sped")
    QString message;  // "unknown key; did you mean \"walk_speed\"?"
};

/// The first key of ROOT that names no section, parameter, parameter field or keyword list
/// of CONFIG; nothing when every key is known.
std::optional<UnknownKey> findUnknownOverrideKey(const QJsonObject& root,
                                                 const core::MethodConfig& config);

/// The candidate closest to WORD by edit distance, when it is close enough to be a typo
/// (at most a third of the word's letters differ); empty otherwise.
QString closestKey(const QString& word, const QStringList& candidates);

} // namespace greenrenew::gis::detail
