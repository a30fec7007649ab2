#include "core/detail/carbon_inputs.h"

#include "core/detail/carbon_district_index.h"
#include "core/detail/geos_context.h"

#include <boost/geometry/algorithms/distance.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>

namespace greenrenew::core::detail {

namespace {

// Standard facility type ids (resources/method/walking.json) that stand for each access the
// method needs; the first ones measured by the walking stage are used.
constexpr std::initializer_list<const char*> kBikeTypes = {"bike_share", "bicycle_parking",
                                                          "bicycle_rental"};
constexpr std::initializer_list<const char*> kBusTypes = {"bus_stop", "public_transport_stop",
                                                         "bus_terminal"};
constexpr std::initializer_list<const char*> kCollectionTypes = {"recycling_point",
    "waste_collection_point", "recycling",
    "waste_collection", "garbage_collection"};

// A type counts as measured when the walk reached one, when the data hold one (then none
// within the largest circle is a finding), or when a circle requires it (the walk stage
// reports it missing everywhere). A type the data never map falls to the stated default.
bool typeMeasured(const std::string& type, const WalkAccess& walk, const MethodConfig& config,
                  const CarbonDistrict& district)
{
    if (walk.distanceM.count(type) != 0 || district.facilityTypesPresent.count(type) != 0)
        return true;
    for (const LifeCircle& circle : config.lifeCircles) {
        if (std::find(circle.requiredTypes.begin(), circle.requiredTypes.end(), type)
            != circle.requiredTypes.end())
            return true;
    }
    return false;
}

double largestCircleM(const MethodConfig& config)
{
    double largest = 0;
    for (const LifeCircle& circle : config.lifeCircles)
        largest = std::max(largest, circle.radiusM);
    return largest;
}

AccessDistance accessDistance(std::initializer_list<const char*> types, const WalkAccess& walk,
                              const MethodConfig& config, const CarbonDistrict& district,
                              const CarbonParameters& parameters, const std::string& defaultKey,
                              bool facilitiesLayerPresent)
{
    AccessDistance access;
    std::string measured;
    std::optional<double> nearest;
    std::string nearestType;
    for (const char* type : types) {
        if (!typeMeasured(type, walk, config, district))
            continue;
        measured += measured.empty() ? type : std::string(", ") + type;
        auto it = walk.distanceM.find(type);
        if (it != walk.distanceM.end() && (!nearest || it->second < *nearest)) {
            nearest = it->second;
            nearestType = type;
        }
    }

    // Without a facilities layer nothing was measured; the ledger then books the stated
    // default, and the ratings say the figure is missing (carbon_ratings.cpp).
    if (!measured.empty() && walk.connected && facilitiesLayerPresent) {
        if (nearest) {
            access.distanceM = *nearest;
            access.how = "walk network to " + nearestType;
        } else {
            // Nothing within the largest circle: the true distance is at least its radius.
            access.distanceM = largestCircleM(config);
            access.how = "no " + measured + " within the largest life circle; counted at its "
                         "radius";
        }
        return access;
    }

    std::string wanted;
    for (const char* type : types)
        wanted += wanted.empty() ? type : std::string("/") + type;
    access.distanceM = parameters.value(defaultKey);
    access.fromDefault = true;
    access.how = std::string("project default ") + defaultKey + " ("
                 + (!facilitiesLayerPresent ? std::string("no facilities layer")
                    : walk.connected        ? "no facility type " + wanted + " measured"
                                            : std::string("parcel not on the walk network"))
                 + ")";
    return access;
}

// Which parks count and how far each reaches (carbon.park_system.* of the parcel's type).
struct ParkReachRule {
    double smallMinM2 = 0;
    double largeMinM2 = 0;
    double smallReachM = 0;
    double largeReachM = 0;

    double reachM(double areaM2) const { return areaM2 >= largeMinM2 ? largeReachM : smallReachM; }
};

struct ParkFound {
    std::size_t park = 0;  // position in the index's parks
    double distanceM = 0;
};

// A park that may be the nearest in reaches, with the least its ratio can be: the gap between
// the envelopes over its reach.
struct ParkCandidate {
    double leastRatio = 0;
    std::size_t park = 0;
    double reachM = 0;
};

// The park nearest in reaches among PARKS (positions in the index's parks): the first in
// project order of those with the smallest distance / reach for its size. The parks are
// measured from the least ratio up, and the rest left once the least exceeds the best found.
std::optional<Scored<ParkFound>> bestParkOf(const std::vector<std::size_t>& parks,
                                            const Project& project, const Parcel& parcel,
                                            const std::optional<Box>& parcelBox,
                                            const CarbonDistrictIndex& index,
                                            const ParkReachRule& rule)
{
    std::vector<ParkCandidate> candidates;
    for (std::size_t park : parks) {
        const double area = index.parkAreaM2()[park];
        if (area < rule.smallMinM2)
            continue;
        const double reach = rule.reachM(area);
        const std::optional<Box>& parkBox = index.parkBoxes()[park];
        const bool bounded = parcelBox && parkBox && reach > 0 && std::isfinite(reach);
        candidates.push_back({bounded ? boxGapM(*parcelBox, *parkBox) / reach : 0.0, park,
                              reach});
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const ParkCandidate& a, const ParkCandidate& b) {
                  return a.leastRatio != b.leastRatio ? a.leastRatio < b.leastRatio
                                                      : a.park < b.park;
              });

    std::optional<Scored<ParkFound>> best;
    for (const ParkCandidate& candidate : candidates) {
        if (best && candidate.leastRatio > best->score * (1 + kBoundRoom))
            break;
        const GreenSpace& green = project.green[index.parkGreen()[candidate.park]];
        const double distance = boost::geometry::distance(parcel.geometry, green.geometry);
        const double ratio = distance / candidate.reachM;
        if (!best || ratio < best->score
            || (ratio == best->score && candidate.park < best->item.park))
            best = Scored<ParkFound>{{candidate.park, distance}, ratio};
    }
    return best;
}

void measureParks(const Project& project, const Parcel& parcel, const CarbonDistrictIndex& index,
                  const CarbonParameters& parameters, ParcelFacts& facts)
{
    facts.greenLayerPresent = !project.green.empty();
    ParkReachRule rule;
    rule.smallMinM2 = parameters.value("carbon.park_system.small_park_min_m2");
    rule.largeMinM2 = parameters.value("carbon.park_system.large_park_min_m2");
    rule.smallReachM = parameters.value("carbon.park_system.small_park_reach_m");
    rule.largeReachM = parameters.value("carbon.park_system.large_park_reach_m");

    // Most parcels have a park within the larger reach: the search starts there.
    const double largestReachM = std::max(rule.smallReachM, rule.largeReachM);
    const std::optional<Box> parcelBox = vertexEnvelope(parcel.geometry);
    const std::optional<Scored<ParkFound>> nearest = bestOutward<ParkFound>(
        index.parks(), parcelBox, largestReachM, largestReachM,
        [&](const std::vector<std::size_t>& parks) {
            return bestParkOf(parks, project, parcel, parcelBox, index, rule);
        });
    if (!nearest)
        return;
    const std::size_t park = nearest->item.park;
    const double area = index.parkAreaM2()[park];
    facts.parkReachRatio = nearest->score;
    facts.parkHow = "park " + std::to_string(project.green[index.parkGreen()[park]].id) + " of "
                    + std::to_string(static_cast<long>(std::lround(area))) + " m2 at "
                    + std::to_string(static_cast<long>(std::lround(nearest->item.distanceM)))
                    + " m (reach " + std::to_string(static_cast<long>(rule.reachM(area)))
                    + " m)";
}

// 40-year uptake of one green kind: the planting type whose keyword list
// "carbon.planting.<type>" names the kind, else the stated value for unmapped kinds.
double plantingKgPerM2(const std::string& kind, const MethodConfig& config,
                       const CarbonParameters& parameters)
{
    const std::string prefix = "carbon.planting.";
    for (const auto& [name, kinds] : config.keywordLists) {
        if (name.compare(0, prefix.size(), prefix) != 0)
            continue;
        if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end())
            return parameters.value("carbon.sink.planting." + name.substr(prefix.size()));
    }
    return parameters.value("carbon.sink.planting.unmapped");
}

// The area-weighted 40-year figure of the green inside the parcel, per year. Overlapping
// green spaces each count with their kind; the weights only mix the rates, the area booked
// stays the form stage's union.
double plantingTableRate(const Project& project, const Parcel& parcel,
                         const CarbonDistrictIndex& index, const CarbonParameters& parameters)
{
    const double years = parameters.value("carbon.sink.planting.years");
    GeosContext& geos = threadGeosContext();
    const GeosGeometry parcelGeometry = geos.validFromMultiPolygon(parcel.geometry);
    double areaM2 = 0;
    double uptakeKg = 0;
    const GeosEnvelope parcelBox = parcelGeometry ? geos.envelope(parcelGeometry.get())
                                                  : GeosEnvelope{};
    // The index holds each green space's envelope as drawn, which holds its valid form's:
    // the green spaces it leaves out could not pass the envelope test below.
    const std::vector<std::size_t> near =
        parcelBox.empty ? std::vector<std::size_t>{}
                        : index.green().within(Box(Point(parcelBox.minX, parcelBox.minY),
                                                   Point(parcelBox.maxX, parcelBox.maxY)),
                                               0.0);
    for (std::size_t position : near) {
        const GreenSpace& green = project.green[position];
        const GeosGeometry greenGeometry = geos.validFromMultiPolygon(green.geometry);
        if (!greenGeometry)
            continue;
        const GeosEnvelope greenBox = geos.envelope(greenGeometry.get());
        if (greenBox.empty || greenBox.minX > parcelBox.maxX || greenBox.maxX < parcelBox.minX
            || greenBox.minY > parcelBox.maxY || greenBox.maxY < parcelBox.minY)
            continue;
        const GeosGeometry inside = geos.intersection(parcelGeometry.get(), greenGeometry.get());
        const double part = inside ? geos.area(inside.get()) : 0.0;
        areaM2 += part;
        uptakeKg += part * plantingKgPerM2(green.kind, project.config, parameters);
    }
    const double perM2 = areaM2 > 0 ? uptakeKg / areaM2
                                     : parameters.value("carbon.sink.planting.unmapped");
    return perM2 / years;
}

// GB 50180 Table 4.0.4 counts public green per resident of the life-circle residential area;
// the district stands for that area, so every parcel shares one figure per tier.
std::vector<GreenPerPerson> greenPerPerson(const Project& project,
                                           const CarbonDistrict& district,
                                           const CarbonDistrictIndex& index,
                                           const CarbonParameters& parameters)
{
    std::vector<GreenPerPerson> tiers;
    if (district.residents <= 0)
        return tiers;
    for (const LifeCircle& circle : project.config.lifeCircles) {
        const std::string key = "carbon.park_system.green_per_person_m2." + circle.id;
        if (!parameters.contains(key))
            continue;
        const double minM2 = parameters.value("carbon.park_system.tier_park_min_m2."
                                              + circle.id);
        GreenPerPerson tier;
        tier.circle = circle.id;
        tier.parkM2 = index.parkAreaAtLeastM2(minM2);
        tier.m2PerPerson = tier.parkM2 / district.residents;
        tier.limit = parameters.value(key)
                     * parameters.value("carbon.park_system.renewal_floor_share");
        tiers.push_back(tier);
    }
    return tiers;
}

// Where the search for the nearest cycle way starts; any start gives the same distance, this
// one finds most parcels' in one look.
constexpr double kCyclewaySearchStartM = 500;

// GEOS distance rather than Boost.Geometry's: the latter trips GCC 12's maybe-uninitialized
// warning for linestring-to-polygon distances.
std::optional<Scored<std::size_t>> nearestCyclewayOf(const std::vector<std::size_t>& lines,
                                                     const Project& project,
                                                     const GEOSGeometry* parcelGeometry,
                                                     const CarbonDistrictIndex& index)
{
    GeosContext& geos = threadGeosContext();
    std::optional<Scored<std::size_t>> nearest;
    for (std::size_t position : lines) {
        const CyclewayLine& where = index.cyclewayLines()[position];
        const LineString& line = project.streets[where.street].geometry[where.line];
        GEOSCoordSequence* sequence = GEOSCoordSeq_create_r(
            geos.handle(), static_cast<unsigned>(line.size()), 2);
        for (std::size_t i = 0; i < line.size(); ++i)
            GEOSCoordSeq_setXY_r(geos.handle(), sequence, static_cast<unsigned>(i),
                                 line[i].x(), line[i].y());
        const GeosGeometry geometry(geos.handle(),
                                    GEOSGeom_createLineString_r(geos.handle(), sequence));
        double distance = 0;
        if (geometry && GEOSDistance_r(geos.handle(), parcelGeometry, geometry.get(),
                                       &distance) == 1
            && (!nearest || distance < nearest->score))
            nearest = Scored<std::size_t>{position, distance};
    }
    return nearest;
}

std::optional<double> nearestCyclewayM(const Project& project, const Parcel& parcel,
                                       const CarbonDistrict& district,
                                       const CarbonDistrictIndex& index)
{
    if (district.cycleways.empty())
        return std::nullopt;
    GeosContext& geos = threadGeosContext();
    const GeosGeometry parcelGeometry = geos.validFromMultiPolygon(parcel.geometry);
    if (!parcelGeometry)
        return std::nullopt;
    // The valid form lies within the drawn parcel's vertices, so their envelope bounds it.
    const std::optional<Scored<std::size_t>> nearest = bestOutward<std::size_t>(
        index.cycleways(), vertexEnvelope(parcel.geometry), kCyclewaySearchStartM, 1.0,
        [&](const std::vector<std::size_t>& lines) {
            return nearestCyclewayOf(lines, project, parcelGeometry.get(), index);
        });
    return nearest ? std::optional<double>(nearest->score) : std::nullopt;
}

// The district's index, or one made for this call when the district carries none that fits
// the project (a district put together by hand).
const CarbonDistrictIndex& indexOf(const Project& project, const CarbonDistrict& district,
                                   std::optional<CarbonDistrictIndex>& madeHere)
{
    if (district.index && district.index->matches(project, district.cycleways))
        return *district.index;
    madeHere.emplace(project, district.cycleways);
    return *madeHere;
}

std::optional<double> attributeNumber(const Parcel& parcel, const std::string& field)
{
    auto it = parcel.attributes.find(field);
    if (it == parcel.attributes.end() || it->second.empty())
        return std::nullopt;
    double number = 0;
    const char* begin = it->second.data();
    const char* end = begin + it->second.size();
    auto [ptr, ec] = std::from_chars(begin, end, number);
    if (ec != std::errc() || ptr != end || !std::isfinite(number) || number < 0)
        return std::nullopt;
    return number;
}

} // namespace

CarbonParameters::CarbonParameters(const ParameterSet& parameters, RenewalType type)
    : m_parameters(parameters), m_typeName(renewalTypeName(type))
{
}

double CarbonParameters::value(const std::string& key) const
{
    const std::string typed = key + "." + m_typeName;
    if (m_parameters.contains(typed))
        return m_parameters.value(typed);
    return m_parameters.value(key);
}

bool CarbonParameters::contains(const std::string& key) const
{
    return m_parameters.contains(key + "." + m_typeName) || m_parameters.contains(key);
}

ParcelFacts gatherFacts(const Project& project, const Parcel& parcel, const FormMetrics& form,
                        const WalkAccess& walk, const CarbonDistrict& district,
                        const CarbonParameters& parameters)
{
    std::optional<CarbonDistrictIndex> madeHere;
    const CarbonDistrictIndex& index = indexOf(project, district, madeHere);
    ParcelFacts facts;
    facts.type = parcel.type;
    facts.areaM2 = form.areaM2;
    facts.footprintM2 = form.footprintM2;
    facts.buildingDensity = form.buildingDensity;
    facts.far = form.far;
    facts.greenM2 = form.greenM2;
    facts.greenCoverage = form.greenCoverage;
    facts.roofAreaM2 = form.roofAreaM2;
    facts.grossFloorAreaM2 = form.grossFloorAreaM2;
    facts.residentialFloorAreaM2 = std::clamp(form.residentialFloorAreaM2, 0.0,
                                              form.grossFloorAreaM2);
    facts.nonResidentialFloorAreaM2 = form.grossFloorAreaM2 - facts.residentialFloorAreaM2;
    facts.residents = form.populationEst;
    const double perWorkerM2 = parameters.value("carbon.people.floor_area_per_worker_m2");
    facts.occupants = facts.residents + facts.nonResidentialFloorAreaM2 / perWorkerM2;

    // Without a mapped surface layer, every open ground that is not mapped green counts as
    // sealed: old dense districts are paved between buildings (docs/method.md, index 11).
    facts.imperviousFromData = form.imperviousShare.has_value();
    facts.imperviousShare = std::clamp(
        form.imperviousShare.value_or(1.0 - form.greenCoverage), 0.0, 1.0);
    facts.openGroundM2 = std::max(0.0, form.areaM2 - form.footprintM2);
    if (facts.openGroundM2 > 0) {
        const double permeableM2 = form.areaM2 * (1.0 - facts.imperviousShare);
        facts.permeableOpenShare = std::clamp(permeableM2 / facts.openGroundM2, 0.0, 1.0);
    }

    facts.grid = selectedGridFactor(parameters.all());
    facts.gridKgPerKwh = facts.grid.factor.value;

    const long long sinkMethod = std::llround(parameters.value("carbon.sink.method"));
    if (sinkMethod == 2) {
        facts.sinkFromTable = true;
        facts.sinkKgPerM2A = facts.greenM2 > 0 ? plantingTableRate(project, parcel, index,
                                                                   parameters)
                                               : 0.0;
    } else if (sinkMethod == 1) {
        facts.sinkKgPerM2A = parameters.value("carbon.sink.urban_rate_kg_m2_a");
    } else {
        throw MissingParameter("carbon.sink.method " + std::to_string(sinkMethod) + " (1..2)");
    }

    facts.measuredIntensityKwhM2 = attributeNumber(parcel, "energy_kwh_per_m2");
    facts.residentialIntensity = parameters.value("carbon.energy.intensity.residential");
    facts.publicIntensity = parameters.value("carbon.energy.intensity.public");

    const MethodConfig& config = project.config;
    facts.facilitiesLayerPresent = !project.facilities.empty();
    facts.streetLayerPresent = !project.streets.empty();
    facts.bike = accessDistance(kBikeTypes, walk, config, district, parameters,
                                "carbon.default.bike_station_distance_m",
                                facts.facilitiesLayerPresent);
    facts.cyclewayDistanceM = nearestCyclewayM(project, parcel, district, index);
    facts.bus = accessDistance(kBusTypes, walk, config, district, parameters,
                               "carbon.default.bus_stop_distance_m",
                               facts.facilitiesLayerPresent);
    facts.collection = accessDistance(kCollectionTypes, walk, config, district, parameters,
                                      "carbon.default.collection_point_distance_m",
                                      facts.facilitiesLayerPresent);
    measureParks(project, parcel, index, parameters, facts);
    facts.greenPerPerson = greenPerPerson(project, district, index, parameters);
    return facts;
}

} // namespace greenrenew::core::detail
