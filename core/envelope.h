#pragma once

// The envelope of a multipolygon's outer rings, in one place for every stage that indexes or
// frames parcels. Written out rather than boost::geometry::return_envelope: Boost 1.74's
// version trips GCC 12's maybe-uninitialized warning, and inner rings never widen it.

#include "core/geometry.h"

#include <optional>

namespace greenrenew::core {

/// Box of the outer rings' finite vertices; nullopt when there is none.
std::optional<Box> outerEnvelope(const MultiPolygon& geometry);

} // namespace greenrenew::core
