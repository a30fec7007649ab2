#include "core/detail/simple_shell.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace greenrenew::core::detail {

namespace {

constexpr std::size_t kMaxVertices = 64;

// Orientations closer to zero than this share of the product of the two lengths involved are
// "not sure": double rounding errs by a few 1e-16 of it, so the margin is wide.
constexpr double kRelativeMargin = 1e-10;

struct Vec {
    double x;
    double y;
};

double cross(Vec o, Vec a, Vec b)
{
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

double length(Vec a, Vec b)
{
    return std::hypot(b.x - a.x, b.y - a.y);
}

// +1 / -1 when c is clearly left / right of the line a->b, 0 when too close to tell.
int side(Vec a, Vec b, Vec c)
{
    const double value = cross(a, b, c);
    const double margin = kRelativeMargin * length(a, b) * (length(a, c) + length(b, c));
    return value > margin ? 1 : (value < -margin ? -1 : 0);
}

// Segments a-b and c-d clearly apart: their boxes are apart, or one lies clearly on one side
// of the other's line.
bool clearlyApart(Vec a, Vec b, Vec c, Vec d)
{
    if (std::max(a.x, b.x) < std::min(c.x, d.x) || std::max(c.x, d.x) < std::min(a.x, b.x)
        || std::max(a.y, b.y) < std::min(c.y, d.y) || std::max(c.y, d.y) < std::min(a.y, b.y))
        return true;
    const int c1 = side(a, b, c);
    const int c2 = side(a, b, d);
    if (c1 != 0 && c1 == c2)
        return true;
    const int a1 = side(c, d, a);
    const int a2 = side(c, d, b);
    return a1 != 0 && a1 == a2;
}

} // namespace

bool isClearlySimpleShell(const MultiPolygon& multiPolygon)
{
    if (multiPolygon.size() != 1 || !multiPolygon.front().inners().empty())
        return false;
    const Ring& shell = multiPolygon.front().outer();
    std::size_t count = shell.size();
    if (count >= 2 && shell.front().x() == shell.back().x()
        && shell.front().y() == shell.back().y())
        --count;  // closed: the last position repeats the first
    if (count < 3 || count > kMaxVertices)
        return false;
    Vec vertices[kMaxVertices];
    for (std::size_t i = 0; i < count; ++i) {
        vertices[i] = {shell[i].x(), shell[i].y()};
        if (!std::isfinite(vertices[i].x) || !std::isfinite(vertices[i].y))
            return false;
    }
    auto at = [&](std::size_t i) { return vertices[i % count]; };
    for (std::size_t i = 0; i < count; ++i) {
        // Neighbouring edges turn clearly (no repeat, no collinear run, no fold back).
        if (side(at(i), at(i + 1), at(i + 2)) == 0)
            return false;
    }
    for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t j = i + 2; j < count; ++j) {
            if (i == 0 && j == count - 1)
                continue;  // the closing edge neighbours the first
            if (!clearlyApart(at(i), at(i + 1), at(j), at(j + 1)))
                return false;
        }
    }
    return true;
}

} // namespace greenrenew::core::detail
