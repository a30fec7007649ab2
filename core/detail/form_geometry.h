#pragma once

// Geometry work of the form metrics stage, kept apart from the figures: the valid GEOS form
// of each footprint made once, a parcel's boundary indexed so that most footprints are placed
// inside or outside it without a GEOS predicate, and the area of a union of parts that takes
// the overlay only where parts really overlap.

#include "core/detail/geos_context.h"
#include "core/geometry.h"

#include <boost/geometry/index/rtree.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

namespace greenrenew::core::detail {

/// The valid GEOS form of each feature of one layer (made with GeosContext::
/// validFromMultiPolygon), made on first use and kept, so a footprint that several parcels
/// meet is converted and checked once. Belongs to one thread and its context. `dense` keeps a
/// slot per feature (a whole-project pass); otherwise a map holds the few features used.
class FeatureGeometries {
public:
    FeatureGeometries(std::size_t featureCount, bool dense);

    /// Null when the feature has no polygonal form (even after repair).
    const GEOSGeometry* get(GeosContext& geos, std::size_t index, const MultiPolygon& source);

private:
    std::vector<GeosGeometry> m_dense;
    std::vector<std::uint8_t> m_made;
    std::unordered_map<std::size_t, GeosGeometry> m_sparse;
};

/// The valid GEOS forms of a project's buildings and green spaces one thread has made so far,
/// with the context that made them: a thread's own context dies with the thread, and these may
/// be kept for a later call on another thread.
struct ProjectGeometries {
    GeosContext geos;  // first, so destroyed after the geometries it made
    FeatureGeometries buildings;
    FeatureGeometries green;

    ProjectGeometries(std::size_t buildingCount, std::size_t greenCount, bool dense);
};

/// Sparse ProjectGeometries kept between calls (the layers must not change meanwhile), each
/// lent to one thread at a time; a new one is made when all are lent.
class GeometryCachePool {
public:
    GeometryCachePool(std::size_t buildingCount, std::size_t greenCount);

    std::unique_ptr<ProjectGeometries> borrow();
    void giveBack(std::unique_ptr<ProjectGeometries> cache);

private:
    std::size_t m_buildingCount = 0;
    std::size_t m_greenCount = 0;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<ProjectGeometries>> m_idle;
};

/// A parcel's boundary segments under an R-tree.
class ParcelBoundary {
public:
    enum class Placement { Inside, Outside, Unknown };

    ParcelBoundary(GeosContext& geos, const GEOSGeometry* parcel);

    /// Inside or Outside when no boundary segment's box meets `box` (then the whole box lies
    /// in the parcel's interior or exterior, and one ray from its corner tells which: exact,
    /// as only comparisons decide); Unknown when a segment comes near, so the caller uses the
    /// GEOS predicates.
    Placement place(const Box& box) const;

private:
    using Entry = std::pair<Box, std::uint32_t>;
    std::vector<double> m_ends;  // x0, y0, x1, y1 per segment
    boost::geometry::index::rtree<Entry, boost::geometry::index::quadratic<16>> m_index;
    double m_maxX = 0;
};

/// One feature's part inside a parcel: the whole valid feature (shared, not owned) or the
/// overlay result (owned).
struct Part {
    std::size_t index = 0;
    const GEOSGeometry* geometry = nullptr;
    GeosGeometry owned;
    double areaM2 = 0;
};

/// Area of the union of parts. Parts that an edge separates from every other part (or whose
/// envelopes overlap no other's) add their areas, so only clusters of possibly overlapping
/// parts go through the overlay.
double unionArea(GeosContext& geos, std::vector<Part>& parts);

/// True when a line through an edge of one ring set has all of that set's vertices on one
/// side (within `toleranceM`) and all of the other's on the other side, so that the convex
/// hulls, and so the interiors, of the two cannot overlap. False proves nothing.
bool separatedByEdge(const std::vector<std::vector<double>>& a,
                     const std::vector<std::vector<double>>& b, double toleranceM);

} // namespace greenrenew::core::detail
