// The 13 index ratings of one parcel (docs/method.md, "Indices"). Each index holds one or more
// figures against their limits; the figure with the least relative room decides the band.

#include "core/detail/carbon_inputs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>

namespace greenrenew::core::detail {

namespace {

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}

struct Check {
    std::string figure;
    double value = 0;
    double limit = 0;
    LimitBound bound = LimitBound::Min;
    std::string unit;
    std::string basis;        // where the value or the limit came from
    bool fromDefault = false;
};

double relativeRoom(const Check& check)
{
    const double room = check.bound == LimitBound::Min ? check.value - check.limit
                                                       : check.limit - check.value;
    return check.limit != 0 ? room / std::abs(check.limit) : room;
}

std::string describe(const Check& check)
{
    std::string text = check.figure + " " + number(check.value);
    if (!check.unit.empty())
        text += " " + check.unit;
    text += check.bound == LimitBound::Min ? " (min " : " (max ";
    text += number(check.limit) + ")";
    if (!check.basis.empty())
        text += " [" + check.basis + "]";
    return text;
}

// `missing` names the figures of the index that could not be measured and why. A missing
// figure can only make the index worse, so a serious band from the figures present stands;
// any better band would be a guess and the index is not assessed, with the reason.
IndexRating rateChecks(const std::string& index, const std::vector<Check>& checks,
                       double mediumMargin, const std::vector<std::string>& missing = {})
{
    IndexRating rating;
    rating.index = index;
    std::string notMeasured;
    for (const std::string& figure : missing)
        notMeasured += (notMeasured.empty() ? "" : "; ") + figure;
    if (checks.empty()) {
        rating.reason = missing.empty() ? "no figure and no project default to rate"
                                        : notMeasured;
        return rating;
    }
    const Check* worst = &checks.front();
    for (const Check& check : checks) {
        if (relativeRoom(check) < relativeRoom(*worst))
            worst = &check;
        rating.fromDefault = rating.fromDefault || check.fromDefault;
    }
    rating.rating = rateAgainstLimit(worst->value, worst->limit, worst->bound, mediumMargin);
    rating.proxy = worst->value;
    rating.proxyUnit = worst->unit;
    rating.limit = worst->limit;
    rating.mediumMargin = mediumMargin;
    rating.figuresMissing = !missing.empty();
    for (const Check& check : checks)
        rating.figures.push_back({check.figure, check.value, check.limit, check.bound});
    for (const Check& check : checks) {
        if (!rating.reason.empty())
            rating.reason += "; ";
        rating.reason += describe(check);
    }
    if (!missing.empty()) {
        if (rating.rating != Rating::Serious) {
            rating.reason = notMeasured + "; the figures present alone would rate "
                            + ratingName(rating.rating) + ": " + rating.reason;
            rating.rating = Rating::NotAssessed;
        } else {
            rating.reason += "; " + notMeasured;
        }
    }
    return rating;
}

IndexRating fixedRating(const std::string& index, Rating value, const std::string& reason)
{
    IndexRating rating;
    rating.index = index;
    rating.rating = value;
    rating.reason = reason;
    return rating;
}

/// A control value: the form stage's compliance check when it has one, else the carbon
/// fallback for renewal types without a planning control.
std::optional<Check> controlCheck(const FormMetrics& form, const std::string& figure,
                                  const std::string& bound, double value,
                                  const CarbonParameters& parameters,
                                  const std::string& fallbackKey)
{
    Check check;
    check.figure = figure;
    check.value = value;
    check.bound = bound == "min" ? LimitBound::Min : LimitBound::Max;
    for (const ComplianceCheck& compliance : form.compliance) {
        if (compliance.figure == figure && compliance.bound == bound) {
            check.limit = compliance.limit;
            check.value = compliance.value;
            check.basis = compliance.source;
            return check;
        }
    }
    if (!parameters.contains(fallbackKey))
        return std::nullopt;
    check.limit = parameters.value(fallbackKey);
    check.basis = fallbackKey;
    return check;
}

struct RatingContext {
    const ParcelFacts& facts;
    const FormMetrics& form;
    const WalkAccess& walk;
    const MethodConfig& config;
    const CarbonParameters& parameters;
    double mediumMargin = 0;
};

void addIf(std::vector<Check>& checks, std::optional<Check> check)
{
    if (check)
        checks.push_back(std::move(*check));
}

// Why an access figure is unknown: no facilities layer, or no street layer to walk on.
std::optional<std::string> accessUnknown(const RatingContext& c, const std::string& figure)
{
    if (!c.facts.facilitiesLayerPresent)
        return figure + " not measured: no facilities layer in the project";
    if (!c.facts.streetLayerPresent)
        return figure + " not measured: no street layer (no walk network) in the project";
    return std::nullopt;
}

std::optional<std::string> greenUnknown(const std::string& figure, bool known)
{
    if (known)
        return std::nullopt;
    return figure + " not measured: no green layer in the project";
}

// The impervious share comes from surface data, else from the mapped green (1 - coverage).
bool imperviousKnown(const RatingContext& c)
{
    return c.facts.imperviousFromData || c.facts.greenLayerPresent;
}

void addIf(std::vector<std::string>& missing, std::optional<std::string> reason)
{
    if (reason)
        missing.push_back(std::move(*reason));
}

IndexRating rateCompactDensity(const RatingContext& c)
{
    std::vector<Check> checks;
    addIf(checks, controlCheck(c.form, "building_density", "max", c.facts.buildingDensity,
                               c.parameters, "carbon.compact_density.density_max"));
    addIf(checks, controlCheck(c.form, "far", "max", c.facts.far, c.parameters,
                               "carbon.compact_density.far_max"));
    return rateChecks("compact_density", checks, c.mediumMargin);
}

IndexRating rateWalkLifeCircle(const RatingContext& c)
{
    if (c.config.lifeCircles.empty())
        return fixedRating("walk_life_circle", Rating::NotAssessed, "no life circles configured");
    if (const auto unknown = accessUnknown(c, "walk score"))
        return fixedRating("walk_life_circle", Rating::NotAssessed, *unknown);
    Check check{"walk_score", c.walk.walkScore,
                c.parameters.value("carbon.walk_life_circle.score_min"), LimitBound::Min,
                "share", "carbon.walk_life_circle.score_min", false};
    IndexRating rating = rateChecks("walk_life_circle", {check}, c.mediumMargin);
    for (const auto& [circle, types] : c.walk.gaps) {
        if (!types.empty())
            rating.reason += "; " + circle + " gaps " + std::to_string(types.size());
    }
    if (!c.walk.connected)
        rating.reason += "; parcel not on the walk network";
    return rating;
}

IndexRating rateHeatIsland(const RatingContext& c)
{
    std::vector<Check> checks;
    std::vector<std::string> missing;
    addIf(checks, controlCheck(c.form, "building_density", "max", c.facts.buildingDensity,
                               c.parameters, "carbon.compact_density.density_max"));
    if (c.facts.greenLayerPresent)
        addIf(checks, controlCheck(c.form, "green_coverage", "min", c.facts.greenCoverage,
                                   c.parameters, "carbon.carbon_planting.green_min"));
    addIf(missing, greenUnknown("green coverage", c.facts.greenLayerPresent));
    if (imperviousKnown(c))
        checks.push_back({"impervious_share", c.facts.imperviousShare,
                          c.parameters.value("carbon.heat_island.impervious_max"),
                          LimitBound::Max, "share",
                          c.facts.imperviousFromData ? "surface data"
                                                     : "estimated as 1 - green coverage",
                          false});
    addIf(missing, greenUnknown("impervious share (no surface data either)", imperviousKnown(c)));
    return rateChecks("heat_island", checks, c.mediumMargin, missing);
}

IndexRating rateRenewableEnergy(const RatingContext& c)
{
    if (c.facts.roofAreaM2 <= 0)
        return fixedRating("renewable_energy", Rating::Slight,
                           "no buildings in the parcel: no roof and no demand for PV");
    Check check{"pv_share_of_suitable_roof",
                c.parameters.value("carbon.default.pv_installed_share"),
                c.parameters.value("carbon.renewable_energy.installed_share_min"),
                LimitBound::Min, "share",
                "project default carbon.default.pv_installed_share (no PV layer)", true};
    return rateChecks("renewable_energy", {check}, c.mediumMargin);
}

IndexRating rateEnergySavingBuildings(const RatingContext& c)
{
    const ParcelFacts& f = c.facts;
    if (f.grossFloorAreaM2 <= 0)
        return fixedRating("energy_saving_buildings", Rating::Slight,
                           "no floor area in the parcel: no building energy use");
    const double limit = (f.residentialFloorAreaM2
                              * c.parameters.value("carbon.energy.limit.residential")
                          + f.nonResidentialFloorAreaM2
                              * c.parameters.value("carbon.energy.limit.public"))
                         / f.grossFloorAreaM2;
    const double estimated = f.measuredIntensityKwhM2.value_or(
        (f.residentialFloorAreaM2 * f.residentialIntensity
         + f.nonResidentialFloorAreaM2 * f.publicIntensity)
        / f.grossFloorAreaM2);
    Check check{"energy_intensity", estimated, limit, LimitBound::Max, "kWh/m2/a",
                f.measuredIntensityKwhM2 ? "parcel attribute energy_kwh_per_m2"
                                         : "project default carbon.energy.intensity.* by use",
                !f.measuredIntensityKwhM2};
    return rateChecks("energy_saving_buildings", {check}, c.mediumMargin);
}

IndexRating rateBicycleUse(const RatingContext& c)
{
    std::vector<Check> checks;
    std::vector<std::string> missing;
    addIf(missing, accessUnknown(c, "bike station distance"));
    if (missing.empty())
        checks.push_back({"bike_station_distance", c.facts.bike.distanceM,
                          c.parameters.value("carbon.bicycle_use.station_reach_m"),
                          LimitBound::Max, "m", c.facts.bike.how, c.facts.bike.fromDefault});
    // Cycle ways are a second proxy only where the street layer maps any: an OSM extract
    // without highway=cycleway says nothing about painted lanes on the roads.
    if (c.facts.cyclewayDistanceM)
        checks.push_back({"cycleway_distance", *c.facts.cyclewayDistanceM,
                          c.parameters.value("carbon.bicycle_use.cycleway_reach_m"),
                          LimitBound::Max, "m", "nearest highway=cycleway, straight line",
                          false});
    IndexRating rating = rateChecks("bicycle_use", checks, c.mediumMargin, missing);
    if (!c.facts.cyclewayDistanceM)
        rating.reason += "; no cycle way (highway=cycleway) mapped in the district";
    return rating;
}

IndexRating rateCleanVehicles(const RatingContext& c)
{
    std::vector<Check> checks{
        {"fleet_clean_share", c.parameters.value("carbon.default.fleet_clean_share"),
         c.parameters.value("carbon.clean_vehicles.clean_share_min"), LimitBound::Min, "share",
         "project setting carbon.default.fleet_clean_share", true}};
    std::vector<std::string> missing;
    addIf(missing, accessUnknown(c, "bus stop distance"));
    if (missing.empty())
        checks.push_back({"bus_stop_distance", c.facts.bus.distanceM,
                          c.parameters.value("carbon.clean_vehicles.bus_stop_reach_m"),
                          LimitBound::Max, "m", c.facts.bus.how, c.facts.bus.fromDefault});
    return rateChecks("clean_vehicles", checks, c.mediumMargin, missing);
}

IndexRating rateRoofWallGreening(const RatingContext& c)
{
    if (c.facts.roofAreaM2 <= 0)
        return fixedRating("roof_wall_greening", Rating::Slight,
                           "no buildings in the parcel: no roof or wall to green");
    Check check{"greened_share_of_roof", c.parameters.value("carbon.default.roof_greened_share"),
                c.parameters.value("carbon.roof_wall_greening.greened_share_min"),
                LimitBound::Min, "share",
                "project default carbon.default.roof_greened_share (no green-roof layer)", true};
    return rateChecks("roof_wall_greening", {check}, c.mediumMargin);
}

IndexRating rateCarbonPlanting(const RatingContext& c)
{
    std::vector<Check> checks;
    std::vector<std::string> missing;
    if (c.facts.greenLayerPresent)
        addIf(checks, controlCheck(c.form, "green_coverage", "min", c.facts.greenCoverage,
                                   c.parameters, "carbon.carbon_planting.green_min"));
    addIf(missing, greenUnknown("green coverage", c.facts.greenLayerPresent));
    return rateChecks("carbon_planting", checks, c.mediumMargin, missing);
}

std::vector<Check> greenPerPersonChecks(const RatingContext& c)
{
    std::vector<Check> checks;
    for (const GreenPerPerson& tier : c.facts.greenPerPerson)
        checks.push_back({"public_green_per_person_" + tier.circle, tier.m2PerPerson,
                          tier.limit, LimitBound::Min, "m2/person",
                          number(tier.parkM2) + " m2 of parks of at least "
                              + number(c.parameters.value("carbon.park_system.tier_park_min_m2."
                                                          + tier.circle))
                              + " m2 over the district's residents; GB 50180 Table 4.0.4 x "
                              + number(c.parameters.value(
                                  "carbon.park_system.renewal_floor_share")),
                          false});
    return checks;
}

IndexRating ratePark(const RatingContext& c)
{
    if (!c.facts.greenLayerPresent)
        return fixedRating("park_system", Rating::NotAssessed, "no green layer in the project");
    std::vector<Check> perPerson = greenPerPersonChecks(c);
    if (!c.facts.parkReachRatio) {
        IndexRating rating = fixedRating("park_system", Rating::Serious,
            "no park of at least "
                + number(c.parameters.value("carbon.park_system.small_park_min_m2"))
                + " m2 mapped in the project");
        rating.proxyUnit = "distance / reach";
        rating.limit = 1.0;
        for (const Check& check : perPerson)
            rating.reason += "; " + describe(check);
        return rating;
    }
    std::vector<Check> checks{{"park_distance_over_reach", *c.facts.parkReachRatio, 1.0,
                               LimitBound::Max, "distance / reach",
                               "nearest " + c.facts.parkHow + ", straight line", false}};
    checks.insert(checks.end(), perPerson.begin(), perPerson.end());
    IndexRating rating = rateChecks("park_system", checks, c.mediumMargin);
    if (perPerson.empty())
        rating.reason += "; public green per person not counted (no residents in the district, "
                         "or no carbon.park_system.green_per_person_m2.<circle> value)";
    return rating;
}

IndexRating rateWaterFriendlySpace(const RatingContext& c)
{
    Check check{"permeable_share_of_open_ground", c.facts.permeableOpenShare,
                c.parameters.value("carbon.water_friendly_space.permeable_share_min"),
                LimitBound::Min, "share",
                c.facts.imperviousFromData ? "surface data" : "permeable = mapped green",
                false};
    if (!imperviousKnown(c))
        return rateChecks("water_friendly_space", {}, c.mediumMargin,
                          {*greenUnknown("permeable share (no surface data either)", false)});
    return rateChecks("water_friendly_space", {check}, c.mediumMargin);
}

IndexRating rateRainGreyWater(const RatingContext& c)
{
    if (!imperviousKnown(c))
        return rateChecks("rain_grey_water", {}, c.mediumMargin,
                          {*greenUnknown("runoff coefficient (no surface data either)", false)});
    const double runoff = runoffCoefficient(c.facts, c.parameters);
    const double reuse = c.parameters.value("carbon.default.rain_reuse_share");
    Check check{"annual_runoff_control_rate", 1.0 - runoff + reuse * runoff,
                c.parameters.value("carbon.rain_grey_water.control_rate_min"), LimitBound::Min,
                "share", "runoff coefficient " + number(runoff)
                    + ", reuse from project default carbon.default.rain_reuse_share", true};
    return rateChecks("rain_grey_water", {check}, c.mediumMargin);
}

IndexRating rateDomesticGarbage(const RatingContext& c)
{
    std::vector<Check> checks{
        {"recycling_rate", c.parameters.value("carbon.default.recycling_rate"),
         c.parameters.value("carbon.domestic_garbage.recycling_rate_min"), LimitBound::Min,
         "share", "project default carbon.default.recycling_rate", true}};
    std::vector<std::string> missing;
    addIf(missing, accessUnknown(c, "collection point distance"));
    if (missing.empty())
        checks.push_back({"collection_point_distance", c.facts.collection.distanceM,
                          c.parameters.value("carbon.domestic_garbage.collection_reach_m"),
                          LimitBound::Max, "m", c.facts.collection.how,
                          c.facts.collection.fromDefault});
    return rateChecks("domestic_garbage", checks, c.mediumMargin, missing);
}

} // namespace

double runoffCoefficient(const ParcelFacts& facts, const CarbonParameters& parameters)
{
    return facts.imperviousShare * parameters.value("carbon.water.runoff_coeff_impervious")
           + (1.0 - facts.imperviousShare)
                 * parameters.value("carbon.water.runoff_coeff_pervious");
}

std::vector<IndexRating> rateIndices(const ParcelFacts& facts, const FormMetrics& form,
                                     const WalkAccess& walk, const MethodConfig& config,
                                     const CarbonParameters& parameters)
{
    std::vector<IndexRating> ratings;
    if (facts.areaM2 <= 0) {
        for (const std::string& index : indexIds())
            ratings.push_back(fixedRating(index, Rating::NotAssessed, "parcel has no area"));
        return ratings;
    }
    const RatingContext context{facts, form, walk, config, parameters,
                                parameters.value("rating.medium_margin")};
    using Rater = IndexRating (*)(const RatingContext&);
    const Rater raters[] = {rateCompactDensity, rateWalkLifeCircle, rateHeatIsland,
        rateRenewableEnergy, rateEnergySavingBuildings, rateBicycleUse, rateCleanVehicles,
        rateRoofWallGreening, rateCarbonPlanting, ratePark, rateWaterFriendlySpace,
        rateRainGreyWater, rateDomesticGarbage};
    for (Rater rater : raters)
        ratings.push_back(rater(context));
    return ratings;
}

} // namespace greenrenew::core::detail
