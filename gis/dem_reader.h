#pragma once

// Reads a digital elevation model (GeoTIFF or any GDAL raster) into core's ElevationGrid in the
// project's CRS, warping it through GDAL when it is in another CRS or not north-up.

#include "core/elevation_grid.h"
#include "core/result.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace greenrenew::gis {

/// Band 1 of the raster at `path`, heights in metres, as a north-up grid in the CRS given by
/// `projectCrsWkt`. A raster in another CRS, rotated or south-up is warped to it (bilinear,
/// GDAL warp) and the grid's description says so; its no-data cells become NaN. A raster
/// without a CRS is taken to be in the project's CRS and a line says so in `warnings`.
/// Errors name the file: not a raster, no band, an unreadable CRS, too large to hold.
core::Result<std::shared_ptr<const core::ElevationGrid>>
readDem(const QString& path, const std::string& projectCrsWkt, std::vector<std::string>& warnings);

} // namespace greenrenew::gis
