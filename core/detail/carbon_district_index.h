#pragma once

// What the carbon stage looks up around each parcel (green spaces, parks, cycle ways), indexed
// once per district, and the district's park totals summed once: one parcel's assessment then
// reads only what lies near it, however large the city. Internal to the carbon stage.

#include "core/geometry.h"
#include "core/model.h"

#include <boost/geometry/index/rtree.hpp>

#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace greenrenew::core::detail {

/// Box of every vertex of every ring; nullopt when there is none or one is not finite.
std::optional<Box> vertexEnvelope(const MultiPolygon& area);

/// Distance between two boxes, 0 when they meet: no two shapes inside them lie nearer.
double boxGapM(const Box& a, const Box& b);

/// Room for rounding between a bound worked out from envelopes and a measured distance.
inline constexpr double kBoundRoom = 1e-9;

/// The envelopes of a layer's items, for "which items lie within d of this box".
class EnvelopeIndex {
public:
    EnvelopeIndex() = default;
    /// BOXES[i] is item i's envelope; an item without one (nullopt) is taken as meeting
    /// every box, so that a search never leaves it out.
    explicit EnvelopeIndex(const std::vector<std::optional<Box>>& boxes);

    /// The items whose envelope meets BOX grown by gapM on every side (edges included), in
    /// ascending order.
    std::vector<std::size_t> within(const Box& box, double gapM) const;
    /// True when within(box, gapM) holds every item.
    bool holdsAllWithin(const Box& box, double gapM) const;
    /// Every item, in ascending order.
    std::vector<std::size_t> all() const;

private:
    using Entry = std::pair<Box, std::size_t>;
    boost::geometry::index::rtree<Entry, boost::geometry::index::rstar<16>> m_tree;
    std::vector<std::size_t> m_unbounded;
    std::size_t m_size = 0;
    std::optional<Box> m_bounds;  // of every item with an envelope
};

/// A best item of an outward search and its score (a distance, or a distance divided by at
/// most a known largest divisor).
template <typename Item>
struct Scored {
    Item item;
    double score = 0;
};

/// The best of all items of INDEX measured by BESTOF (which takes ascending item positions and
/// returns the best Scored among them, or nullopt), measuring only those near BOX: the box is
/// grown from startM until the best score found is below the distance searched divided by
/// largestDivisor. An item outside the box grown by d lies more than d from anything inside
/// BOX, so its score exceeds d / largestDivisor, and the result equals BESTOF over all items.
/// Without a BOX, or with a divisor that is not positive, every item is measured.
template <typename Item, typename BestOf>
std::optional<Scored<Item>> bestOutward(const EnvelopeIndex& index, const std::optional<Box>& box,
                                        double startM, double largestDivisor, BestOf bestOf)
{
    const bool bounded = box && largestDivisor > 0 && std::isfinite(largestDivisor)
                         && startM > 0 && std::isfinite(startM);
    double searchM = startM;
    while (true) {
        const bool whole = !bounded || !std::isfinite(searchM)
                           || index.holdsAllWithin(*box, searchM);
        std::optional<Scored<Item>> best = bestOf(whole ? index.all()
                                                        : index.within(*box, searchM));
        if (whole || (best && best->score * largestDivisor * (1 + kBoundRoom) < searchM))
            return best;
        const double next = best ? best->score * largestDivisor * (1 + 2 * kBoundRoom)
                                : searchM * 4;
        searchM = next > searchM ? next : searchM * 4;
    }
}

/// A cycle way line: its street's position in Project::streets and the line within it.
struct CyclewayLine {
    std::size_t street = 0;
    std::size_t line = 0;
};

/// A project's green spaces, parks and cycle ways indexed for the carbon stage. Holds
/// positions, envelopes and areas, no geometry: valid while the project's green spaces and
/// streets stay as they were (matches() checks the counts).
class CarbonDistrictIndex {
public:
    /// CYCLEWAYS are the positions in project.streets of the cycle ways (CarbonDistrict).
    CarbonDistrictIndex(const Project& project, const std::vector<std::size_t>& cycleways);

    bool matches(const Project& project, const std::vector<std::size_t>& cycleways) const;

    /// Every green space, by its position in Project::green.
    const EnvelopeIndex& green() const { return m_green; }
    /// The public parks (park kinds), by their position in parkGreen().
    const EnvelopeIndex& parks() const { return m_parks; }
    /// The position in Project::green of each park, ascending.
    const std::vector<std::size_t>& parkGreen() const { return m_parkGreen; }
    /// The area of each park, m2 (absolute: the sign of a ring's orientation dropped).
    const std::vector<double>& parkAreaM2() const { return m_parkAreaM2; }
    /// The envelope of each park (vertexEnvelope()).
    const std::vector<std::optional<Box>>& parkBoxes() const { return m_parkBoxes; }
    /// The lines of the cycle ways with at least two points, by position in cyclewayLines().
    const EnvelopeIndex& cycleways() const { return m_cycleways; }
    const std::vector<CyclewayLine>& cyclewayLines() const { return m_cyclewayLines; }

    /// Total area of the parks of at least minM2, added up in project order.
    double parkAreaAtLeastM2(double minM2) const;

private:
    double sumParkAreaAtLeastM2(double minM2) const;

    std::size_t m_greenCount = 0;
    std::size_t m_streetCount = 0;
    std::size_t m_cyclewayCount = 0;
    EnvelopeIndex m_green;
    EnvelopeIndex m_parks;
    std::vector<std::size_t> m_parkGreen;
    std::vector<double> m_parkAreaM2;
    std::vector<std::optional<Box>> m_parkBoxes;
    EnvelopeIndex m_cycleways;
    std::vector<CyclewayLine> m_cyclewayLines;
    /// The totals for each tier's minimum park size the project's parameters name.
    std::map<double, double> m_parkAreaTotals;
};

/// Whether a green space's kind makes it a public park (the import's taxonomy of the green
/// layer: park, garden, recreation_ground).
bool isParkKind(const std::string& kind);

} // namespace greenrenew::core::detail
