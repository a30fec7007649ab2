#pragma once

// The `service_areas` layer of results.gpkg (docs/results-schema.md), written inside the
// results writer's transaction, and the polygon conversion both layers use.

#include "core/result.h"
#include "core/walk_access.h"

#include <QString>

#include <optional>
#include <vector>

#include <ogr_geometry.h>

class GDALDataset;
class OGRSpatialReference;

namespace greenrenew::gis::detail {

/// The multipolygon as OGR holds it, ring by ring.
OGRMultiPolygon toOgr(const core::MultiPolygon& geometry);

/// One multipolygon feature per service area: facility type, circle, threshold, buffer,
/// reachable street length and area. Empty areas (no facility of the type) are kept with an
/// empty geometry, so the layer says which types were asked for and found nowhere.
std::optional<core::Error> writeServiceAreaLayer(GDALDataset& dataset, OGRSpatialReference* srs,
                                                 const std::vector<core::ServiceArea>& areas,
                                                 const QString& path);

} // namespace greenrenew::gis::detail
