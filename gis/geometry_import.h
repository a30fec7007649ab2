#pragma once

// Converts OGR geometries (already in the project CRS) into core's Boost.Geometry types,
// validating polygons with GEOS and repairing them with make-valid. Internal to gis: the
// header names OGR types, so only gis .cpp files include it.

#include "core/geometry.h"

#include <QString>

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

class OGRGeometry;

namespace greenrenew::gis::detail {

/// Two polygons of a list that overlap (indices into it), with the area they share.
struct Overlap {
    std::size_t first = 0;
    std::size_t second = 0;
    double area = 0;
    bool duplicate = false;  // the same footprint, one stacked on the other
};

/// The outcome for one feature: a geometry, or why there is none; `repair` says what changed.
template <typename T>
struct Imported {
    std::optional<T> geometry;
    QString repair;   // empty when the geometry was taken as it was
    QString skipped;  // why no geometry came out (only when geometry is empty)
};

class GeometryImporter {
public:
    GeometryImporter();
    ~GeometryImporter();
    GeometryImporter(const GeometryImporter&) = delete;
    GeometryImporter& operator=(const GeometryImporter&) = delete;

    /// Polygons and multipolygons (curves linearised, Z/M dropped by the caller); invalid ones
    /// are made valid with GEOS's "structure" method and only their polygonal parts kept.
    Imported<core::MultiPolygon> polygonal(const OGRGeometry& geometry);
    /// polygonal() of a 2D Polygon or MultiPolygon given as WKB with no empty part, read by
    /// GEOS directly (no OGR geometry in between); nullopt when GEOS cannot read it, for
    /// polygonal() to try (it closes unclosed rings first).
    std::optional<Imported<core::MultiPolygon>> polygonalWkb(std::span<const unsigned char> wkb);
    Imported<core::MultiLineString> linear(const OGRGeometry& geometry);
    /// Points as they are; polygons and lines give a point on their surface.
    Imported<core::Point> point(const OGRGeometry& geometry);

    /// Every pair of SHAPES whose interiors overlap. Near-coincident edges make floating
    /// overlay fail ("non-noded intersection"); GEOS's OverlayNG is retried on a 1 mm grid
    /// then, and a pair that still fails is named in FAILURE.
    std::vector<Overlap> overlaps(const std::vector<const core::MultiPolygon*>& shapes,
                                  QString& failure);

private:
    struct Impl;
    Impl* m_impl;
};

} // namespace greenrenew::gis::detail
