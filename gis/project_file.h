#pragma once

// The desktop's project file: one GeoPackage that holds the layers (parcels with every figure
// of the results, buildings, green, streets, facilities), the project's own gr_* tables
// (settings and overrides, scenarios, annotations, edit log) and a marker saying GreenRenew
// wrote it. It opens again through gis::loadProject, and in QGIS as ordinary layers and tables.

#include "core/analysis.h"
#include "core/model.h"
#include "core/result.h"

#include <QString>

namespace greenrenew::gis {

/// gr_settings key whose presence marks a GeoPackage as a GreenRenew project file.
inline constexpr const char* kProjectMarkerKey = "greenrenew_project";

/// True when PATH is a GeoPackage written by writeProjectFile().
bool isProjectFile(const QString& path);

/// Writes PROJECT and ANALYSIS to GPKGPATH: the results' layers (parcels with their figures,
/// facilities), then buildings, green and streets, the gr_* tables of SOURCEPATH when it is a
/// GeoPackage (so settings, scenarios and annotations travel with a Save As) and the marker.
/// The file is written beside GPKGPATH and renamed over it: a failed save leaves the previous
/// file whole. The DEM is not stored; a project that had one reloads without it.
core::Result<bool> writeProjectFile(const core::Project& project, const core::Analysis& analysis,
                                    const QString& gpkgPath, const QString& sourcePath);

} // namespace greenrenew::gis
