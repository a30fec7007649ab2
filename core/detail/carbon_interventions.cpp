// Interventions for the indices rated above slight (docs/method.md, "Interventions"): the
// technique of the paper's Table 2, its quantity for this parcel and its estimated effect,
// never more than the ledger amount it acts on.

#include "core/detail/carbon_inputs.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace greenrenew::core::detail {

namespace {

constexpr double kKgPerTonne = 1000.0;
constexpr double kMmPerM = 1000.0;

struct Estimate {
    double quantity = 0;
    std::string unit;
    double effectT = 0;   // before the cap
    double actsOnT = 0;
    std::string confidence;
    std::string basis;
    /// Rated figures the full quantity changes, and their values then (IndexRating::figures).
    std::vector<std::pair<std::string, double>> figures;
};

struct Context {
    const CarbonAssessment& assessment;
    const ParcelFacts& facts;
    const LedgerDetail& detail;
    const WalkAccess& walk;
    const MethodConfig& config;
    const CarbonParameters& parameters;
    double margin = 0;
};

const IndexRating& ratingOf(const Context& c, const std::string& index)
{
    const auto& ratings = c.assessment.ratings;
    return *std::find_if(ratings.begin(), ratings.end(),
                         [&](const IndexRating& rating) { return rating.index == index; });
}

double netSinkKgPerM2(const Context& c)
{
    return c.parameters.value("carbon.sink.urban_rate_kg_m2_a")
           - c.parameters.value("carbon.sink.upkeep_kg_m2_a");
}

/// The parcel's green coverage once ADDEDM2 more of it is green.
double greenCoverageWith(const Context& c, double addedM2)
{
    return c.facts.areaM2 > 0 ? (c.facts.greenM2 + addedM2) / c.facts.areaM2
                              : c.facts.greenCoverage;
}

double openUngreenedM2(const Context& c)
{
    return std::max(0.0, c.facts.openGroundM2 - c.facts.greenM2);
}

Estimate sinkEstimate(const Context& c, double squareMetres, const std::string& basis,
                      const std::string& confidence)
{
    std::string text = basis;
    text.append(" x (carbon.sink.urban_rate_kg_m2_a - carbon.sink.upkeep_kg_m2_a)");
    return {squareMetres, "m2", squareMetres * netSinkKgPerM2(c) / kKgPerTonne,
            c.assessment.ledger.grossEmissionsT(), confidence, std::move(text), {}};
}

Estimate compactDensity(const Context& c)
{
    // Open up the share of footprint by which the worst figure exceeds the slight band.
    const IndexRating& rating = ratingOf(c, "compact_density");
    const double target = rating.limit * (1.0 - c.margin);
    const double share = rating.proxy > 0 ? std::max(0.0, rating.proxy - target) / rating.proxy
                                          : 0.0;
    Estimate estimate = sinkEstimate(c, c.facts.footprintM2 * share,
                                     "footprint x excess share, turned to green", "low");
    // The opened footprint takes its floors with it and becomes green.
    estimate.figures = {{"building_density", c.facts.buildingDensity * (1.0 - share)},
                        {"far", c.facts.far * (1.0 - share)},
                        {"green_coverage", greenCoverageWith(c, estimate.quantity)}};
    return estimate;
}

// The routes to several missing services leave the parcel along the same streets and part
// where they turn off, so their union is at least the longest route and usually not much
// longer: the longest one is planted (summing them counted the shared trunk once per service).
// Only services the walk reached count: a route cannot lead to a service the district lacks
// within the largest circle (that gap calls for the facility itself, named in the rating), and
// the walk search stops at the largest circle, which therefore bounds the length.
Estimate walkLifeCircle(const Context& c)
{
    double largest = 0;
    for (const LifeCircle& circle : c.config.lifeCircles)
        largest = std::max(largest, circle.radiusM);
    std::set<std::string> missing;
    for (const auto& [circle, types] : c.walk.gaps)
        missing.insert(types.begin(), types.end());
    double metres = 0;
    std::string longestTo;
    for (const std::string& type : missing) {
        auto it = c.walk.distanceM.find(type);
        if (it != c.walk.distanceM.end() && std::min(it->second, largest) > metres) {
            metres = std::min(it->second, largest);
            longestTo = type;
        }
    }
    const double width = c.parameters.value("carbon.intervention.route_planting_width_m");
    const Estimate planted = sinkEstimate(
        c, metres * width,
        "longest walk route to a missing service reached (" + longestTo
            + "), at most the largest circle, x carbon.intervention.route_planting_width_m",
        "low");
    return {metres, std::string("m"), planted.effectT, planted.actsOnT, planted.confidence,
            planted.basis, {}};
}

Estimate heatIsland(const Context& c)
{
    const double share = c.parameters.value("carbon.intervention.ventilation_cooling_saving_share");
    const double construction = c.assessment.ledger.constructionT;
    return {std::sqrt(c.facts.areaM2), "m", construction * share, construction, "low",
            "one corridor across the parcel; construction x "
            "carbon.intervention.ventilation_cooling_saving_share", {}};
}

Estimate renewableEnergy(const Context& c)
{
    const double kwp = c.facts.roofAreaM2 * c.parameters.value("carbon.roof.pv_suitable_share")
                       * (1.0 - c.parameters.value("carbon.default.pv_installed_share"))
                       * c.parameters.value("carbon.pv.kwp_per_m2");
    const double kwh = kwp * c.parameters.value("carbon.pv.yield_kwh_per_kwp");
    // The proposal covers all the suitable roof that has no PV yet.
    return {kwp, "kWp", kwh * c.facts.gridKgPerKwh / kKgPerTonne,
            c.assessment.ledger.constructionT, "medium",
            "roof x carbon.roof.pv_suitable_share x carbon.pv.kwp_per_m2; "
            "x carbon.pv.yield_kwh_per_kwp x grid factor",
            {{"pv_share_of_suitable_roof", 1.0}}};
}

Estimate energySavingBuildings(const Context& c)
{
    const ParcelFacts& f = c.facts;
    const double guideKwh = f.residentialFloorAreaM2
                                * c.parameters.value("carbon.energy.guide.residential")
                            + f.nonResidentialFloorAreaM2
                                * c.parameters.value("carbon.energy.guide.public");
    const double savedKwh = std::max(0.0, c.detail.electricityKwh - guideKwh);
    const double guideIntensity = f.grossFloorAreaM2 > 0 ? guideKwh / f.grossFloorAreaM2 : 0;
    return {f.grossFloorAreaM2, "m2", savedKwh * f.gridKgPerKwh / kKgPerTonne,
            c.assessment.ledger.constructionT, "medium",
            "floor area brought from the estimated intensity to carbon.energy.guide.*",
            {{"energy_intensity", guideIntensity}}};
}

Estimate bicycleUse(const Context& c)
{
    const double shifted = c.detail.personKmPerYear * c.detail.carShare
                           * c.parameters.value("carbon.intervention.bike_shift_share_of_car");
    return {shifted, "pkm/a", shifted * c.parameters.value("carbon.transport.car_kg_per_pkm")
                                  / kKgPerTonne,
            c.assessment.ledger.transportT, "low",
            "car person-km x carbon.intervention.bike_shift_share_of_car x car factor", {}};
}

Estimate cleanVehicles(const Context& c)
{
    const double target = std::min(
        1.0, c.parameters.value("carbon.clean_vehicles.clean_share_min") * (1.0 + c.margin));
    const double gap = std::max(0.0,
                                target - c.parameters.value("carbon.default.fleet_clean_share"));
    const double busPkm = c.detail.personKmPerYear * c.detail.busShare * gap;
    const double saving = c.parameters.value("carbon.transport.bus_conventional_kg_per_pkm")
                          - c.parameters.value("carbon.transport.bus_electric_kwh_per_pkm")
                                * c.facts.gridKgPerKwh;
    return {busPkm, "pkm/a", busPkm * std::max(0.0, saving) / kKgPerTonne,
            c.assessment.ledger.transportT, "medium",
            "bus person-km moved to clean buses up to the slight band x (conventional - "
            "electric factor)",
            {{"fleet_clean_share", std::max(target, c.parameters.value(
                                                        "carbon.default.fleet_clean_share"))}}};
}

Estimate roofWallGreening(const Context& c)
{
    const double share = std::max(0.0,
        c.parameters.value("carbon.roof.greening_suitable_share")
            - c.parameters.value("carbon.default.roof_greened_share"));
    const double area = c.facts.roofAreaM2 * share;
    return {area, "m2", area * c.parameters.value("carbon.sink.roof_green_kg_m2_a") / kKgPerTonne,
            c.assessment.ledger.grossEmissionsT(), "low",
            "roof x carbon.roof.greening_suitable_share x carbon.sink.roof_green_kg_m2_a",
            {{"greened_share_of_roof",
              c.parameters.value("carbon.default.roof_greened_share") + share}}};
}

Estimate carbonPlanting(const Context& c)
{
    const IndexRating& rating = ratingOf(c, "carbon_planting");
    const double target = rating.limit * (1.0 + c.margin);
    const double wanted = std::max(0.0, target - c.facts.greenCoverage) * c.facts.areaM2;
    Estimate estimate = sinkEstimate(c, std::min(wanted, openUngreenedM2(c)),
                                     "green area to the slight band, within open ground",
                                     "medium");
    estimate.figures = {{"green_coverage", greenCoverageWith(c, estimate.quantity)}};
    return estimate;
}

Estimate parkSystem(const Context& c)
{
    const double pocket = c.parameters.value("carbon.park_system.small_park_min_m2");
    // The park's own figures (reach, green per person) are the district's and stay as they
    // are; its green counts in the parcel's coverage.
    Estimate estimate = sinkEstimate(c, std::min(pocket, openUngreenedM2(c)),
                                     "one pocket park of carbon.park_system.small_park_min_m2",
                                     "low");
    estimate.figures = {{"green_coverage", greenCoverageWith(c, estimate.quantity)}};
    return estimate;
}

double rainfallM(const Context& c)
{
    return c.parameters.value("carbon.default.rainfall_mm") / kMmPerM;
}

double waterKgPerM3(const Context& c)
{
    return c.parameters.value("carbon.water.energy_kwh_per_m3") * c.facts.gridKgPerKwh;
}

Estimate waterFriendlySpace(const Context& c)
{
    const double target =
        c.parameters.value("carbon.water_friendly_space.permeable_share_min") * (1.0 + c.margin);
    const double wanted = std::max(0.0, target - c.facts.permeableOpenShare)
                          * c.facts.openGroundM2;
    const double area = std::min(wanted, openUngreenedM2(c));
    const double lessRunoffM3 = area * rainfallM(c)
        * (c.parameters.value("carbon.water.runoff_coeff_impervious")
           - c.parameters.value("carbon.water.runoff_coeff_pervious"));
    const double permeableAfter = c.facts.openGroundM2 > 0
        ? c.facts.permeableOpenShare + area / c.facts.openGroundM2
        : c.facts.permeableOpenShare;
    return {area, "m2", lessRunoffM3 * waterKgPerM3(c) / kKgPerTonne,
            c.assessment.ledger.wasteT, "low",
            "paving made permeable x rainfall x runoff coefficient difference x water energy",
            {{"permeable_share_of_open_ground", permeableAfter}}};
}

Estimate rainGreyWater(const Context& c)
{
    const IndexRating& rating = ratingOf(c, "rain_grey_water");
    const double target = std::min(1.0, rating.limit * (1.0 + c.margin));
    const double rainM3 = c.facts.areaM2 * rainfallM(c);
    const double runoffM3 = rainM3 * runoffCoefficient(c.facts, c.parameters);
    const double reuseM3 = std::min(runoffM3, std::max(0.0, target - rating.proxy) * rainM3);
    const double controlAfter = rainM3 > 0 ? rating.proxy + reuseM3 / rainM3 : rating.proxy;
    return {reuseM3, "m3/a", reuseM3 * waterKgPerM3(c) / kKgPerTonne,
            c.assessment.ledger.wasteT, "low",
            "rain harvested up to the slight band, within the runoff, x water energy",
            {{"annual_runoff_control_rate", controlAfter}}};
}

Estimate domesticGarbage(const Context& c)
{
    const double target = std::min(
        1.0, c.parameters.value("carbon.domestic_garbage.recycling_rate_min") * (1.0 + c.margin));
    const double gap = std::max(0.0, target - c.parameters.value("carbon.default.recycling_rate"));
    const double diverted = c.detail.garbageTPerYear * gap;
    return {diverted, "t/a", diverted * c.parameters.value("carbon.waste.treatment_t_per_t"),
            c.assessment.ledger.wasteT, "medium",
            "garbage x recycling gap to the slight band x carbon.waste.treatment_t_per_t",
            {{"recycling_rate", std::max(target,
                                         c.parameters.value("carbon.default.recycling_rate"))}}};
}

using Estimator = Estimate (*)(const Context&);

struct IndexTechnique {
    const char* index;
    const char* technique;  // used when the catalogue has no entry for the index
    Estimator estimate;
};

constexpr IndexTechnique kTechniques[] = {
    {"compact_density", "mixed_use_parks_clean_vehicles", compactDensity},
    {"walk_life_circle", "tree_lined_walking_routes", walkLifeCircle},
    {"heat_island", "ventilation_corridors", heatIsland},
    {"renewable_energy", "rooftop_pv", renewableEnergy},
    {"energy_saving_buildings", "led_envelope_equipment", energySavingBuildings},
    {"bicycle_use", "more_bicycle_trips", bicycleUse},
    {"clean_vehicles", "cng_electric_buses", cleanVehicles},
    {"roof_wall_greening", "roof_wall_greening", roofWallGreening},
    {"carbon_planting", "park_green_ecological_network", carbonPlanting},
    {"park_system", "ecological_park_area", parkSystem},
    {"water_friendly_space", "ecological_runoff_corridors", waterFriendlySpace},
    {"rain_grey_water", "rainwater_greywater_reuse", rainGreyWater},
    {"domestic_garbage", "garbage_sorting_recycling", domesticGarbage},
};

} // namespace

std::vector<Intervention> chooseInterventions(const CarbonAssessment& assessment,
                                              const ParcelFacts& facts,
                                              const LedgerDetail& detail,
                                              const WalkAccess& walk,
                                              const MethodConfig& config,
                                              const CarbonParameters& parameters)
{
    const Context context{assessment, facts, detail, walk, config, parameters,
                          parameters.value("rating.medium_margin")};
    std::vector<Intervention> chosen;
    for (const std::string& index : assessment.indexOrder) {
        const IndexRating& rating = ratingOf(context, index);
        if (rating.rating != Rating::Serious && rating.rating != Rating::Medium)
            continue;
        const IndexTechnique* entry = std::find_if(std::begin(kTechniques),
            std::end(kTechniques), [&](const IndexTechnique& t) { return index == t.index; });
        const Estimate estimate = entry->estimate(context);

        Intervention intervention;
        intervention.index = index;
        intervention.technique = entry->technique;
        for (const InterventionSpec& spec : config.interventions) {
            if (spec.index == index) {
                intervention.technique = spec.technique;
                intervention.nameEn = spec.nameEn;
                intervention.nameZh = spec.nameZh;
                break;
            }
        }
        intervention.quantity = estimate.quantity;
        intervention.unit = estimate.unit;
        intervention.actsOnT = std::max(0.0, estimate.actsOnT);
        intervention.effectTPerYear = std::clamp(estimate.effectT, 0.0, intervention.actsOnT);
        intervention.confidence = estimate.confidence;
        intervention.basis = estimate.basis;
        intervention.figuresAtFullQuantity = estimate.figures;
        // Only measures that change this parcel's ledger are listed: on a bare lot (nothing
        // booked) or with nothing to act on, the index's rating and reason still say what is
        // wrong, but a line of 0 t would read as a plan with no effect (docs/method.md).
        if (!(intervention.effectTPerYear > 0))
            continue;
        chosen.push_back(std::move(intervention));
    }
    return chosen;
}

} // namespace greenrenew::core::detail
