#pragma once

// The pedestrian network of the walking stage: the walkable streets, noded where they share a
// vertex, where they cross and where an end lies within the snap tolerance of another street,
// held as a Boost.Graph whose edge weight is the walk cost in flat-equivalent metres (the
// length, times the steps factor on stairs, or times Tobler's slope factor where a DEM is
// given, which makes the cost differ by direction). Internal to core; walk_access.cpp, the
// walk rules and the incremental analysis are its users.

#include "core/elevation_grid.h"
#include "core/geometry.h"
#include "core/model.h"

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace greenrenew::core::detail {

struct WalkNetworkOptions {
    /// Street ends and vertices closer than this to a node, and ends this close to another
    /// street, are joined (metres). A floor of 1e-6 m always applies, so crossing points
    /// computed from both streets meet.
    double snapToleranceM = 0;
    /// Cost of one metre of highway=steps relative to one metre of flat way.
    double stepsFactor = 1;
    /// Ground heights; when set, a way's cost follows its slope by Tobler's hiking function,
    /// normalised to flat ground: factor(s) = exp(k (|s + c| - |c|)) for slope s = dh/dx
    /// uphill positive, k = toblerSlopeFactor, c = toblerSlopeOffset. Steps keep the steps
    /// factor alone. Must outlive the network's construction only.
    const ElevationGrid* elevation = nullptr;
    double toblerSlopeFactor = 0;
    double toblerSlopeOffset = 0;
};

/// Tobler's time factor against flat ground for a slope s (rise over run, uphill positive).
double toblerFactor(double slope, const WalkNetworkOptions& options);

struct WalkEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    double lengthM = 0;
    double costM = 0;      // walking from `from` to `to`: lengthM times the steps or slope factor
    double backCostM = 0;  // walking from `to` to `from`; equals costM without a DEM
};

/// A point's nearest place on the network: on edge `edge`, `alongM` metres from its `from` node.
struct EdgeProjection {
    std::size_t edge = 0;
    Point point;
    double alongM = 0;
    double distanceM = 0;
};

/// A start of a multi-source search: a node from which the target (a facility) is reached at
/// an initial cost.
struct WalkSeed {
    std::size_t node = 0;
    double costM = 0;
};

/// A node and the straight gap (metres) between it and the thing it serves.
struct NodeGap {
    std::size_t node = 0;
    double gapM = 0;
};

/// Bounding box of the outer rings (core::outerEnvelope); inverted (min above max) for an
/// empty area, so it meets nothing in an index.
Box envelopeOf(const MultiPolygon& area);

/// Thrown out of shortestCosts() when the cancel flag is raised mid-search.
struct WalkSearchCancelled {};

/// The noded walk network. Immutable after construction; const members are safe to call from
/// several threads at once.
class WalkNetwork {
public:
    /// Builds the network from the streets marked walkable; the others are left out.
    WalkNetwork(const std::vector<Street>& streets, const WalkNetworkOptions& options);
    ~WalkNetwork();
    WalkNetwork(WalkNetwork&&) noexcept;
    WalkNetwork& operator=(WalkNetwork&&) noexcept;
    WalkNetwork(const WalkNetwork&) = delete;
    WalkNetwork& operator=(const WalkNetwork&) = delete;

    const std::vector<Point>& nodes() const;
    const std::vector<WalkEdge>& edges() const;
    /// Connected piece of each node, numbered by decreasing size: 0 is the largest.
    const std::vector<std::size_t>& componentOf() const;
    /// Node count of each connected piece, largest first.
    const std::vector<std::size_t>& componentSizes() const;
    double totalLengthM() const;
    /// Length of the ways whose slope the DEM could not give (outside it or no data): costed
    /// as flat. 0 without a DEM.
    double unelevatedLengthM() const;

    /// The nearest point on the nearest edge; std::nullopt for an empty network.
    std::optional<EdgeProjection> nearestEdge(const Point& point) const;
    /// Nodes inside `area` or at most `toleranceM` from it.
    std::vector<std::size_t> nodesNear(const MultiPolygon& area, double toleranceM) const;
    /// The node nearest to `area` and its distance; std::nullopt for an empty network.
    std::optional<NodeGap> nearestNode(const MultiPolygon& area) const;

    /// Multi-source Dijkstra (Boost.Graph): the least cost of walking from every node to any
    /// seed (and on to its target), written into `costs` (resized to the node count). The
    /// search runs outwards from the seeds over the arcs reversed, so on a slope a node's cost
    /// is the walk towards the seed, not away from it. The search stops once the next node
    /// lies beyond `boundM`; nodes not settled by then hold a value above `boundM` or
    /// infinity, and callers treat anything above the bound as unreachable. Throws
    /// WalkSearchCancelled when `cancel` is raised during the search.
    void shortestCosts(const std::vector<WalkSeed>& seeds, double boundM,
                       const std::atomic<bool>* cancel, std::vector<double>& costs) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace greenrenew::core::detail
