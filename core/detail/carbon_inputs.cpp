#include "core/detail/carbon_inputs.h"

#include <boost/geometry/algorithms/area.hpp>
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

// Green-space kinds that are public parks (the import's taxonomy of the green layer).
constexpr std::initializer_list<const char*> kParkKinds = {"park", "garden",
                                                          "recreation_ground"};

bool typeMeasured(const std::string& type, const WalkAccess& walk, const MethodConfig& config)
{
    if (walk.distanceM.count(type) != 0)
        return true;
    for (const FacilityType& known : config.facilityTypes) {
        if (known.id == type)
            return true;
    }
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
                              const MethodConfig& config, const CarbonParameters& parameters,
                              const std::string& defaultKey)
{
    AccessDistance access;
    std::string measured;
    std::optional<double> nearest;
    std::string nearestType;
    for (const char* type : types) {
        if (!typeMeasured(type, walk, config))
            continue;
        measured += measured.empty() ? type : std::string(", ") + type;
        auto it = walk.distanceM.find(type);
        if (it != walk.distanceM.end() && (!nearest || it->second < *nearest)) {
            nearest = it->second;
            nearestType = type;
        }
    }

    if (!measured.empty() && walk.connected) {
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
                 + (walk.connected ? "no facility type " + wanted + " measured"
                                   : std::string("parcel not on the walk network"))
                 + ")";
    return access;
}

bool isParkKind(const std::string& kind)
{
    return std::any_of(kParkKinds.begin(), kParkKinds.end(),
                       [&](const char* park) { return kind == park; });
}

void measureParks(const Project& project, const Parcel& parcel,
                  const CarbonParameters& parameters, ParcelFacts& facts)
{
    facts.greenLayerPresent = !project.green.empty();
    const double smallMin = parameters.value("carbon.park_system.small_park_min_m2");
    const double largeMin = parameters.value("carbon.park_system.large_park_min_m2");
    const double smallReach = parameters.value("carbon.park_system.small_park_reach_m");
    const double largeReach = parameters.value("carbon.park_system.large_park_reach_m");

    for (const GreenSpace& green : project.green) {
        if (!isParkKind(green.kind))
            continue;
        const double area = std::abs(boost::geometry::area(green.geometry));
        if (area < smallMin)
            continue;
        const double reach = area >= largeMin ? largeReach : smallReach;
        const double distance = boost::geometry::distance(parcel.geometry, green.geometry);
        const double ratio = distance / reach;
        if (!facts.parkReachRatio || ratio < *facts.parkReachRatio) {
            facts.parkReachRatio = ratio;
            facts.parkHow = "park " + std::to_string(green.id) + " of "
                            + std::to_string(static_cast<long>(std::lround(area)))
                            + " m2 at " + std::to_string(static_cast<long>(std::lround(distance)))
                            + " m (reach " + std::to_string(static_cast<long>(reach)) + " m)";
        }
    }
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
                        const WalkAccess& walk, const CarbonParameters& parameters)
{
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

    const GridFactorChoice grid = selectedGridFactor(parameters.all());
    facts.gridKey = grid.key;
    facts.gridKgPerKwh = grid.factor.value;

    facts.measuredIntensityKwhM2 = attributeNumber(parcel, "energy_kwh_per_m2");
    facts.residentialIntensity = parameters.value("carbon.energy.intensity.residential");
    facts.publicIntensity = parameters.value("carbon.energy.intensity.public");

    const MethodConfig& config = project.config;
    facts.bike = accessDistance(kBikeTypes, walk, config, parameters,
                                "carbon.default.bike_station_distance_m");
    facts.bus = accessDistance(kBusTypes, walk, config, parameters,
                               "carbon.default.bus_stop_distance_m");
    facts.collection = accessDistance(kCollectionTypes, walk, config, parameters,
                                      "carbon.default.collection_point_distance_m");
    measureParks(project, parcel, parameters, facts);
    return facts;
}

} // namespace greenrenew::core::detail
