#include "core/form_metrics.h"

#include "core/detail/geos_context.h"

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
using detail::GeosContext;
using detail::GeosGeometry;
using detail::GeosPrepared;

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
    double minX = std::numeric_limits<double>::infinity();
    double minY = minX;
    double maxX = -minX;
    double maxY = -minX;
    for (const Polygon& polygon : geometry) {
        for (const Point& point : polygon.outer()) {
            if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
                continue;
            minX = std::min(minX, point.x());
            minY = std::min(minY, point.y());
            maxX = std::max(maxX, point.x());
            maxY = std::max(maxY, point.y());
        }
    }
    if (minX > maxX)
        return false;
    box = Box(Point(minX, minY), Point(maxX, maxY));
    return true;
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

struct Part {
    std::size_t index = 0;
    GeosGeometry geometry;
    double areaM2 = 0;
};

bool envelopesOverlap(const detail::GeosEnvelope& a, const detail::GeosEnvelope& b)
{
    // Strict: envelopes that only touch bound interiors that cannot overlap.
    return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

// Groups of parts linked by overlapping interiors (union-find), in first-member order. Only
// pairs with overlapping envelopes are tested, so most pairs cost nothing.
template <typename Linked>
std::vector<std::vector<std::size_t>> overlapClusters(
    const std::vector<detail::GeosEnvelope>& envelopes, Linked linked)
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

// Area of the union of parts. Parts whose interiors meet no other part's add their areas, so
// only clusters of overlapping parts go through the overlay: a relate test is cheaper than
// the union, and in dense blocks most neighbours only share walls.
double unionArea(GeosContext& geos, std::vector<Part>& parts)
{
    if (parts.size() < 2)
        return parts.empty() ? 0.0 : parts.front().areaM2;

    std::vector<detail::GeosEnvelope> envelopes;
    envelopes.reserve(parts.size());
    for (const Part& part : parts)
        envelopes.push_back(geos.envelope(part.geometry.get()));
    double total = 0;
    auto linked = [&geos, &parts](std::size_t a, std::size_t b) {
        return geos.interiorsIntersect(parts[a].geometry.get(), parts[b].geometry.get());
    };
    for (const std::vector<std::size_t>& cluster : overlapClusters(envelopes, linked)) {
        double sum = 0;
        std::vector<GeosGeometry> geometries;
        for (std::size_t index : cluster) {
            sum += parts[index].areaM2;
            geometries.push_back(std::move(parts[index].geometry));
        }
        if (cluster.size() == 1) {
            total += sum;
            continue;
        }
        GeosGeometry merged = geos.unionAll(std::move(geometries));
        // The union cannot exceed the sum; if every GEOS attempt failed, the sum is the bound.
        total += merged ? std::min(geos.area(merged.get()), sum) : sum;
    }
    return total;
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

    explicit Impl(const Project& owner) : project(owner)
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

    Floors floorsOf(const Building& building, RenewalType type) const
    {
        Floors result;
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
                                  const GeosPrepared& prepared, const Box& box,
                                  const SpatialIndex& index, const std::vector<Feature>& features,
                                  Geometry geometryOf) const
    {
        std::vector<IndexEntry> candidates;
        index.query(bgi::intersects(box), std::back_inserter(candidates));
        std::sort(candidates.begin(), candidates.end(),
                  [](const IndexEntry& a, const IndexEntry& b) { return a.second < b.second; });

        std::vector<Part> parts;
        for (const IndexEntry& candidate : candidates) {
            const MultiPolygon& source = geometryOf(features[candidate.second]);
            GeosGeometry feature = geos.validFromMultiPolygon(source);
            if (!feature)
                continue;
            Part part;
            part.index = candidate.second;
            // Most candidates lie wholly inside: test that first (those touching the boundary
            // from inside go through the overlay, which gives the same whole area), and the
            // cheaper-to-fail intersects only for the rest.
            if (geos.containsProperly(prepared, feature.get()))
                part.geometry = std::move(feature);
            else if (geos.intersects(prepared, feature.get()))
                part.geometry = geos.intersection(parcel, feature.get());
            else
                continue;
            part.areaM2 = geos.area(part.geometry.get());
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
        for (const Part& part : parts) {
            const Building& building = project.buildings[part.index];
            const Floors floors = floorsOf(building, parcel.type);
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
        metrics.footprintM2 = unionArea(geos, parts);
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

    FormMetrics compute(const Parcel& parcel) const
    {
        GeosContext& geos = detail::threadGeosContext();
        FormMetrics metrics;
        auto basis = parcel.attributes.find("area_basis");
        metrics.grossArea = basis == parcel.attributes.end() || basis->second != "net";

        GeosGeometry parcelGeometry = geos.validFromMultiPolygon(parcel.geometry);
        metrics.areaM2 = geos.area(parcelGeometry.get());
        Box box;
        double maxHeightM = 0;
        if (metrics.areaM2 > 0 && envelopeOf(parcel.geometry, box)) {
            GeosPrepared prepared = geos.prepare(parcelGeometry.get());
            std::vector<Part> buildings = partsInside(geos, parcelGeometry.get(), prepared, box,
                buildingIndex, project.buildings,
                [](const Building& b) -> const MultiPolygon& { return b.footprint; });
            measureBuildings(geos, buildings, parcel, metrics, maxHeightM);

            std::vector<Part> green = partsInside(geos, parcelGeometry.get(), prepared, box,
                greenIndex, project.green,
                [](const GreenSpace& g) -> const MultiPolygon& { return g.geometry; });
            metrics.greenM2 = unionArea(geos, green);
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
    return m_impl->compute(parcel);
}

std::vector<FormMetrics> FormMetricsCalculator::computeAll(const StageControl& control) const
{
    const std::vector<Parcel>& parcels = m_impl->project.parcels;
    std::vector<FormMetrics> results(parcels.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    // Only the calling thread reports, so a progress callback never runs concurrently.
    const std::size_t reportEvery = std::max<std::size_t>(1, parcels.size() / 100);

    auto work = [&](bool reporting) {
        try {
            for (std::size_t i = next++; i < parcels.size() && !control.cancelled();
                 i = next++) {
                results[i] = m_impl->compute(parcels[i]);
                const std::size_t count = ++done;
                if (reporting && count % reportEvery == 0)
                    control.report(kStepName, static_cast<double>(count) / parcels.size());
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            next = parcels.size();
        }
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
    if (!control.cancelled())
        control.report(kStepName, 1.0);
    return results;
}

std::vector<FormMetrics> computeFormMetrics(const Project& project, const StageControl& control)
{
    control.report(kStepName, 0.0);
    FormMetricsCalculator calculator(project);
    return calculator.computeAll(control);
}

} // namespace greenrenew::core
