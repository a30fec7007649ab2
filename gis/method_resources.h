#pragma once

// Loads the method's configuration from resources/*.json into core's plain structs.

#include "core/method_config.h"
#include "core/result.h"

#include <QString>

namespace greenrenew::gis {

/// The folder of the shipped resources (compiled in; GREENRENEW_RESOURCES overrides it).
QString resourceDir();

/// Reads every method resource file in DIR; an override file (same layout, optional) replaces
/// values by key.
core::Result<core::MethodConfig> loadMethodConfig(const QString& dir,
                                                  const QString& overrideFile = {});

} // namespace greenrenew::gis
