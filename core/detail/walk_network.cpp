#include "core/detail/walk_network.h"

#include "core/envelope.h"

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/segment.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <thread>
#include <unordered_map>
#include <utility>

namespace greenrenew::core::detail {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using Segment = bg::model::segment<Point>;
using BoxEntry = std::pair<Box, std::size_t>;
using NodeEntry = std::pair<Point, std::size_t>;
using SegmentEntry = std::pair<Segment, std::size_t>;
using BoxTree = bgi::rtree<BoxEntry, bgi::rstar<16>>;
using NodeTree = bgi::rtree<NodeEntry, bgi::rstar<16>>;
using SegmentTree = bgi::rtree<SegmentEntry, bgi::rstar<16>>;

struct Arc {
    double costM = 0;
};
using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc>;

// Floating crossing points computed from either street differ in the last bits; this floor
// lets them meet even with a zero snap tolerance.
constexpr double kMinSnapM = 1e-6;
// Parameter slack for a crossing that falls exactly on a segment end.
constexpr double kParamEps = 1e-9;

/// One straight piece of a walkable street, before noding.
struct RawSegment {
    Point a;
    Point b;
    bool steps = false;
};

double cross(double ax, double ay, double bx, double by) { return ax * by - ay * bx; }

Box expandedBox(const Point& a, const Point& b, double marginM)
{
    return Box(Point(std::min(a.x(), b.x()) - marginM, std::min(a.y(), b.y()) - marginM),
               Point(std::max(a.x(), b.x()) + marginM, std::max(a.y(), b.y()) + marginM));
}

/// Parameter (0..1) of the point of segment ab nearest to p.
double projectParam(const Point& a, const Point& b, const Point& p)
{
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double lengthSq = dx * dx + dy * dy;
    if (lengthSq == 0)
        return 0;
    double t = ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / lengthSq;
    return std::clamp(t, 0.0, 1.0);
}

Point pointAt(const Point& a, const Point& b, double t)
{
    return Point(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
}

/// Walk costs of a straight way from a to b, both directions, and the length the DEM could not
/// cost. The way is cut into pieces no longer than the DEM's cell, so a street crossing a
/// ridge climbs and descends rather than taking the mean slope of its ends.
struct DirectedCost {
    double forwardM = 0;
    double backwardM = 0;
    double unelevatedM = 0;
};

DirectedCost slopeCosts(const Point& a, const Point& b, double lengthM,
                        const WalkNetworkOptions& options)
{
    const ElevationGrid& grid = *options.elevation;
    const auto pieces =
        static_cast<std::size_t>(std::max(1.0, std::ceil(lengthM / grid.resolutionM())));
    const double pieceM = lengthM / static_cast<double>(pieces);
    DirectedCost cost;
    std::optional<double> lower = grid.heightAt(a.x(), a.y());
    for (std::size_t i = 1; i <= pieces; ++i) {
        Point p = pointAt(a, b, static_cast<double>(i) / static_cast<double>(pieces));
        std::optional<double> upper = grid.heightAt(p.x(), p.y());
        if (lower && upper && pieceM > 0) {
            const double slope = (*upper - *lower) / pieceM;
            cost.forwardM += pieceM * toblerFactor(slope, options);
            cost.backwardM += pieceM * toblerFactor(-slope, options);
        } else {
            cost.forwardM += pieceM;
            cost.backwardM += pieceM;
            cost.unelevatedM += pieceM;
        }
        lower = upper;
    }
    return cost;
}

/// Collects the straight pieces of every walkable street and remembers which pieces start or
/// end a line, since only line ends are snapped onto other streets.
struct SegmentSoup {
    std::vector<RawSegment> segments;
    std::vector<std::pair<Point, std::size_t>> lineEnds;  // end point, the piece it belongs to
};

SegmentSoup collectSegments(const std::vector<Street>& streets)
{
    SegmentSoup soup;
    for (const Street& street : streets) {
        if (!street.walkable)
            continue;
        bool steps = street.highway == "steps";
        for (const LineString& line : street.geometry) {
            std::size_t first = soup.segments.size();
            for (std::size_t i = 1; i < line.size(); ++i) {
                if (bg::equals(line[i - 1], line[i]))
                    continue;
                soup.segments.push_back({line[i - 1], line[i], steps});
            }
            if (soup.segments.size() == first)
                continue;
            soup.lineEnds.emplace_back(soup.segments[first].a, first);
            soup.lineEnds.emplace_back(soup.segments.back().b, soup.segments.size() - 1);
        }
    }
    return soup;
}

/// Cut parameters (0..1) of every segment, sorted and distinct, in compressed rows: segment i's
/// are t[start[i], start[i + 1]). One flat array, since a vector per segment costs more in
/// allocation than the cutting itself on a city's worth of segments.
struct SegmentCuts {
    std::vector<std::size_t> start;
    std::vector<double> t;
};

/// Adds the parameters where segments cross or touch each other, and where a line end lies
/// within the tolerance of another segment, to each segment's cut list.
SegmentCuts findCuts(const SegmentSoup& soup, double toleranceM)
{
    const std::vector<RawSegment>& segs = soup.segments;
    std::vector<BoxEntry> boxes;
    boxes.reserve(segs.size());
    for (std::size_t i = 0; i < segs.size(); ++i)
        boxes.emplace_back(expandedBox(segs[i].a, segs[i].b, 0), i);
    BoxTree tree(boxes.begin(), boxes.end());

    using Cut = std::pair<std::size_t, double>;  // segment, parameter
    auto crossings = [&](std::size_t begin, std::size_t end, std::vector<Cut>& extra) {
        std::vector<BoxEntry> hits;
        for (std::size_t i = begin; i < end; ++i) {
            const RawSegment& s = segs[i];
            hits.clear();
            tree.query(bgi::intersects(boxes[i].first), std::back_inserter(hits));
            double rx = s.b.x() - s.a.x();
            double ry = s.b.y() - s.a.y();
            for (const BoxEntry& hit : hits) {
                std::size_t j = hit.second;
                if (j <= i)
                    continue;
                const RawSegment& o = segs[j];
                double sx = o.b.x() - o.a.x();
                double sy = o.b.y() - o.a.y();
                double denom = cross(rx, ry, sx, sy);
                // Parallel pieces meet only at shared ends, which the snapping of nodes joins.
                if (denom == 0)
                    continue;
                double qx = o.a.x() - s.a.x();
                double qy = o.a.y() - s.a.y();
                double t = cross(qx, qy, sx, sy) / denom;
                double u = cross(qx, qy, rx, ry) / denom;
                if (t < -kParamEps || t > 1 + kParamEps || u < -kParamEps || u > 1 + kParamEps)
                    continue;
                extra.emplace_back(i, std::clamp(t, 0.0, 1.0));
                extra.emplace_back(j, std::clamp(u, 0.0, 1.0));
            }
        }
    };
    auto endsNear = [&](std::size_t begin, std::size_t end, std::vector<Cut>& extra) {
        std::vector<BoxEntry> hits;
        for (std::size_t k = begin; k < end; ++k) {
            const auto& [point, own] = soup.lineEnds[k];
            hits.clear();
            tree.query(bgi::intersects(expandedBox(point, point, toleranceM)),
                       std::back_inserter(hits));
            for (const BoxEntry& hit : hits) {
                std::size_t j = hit.second;
                if (j == own)
                    continue;
                double u = projectParam(segs[j].a, segs[j].b, point);
                if (bg::distance(point, pointAt(segs[j].a, segs[j].b, u)) <= toleranceM)
                    extra.emplace_back(j, u);
            }
        }
    };
    // Two halves side by side: the cuts are sorted per segment below, so their order is free.
    std::vector<Cut> extra;
    std::vector<Cut> otherExtra;
    std::size_t half = segs.size() / 2;
    std::size_t endsHalf = soup.lineEnds.size() / 2;
    std::thread other([&] {
        crossings(half, segs.size(), otherExtra);
        endsNear(endsHalf, soup.lineEnds.size(), otherExtra);
    });
    crossings(0, half, extra);
    endsNear(0, endsHalf, extra);
    other.join();
    extra.insert(extra.end(), otherExtra.begin(), otherExtra.end());

    SegmentCuts cuts;
    cuts.start.assign(segs.size() + 1, 0);
    for (const auto& [segment, t] : extra)
        ++cuts.start[segment + 1];
    for (std::size_t i = 0; i < segs.size(); ++i)
        cuts.start[i + 1] += cuts.start[i] + 2;  // both ends of every segment
    std::vector<double> all(cuts.start.back());
    std::vector<std::size_t> fill(cuts.start.begin(), cuts.start.end() - 1);
    for (std::size_t i = 0; i < segs.size(); ++i) {
        all[fill[i]++] = 0.0;
        all[fill[i]++] = 1.0;
    }
    for (const auto& [segment, t] : extra)
        all[fill[segment]++] = t;
    // Sorted and made distinct per segment, compacted in place.
    cuts.t.reserve(all.size());
    std::size_t begin = 0;
    for (std::size_t i = 0; i < segs.size(); ++i) {
        std::size_t end = cuts.start[i + 1];
        std::sort(all.begin() + static_cast<std::ptrdiff_t>(begin),
                  all.begin() + static_cast<std::ptrdiff_t>(end));
        cuts.start[i] = cuts.t.size();
        for (std::size_t k = begin; k < end; ++k)
            if (k == begin || all[k] != all[k - 1])
                cuts.t.push_back(all[k]);
        begin = end;
    }
    cuts.start[segs.size()] = cuts.t.size();
    return cuts;
}

/// Union-find over node ids, for the connected pieces.
class DisjointSets {
public:
    explicit DisjointSets(std::size_t count) : m_parent(count)
    {
        std::iota(m_parent.begin(), m_parent.end(), std::size_t{0});
    }
    std::size_t find(std::size_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }
    void unite(std::size_t a, std::size_t b) { m_parent[find(a)] = find(b); }

private:
    std::vector<std::size_t> m_parent;
};

/// Nodes hashed by grid cell of the snap tolerance's size, so the node within the tolerance of
/// a point is found among the 3 x 3 cells round it. Far cheaper than an R-tree that grows one
/// insertion at a time.
class SnapGrid {
public:
    SnapGrid(std::vector<Point>& nodes, double toleranceM)
        : m_nodes(nodes), m_toleranceM(toleranceM) {}

    /// The nearest node within the tolerance of `p`, or a new node at `p`.
    std::size_t nodeAt(const Point& p)
    {
        std::int64_t cx = cell(p.x());
        std::int64_t cy = cell(p.y());
        std::size_t best = kNone;
        double bestM = m_toleranceM;
        for (std::int64_t dx = -1; dx <= 1; ++dx) {
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                auto it = m_firstInCell.find(key(cx + dx, cy + dy));
                if (it == m_firstInCell.end())
                    continue;
                for (std::size_t n = it->second; n != kNone; n = m_nextInCell[n]) {
                    double d = bg::distance(m_nodes[n], p);
                    if (d <= bestM) {
                        best = n;
                        bestM = d;
                    }
                }
            }
        }
        if (best != kNone)
            return best;
        std::size_t id = m_nodes.size();
        m_nodes.push_back(p);
        auto [it, inserted] = m_firstInCell.try_emplace(key(cx, cy), id);
        m_nextInCell.push_back(inserted ? kNone : it->second);
        it->second = id;
        return id;
    }

private:
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

    std::int64_t cell(double v) const
    {
        return static_cast<std::int64_t>(std::floor(v / m_toleranceM));
    }
    static std::uint64_t key(std::int64_t x, std::int64_t y)
    {
        return static_cast<std::uint64_t>(x) * 0x9E3779B97F4A7C15ull
               ^ static_cast<std::uint64_t>(y);
    }

    std::vector<Point>& m_nodes;
    double m_toleranceM;
    std::unordered_map<std::uint64_t, std::size_t> m_firstInCell;
    std::vector<std::size_t> m_nextInCell;
};

/// Whether `p` lies in `area` or at most `toleranceM` from its boundary: what
/// distance(p, area) <= toleranceM says, stopping at the first boundary piece close enough.
bool isNear(const Point& p, const MultiPolygon& area, double toleranceM)
{
    const double toleranceSq = toleranceM * toleranceM;
    auto ringNear = [&](const Ring& ring) {
        for (std::size_t i = 1; i < ring.size(); ++i) {
            const Point& a = ring[i - 1];
            const Point& b = ring[i];
            Point q = pointAt(a, b, projectParam(a, b, p));
            double dx = q.x() - p.x();
            double dy = q.y() - p.y();
            if (dx * dx + dy * dy <= toleranceSq)
                return true;
        }
        return false;
    };
    for (const Polygon& polygon : area) {
        if (ringNear(polygon.outer()))
            return true;
        for (const Ring& ring : polygon.inners())
            if (ringNear(ring))
                return true;
    }
    return bg::covered_by(p, area);
}

/// Stops the Dijkstra search at the bound and polls the cancel flag now and then.
struct SearchBoundReached {};

class BoundedVisitor : public boost::default_dijkstra_visitor {
public:
    BoundedVisitor(const double* costs, double boundM, const std::atomic<bool>* cancel,
                   std::size_t* examined)
        : m_costs(costs), m_boundM(boundM), m_cancel(cancel), m_examined(examined) {}

    template <typename Vertex, typename G>
    void examine_vertex(Vertex u, const G&) const
    {
        if (m_costs[u] > m_boundM)
            throw SearchBoundReached{};
        // Polling an atomic on every node would cost more than the relaxations themselves.
        if (m_cancel && (++*m_examined & 4095u) == 0 && m_cancel->load(std::memory_order_relaxed))
            throw WalkSearchCancelled{};
    }

private:
    const double* m_costs;
    double m_boundM;
    const std::atomic<bool>* m_cancel;
    std::size_t* m_examined;
};

} // namespace

Box envelopeOf(const MultiPolygon& area)
{
    const double infinity = std::numeric_limits<double>::infinity();
    return outerEnvelope(area).value_or(
        Box(Point(infinity, infinity), Point(-infinity, -infinity)));
}

namespace {

constexpr std::size_t kNotJunction = std::numeric_limits<std::size_t>::max();

/// Nodes of two edges each between two junctions (or a junction and itself).
struct Chain {
    std::size_t from = 0;  // junction numbers
    std::size_t to = 0;
    double costM = 0;      // walking from `from` to `to`
    double backCostM = 0;  // walking from `to` to `from`
    std::size_t first = 0;  // inner nodes are chainNodes[first, first + count)
    std::size_t count = 0;
};

/// A seed on an inner node of a chain: its slot in chainNodes and its cost.
struct InnerSeed {
    std::size_t chain = 0;
    std::size_t slot = 0;
    double costM = 0;
};

} // namespace

struct WalkNetwork::Impl {
    std::vector<Point> nodes;
    std::vector<WalkEdge> edges;
    std::vector<std::size_t> componentOf;
    std::vector<std::size_t> componentSizes;
    double totalLengthM = 0;
    double unelevatedLengthM = 0;
    NodeTree nodeTree;
    SegmentTree edgeTree;

    // The searches run on the junctions only: a run of nodes with two edges each (the bends
    // of one street, about two thirds of OpenStreetMap's nodes) is one chain between two
    // junctions, and its nodes' costs follow from the junctions' costs and their offsets
    // along the chain, exactly.
    Graph graph;  // junctions, one arc each way per chain
    std::vector<std::size_t> junctionOf;  // per node: its junction number, or kNotJunction
    std::vector<std::size_t> junctionNode;  // per junction: its node
    std::vector<Chain> chains;
    std::vector<std::size_t> chainNodes;   // inner nodes of each chain, in order
    std::vector<double> chainOffsetM;      // walk cost from the chain's start to each inner node
    std::vector<double> chainBackOffsetM;  // walk cost from each inner node back to the start
    std::vector<std::size_t> chainOfNode;  // per inner node: its chain
    std::vector<std::size_t> slotOfNode;   // per inner node: its index into chainNodes

    void buildEdges(const SegmentSoup& soup, const SegmentCuts& cuts,
                    const WalkNetworkOptions& options);
    void buildIndexes();
    void buildComponents();
    void buildChains();
    void buildGraph();
};

void WalkNetwork::Impl::buildEdges(const SegmentSoup& soup,
                                   const SegmentCuts& cuts,
                                   const WalkNetworkOptions& options)
{
    SnapGrid grid(nodes, std::max(options.snapToleranceM, kMinSnapM));
    std::size_t lastNode = 0;
    for (std::size_t i = 0; i < soup.segments.size(); ++i) {
        const RawSegment& s = soup.segments[i];
        // A piece continuing the previous one starts at the node that one ended on.
        bool continues = i > 0 && bg::equals(soup.segments[i - 1].b, s.a);
        std::size_t previous = continues ? lastNode : grid.nodeAt(s.a);
        for (std::size_t k = cuts.start[i] + 1; k < cuts.start[i + 1]; ++k) {
            std::size_t next = grid.nodeAt(pointAt(s.a, s.b, cuts.t[k]));
            if (next == previous)
                continue;
            double lengthM = bg::distance(nodes[previous], nodes[next]);
            DirectedCost cost{lengthM, lengthM, 0.0};
            // Weidmann's stair speeds are horizontal speeds on flights, the climb included:
            // the slope of the ground under steps is not counted again.
            if (s.steps)
                cost = {lengthM * options.stepsFactor, lengthM * options.stepsFactor, 0.0};
            else if (options.elevation)
                cost = slopeCosts(nodes[previous], nodes[next], lengthM, options);
            edges.push_back({previous, next, lengthM, cost.forwardM, cost.backwardM});
            totalLengthM += lengthM;
            unelevatedLengthM += cost.unelevatedM;
            previous = next;
        }
        lastNode = previous;
    }
}

void WalkNetwork::Impl::buildIndexes()
{
    std::vector<NodeEntry> nodeEntries;
    nodeEntries.reserve(nodes.size());
    for (std::size_t n = 0; n < nodes.size(); ++n)
        nodeEntries.emplace_back(nodes[n], n);
    nodeTree = NodeTree(nodeEntries.begin(), nodeEntries.end());

    std::vector<SegmentEntry> entries;
    entries.reserve(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e)
        entries.emplace_back(Segment(nodes[edges[e].from], nodes[edges[e].to]), e);
    edgeTree = SegmentTree(entries.begin(), entries.end());
}

void WalkNetwork::Impl::buildComponents()
{
    DisjointSets sets(nodes.size());
    for (const WalkEdge& edge : edges)
        sets.unite(edge.from, edge.to);

    std::vector<std::size_t> rootSize(nodes.size(), 0);
    for (std::size_t n = 0; n < nodes.size(); ++n)
        ++rootSize[sets.find(n)];
    std::vector<std::size_t> roots;
    for (std::size_t n = 0; n < nodes.size(); ++n)
        if (rootSize[n] > 0)
            roots.push_back(n);
    // Largest first, ties by root id so the numbering does not depend on the sort.
    std::sort(roots.begin(), roots.end(), [&](std::size_t a, std::size_t b) {
        return rootSize[a] != rootSize[b] ? rootSize[a] > rootSize[b] : a < b;
    });

    std::vector<std::size_t> number(nodes.size(), 0);
    for (std::size_t k = 0; k < roots.size(); ++k) {
        number[roots[k]] = k;
        componentSizes.push_back(rootSize[roots[k]]);
    }
    componentOf.resize(nodes.size());
    for (std::size_t n = 0; n < nodes.size(); ++n)
        componentOf[n] = number[sets.find(n)];
}

void WalkNetwork::Impl::buildChains()
{
    // Incident edges per node, in compressed rows.
    std::vector<std::size_t> start(nodes.size() + 1, 0);
    for (const WalkEdge& edge : edges) {
        ++start[edge.from + 1];
        ++start[edge.to + 1];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::size_t> incident(start.back());
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t e = 0; e < edges.size(); ++e) {
        incident[fill[edges[e].from]++] = e;
        incident[fill[edges[e].to]++] = e;
    }

    junctionOf.assign(nodes.size(), kNotJunction);
    auto makeJunction = [&](std::size_t node) {
        junctionOf[node] = junctionNode.size();
        junctionNode.push_back(node);
    };
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        bool twoEdges = start[n + 1] - start[n] == 2;
        // A node whose two edge ends are one loop edge is a junction of that loop.
        if (!twoEdges || incident[start[n]] == incident[start[n] + 1])
            makeJunction(n);
    }

    chainOfNode.assign(nodes.size(), kNotJunction);
    slotOfNode.assign(nodes.size(), kNotJunction);
    std::vector<bool> walked(edges.size(), false);
    auto walkFrom = [&](std::size_t junction, std::size_t firstEdge) {
        Chain chain;
        chain.from = junctionOf[junction];
        chain.first = chainNodes.size();
        std::size_t node = junction;
        std::size_t edge = firstEdge;
        for (;;) {
            walked[edge] = true;
            const bool along = edges[edge].from == node;
            chain.costM += along ? edges[edge].costM : edges[edge].backCostM;
            chain.backCostM += along ? edges[edge].backCostM : edges[edge].costM;
            node = along ? edges[edge].to : edges[edge].from;
            if (junctionOf[node] != kNotJunction)
                break;
            chainOfNode[node] = chains.size();
            slotOfNode[node] = chainNodes.size();
            chainNodes.push_back(node);
            chainOffsetM.push_back(chain.costM);
            chainBackOffsetM.push_back(chain.backCostM);
            std::size_t a = incident[start[node]];
            edge = a == edge ? incident[start[node] + 1] : a;
        }
        chain.to = junctionOf[node];
        chain.count = chainNodes.size() - chain.first;
        chains.push_back(chain);
    };
    for (std::size_t j = 0; j < junctionNode.size(); ++j) {
        std::size_t node = junctionNode[j];
        for (std::size_t k = start[node]; k < start[node + 1]; ++k)
            if (!walked[incident[k]])
                walkFrom(node, incident[k]);
    }
    // What is left are rings of two-edge nodes with no junction: one node of each stands in.
    for (std::size_t e = 0; e < edges.size(); ++e) {
        if (walked[e])
            continue;
        std::size_t node = edges[e].from;
        makeJunction(node);
        walkFrom(node, e);
    }
}

void WalkNetwork::Impl::buildGraph()
{
    std::vector<std::pair<std::size_t, std::size_t>> arcs;
    std::vector<Arc> properties;
    arcs.reserve(chains.size() * 2);
    properties.reserve(chains.size() * 2);
    // The searches run from the facilities outwards, so an arc from a to b carries the walk
    // from b to a.
    for (const Chain& chain : chains) {
        arcs.emplace_back(chain.from, chain.to);
        arcs.emplace_back(chain.to, chain.from);
        properties.push_back({chain.backCostM});
        properties.push_back({chain.costM});
    }
    graph = Graph(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(),
                  properties.begin(), junctionNode.size());
}

WalkNetwork::WalkNetwork(const std::vector<Street>& streets, const WalkNetworkOptions& options)
    : m_impl(std::make_unique<Impl>())
{
    SegmentSoup soup = collectSegments(streets);
    SegmentCuts cuts = findCuts(soup, std::max(options.snapToleranceM, kMinSnapM));
    m_impl->buildEdges(soup, cuts, options);
    // The spatial indexes and the search graph read the nodes and edges only: built side by
    // side.
    std::thread indexes([this] { m_impl->buildIndexes(); });
    m_impl->buildComponents();
    m_impl->buildChains();
    m_impl->buildGraph();
    indexes.join();
}

WalkNetwork::~WalkNetwork() = default;
WalkNetwork::WalkNetwork(WalkNetwork&&) noexcept = default;
WalkNetwork& WalkNetwork::operator=(WalkNetwork&&) noexcept = default;

const std::vector<Point>& WalkNetwork::nodes() const { return m_impl->nodes; }
const std::vector<WalkEdge>& WalkNetwork::edges() const { return m_impl->edges; }
const std::vector<std::size_t>& WalkNetwork::componentOf() const { return m_impl->componentOf; }
const std::vector<std::size_t>& WalkNetwork::componentSizes() const
{
    return m_impl->componentSizes;
}
double WalkNetwork::totalLengthM() const { return m_impl->totalLengthM; }
double WalkNetwork::unelevatedLengthM() const { return m_impl->unelevatedLengthM; }

double toblerFactor(double slope, const WalkNetworkOptions& options)
{
    const double k = options.toblerSlopeFactor;
    const double c = options.toblerSlopeOffset;
    return std::exp(k * (std::abs(slope + c) - std::abs(c)));
}

std::optional<EdgeProjection> WalkNetwork::nearestEdge(const Point& point) const
{
    auto it = m_impl->edgeTree.qbegin(bgi::nearest(point, 1));
    if (it == m_impl->edgeTree.qend())
        return std::nullopt;
    const WalkEdge& edge = m_impl->edges[it->second];
    const Point& a = m_impl->nodes[edge.from];
    const Point& b = m_impl->nodes[edge.to];
    double t = projectParam(a, b, point);
    EdgeProjection projection;
    projection.edge = it->second;
    projection.point = pointAt(a, b, t);
    projection.alongM = t * edge.lengthM;
    projection.distanceM = bg::distance(point, projection.point);
    return projection;
}

std::vector<std::size_t> WalkNetwork::nodesNear(const MultiPolygon& area, double toleranceM) const
{
    if (bg::is_empty(area))
        return {};
    Box envelope = envelopeOf(area);
    Box search(Point(envelope.min_corner().x() - toleranceM,
                     envelope.min_corner().y() - toleranceM),
               Point(envelope.max_corner().x() + toleranceM,
                     envelope.max_corner().y() + toleranceM));
    std::vector<NodeEntry> hits;
    m_impl->nodeTree.query(bgi::intersects(search), std::back_inserter(hits));
    std::vector<std::size_t> near;
    for (const NodeEntry& hit : hits)
        if (isNear(hit.first, area, toleranceM))
            near.push_back(hit.second);
    std::sort(near.begin(), near.end());
    return near;
}

std::optional<NodeGap> WalkNetwork::nearestNode(const MultiPolygon& area) const
{
    if (bg::is_empty(area))
        return std::nullopt;
    Box envelope = envelopeOf(area);
    std::optional<NodeGap> best;
    // The distance to the envelope is a lower bound of the distance to the area: once the k-th
    // node nearest the envelope lies beyond the best gap, no further node can beat it.
    std::vector<NodeEntry> hits;
    for (std::size_t k = 8;; k *= 4) {
        hits.clear();
        m_impl->nodeTree.query(bgi::nearest(envelope, static_cast<unsigned>(k)),
                               std::back_inserter(hits));
        double farthestM = 0;
        for (const NodeEntry& hit : hits) {
            double gapM = bg::distance(hit.first, area);
            if (!best || gapM < best->gapM)
                best = NodeGap{hit.second, gapM};
            farthestM = std::max(farthestM, bg::distance(hit.first, envelope));
        }
        if (hits.size() < k || (best && (best->gapM == 0 || farthestM > best->gapM)))
            break;
    }
    return best;
}

void WalkNetwork::shortestCosts(const std::vector<WalkSeed>& seeds, double boundM,
                                const std::atomic<bool>* cancel, std::vector<double>& costs) const
{
    const double infinity = std::numeric_limits<double>::infinity();
    const Impl& impl = *m_impl;
    std::size_t count = impl.nodes.size();
    std::size_t junctions = impl.junctionNode.size();
    costs.assign(count, infinity);

    // A seed inside a chain is reached from both of its junctions along the chain, and from the
    // chain's other inner nodes directly; those are settled after the search.
    std::vector<double> junctionCosts(junctions, infinity);
    std::vector<InnerSeed> innerSeeds;
    auto offer = [&](std::size_t junction, double costM) {
        junctionCosts[junction] = std::min(junctionCosts[junction], costM);
    };
    for (const WalkSeed& seed : seeds) {
        if (seed.node >= count)
            continue;
        if (impl.junctionOf[seed.node] != kNotJunction) {
            offer(impl.junctionOf[seed.node], seed.costM);
            continue;
        }
        std::size_t c = impl.chainOfNode[seed.node];
        const Chain& chain = impl.chains[c];
        std::size_t slot = impl.slotOfNode[seed.node];
        offer(chain.from, seed.costM + impl.chainOffsetM[slot]);
        offer(chain.to, seed.costM + (chain.backCostM - impl.chainBackOffsetM[slot]));
        innerSeeds.push_back({c, slot, seed.costM});
    }
    // The heap holds each vertex at most once, so each source is listed once.
    std::vector<std::size_t> sources;
    for (std::size_t j = 0; j < junctions; ++j)
        if (junctionCosts[j] < infinity)
            sources.push_back(j);

    if (!sources.empty()) {
        const Graph& graph = impl.graph;
        auto index = boost::get(boost::vertex_index, graph);
        std::vector<boost::default_color_type> colors(junctions, boost::white_color);
        std::size_t examined = 0;
        BoundedVisitor visitor(junctionCosts.data(), boundM, cancel, &examined);
        try {
            boost::dijkstra_shortest_paths_no_init(graph, sources.begin(), sources.end(),
                boost::dummy_property_map(),
                boost::make_iterator_property_map(junctionCosts.begin(), index),
                boost::get(&Arc::costM, graph), index, std::less<double>(),
                boost::closed_plus<double>(infinity), 0.0, visitor,
                boost::make_iterator_property_map(colors.begin(), index));
        } catch (const SearchBoundReached&) {
            // Every junction left in the queue costs more than the bound; callers ignore
            // those, and inner nodes reached through them cost more still.
        }
    }

    for (std::size_t j = 0; j < junctions; ++j)
        costs[impl.junctionNode[j]] = junctionCosts[j];
    // An inner node walks back to the chain's start or on to its end, whichever is cheaper.
    for (const Chain& chain : impl.chains) {
        double fromM = junctionCosts[chain.from];
        double toM = junctionCosts[chain.to] + chain.costM;
        if (fromM == infinity && toM == infinity)
            continue;
        for (std::size_t k = chain.first; k < chain.first + chain.count; ++k)
            costs[impl.chainNodes[k]] =
                std::min(fromM + impl.chainBackOffsetM[k], toM - impl.chainOffsetM[k]);
    }
    // To a seed inside a chain, the chain's inner nodes walk along it: forwards from before the
    // seed, backwards from after it.
    for (const InnerSeed& seed : innerSeeds) {
        const Chain& chain = impl.chains[seed.chain];
        for (std::size_t k = chain.first; k < chain.first + chain.count; ++k) {
            double walkM = k <= seed.slot
                ? impl.chainOffsetM[seed.slot] - impl.chainOffsetM[k]
                : impl.chainBackOffsetM[k] - impl.chainBackOffsetM[seed.slot];
            double& nodeCost = costs[impl.chainNodes[k]];
            nodeCost = std::min(nodeCost, seed.costM + walkM);
        }
    }
}

} // namespace greenrenew::core::detail
