#include "core/incremental_analysis.h"

#include "core/carbon_method.h"
#include "core/detail/walk_network.h"
#include "core/detail/walk_rules.h"
#include "core/form_metrics.h"
#include "core/parcel_neighbours.h"
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
    /// Puts the results of ANALYSIS in project order after parcels came or went; the
    /// positions of the STALE parcels (and of any without a result) go to STALEPOSITIONS.
    void reorder(Analysis& analysis, const std::set<FeatureId>& stale,
                 std::vector<std::size_t>& stalePositions) const;

    /// The residents the stored assessments were made with, and whether some were made
    /// with other residents than the district's now.
    double assessedResidents = 0;
    bool districtPending = false;

    /// The parcels' neighbours for the ranking, found at the first ranking and kept current;
    /// the ids edited since they were last brought up to date.
    std::unique_ptr<ParcelNeighbours> neighbours;
    std::vector<FeatureId> neighboursDirty;
    const std::vector<std::vector<std::size_t>>& currentNeighbours();
};

const std::vector<std::vector<std::size_t>>& IncrementalAnalysis::Impl::currentNeighbours()
{
    const double gapM =
        DemonstrationRule::fromParameters(project.config.parameters).neighbourGapM;
    if (!neighbours || neighbours->gapM() != gapM)
        neighbours = std::make_unique<ParcelNeighbours>(project, gapM);
    else
        neighbours->update(project, neighboursDirty);
    neighboursDirty.clear();
    return neighbours->lists();
}

namespace {

bool sameParcelOrder(const Project& project, const Analysis& analysis)
{
    if (analysis.parcels.size() != project.parcels.size())
        return false;
    for (std::size_t i = 0; i < project.parcels.size(); ++i)
        if (analysis.parcels[i].parcelId != project.parcels[i].id)
            return false;
    return true;
}

} // namespace

void IncrementalAnalysis::Impl::reorder(Analysis& analysis, const std::set<FeatureId>& stale,
                                        std::vector<std::size_t>& stalePositions) const
{
    std::unordered_map<FeatureId, ParcelResult> previous;
    for (ParcelResult& result : analysis.parcels)
        previous.emplace(result.parcelId, std::move(result));
    std::vector<ParcelResult> results(project.parcels.size());
    for (std::size_t i = 0; i < project.parcels.size(); ++i) {
        auto old = previous.find(project.parcels[i].id);
        if (stale.count(project.parcels[i].id) || old == previous.end())
            stalePositions.push_back(i);
        else
            results[i] = std::move(old->second);
    }
    analysis.parcels = std::move(results);
}

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
    std::vector<FeatureId> recomputed = updateEdited(dirtyIds, analysis);
    updateDistrict(analysis, rankAfterwards);
    return recomputed;
}

std::vector<FeatureId> IncrementalAnalysis::updateEdited(const std::vector<FeatureId>& dirtyIds,
                                                         Analysis& analysis)
{
    Impl& impl = *m_impl;
    const Project& project = impl.project;
    if (!impl.districtPending) {
        // The residents the stored results were assessed with, summed in their order as
        // carbonDistrict() sums them.
        impl.assessedResidents = 0;
        for (const ParcelResult& result : analysis.parcels)
            impl.assessedResidents += result.form.populationEst;
    }
    // A parcel's form, walk and carbon figures read the buildings, green spaces, streets and
    // facilities around it, never another parcel: only the edited parcels change.
    const std::set<FeatureId> stale(dirtyIds.begin(), dirtyIds.end());
    impl.neighboursDirty.insert(impl.neighboursDirty.end(), dirtyIds.begin(), dirtyIds.end());

    std::vector<std::size_t> stalePositions;
    if (sameParcelOrder(project, analysis)) {
        // A vertex moved or an attribute changed: the results stay where they are.
        for (std::size_t i = 0; i < project.parcels.size(); ++i)
            if (stale.count(project.parcels[i].id))
                stalePositions.push_back(i);
    } else {
        impl.reorder(analysis, stale, stalePositions);
    }
    for (std::size_t i : stalePositions) {
        ParcelResult& result = analysis.parcels[i];
        result.parcelId = project.parcels[i].id;
        result.form = impl.form.compute(project.parcels[i]);
        result.walk = impl.walkOf(project.parcels[i]);
    }

    double residents = 0;
    for (const ParcelResult& result : analysis.parcels)
        residents += result.form.populationEst;
    impl.district.residents = residents;
    // Every assessment reads the district's residents: when they moved, all are redone, the
    // edited ones now and the others in updateDistrict(). Once pending it stays so: parcels
    // assessed by an earlier edit may hold residents that are neither the old nor the new.
    impl.districtPending = impl.districtPending || residents != impl.assessedResidents;
    std::vector<FeatureId> recomputed;
    for (std::size_t i : stalePositions) {
        analysis.parcels[i].carbon = assessParcelCarbon(
            project, project.parcels[i], analysis.parcels[i].form, analysis.parcels[i].walk,
            impl.district);
        recomputed.push_back(project.parcels[i].id);
    }
    return recomputed;
}

void IncrementalAnalysis::updateDistrict(Analysis& analysis, bool rank)
{
    Impl& impl = *m_impl;
    const Project& project = impl.project;
    if (impl.districtPending) {
        for (std::size_t i = 0; i < analysis.parcels.size(); ++i)
            analysis.parcels[i].carbon =
                assessParcelCarbon(project, project.parcels[i], analysis.parcels[i].form,
                                   analysis.parcels[i].walk, impl.district);
        impl.assessedResidents = impl.district.residents;
        impl.districtPending = false;
    }
    if (rank)
        rankPriorities(project, analysis, impl.currentNeighbours());
}

bool IncrementalAnalysis::districtPending() const
{
    return m_impl->districtPending;
}

} // namespace greenrenew::core
