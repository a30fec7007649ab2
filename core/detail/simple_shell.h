#pragma once

// A quick proof that a polygon is valid, so that the common footprint (one shell, no holes, a
// handful of vertices) skips GEOS's full validity check.

#include "core/geometry.h"

namespace greenrenew::core::detail {

/// True only when `multiPolygon` is one polygon without holes whose shell (closed or not) has
/// at most 64 finite vertices, no repeated or collinear consecutive vertices and no two edges
/// that meet except neighbours at their shared vertex, each decided with a margin well above
/// rounding error. False means "not proven": the caller checks with GEOS.
bool isClearlySimpleShell(const MultiPolygon& multiPolygon);

} // namespace greenrenew::core::detail
