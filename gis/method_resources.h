#pragma once

// Loads the method's configuration from resources/*.json into core's plain structs.

#include "core/method_config.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace greenrenew::gis {

/// The folder of the shipped resources: GREENRENEW_RESOURCES when set, else
/// ../share/greenrenew/resources beside the running program when it is installed there, else
/// the source tree's (compiled in).
QString resourceDir();

/// Reads every method resource file in DIR; an override file (same layout, optional) replaces
/// values by key.
core::Result<core::MethodConfig> loadMethodConfig(const QString& dir,
                                                  const QString& overrideFile = {});

/// Replaces values of CONFIG by those of a JSON document in the resources' layout (a
/// project's overrides); ORIGIN names where the document came from in error messages.
core::Result<bool> applyOverrides(core::MethodConfig& config, const QByteArray& json,
                                  const QString& origin);

} // namespace greenrenew::gis
