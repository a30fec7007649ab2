#include "core/form_metrics.h"

#include "core/detail/form_geometry.h"
#include "core/detail/geos_context.h"
#include "core/envelope.h"
#include "core/parcel_attributes.h"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

namespace greenrenew::core {

namespace bgi = boost::geometry::index;
using detail::FeatureGeometries;
using detail::GeosContext;
using detail::GeosGeometry;
using detail::GeometryCachePool;
using detail::GeosPrepared;
using detail::ParcelBoundary;
using detail::Part;
using detail::ProjectGeometries;

namespace {

// A building (or green space) counts for a parcel only with a part of at least a square
// millimetre inside: neighbours that merely touch the boundary give zero-area or
// floating-point sliver intersections, and must neither be counted nor contribute floors.
constexpr double kMinPartAreaM2 = 1e-6;

const char* const kStepName = "form metrics";

// OSM building values (and land-use words) whose floor area houses people; used for the
// residential floor area of parcels that are not residential as a whole.
const std::set<std::string> kResidentialUses = {"residential", "apartments", "house",
    "detached", "semidetached_house", "terrace", "dormitory", "bungalow", "居住", "住宅"};

using IndexEntry = std::pair<Box, std::uint32_t>;
using SpatialIndex = bgi::rtree<IndexEntry, bgi::rstar<16>>;

// Envelope of the outer rings' finite vertices; false when there is none.
bool envelopeOf(const MultiPolygon& geometry, Box& box)
{
    const std::optional<Box> envelope = outerEnvelope(geometry);
    if (envelope)
        box = *envelope;
    return envelope.has_value();
}

template <typename Feature, typename Geometry>
SpatialIndex buildIndex(const std::vector<Feature>& features, Geometry geometryOf)
{
    std::vector<IndexEntry> entries;
    entries.reserve(features.size());
    for (std::size_t i = 0; i < features.size(); ++i) {
        Box box;
        if (envelopeOf(geometryOf(features[i]), box))
            entries.emplace_back(box, static_cast<std::uint32_t>(i));
    }
    return SpatialIndex(entries.begin(), entries.end());  // bulk loading (packing)
}

struct Floors {
    double floors = 1;
    bool recorded = false;   // Building::floors was set
    double heightM = 0;      // recorded height, else floors x storey height
};

bool usable(const std::optional<double>& value)
{
    return value && std::isfinite(*value) && *value > 0;
}

bool isResidentialUse(const std::string& use)
{
    return kResidentialUses.count(use) != 0;
}

const FormControl* chooseControl(const std::vector<FormControl>& controls, double meanFloors)
{
    // Each class starts at its minimum mean storeys: a mean of 3.9 has not reached the
    // 4-storey class. Below the first class (no buildings) the lowest class applies.
    const FormControl* chosen = nullptr;
    const FormControl* lowest = nullptr;
    for (const FormControl& control : controls) {
        if (!lowest || control.minMeanFloors < lowest->minMeanFloors)
            lowest = &control;
        if (control.minMeanFloors <= meanFloors
            && (!chosen || control.minMeanFloors > chosen->minMeanFloors))
            chosen = &control;
    }
    return chosen ? chosen : lowest;
}

void addCheck(FormMetrics& metrics, const char* figure, bool isMin,
              const std::optional<double>& limit, double value, const FormControl& control)
{
    if (!limit)
        return;
    ComplianceCheck check;
    check.figure = figure;
    check.bound = isMin ? "min" : "max";
    check.limit = *limit;
    check.value = value;
    check.margin = isMin ? value - *limit : *limit - value;
    check.ok = check.margin >= 0;
    check.source = control.source;
    check.onGrossArea = metrics.grossArea;
    metrics.compliance.push_back(std::move(check));
}

} // namespace

struct FormMetricsCalculator::Impl {
    const Project& project;
    double storeyHeightM = 0;
    double floorAreaPerPersonM2 = 0;
    std::map<RenewalType, double> defaultFloors;
    SpatialIndex buildingIndex;
    SpatialIndex greenIndex;
    // The few-parcel path's caches (an edit and its neighbours), kept between calls so that an
    // edit does not convert and validate again the footprints earlier edits met.
    mutable GeometryCachePool cachePool;

    explicit Impl(const Project& owner)
        : project(owner), cachePool(owner.buildings.size(), owner.green.size())
    {
        const ParameterSet& parameters = project.config.parameters;
        storeyHeightM = parameters.value("form.storey_height_m");
        floorAreaPerPersonM2 = parameters.value("form.floor_area_per_person_m2");
        for (RenewalType type : kAllRenewalTypes) {
            defaultFloors[type] =
                parameters.value(std::string("form.default_floors.") + renewalTypeName(type));
        }
        buildingIndex = buildIndex(project.buildings,
                                   [](const Building& b) -> const MultiPolygon& {
                                       return b.footprint;
                                   });
        greenIndex = buildIndex(project.green, [](const GreenSpace& g) -> const MultiPolygon& {
            return g.geometry;
        });
    }

    Floors floorsOf(const Building& building, RenewalType type,
                    const std::optional<double>& planned) const
    {
        Floors result;
        if (planned) {
            // The designer's plan for the parcel outranks what the data recorded; it is no
            // estimate, so it counts with the recorded floors.
            result.floors = *planned;
            result.recorded = true;
            result.heightM = *planned * storeyHeightM;
            return result;
        }
        if (usable(building.floors)) {
            result.floors = *building.floors;
            result.recorded = true;
        } else if (usable(building.heightM)) {
            result.floors = std::max(1.0, std::round(*building.heightM / storeyHeightM));
        } else {
            result.floors = defaultFloors.at(type);
        }
        result.heightM = usable(building.heightM) ? *building.heightM
                                                  : result.floors * storeyHeightM;
        return result;
    }

    // Parts of the indexed features inside the parcel, in feature order.
    template <typename Feature, typename Geometry>
    std::vector<Part> partsInside(GeosContext& geos, const GEOSGeometry* parcel,
                                  const GeosPrepared& prepared, const ParcelBoundary& boundary,
                                  const Box& box, const SpatialIndex& index,
                                  const std::vector<Feature>& features,
                                  FeatureGeometries& geometries, Geometry geometryOf) const
    {
        std::vector<IndexEntry> candidates;
        index.query(bgi::intersects(box), std::back_inserter(candidates));
        std::sort(candidates.begin(), candidates.end(),
                  [](const IndexEntry& a, const IndexEntry& b) { return a.second < b.second; });

        std::vector<Part> parts;
        for (const IndexEntry& candidate : candidates) {
            // The boundary index places most candidates without GEOS; those near the boundary
            // take containsProperly (inside without touching: the whole feature), then the
            // cheaper-to-fail intersects before the overlay.
            const ParcelBoundary::Placement placement = boundary.place(candidate.first);
            if (placement == ParcelBoundary::Placement::Outside)
                continue;
            const GEOSGeometry* feature = geometries.get(geos, candidate.second,
                                                         geometryOf(features[candidate.second]));
            if (!feature)
                continue;
            Part part;
            part.index = candidate.second;
            if (placement == ParcelBoundary::Placement::Inside
                || geos.containsProperly(prepared, feature)) {
                part.geometry = feature;
            } else if (geos.intersects(prepared, feature)) {
                part.owned = geos.intersection(parcel, feature);
                part.geometry = part.owned.get();
            } else {
                continue;
            }
            part.areaM2 = geos.area(part.geometry);
            if (part.areaM2 >= kMinPartAreaM2)
                parts.push_back(std::move(part));
        }
        return parts;
    }

    void measureBuildings(GeosContext& geos, std::vector<Part>& parts, const Parcel& parcel,
                          FormMetrics& metrics, double& maxHeightM) const
    {
        double gfaRecorded = 0;
        double partAreaSum = 0;
        const std::optional<double> planned = plannedFloors(parcel);
        for (const Part& part : parts) {
            const Building& building = project.buildings[part.index];
            const Floors floors = floorsOf(building, parcel.type, planned);
            const double floorArea = part.areaM2 * floors.floors;
            metrics.grossFloorAreaM2 += floorArea;
            if (floors.recorded)
                gfaRecorded += floorArea;
            else
                ++metrics.floorsEstimated;
            if (parcel.type == RenewalType::Residential || isResidentialUse(building.use))
                metrics.residentialFloorAreaM2 += floorArea;
            partAreaSum += part.areaM2;
            metrics.maxFloors = std::max(metrics.maxFloors, floors.floors);
            maxHeightM = std::max(maxHeightM, floors.heightM);
        }
        metrics.buildingCount = static_cast<int>(parts.size());
        metrics.meanFloors = partAreaSum > 0 ? metrics.grossFloorAreaM2 / partAreaSum : 0;
        metrics.footprintM2 = detail::unionArea(geos, parts);
        metrics.far = metrics.grossFloorAreaM2 / metrics.areaM2;
        metrics.farRecordedOnly = gfaRecorded / metrics.areaM2;
        metrics.buildingDensity = metrics.footprintM2 / metrics.areaM2;
    }

    void applyControls(FormMetrics& metrics, RenewalType type, double maxHeightM) const
    {
        auto it = project.config.formControls.find(renewalTypeName(type));
        if (it == project.config.formControls.end())
            return;
        const FormControl* control = chooseControl(it->second, metrics.meanFloors);
        if (!control)
            return;
        metrics.heightClass = control->heightClass;
        addCheck(metrics, "far", true, control->farMin, metrics.far, *control);
        addCheck(metrics, "far", false, control->farMax, metrics.far, *control);
        addCheck(metrics, "building_density", false, control->densityMax,
                 metrics.buildingDensity, *control);
        addCheck(metrics, "green_coverage", true, control->greenMin, metrics.greenCoverage,
                 *control);
        addCheck(metrics, "height", false, control->heightMaxM, maxHeightM, *control);
    }

    std::vector<FormMetrics> computeParallel(const std::vector<const Parcel*>& parcels,
                                             bool dense, const StageControl& control) const;

    FormMetrics compute(const Parcel& parcel, ProjectGeometries& geometries) const
    {
        GeosContext& geos = geometries.geos;
        FormMetrics metrics;
        auto basis = parcel.attributes.find("area_basis");
        metrics.grossArea = basis == parcel.attributes.end() || basis->second != "net";

        GeosGeometry parcelGeometry = geos.validFromMultiPolygon(parcel.geometry);
        metrics.areaM2 = geos.area(parcelGeometry.get());
        Box box;
        double maxHeightM = 0;
        if (metrics.areaM2 > 0 && envelopeOf(parcel.geometry, box)) {
            GeosPrepared prepared = geos.prepare(parcelGeometry.get());
            const ParcelBoundary boundary(geos, parcelGeometry.get());
            std::vector<Part> buildings = partsInside(geos, parcelGeometry.get(), prepared,
                boundary, box, buildingIndex, project.buildings, geometries.buildings,
                [](const Building& b) -> const MultiPolygon& { return b.footprint; });
            measureBuildings(geos, buildings, parcel, metrics, maxHeightM);

            std::vector<Part> green = partsInside(geos, parcelGeometry.get(), prepared,
                boundary, box, greenIndex, project.green, geometries.green,
                [](const GreenSpace& g) -> const MultiPolygon& { return g.geometry; });
            metrics.greenM2 = detail::unionArea(geos, green);
            metrics.greenCoverage = metrics.greenM2 / metrics.areaM2;
        }
        metrics.roofAreaM2 = metrics.footprintM2;
        metrics.openSpaceShare = 1.0 - metrics.buildingDensity;
        metrics.populationEst = metrics.residentialFloorAreaM2 / floorAreaPerPersonM2;
        applyControls(metrics, parcel.type, maxHeightM);
        return metrics;
    }
};

FormMetricsCalculator::FormMetricsCalculator(const Project& project)
    : m_impl(std::make_unique<Impl>(project))
{
}

FormMetricsCalculator::~FormMetricsCalculator() = default;

FormMetrics FormMetricsCalculator::compute(const Parcel& parcel) const
{
    std::unique_ptr<ProjectGeometries> geometries = m_impl->cachePool.borrow();
    FormMetrics metrics = m_impl->compute(parcel, *geometries);
    m_impl->cachePool.giveBack(std::move(geometries));
    return metrics;
}

std::vector<FormMetrics> FormMetricsCalculator::Impl::computeParallel(
    const std::vector<const Parcel*>& parcels, bool dense, const StageControl& control) const
{
    std::vector<FormMetrics> results(parcels.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    // Only the calling thread reports, so a progress callback never runs concurrently.
    const std::size_t reportEvery = std::max<std::size_t>(1, parcels.size() / 100);

    // Threads take runs of neighbouring parcels (project order is mostly spatial: tiles,
    // blocks), so that a thread's cached footprints are seldom made again by the other.
    const std::size_t run = dense ? std::max<std::size_t>(16, parcels.size() / 64) : 1;
    auto work = [&](bool reporting) {
        std::unique_ptr<ProjectGeometries> geometries;
        try {
            geometries = dense ? std::make_unique<ProjectGeometries>(
                                     project.buildings.size(), project.green.size(), true)
                               : cachePool.borrow();
            for (std::size_t first = next.fetch_add(run);
                 first < parcels.size() && !control.cancelled(); first = next.fetch_add(run)) {
                const std::size_t last = std::min(parcels.size(), first + run);
                for (std::size_t i = first; i < last && !control.cancelled(); ++i) {
                    results[i] = compute(*parcels[i], *geometries);
                    const std::size_t count = ++done;
                    if (reporting && count % reportEvery == 0)
                        control.report(kStepName, static_cast<double>(count) / parcels.size());
                }
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            next = parcels.size();
        }
        if (geometries && !dense)
            cachePool.giveBack(std::move(geometries));
    };

    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(),
                                                        1, std::max<std::size_t>(1,
                                                            parcels.size()));
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back(work, false);
    work(true);
    for (std::thread& helper : helpers)
        helper.join();
    if (failure)
        std::rethrow_exception(failure);
    return results;
}

std::vector<FormMetrics> FormMetricsCalculator::computeAll(const StageControl& control) const
{
    std::vector<const Parcel*> parcels;
    parcels.reserve(m_impl->project.parcels.size());
    for (const Parcel& parcel : m_impl->project.parcels)
        parcels.push_back(&parcel);
    std::vector<FormMetrics> results = m_impl->computeParallel(parcels, true, control);
    if (!control.cancelled())
        control.report(kStepName, 1.0);
    return results;
}

std::vector<FormMetrics> FormMetricsCalculator::compute(
    const std::vector<const Parcel*>& parcels) const
{
    return m_impl->computeParallel(parcels, false, StageControl{});
}

std::vector<FormMetrics> computeFormMetrics(const Project& project, const StageControl& control)
{
    control.report(kStepName, 0.0);
    FormMetricsCalculator calculator(project);
    return calculator.computeAll(control);
}

} // namespace greenrenew::core
