#include "core/detail/carbon_district_index.h"

#include "core/detail/carbon_inputs.h"

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <numeric>

namespace greenrenew::core::detail {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

// Green-space kinds that are public parks (the import's taxonomy of the green layer).
constexpr std::initializer_list<const char*> kParkKinds = {"park", "garden",
                                                          "recreation_ground"};

class Extent {
public:
    void add(const Point& point)
    {
        m_finite = m_finite && std::isfinite(point.x()) && std::isfinite(point.y());
        m_minX = std::min(m_minX, point.x());
        m_minY = std::min(m_minY, point.y());
        m_maxX = std::max(m_maxX, point.x());
        m_maxY = std::max(m_maxY, point.y());
    }
    std::optional<Box> box() const
    {
        if (!m_finite || m_minX > m_maxX)
            return std::nullopt;
        return Box(Point(m_minX, m_minY), Point(m_maxX, m_maxY));
    }

private:
    bool m_finite = true;
    double m_minX = std::numeric_limits<double>::infinity();
    double m_minY = m_minX;
    double m_maxX = -m_minX;
    double m_maxY = -m_minX;
};

std::optional<Box> lineEnvelope(const LineString& line)
{
    Extent extent;
    for (const Point& point : line)
        extent.add(point);
    return extent.box();
}

Box grown(const Box& box, double byM)
{
    return Box(Point(box.min_corner().x() - byM, box.min_corner().y() - byM),
               Point(box.max_corner().x() + byM, box.max_corner().y() + byM));
}

} // namespace

std::optional<Box> vertexEnvelope(const MultiPolygon& area)
{
    Extent extent;
    for (const Polygon& polygon : area) {
        for (const Point& point : polygon.outer())
            extent.add(point);
        for (const Ring& ring : polygon.inners())
            for (const Point& point : ring)
                extent.add(point);
    }
    return extent.box();
}

double boxGapM(const Box& a, const Box& b)
{
    const double dx = std::max({0.0, a.min_corner().x() - b.max_corner().x(),
                                b.min_corner().x() - a.max_corner().x()});
    const double dy = std::max({0.0, a.min_corner().y() - b.max_corner().y(),
                                b.min_corner().y() - a.max_corner().y()});
    return std::hypot(dx, dy);
}

bool isParkKind(const std::string& kind)
{
    return std::any_of(kParkKinds.begin(), kParkKinds.end(),
                       [&](const char* park) { return kind == park; });
}

EnvelopeIndex::EnvelopeIndex(const std::vector<std::optional<Box>>& boxes)
    : m_size(boxes.size())
{
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (!boxes[i]) {
            m_unbounded.push_back(i);
            continue;
        }
        entries.emplace_back(*boxes[i], i);
        if (!m_bounds) {
            m_bounds = *boxes[i];
            continue;
        }
        const Box& box = *boxes[i];
        m_bounds = Box(Point(std::min(m_bounds->min_corner().x(), box.min_corner().x()),
                             std::min(m_bounds->min_corner().y(), box.min_corner().y())),
                       Point(std::max(m_bounds->max_corner().x(), box.max_corner().x()),
                             std::max(m_bounds->max_corner().y(), box.max_corner().y())));
    }
    m_tree = decltype(m_tree)(entries.begin(), entries.end());
}

std::vector<std::size_t> EnvelopeIndex::within(const Box& box, double gapM) const
{
    std::vector<Entry> found;
    m_tree.query(bgi::intersects(grown(box, gapM)), std::back_inserter(found));
    std::vector<std::size_t> items = m_unbounded;
    for (const Entry& entry : found)
        items.push_back(entry.second);
    std::sort(items.begin(), items.end());
    return items;
}

bool EnvelopeIndex::holdsAllWithin(const Box& box, double gapM) const
{
    return !m_bounds || bg::covered_by(*m_bounds, grown(box, gapM));
}

std::vector<std::size_t> EnvelopeIndex::all() const
{
    std::vector<std::size_t> items(m_size);
    std::iota(items.begin(), items.end(), std::size_t{0});
    return items;
}

CarbonDistrictIndex::CarbonDistrictIndex(const Project& project,
                                         const std::vector<std::size_t>& cycleways)
    : m_greenCount(project.green.size())
    , m_streetCount(project.streets.size())
    , m_cyclewayCount(cycleways.size())
{
    std::vector<std::optional<Box>> greenBoxes;
    for (std::size_t i = 0; i < project.green.size(); ++i) {
        const GreenSpace& green = project.green[i];
        greenBoxes.push_back(vertexEnvelope(green.geometry));
        if (!isParkKind(green.kind))
            continue;
        m_parkGreen.push_back(i);
        m_parkAreaM2.push_back(std::abs(bg::area(green.geometry)));
        m_parkBoxes.push_back(greenBoxes.back());
    }
    m_green = EnvelopeIndex(greenBoxes);
    m_parks = EnvelopeIndex(m_parkBoxes);

    std::vector<std::optional<Box>> lineBoxes;
    for (std::size_t street : cycleways) {
        const MultiLineString& lines = project.streets.at(street).geometry;
        for (std::size_t line = 0; line < lines.size(); ++line) {
            if (lines[line].size() < 2)
                continue;
            m_cyclewayLines.push_back({street, line});
            lineBoxes.push_back(lineEnvelope(lines[line]));
        }
    }
    m_cycleways = EnvelopeIndex(lineBoxes);

    // GB 50180's tiers count the parks of at least a minimum size, which a project may set
    // per renewal type: each minimum named is summed now, once for the district.
    for (RenewalType type : kAllRenewalTypes) {
        const CarbonParameters parameters(project.config.parameters, type);
        for (const LifeCircle& circle : project.config.lifeCircles) {
            const std::string key = "carbon.park_system.tier_park_min_m2." + circle.id;
            if (!parameters.contains(key))
                continue;
            const double minM2 = parameters.value(key);
            if (std::isfinite(minM2))
                m_parkAreaTotals.emplace(minM2, sumParkAreaAtLeastM2(minM2));
        }
    }
}

bool CarbonDistrictIndex::matches(const Project& project,
                                  const std::vector<std::size_t>& cycleways) const
{
    return project.green.size() == m_greenCount && project.streets.size() == m_streetCount
           && cycleways.size() == m_cyclewayCount;
}

double CarbonDistrictIndex::parkAreaAtLeastM2(double minM2) const
{
    auto total = m_parkAreaTotals.find(minM2);
    return total != m_parkAreaTotals.end() ? total->second : sumParkAreaAtLeastM2(minM2);
}

double CarbonDistrictIndex::sumParkAreaAtLeastM2(double minM2) const
{
    double total = 0;
    for (double area : m_parkAreaM2) {
        if (area >= minM2)
            total += area;
    }
    return total;
}

} // namespace greenrenew::core::detail
