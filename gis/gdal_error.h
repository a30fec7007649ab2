#pragma once

// A write error that carries GDAL's own last message, so the user sees both what GreenRenew
// was doing and why GDAL refused. Shared by the stores that write GeoPackage tables.

#include "core/result.h"

#include <QString>

#include <string>

namespace greenrenew::gis::detail {

/// A BadInput error for OPERATION on PATH (layer or table LAYER): MESSAGE, then ": " and
/// GDAL's last error message when there is one.
core::Error gdalWriteError(const char* operation, const QString& path, const std::string& layer,
                           const QString& message);

} // namespace greenrenew::gis::detail
