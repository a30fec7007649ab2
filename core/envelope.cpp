#include "core/envelope.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace greenrenew::core {

std::optional<Box> outerEnvelope(const MultiPolygon& geometry)
{
    double minX = std::numeric_limits<double>::infinity();
    double minY = minX;
    double maxX = -minX;
    double maxY = -minX;
    for (const Polygon& polygon : geometry) {
        for (const Point& point : polygon.outer()) {
            if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
                continue;
            minX = std::min(minX, point.x());
            minY = std::min(minY, point.y());
            maxX = std::max(maxX, point.x());
            maxY = std::max(maxY, point.y());
        }
    }
    if (minX > maxX)
        return std::nullopt;
    return Box(Point(minX, minY), Point(maxX, maxY));
}

} // namespace greenrenew::core
