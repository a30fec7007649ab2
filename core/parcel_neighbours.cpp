#include "core/parcel_neighbours.h"

#include "core/envelope.h"

#include <boost/geometry/algorithms/distance.hpp>
#include <boost/geometry/algorithms/equals.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

namespace greenrenew::core {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

// Widens the search for the parcels whose lists may name an edited one beyond the gap, so
// that rounding in the grown boxes never leaves one out; each is then tested exactly.
constexpr double kCandidateRoomM = 0.001;

using Entry = std::pair<Box, std::size_t>;  // a parcel's envelope and position
using EnvelopeTree = bgi::rtree<Entry, bgi::rstar<16>>;

Box grownBox(const Box& box, double byM)
{
    return Box(Point(box.min_corner().x() - byM, box.min_corner().y() - byM),
               Point(box.max_corner().x() + byM, box.max_corner().y() + byM));
}

std::optional<Box> envelopeOf(const Parcel& parcel)
{
    return parcel.geometry.empty() ? std::nullopt : outerEnvelope(parcel.geometry);
}

// Shared edges and overlaps are caught by intersects; distance only for gaps.
bool shapesWithin(const MultiPolygon& shape, const MultiPolygon& other, double gapM)
{
    return bg::intersects(shape, other) || bg::distance(shape, other) <= gapM;
}

void eraseSorted(std::vector<std::size_t>& list, std::size_t position)
{
    auto found = std::lower_bound(list.begin(), list.end(), position);
    if (found != list.end() && *found == position)
        list.erase(found);
}

void insertSorted(std::vector<std::size_t>& list, std::size_t position)
{
    list.insert(std::lower_bound(list.begin(), list.end(), position), position);
}

// Each id's position; nullopt when two parcels share an id.
std::optional<std::unordered_map<FeatureId, std::size_t>> uniquePositions(
    const std::vector<FeatureId>& ids)
{
    std::unordered_map<FeatureId, std::size_t> positions;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (!positions.emplace(ids[i], i).second)
            return std::nullopt;
    }
    return positions;
}

std::vector<FeatureId> idsOf(const Project& project)
{
    std::vector<FeatureId> ids;
    for (const Parcel& parcel : project.parcels)
        ids.push_back(parcel.id);
    return ids;
}

} // namespace

struct ParcelNeighbours::Impl {
    double gapM = 0;
    EnvelopeTree tree;
    std::vector<FeatureId> ids;             // by position, as of the last update
    std::vector<std::optional<Box>> boxes;  // by position; none for a parcel without a shape
    std::vector<std::vector<std::size_t>> lists;

    void findAll(const Project& project);
    std::vector<std::size_t> listOf(const Project& project, std::size_t i) const;
    /// Whether parcel I's list names parcel J, tested as listOf() tests it.
    bool names(const Project& project, std::size_t i, std::size_t j) const;
    std::vector<std::size_t> positionsNear(const Box& box) const;
    /// Puts the lists in the project's new parcel order, without the parcels gone or TOUCHED
    /// (to which the parcels new to the lists are added), whose old envelopes go to OLDBOXES.
    /// False when ids are not unique, so that positions cannot be followed.
    bool reorder(const Project& project, std::set<FeatureId>& touched,
                 std::vector<Box>& oldBoxes);
};

void ParcelNeighbours::Impl::findAll(const Project& project)
{
    ids = idsOf(project);
    boxes.clear();
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < project.parcels.size(); ++i) {
        boxes.push_back(envelopeOf(project.parcels[i]));
        if (boxes.back())
            entries.emplace_back(*boxes.back(), i);
    }
    tree = EnvelopeTree(entries.begin(), entries.end());
    lists.assign(project.parcels.size(), {});
    for (std::size_t i = 0; i < project.parcels.size(); ++i)
        lists[i] = listOf(project, i);
}

std::vector<std::size_t> ParcelNeighbours::Impl::listOf(const Project& project,
                                                        std::size_t i) const
{
    std::vector<std::size_t> list;
    if (!boxes[i])
        return list;
    std::vector<Entry> candidates;
    tree.query(bgi::intersects(grownBox(*boxes[i], gapM)), std::back_inserter(candidates));
    for (const auto& [box, j] : candidates) {
        if (j != i
            && shapesWithin(project.parcels[i].geometry, project.parcels[j].geometry, gapM))
            list.push_back(j);
    }
    std::sort(list.begin(), list.end());
    return list;
}

bool ParcelNeighbours::Impl::names(const Project& project, std::size_t i, std::size_t j) const
{
    return i != j && boxes[i] && boxes[j]
           && bg::intersects(grownBox(*boxes[i], gapM), *boxes[j])
           && shapesWithin(project.parcels[i].geometry, project.parcels[j].geometry, gapM);
}

std::vector<std::size_t> ParcelNeighbours::Impl::positionsNear(const Box& box) const
{
    std::vector<Entry> found;
    tree.query(bgi::intersects(grownBox(box, gapM + kCandidateRoomM)),
               std::back_inserter(found));
    std::vector<std::size_t> positions;
    for (const Entry& entry : found)
        positions.push_back(entry.second);
    return positions;
}

bool ParcelNeighbours::Impl::reorder(const Project& project, std::set<FeatureId>& touched,
                                     std::vector<Box>& oldBoxes)
{
    const std::vector<FeatureId> newIds = idsOf(project);
    const auto oldPositionOf = uniquePositions(ids);
    const auto newPositionOf = uniquePositions(newIds);
    if (!oldPositionOf || !newPositionOf)
        return false;
    for (FeatureId id : newIds)
        if (!oldPositionOf->count(id))
            touched.insert(id);

    std::vector<std::vector<std::size_t>> newLists(newIds.size());
    std::vector<std::optional<Box>> newBoxes(newIds.size());
    std::vector<Entry> entries;
    for (std::size_t old = 0; old < ids.size(); ++old) {
        auto kept = newPositionOf->find(ids[old]);
        if (kept == newPositionOf->end() || touched.count(ids[old])) {
            if (boxes[old])
                oldBoxes.push_back(*boxes[old]);
            continue;
        }
        newBoxes[kept->second] = boxes[old];
        if (boxes[old])
            entries.emplace_back(*boxes[old], kept->second);
        for (std::size_t neighbour : lists[old]) {
            auto moved = newPositionOf->find(ids[neighbour]);
            if (moved != newPositionOf->end())
                newLists[kept->second].push_back(moved->second);
        }
        std::sort(newLists[kept->second].begin(), newLists[kept->second].end());
    }
    ids = newIds;
    boxes = std::move(newBoxes);
    lists = std::move(newLists);
    tree = EnvelopeTree(entries.begin(), entries.end());
    return true;
}

ParcelNeighbours::ParcelNeighbours(const Project& project, double gapM)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->gapM = gapM;
    m_impl->findAll(project);
}

ParcelNeighbours::~ParcelNeighbours() = default;

void ParcelNeighbours::update(const Project& project, const std::vector<FeatureId>& dirtyIds)
{
    Impl& impl = *m_impl;
    std::set<FeatureId> touched(dirtyIds.begin(), dirtyIds.end());
    std::vector<Box> oldBoxes;
    if (impl.ids != idsOf(project)) {
        if (!impl.reorder(project, touched, oldBoxes)) {
            impl.findAll(project);
            return;
        }
    } else {
        for (std::size_t i = 0; i < impl.ids.size(); ++i) {
            if (touched.count(impl.ids[i]) && impl.boxes[i]) {
                oldBoxes.push_back(*impl.boxes[i]);
                impl.tree.remove(Entry(*impl.boxes[i], i));
            }
        }
    }

    // The touched parcels as they are now, and the parcels whose lists may name them.
    std::vector<std::size_t> edited;
    for (std::size_t i = 0; i < project.parcels.size(); ++i) {
        if (!touched.count(project.parcels[i].id))
            continue;
        edited.push_back(i);
        impl.boxes[i] = envelopeOf(project.parcels[i]);
        if (impl.boxes[i])
            impl.tree.insert(Entry(*impl.boxes[i], i));
    }
    std::set<std::size_t> around;
    for (const Box& box : oldBoxes)
        for (std::size_t j : impl.positionsNear(box))
            around.insert(j);
    for (std::size_t k : edited) {
        impl.lists[k] = impl.listOf(project, k);
        if (impl.boxes[k])
            for (std::size_t j : impl.positionsNear(*impl.boxes[k]))
                around.insert(j);
    }

    for (std::size_t j : around) {
        if (touched.count(project.parcels[j].id))
            continue;
        for (std::size_t k : edited) {
            eraseSorted(impl.lists[j], k);
            if (impl.names(project, j, k))
                insertSorted(impl.lists[j], k);
        }
    }
}

const std::vector<std::vector<std::size_t>>& ParcelNeighbours::lists() const
{
    return m_impl->lists;
}

double ParcelNeighbours::gapM() const
{
    return m_impl->gapM;
}

} // namespace greenrenew::core
