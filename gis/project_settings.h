#pragma once

// Project settings stored in a GeoPackage's `gr_settings` table (key TEXT, value TEXT), so a
// project file carries its own method overrides (e.g. its city's grid factor and rainfall).
// The table opens in QGIS as an ordinary attribute table.

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace greenrenew::gis {

/// Key under which the method overrides (JSON in the resources' layout) are stored.
inline constexpr const char* kMethodOverridesKey = "method_overrides";

/// Reads one setting of the GeoPackage at PATH; std::nullopt when the file is no GeoPackage,
/// has no gr_settings table or no such key.
std::optional<QByteArray> readProjectSetting(const QString& path, const char* key);

/// Writes (inserts or replaces) one setting into the GeoPackage at PATH.
core::Result<bool> writeProjectSetting(const QString& path, const char* key,
                                       const QByteArray& value);

} // namespace greenrenew::gis
