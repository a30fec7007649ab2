#pragma once

// Street blocks: the polygons a street network encloses, for data sets that come without a
// parcel layer. The blocks are offered as parcels for the designer to confirm.

#include "core/geometry.h"
#include "core/model.h"

#include <vector>

namespace greenrenew::core {

/// The faces of the planar graph of STREETS (every street, walkable or not, drivable or not):
/// the lines are noded where they cross, then polygonized with GEOS. Dangling ends enclose
/// nothing and vanish; faces smaller than MINAREAM2 (traffic islands, junction slivers) are
/// dropped. Blocks come in GEOS's order, each valid and oriented for Boost.Geometry.
std::vector<MultiPolygon> streetBlocks(const std::vector<Street>& streets, double minAreaM2);

} // namespace greenrenew::core
