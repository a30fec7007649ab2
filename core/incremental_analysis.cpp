#include "core/incremental_analysis.h"

#include "core/carbon_method.h"
#include "core/detail/walk_network.h"
#include "core/detail/walk_rules.h"
#include "core/form_metrics.h"
#include "core/priority.h"
#include "core/walk_access.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace greenrenew::core {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using detail::NodeGap;
using detail::WalkNetwork;
using detail::WalkSeed;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

using PointEntry = std::pair<Point, std::size_t>;
using PointIndex = bgi::rtree<PointEntry, bgi::rstar<16>>;

Box grownBox(const Box& box, double byM)
{
    return Box(Point(box.min_corner().x() - byM, box.min_corner().y() - byM),
               Point(box.max_corner().x() + byM, box.max_corner().y() + byM));
}

bool isEmptyBox(const Box& box)
{
    return box.min_corner().x() > box.max_corner().x();
}

} // namespace

struct IncrementalAnalysis::Impl {
    const Project& project;
    FormMetricsCalculator form;
    detail::WalkSettings settings;
    double boundM = 0;
    WalkNetwork network;
    std::vector<std::string> types;          // facility types, in id order
    std::vector<PointIndex> facilityPoints;  // per type
    std::vector<std::vector<double>> costs;  // per type, per node: walk cost from the nearest
    /// The district figures the carbon stage reads; residents follow the parcels' forms.
    CarbonDistrict district;

    explicit Impl(const Project& source)
        : project(source)
        , form(source)
        , settings(detail::readWalkSettings(source.config.parameters))
        , network(source.streets, detail::networkOptions(source, settings))
        , district(carbonDistrict(source, {}))
    {
        for (const LifeCircle& circle : project.config.lifeCircles)
            boundM = std::max(boundM, detail::circleThresholdM(circle, settings));
        std::map<std::string, std::vector<Point>> grouped;
        for (const Facility& facility : project.facilities)
            for (const std::string& type : facilityTypesOf(facility, project.config))
                grouped[type].push_back(facility.location);
        for (const auto& [type, points] : grouped) {
            types.push_back(type);
            std::vector<PointEntry> entries;
            for (std::size_t i = 0; i < points.size(); ++i)
                entries.emplace_back(points[i], i);
            facilityPoints.emplace_back(entries.begin(), entries.end());
            costs.emplace_back();
            network.shortestCosts(
                detail::facilitySeeds(network, points), boundM, nullptr, costs.back());
        }
    }

    WalkAccess walkOf(const Parcel& parcel) const;
    double crowflyM(const Parcel& parcel, const Box& envelope, std::size_t type) const;
};

double IncrementalAnalysis::Impl::crowflyM(const Parcel& parcel, const Box& envelope,
                                           std::size_t type) const
{
    if (parcel.geometry.empty() || isEmptyBox(envelope))
        return kInfinity;
    std::vector<PointEntry> near;
    facilityPoints[type].query(bgi::intersects(grownBox(envelope, boundM)),
                               std::back_inserter(near));
    double best = kInfinity;
    for (const PointEntry& entry : near)
        best = std::min(best, bg::distance(entry.first, parcel.geometry));
    return best <= boundM ? best : kInfinity;
}

WalkAccess IncrementalAnalysis::Impl::walkOf(const Parcel& parcel) const
{
    std::vector<NodeGap> points;
    for (std::size_t node : network.nodesNear(parcel.geometry, settings.accessSnapM))
        points.push_back({node, 0.0});
    WalkAccess access;
    access.connected = !points.empty();
    if (points.empty()) {
        if (std::optional<NodeGap> nearest = network.nearestNode(parcel.geometry))
            points.push_back(*nearest);
    }
    for (const NodeGap& point : points) {
        const std::size_t piece = network.componentOf()[point.node];
        access.pieceNodes = std::max(access.pieceNodes, network.componentSizes()[piece]);
    }
    access.accessPoints = points.size();
    access.accessGapM = points.size() == 1 ? points.front().gapM : 0.0;

    const Box envelope = detail::envelopeOf(parcel.geometry);
    for (std::size_t k = 0; k < types.size(); ++k) {
        double best = kInfinity;
        for (const NodeGap& point : points)
            best = std::min(best, costs[k][point.node] + point.gapM);
        if (best <= boundM)
            access.distanceM[types[k]] = best;
        const double straightM = crowflyM(parcel, envelope, k);
        if (straightM < kInfinity)
            access.crowflyM[types[k]] = straightM;
    }
    detail::judgeCircles(project.config.lifeCircles, settings, access);
    return access;
}

IncrementalAnalysis::IncrementalAnalysis(const Project& project)
    : m_impl(std::make_unique<Impl>(project))
{
}

IncrementalAnalysis::~IncrementalAnalysis() = default;

ParcelResult IncrementalAnalysis::computeParcel(const Parcel& parcel) const
{
    ParcelResult result;
    result.parcelId = parcel.id;
    result.form = m_impl->form.compute(parcel);
    result.walk = m_impl->walkOf(parcel);
    result.carbon = assessParcelCarbon(m_impl->project, parcel, result.form, result.walk,
                                       m_impl->district);
    return result;
}

std::vector<FeatureId> IncrementalAnalysis::update(const std::vector<FeatureId>& dirtyIds,
                                                   Analysis& analysis, bool rankAfterwards)
{
    const Project& project = m_impl->project;
    const std::set<FeatureId> dirty(dirtyIds.begin(), dirtyIds.end());

    std::vector<Box> dirtyBoxes;
    for (const Parcel& parcel : project.parcels)
        if (dirty.count(parcel.id) && !parcel.geometry.empty())
            dirtyBoxes.push_back(detail::envelopeOf(parcel.geometry));

    // The residents the stored results were assessed with, summed in their order as
    // carbonDistrict() sums them.
    double residentsBefore = 0;
    std::unordered_map<FeatureId, ParcelResult> previous;
    for (ParcelResult& result : analysis.parcels) {
        residentsBefore += result.form.populationEst;
        previous.emplace(result.parcelId, std::move(result));
    }

    std::vector<std::size_t> stalePositions;
    std::vector<ParcelResult> results(project.parcels.size());
    for (std::size_t i = 0; i < project.parcels.size(); ++i) {
        const Parcel& parcel = project.parcels[i];
        auto old = previous.find(parcel.id);
        bool stale = dirty.count(parcel.id) || old == previous.end();
        if (!stale && !parcel.geometry.empty()) {
            const Box box = detail::envelopeOf(parcel.geometry);
            stale = std::any_of(dirtyBoxes.begin(), dirtyBoxes.end(),
                                [&](const Box& dirtyBox) { return bg::intersects(box, dirtyBox); });
        }
        if (stale) {
            results[i].parcelId = parcel.id;
            results[i].form = m_impl->form.compute(parcel);
            results[i].walk = m_impl->walkOf(parcel);
            stalePositions.push_back(i);
        } else {
            results[i] = std::move(old->second);
        }
    }

    double residents = 0;
    for (const ParcelResult& result : results)
        residents += result.form.populationEst;
    m_impl->district.residents = residents;
    // Every assessment reads the district's residents: when they moved, all are redone.
    const bool districtChanged = residents != residentsBefore;
    std::vector<FeatureId> recomputed;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const bool stale = std::binary_search(stalePositions.begin(), stalePositions.end(), i);
        if (!stale && !districtChanged)
            continue;
        results[i].carbon = assessParcelCarbon(project, project.parcels[i], results[i].form,
                                               results[i].walk, m_impl->district);
        if (stale)
            recomputed.push_back(project.parcels[i].id);
    }
    analysis.parcels = std::move(results);
    if (rankAfterwards)
        rankPriorities(project, analysis);
    return recomputed;
}

} // namespace greenrenew::core
