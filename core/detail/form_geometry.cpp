#include "core/detail/form_geometry.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>

namespace greenrenew::core::detail {

namespace bgi = boost::geometry::index;

namespace {

// A vertex this close to a separating line counts as on it. Treating it so can miss an
// overlap at most this wide along the shared edge: a nanometre times a wall's length is far
// below a square millimetre, where floating-point noise on shared walls (whose vertices rarely
// sit exactly on the line) would otherwise send every pair of terraced houses to GEOS.
constexpr double kSeparationToleranceM = 1e-9;

// Beyond this many vertices the quadratic separation test costs more than GEOS's relate.
constexpr std::size_t kMaxSeparationVertices = 256;

std::size_t vertexCount(const std::vector<std::vector<double>>& rings)
{
    std::size_t count = 0;
    for (const std::vector<double>& ring : rings)
        count += ring.size() / 2;
    return count;
}

// Sign (-1, 0, +1) of every vertex of `rings` against the line from (px, py) in direction
// (dx, dy): +1 when all are left of or on it, -1 when all right of or on it, 0 when mixed or
// all on it.
int commonSide(const std::vector<std::vector<double>>& rings, double px, double py, double dx,
               double dy, double tolerance)
{
    bool left = false;
    bool right = false;
    for (const std::vector<double>& ring : rings) {
        for (std::size_t i = 0; i + 1 < ring.size(); i += 2) {
            const double cross = dx * (ring[i + 1] - py) - dy * (ring[i] - px);
            left = left || cross > tolerance;
            right = right || cross < -tolerance;
            if (left && right)
                return 0;
        }
    }
    return left ? 1 : (right ? -1 : 0);
}

bool oneSetSeparates(const std::vector<std::vector<double>>& own,
                     const std::vector<std::vector<double>>& other, double toleranceM)
{
    for (const std::vector<double>& ring : own) {
        for (std::size_t i = 0; i + 3 < ring.size(); i += 2) {
            const double px = ring[i];
            const double py = ring[i + 1];
            const double dx = ring[i + 2] - px;
            const double dy = ring[i + 3] - py;
            const double length = std::hypot(dx, dy);
            if (length == 0)
                continue;
            // cross / length is the signed distance from the line.
            const double tolerance = toleranceM * length;
            const int ownSide = commonSide(own, px, py, dx, dy, tolerance);
            if (ownSide == 0)
                continue;
            // Every vertex of `other` on the line or beyond it (all on it is a degenerate
            // part, left to GEOS).
            if (commonSide(other, px, py, dx, dy, tolerance) == -ownSide)
                return true;
        }
    }
    return false;
}

bool envelopesOverlap(const GeosEnvelope& a, const GeosEnvelope& b)
{
    // Strict: envelopes that only touch bound interiors that cannot overlap.
    return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

// Groups of parts linked by overlapping interiors (union-find), in first-member order. Only
// pairs with overlapping envelopes are tested, so most pairs cost nothing.
template <typename Linked>
std::vector<std::vector<std::size_t>> overlapClusters(const std::vector<GeosEnvelope>& envelopes,
                                                      Linked linked)
{
    std::vector<std::size_t> parent(envelopes.size());
    for (std::size_t i = 0; i < parent.size(); ++i)
        parent[i] = i;
    auto root = [&parent](std::size_t i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    // Sweep by minX so that only envelopes sharing an x-range are compared.
    std::vector<std::size_t> order(envelopes.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&envelopes](std::size_t a, std::size_t b) {
        return envelopes[a].minX < envelopes[b].minX;
    });
    for (std::size_t a = 0; a < order.size(); ++a) {
        for (std::size_t b = a + 1; b < order.size(); ++b) {
            if (envelopes[order[b]].minX >= envelopes[order[a]].maxX)
                break;
            const std::size_t first = order[a];
            const std::size_t second = order[b];
            if (root(first) != root(second) && envelopesOverlap(envelopes[first], envelopes[second])
                && linked(first, second))
                parent[root(first)] = root(second);
        }
    }
    std::map<std::size_t, std::vector<std::size_t>> byRoot;
    for (std::size_t i = 0; i < envelopes.size(); ++i)
        byRoot[root(i)].push_back(i);
    std::vector<std::vector<std::size_t>> clusters;
    for (auto& entry : byRoot)
        clusters.push_back(std::move(entry.second));
    return clusters;
}

} // namespace

FeatureGeometries::FeatureGeometries(std::size_t featureCount, bool dense)
{
    if (dense) {
        m_dense.resize(featureCount);
        m_made.assign(featureCount, 0);
    }
}

const GEOSGeometry* FeatureGeometries::get(GeosContext& geos, std::size_t index,
                                           const MultiPolygon& source)
{
    if (!m_made.empty()) {
        if (!m_made[index]) {
            m_dense[index] = geos.validFromMultiPolygon(source);
            m_made[index] = 1;
        }
        return m_dense[index].get();
    }
    auto found = m_sparse.find(index);
    if (found == m_sparse.end())
        found = m_sparse.emplace(index, geos.validFromMultiPolygon(source)).first;
    return found->second.get();
}

ProjectGeometries::ProjectGeometries(std::size_t buildingCount, std::size_t greenCount,
                                     bool dense)
    : buildings(buildingCount, dense), green(greenCount, dense)
{
}

GeometryCachePool::GeometryCachePool(std::size_t buildingCount, std::size_t greenCount)
    : m_buildingCount(buildingCount), m_greenCount(greenCount)
{
}

std::unique_ptr<ProjectGeometries> GeometryCachePool::borrow()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_idle.empty())
        return std::make_unique<ProjectGeometries>(m_buildingCount, m_greenCount, false);
    std::unique_ptr<ProjectGeometries> cache = std::move(m_idle.back());
    m_idle.pop_back();
    return cache;
}

void GeometryCachePool::giveBack(std::unique_ptr<ProjectGeometries> cache)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_idle.push_back(std::move(cache));
}

ParcelBoundary::ParcelBoundary(GeosContext& geos, const GEOSGeometry* parcel)
{
    std::vector<Entry> entries;
    m_maxX = -std::numeric_limits<double>::infinity();
    for (const std::vector<double>& ring : geos.polygonRings(parcel, false)) {
        for (std::size_t i = 0; i + 3 < ring.size(); i += 2) {
            const double x0 = ring[i];
            const double y0 = ring[i + 1];
            const double x1 = ring[i + 2];
            const double y1 = ring[i + 3];
            const auto segment = static_cast<std::uint32_t>(m_ends.size() / 4);
            m_ends.insert(m_ends.end(), {x0, y0, x1, y1});
            entries.emplace_back(Box(Point(std::min(x0, x1), std::min(y0, y1)),
                                     Point(std::max(x0, x1), std::max(y0, y1))),
                                 segment);
            m_maxX = std::max(m_maxX, std::max(x0, x1));
        }
    }
    m_index = decltype(m_index)(entries.begin(), entries.end());
}

ParcelBoundary::Placement ParcelBoundary::place(const Box& box) const
{
    if (m_ends.empty())
        return Placement::Unknown;
    if (m_index.qbegin(bgi::intersects(box)) != m_index.qend())
        return Placement::Unknown;
    // A ray from the box's corner towards +x. The corner lies outside every segment's box, so
    // a segment that spans the ray's y lies wholly to the left or right of the corner, and the
    // index hands only those reaching right of it: each one it hands that spans y crosses.
    const double px = box.min_corner().x();
    const double py = box.min_corner().y();
    if (!(px <= m_maxX))
        return Placement::Outside;
    const Box ray(Point(px, py), Point(m_maxX, py));
    bool inside = false;
    for (auto it = m_index.qbegin(bgi::intersects(ray)); it != m_index.qend(); ++it) {
        const double* ends = &m_ends[4 * static_cast<std::size_t>(it->second)];
        if ((ends[1] > py) != (ends[3] > py))
            inside = !inside;
    }
    return inside ? Placement::Inside : Placement::Outside;
}

bool separatedByEdge(const std::vector<std::vector<double>>& a,
                     const std::vector<std::vector<double>>& b, double toleranceM)
{
    if (a.empty() || b.empty() || vertexCount(a) + vertexCount(b) > kMaxSeparationVertices)
        return false;
    return oneSetSeparates(a, b, toleranceM) || oneSetSeparates(b, a, toleranceM);
}

double unionArea(GeosContext& geos, std::vector<Part>& parts)
{
    if (parts.size() < 2)
        return parts.empty() ? 0.0 : parts.front().areaM2;

    std::vector<GeosEnvelope> envelopes;
    envelopes.reserve(parts.size());
    for (const Part& part : parts)
        envelopes.push_back(geos.envelope(part.geometry));
    // Shells of the parts, read when a part first meets an envelope-overlapping neighbour.
    std::vector<std::vector<std::vector<double>>> shells(parts.size());
    std::vector<bool> shellsRead(parts.size(), false);
    auto shellsOf = [&](std::size_t i) -> const std::vector<std::vector<double>>& {
        if (!shellsRead[i]) {
            shells[i] = geos.polygonRings(parts[i].geometry, true);
            shellsRead[i] = true;
        }
        return shells[i];
    };
    // Neighbours sharing a wall are told apart by the wall's line. Pairs that no edge
    // separates go to the union without a relate test first: most of them do overlap (building
    // parts inside outlines), and on the tiled sample a relate before the union cost more than
    // the unions it saved. The union of parts that only touch has the sum of their areas.
    auto linked = [&](std::size_t a, std::size_t b) {
        return !separatedByEdge(shellsOf(a), shellsOf(b), kSeparationToleranceM);
    };
    double total = 0;
    for (const std::vector<std::size_t>& cluster : overlapClusters(envelopes, linked)) {
        double sum = 0;
        for (std::size_t index : cluster)
            sum += parts[index].areaM2;
        if (cluster.size() == 1) {
            total += sum;
            continue;
        }
        std::vector<GeosGeometry> geometries;
        for (std::size_t index : cluster) {
            Part& part = parts[index];
            geometries.push_back(part.owned ? std::move(part.owned) : geos.clone(part.geometry));
            part.geometry = nullptr;
        }
        GeosGeometry merged = geos.unionAll(std::move(geometries));
        // The union cannot exceed the sum; if every GEOS attempt failed, the sum is the bound.
        total += merged ? std::min(geos.area(merged.get()), sum) : sum;
    }
    return total;
}

} // namespace greenrenew::core::detail
