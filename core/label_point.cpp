#include "core/label_point.h"

#include "core/detail/geos_context.h"

#include <algorithm>

namespace greenrenew::core {

namespace {

/// Share of the envelope's larger side the circle's centre may be off the best one.
constexpr double kPoleTolerance = 0.01;

std::optional<Point> firstPoint(GEOSContextHandle_t handle, const GEOSGeometry* geometry)
{
    if (!geometry || GEOSisEmpty_r(handle, geometry) != 0)
        return std::nullopt;
    double x = 0;
    double y = 0;
    // The inscribed circle comes back as its radius: a line from the centre to the boundary.
    if (GEOSGeomTypeId_r(handle, geometry) == GEOS_LINESTRING) {
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(handle, geometry);
        if (!sequence || GEOSCoordSeq_getXY_r(handle, sequence, 0, &x, &y) == 0)
            return std::nullopt;
        return Point(x, y);
    }
    if (GEOSGeomGetX_r(handle, geometry, &x) == 0
        || GEOSGeomGetY_r(handle, geometry, &y) == 0)
        return std::nullopt;
    return Point(x, y);
}

} // namespace

std::optional<Point> labelPoint(const MultiPolygon& geometry)
{
    detail::GeosContext& context = detail::threadGeosContext();
    const GEOSContextHandle_t handle = context.handle();
    const detail::GeosGeometry area = context.validFromMultiPolygon(geometry);
    if (!area || context.isEmpty(area.get()) || !(context.area(area.get()) > 0))
        return std::nullopt;
    const detail::GeosEnvelope box = context.envelope(area.get());
    const double side = std::max(box.maxX - box.minX, box.maxY - box.minY);
    const detail::GeosGeometry circle(
        handle, GEOSMaximumInscribedCircle_r(handle, area.get(), kPoleTolerance * side));
    if (const std::optional<Point> centre = firstPoint(handle, circle.get()))
        return centre;
    const detail::GeosGeometry surface(handle, GEOSPointOnSurface_r(handle, area.get()));
    return firstPoint(handle, surface.get());
}

} // namespace greenrenew::core
