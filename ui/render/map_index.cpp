#include "ui/render/map_index.h"

#include "core/envelope.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

namespace greenrenew::render {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using Entry = std::pair<core::Box, std::uint32_t>;
using Tree = bgi::rtree<Entry, bgi::rstar<16>>;

std::optional<core::Box> lineEnvelope(const core::Street& street)
{
    core::Box box;
    bg::assign_inverse(box);
    for (const core::LineString& line : street.geometry) {
        for (const core::Point& point : line)
            bg::expand(box, point);
    }
    if (box.min_corner().x() > box.max_corner().x())
        return std::nullopt;
    return box;
}

/// Entries for FEATURES with ENVELOPE(feature); features without a vertex are left out.
template <typename Features, typename Envelope>
Tree treeOf(const Features& features, Envelope envelope)
{
    std::vector<Entry> entries;
    entries.reserve(features.size());
    for (std::size_t i = 0; i < features.size(); ++i) {
        if (const std::optional<core::Box> box = envelope(features[i]))
            entries.emplace_back(*box, static_cast<std::uint32_t>(i));
    }
    return Tree(entries);  // bulk loading: packed, built in one pass
}

} // namespace

struct MapIndex::Trees {
    std::array<Tree, 5> layers;
    std::array<std::size_t, 5> sizes{};
};

MapIndex::MapIndex(const core::Project& project) : m_trees(std::make_unique<Trees>())
{
    auto& trees = m_trees->layers;
    trees[static_cast<int>(Layer::Parcels)] = treeOf(
        project.parcels, [](const core::Parcel& p) { return core::outerEnvelope(p.geometry); });
    trees[static_cast<int>(Layer::Buildings)] =
        treeOf(project.buildings,
               [](const core::Building& b) { return core::outerEnvelope(b.footprint); });
    trees[static_cast<int>(Layer::Green)] = treeOf(
        project.green, [](const core::GreenSpace& g) { return core::outerEnvelope(g.geometry); });
    trees[static_cast<int>(Layer::Streets)] = treeOf(project.streets, lineEnvelope);
    trees[static_cast<int>(Layer::Facilities)] =
        treeOf(project.facilities, [](const core::Facility& f) {
            return std::optional<core::Box>(core::Box(f.location, f.location));
        });
    m_trees->sizes = {project.parcels.size(), project.buildings.size(), project.green.size(),
                      project.streets.size(), project.facilities.size()};
}

MapIndex::~MapIndex() = default;

void MapIndex::reindexParcels(const core::Project& project)
{
    m_trees->layers[static_cast<int>(Layer::Parcels)] = treeOf(
        project.parcels, [](const core::Parcel& p) { return core::outerEnvelope(p.geometry); });
    m_trees->sizes[static_cast<int>(Layer::Parcels)] = project.parcels.size();
}

std::vector<std::uint32_t> MapIndex::query(Layer layer, const QRectF& world,
                                           double minSize) const
{
    const core::Box view(core::Point(world.left(), world.top()),
                         core::Point(world.right(), world.bottom()));
    const bool points = layer == Layer::Facilities;
    std::vector<std::uint32_t> found;
    const auto keep = [&](const Entry& entry) {
        const core::Box& box = entry.first;
        if (points || minSize <= 0
            || box.max_corner().x() - box.min_corner().x() >= minSize
            || box.max_corner().y() - box.min_corner().y() >= minSize)
            found.push_back(entry.second);
        return false;  // nothing collected by the query itself
    };
    std::vector<Entry> none;
    m_trees->layers[static_cast<int>(layer)].query(
        bgi::intersects(view) && bgi::satisfies(keep), std::back_inserter(none));
    // Drawing order is the project's order, as without an index.
    std::sort(found.begin(), found.end());
    return found;
}

std::size_t MapIndex::size(Layer layer) const
{
    return m_trees->sizes[static_cast<std::size_t>(layer)];
}

} // namespace greenrenew::render
