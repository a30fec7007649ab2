#pragma once

// Where a polygon's label goes: a point well inside it, also for an L, a U or a crescent whose
// envelope's centre lies outside (a parcel curving round a river bend).

#include "core/geometry.h"

#include <optional>

namespace greenrenew::core {

/// The centre of the largest circle inside GEOMETRY (its pole of inaccessibility, found by
/// GEOS to 1 % of its larger envelope side), else a point on its surface; nullopt when the
/// geometry has no area left once made valid.
std::optional<Point> labelPoint(const MultiPolygon& geometry);

} // namespace greenrenew::core
