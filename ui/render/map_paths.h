#pragma once

// Paths and feature choice for render::drawMap: a feature's device bounds, the polygons and
// lines as QPainterPaths with the vertices closer than half a pixel dropped, and which
// features of each layer to look at (through a MapIndex when the caller keeps one). Internal
// to the map renderer (detail).

#include "core/model.h"
#include "ui/render/map_index.h"
#include "ui/render/map_renderer.h"
#include "ui/render/map_view.h"

#include <QPainterPath>
#include <QRectF>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace greenrenew::render::detail {

/// A feature smaller than this on the device (width and height) is not drawn: on a whole
/// city a building is a fraction of a pixel, and a million of them would only grey the map
/// while taking seconds to draw.
constexpr double kMinFeaturePx = 1.0;
/// Consecutive vertices closer than this on the device (each axis) are drawn as one.
constexpr double kMinVertexStepPx = 0.5;

/// Features drawn between two looks at the cancel flag: a few milliseconds of drawing at most.
constexpr std::size_t kCancelCheckEvery = 256;

inline bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

struct Bounds {
    double minX = std::numeric_limits<double>::max();
    double minY = std::numeric_limits<double>::max();
    double maxX = std::numeric_limits<double>::lowest();
    double maxY = std::numeric_limits<double>::lowest();

    bool valid() const { return minX <= maxX && minY <= maxY; }
    void add(const core::Point& point)
    {
        minX = std::min(minX, point.x());
        minY = std::min(minY, point.y());
        maxX = std::max(maxX, point.x());
        maxY = std::max(maxY, point.y());
    }
    bool intersects(const QRectF& world) const
    {
        return valid() && maxX >= world.left() && minX <= world.right() && maxY >= world.top()
            && minY <= world.bottom();
    }
    QRectF rect() const { return QRectF(minX, minY, maxX - minX, maxY - minY); }
};

template <typename Points> void addPoints(Bounds& bounds, const Points& points)
{
    for (const core::Point& point : points)
        bounds.add(point);
}

inline Bounds boundsOf(const core::Polygon& polygon)
{
    Bounds bounds;
    addPoints(bounds, polygon.outer()); // holes lie inside the outer ring
    return bounds;
}

inline Bounds boundsOf(const core::LineString& line)
{
    Bounds bounds;
    addPoints(bounds, line);
    return bounds;
}

inline bool belowAPixel(const Bounds& bounds, const MapView& view)
{
    return (bounds.maxX - bounds.minX) * view.scale() < kMinFeaturePx
        && (bounds.maxY - bounds.minY) * view.scale() < kMinFeaturePx;
}

/// Adds POINTS to PATH in device coordinates, leaving out the vertices that fall within
/// kMinVertexStepPx of the last one kept (the last vertex is always kept).
template <typename Points>
void addSimplified(QPainterPath& path, const MapView& view, const Points& points)
{
    QPointF last = view.toDevice(points.front().x(), points.front().y());
    path.moveTo(last);
    const std::size_t end = points.size() - 1;
    for (std::size_t i = 1; i <= end; ++i) {
        const QPointF next = view.toDevice(points[i].x(), points[i].y());
        if (i < end && std::abs(next.x() - last.x()) < kMinVertexStepPx
            && std::abs(next.y() - last.y()) < kMinVertexStepPx)
            continue;
        path.lineTo(next);
        last = next;
    }
}

inline void addRing(QPainterPath& path, const MapView& view, const core::Ring& ring)
{
    if (ring.size() < 3)
        return;
    addSimplified(path, view, ring);
    path.closeSubpath();
}

/// One path per polygon; even-odd fill leaves the holes empty whatever the ring orientation.
inline QPainterPath polygonPath(const MapView& view, const core::Polygon& polygon)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    addRing(path, view, polygon.outer());
    for (const core::Ring& hole : polygon.inners())
        addRing(path, view, hole);
    return path;
}

/// Calls DRAW with the path of every polygon of GEOMETRY that reaches into the view.
template <typename Draw>
void forVisiblePolygons(const MapView& view, const core::MultiPolygon& geometry, Draw draw)
{
    for (const core::Polygon& polygon : geometry) {
        const Bounds bounds = boundsOf(polygon);
        if (bounds.intersects(view.visibleWorld()) && !belowAPixel(bounds, view))
            draw(polygonPath(view, polygon));
    }
}

/// Positions of the features of one layer worth drawing; nullopt: every feature.
using Candidates = std::optional<std::vector<std::uint32_t>>;

struct LayerCandidates {
    Candidates parcels;
    Candidates buildings;
    Candidates green;
    Candidates streets;
    Candidates facilities;
};

/// What OPTIONS.index finds in the view at a pixel or more; all nullopt without an index.
inline LayerCandidates candidatesOf(const MapView& view, const MapOptions& options)
{
    LayerCandidates candidates;
    if (!options.index)
        return candidates;
    const MapIndex& index = *options.index;
    const QRectF& world = view.visibleWorld();
    const double pixel = kMinFeaturePx / view.scale();
    // A cancelled drawing looks at no more layers: each empty list draws nothing.
    const auto query = [&](MapIndex::Layer layer, double minSize) -> Candidates {
        if (cancelled(options.cancel))
            return std::vector<std::uint32_t>();
        return index.query(layer, world, minSize);
    };
    candidates.parcels = query(MapIndex::Layer::Parcels, pixel);
    candidates.buildings = query(MapIndex::Layer::Buildings, pixel);
    candidates.green = query(MapIndex::Layer::Green, pixel);
    candidates.streets = query(MapIndex::Layer::Streets, pixel);
    candidates.facilities = query(MapIndex::Layer::Facilities, 0);
    return candidates;
}

/// Calls EACH with every position of FEATURES that CANDIDATES names, or with all; stops early
/// once CANCEL is set.
template <typename Features, typename Each>
void forCandidates(const Features& features, const Candidates& candidates, Each each,
    const std::atomic<bool>* cancel = nullptr)
{
    const std::size_t count = candidates ? candidates->size() : features.size();
    for (std::size_t n = 0; n < count; ++n) {
        if (n % kCancelCheckEvery == 0 && cancelled(cancel))
            return;
        const std::size_t i = candidates ? (*candidates)[n] : n;
        if (i < features.size())
            each(i);
    }
}

} // namespace greenrenew::render::detail
