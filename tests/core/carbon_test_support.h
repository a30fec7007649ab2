#pragma once

// The configuration and the three hand-worked parcels shared by the carbon tests. The values are
// those of resources/method/carbon.json (core tests do not read JSON); every expected value in
// the tests is computed in a comment from them.

#include "core/carbon_method.h"

#include <boost/geometry/algorithms/correct.hpp>

#include <algorithm>
#include <string>
#include <utility>

namespace greenrenew::core::carbon_test {

inline constexpr double kTonneTolerance = 1e-6;
inline constexpr double kShareTolerance = 1e-9;

inline MethodConfig carbonConfig()
{
    MethodConfig config;
    const std::pair<const char*, double> values[] = {
        {"rating.medium_margin", 0.15},
        {"carbon.project.province_code", 500000},
        {"carbon.grid.scope", 1},
        {"carbon.grid.year", 2022},
        {"carbon.grid.province.500000.2022", 0.5227},
        {"carbon.grid.province.500000.2021", 0.4743},
        {"carbon.grid.province.510000.2022", 0.1404},
        {"carbon.grid.region.500000.2022", 0.2268},
        {"carbon.grid.region.500000.2021", 0.2113},
        {"carbon.grid.region.310000.2023", 0.55},
        {"carbon.grid.national.2021", 0.5568},
        {"carbon.grid.national.2022", 0.5366},
        {"carbon.grid.national.2023", 0.5306},
        {"carbon.grid.national_excl_market_nonfossil.2022", 0.5856},
        {"carbon.grid.national_excl_market_nonfossil.2023", 0.6096},
        {"carbon.grid.national_reporting.2023", 0.5703},
        {"carbon.energy.intensity.residential", 36},
        {"carbon.energy.intensity.public", 120},
        {"carbon.energy.limit.residential", 31},
        {"carbon.energy.guide.residential", 24},
        {"carbon.energy.limit.public", 110},
        {"carbon.energy.guide.public", 90},
        {"carbon.roof.pv_suitable_share", 0.4},
        {"carbon.pv.kwp_per_m2", 0.15},
        {"carbon.pv.yield_kwh_per_kwp", 900},
        {"carbon.sink.method", 1},
        {"carbon.default.pv_installed_share", 0},
        {"carbon.renewable_energy.installed_share_min", 0.2},
        {"carbon.renewable_energy.installed_share_min.commercial", 0.3},
        {"carbon.renewable_energy.installed_share_min.factory", 0.3},
        {"carbon.renewable_energy.installed_share_min.historic_block", 0.2},
        {"carbon.people.floor_area_per_worker_m2", 30},
        {"carbon.transport.trips_per_person_day", 2.2},
        {"carbon.transport.trip_km", 6},
        {"carbon.mode_share.walk", 0.45},
        {"carbon.mode_share.bike", 0.01},
        {"carbon.mode_share.bus", 0.24},
        {"carbon.mode_share.metro", 0.12},
        {"carbon.mode_share.car", 0.18},
        {"carbon.transport.car_kg_per_pkm", 0.125},
        {"carbon.transport.bus_conventional_kg_per_pkm", 0.0562},
        {"carbon.transport.bus_electric_kwh_per_pkm", 0.07},
        {"carbon.transport.metro_kwh_per_pkm", 0.1},
        {"carbon.default.fleet_clean_share", 0.9},
        {"carbon.clean_vehicles.clean_share_min", 0.6},
        {"carbon.clean_vehicles.bus_stop_reach_m", 500},
        {"carbon.default.bus_stop_distance_m", 500},
        {"carbon.bicycle_use.station_reach_m", 300},
        {"carbon.default.bike_station_distance_m", 500},
        {"carbon.transport.poor_access_share_factor", 0.5},
        {"carbon.sink.urban_rate_kg_m2_a", 0.9},
        {"carbon.sink.upkeep_kg_m2_a", 0.1},
        {"carbon.sink.roof_green_kg_m2_a", 0.5},
        {"carbon.roof.greening_suitable_share", 0.3},
        {"carbon.default.roof_greened_share", 0},
        {"carbon.roof_wall_greening.greened_share_min", 0.3},
        {"carbon.carbon_planting.green_min", 0.3},
        {"carbon.carbon_planting.green_min.commercial", 0.2},
        {"carbon.carbon_planting.green_min.factory", 0.2},
        {"carbon.carbon_planting.green_min.historic_block", 0.2},
        {"carbon.compact_density.density_max", 0.43},
        {"carbon.compact_density.far_max", 1.2},
        {"carbon.compact_density.density_max.commercial", 0.5},
        {"carbon.compact_density.far_max.commercial", 4},
        {"carbon.compact_density.density_max.factory", 0.45},
        {"carbon.compact_density.far_max.factory", 2},
        {"carbon.compact_density.density_max.historic_block", 0.6},
        {"carbon.compact_density.far_max.historic_block", 1.5},
        {"carbon.heat_island.impervious_max", 0.7},
        {"carbon.park_system.small_park_min_m2", 2000},
        {"carbon.park_system.small_park_reach_m", 300},
        {"carbon.park_system.large_park_min_m2", 5000},
        {"carbon.park_system.large_park_reach_m", 500},
        {"carbon.water_friendly_space.permeable_share_min", 0.45},
        {"carbon.default.rainfall_mm", 1100},
        {"carbon.water.runoff_coeff_impervious", 0.9},
        {"carbon.water.runoff_coeff_pervious", 0.15},
        {"carbon.default.rain_reuse_share", 0},
        {"carbon.rain_grey_water.control_rate_min", 0.7},
        {"carbon.water.use_l_per_person_day", 150},
        {"carbon.water.energy_kwh_per_m3", 0.6},
        {"carbon.waste.kg_per_person_day", 1},
        {"carbon.waste.treatment_t_per_t", 0.5},
        {"carbon.default.recycling_rate", 0.3},
        {"carbon.domestic_garbage.recycling_rate_min", 0.35},
        {"carbon.domestic_garbage.collection_reach_m", 300},
        {"carbon.default.collection_point_distance_m", 500},
        {"carbon.walk_life_circle.score_min", 0.8},
        {"carbon.intervention.route_planting_width_m", 1.5},
        {"carbon.intervention.ventilation_cooling_saving_share", 0.03},
        {"carbon.intervention.bike_shift_share_of_car", 0.1},
    };
    for (const auto& [key, value] : values)
        config.parameters.values[key] = SourcedValue{value, "", std::nullopt, "test", ""};
    config.interventions.push_back({"renewable_energy", "rooftop_pv", "Rooftop solar power (PV)",
                                    "利用太阳能发电（屋顶光伏）", "paper Table 2"});
    config.lifeCircles.push_back({"5min", 300, 5, {"kindergarten", "recycling_point"}, "test"});
    config.lifeCircles.push_back({"10min", 500, 10, {"fresh_market"}, "test"});
    config.lifeCircles.push_back({"15min", 1000, 15, {"public_transport_stop"}, "test"});
    return config;
}

inline MultiPolygon square(double x, double y, double side)
{
    Polygon polygon;
    polygon.outer() = {{x, y}, {x, y + side}, {x + side, y + side}, {x + side, y}, {x, y}};
    boost::geometry::correct(polygon);
    return MultiPolygon{polygon};
}

inline ComplianceCheck control(const std::string& figure, const std::string& bound,
                               double limit, double value)
{
    ComplianceCheck check;
    check.figure = figure;
    check.bound = bound;
    check.limit = limit;
    check.value = value;
    check.margin = bound == "min" ? value - limit : limit - value;
    check.ok = check.margin >= 0;
    check.source = "GB 50180-2018 Table 4.0.2 (test)";
    return check;
}

inline const IndexRating& ratingOf(const CarbonAssessment& assessment,
                                   const std::string& index)
{
    return *std::find_if(assessment.ratings.begin(), assessment.ratings.end(),
                         [&](const IndexRating& rating) { return rating.index == index; });
}

inline const Intervention* interventionOf(const CarbonAssessment& assessment,
                                          const std::string& index)
{
    for (const Intervention& intervention : assessment.interventions) {
        if (intervention.index == index)
            return &intervention;
    }
    return nullptr;
}

// Parcel A, old residential block: 100 m x 100 m, 3,500 m2 footprint, six storeys (GFA 21,000
// m2, all residential), 1,500 m2 green, 600 residents; multi-storey I controls (density 0.32,
// FAR 1.6, green 0.30). A 60 m x 60 m park (3,600 m2: reach 300 m) lies 150 m east.
struct ParcelCase {
    Project project;
    FormMetrics form;
    WalkAccess walk;
};

/// One facility and one street far away: the project has both layers, so the cases' walk
/// figures (or stated defaults) are measurements, not a missing layer.
inline void addFacilityAndStreetLayers(Project& project)
{
    Facility facility;
    facility.id = 900;
    facility.location = {5000, 5000};
    facility.category = "bench";
    project.facilities.push_back(facility);
    Street street;
    street.id = 901;
    street.highway = "residential";
    street.geometry = {{{5000, 5000}, {5100, 5000}}};
    project.streets.push_back(street);
}

inline ParcelCase residentialCase()
{
    ParcelCase c;
    c.project.config = carbonConfig();
    addFacilityAndStreetLayers(c.project);
    Parcel parcel;
    parcel.id = 1;
    parcel.type = RenewalType::Residential;
    parcel.geometry = square(0, 0, 100);
    c.project.parcels.push_back(parcel);
    GreenSpace park;
    park.id = 7;
    park.kind = "park";
    park.geometry = square(250, 0, 60);
    c.project.green.push_back(park);

    c.form.areaM2 = 10000;
    c.form.footprintM2 = 3500;
    c.form.buildingDensity = 0.35;
    c.form.grossFloorAreaM2 = 21000;
    c.form.far = 2.1;
    c.form.greenM2 = 1500;
    c.form.greenCoverage = 0.15;
    c.form.roofAreaM2 = 3500;
    c.form.openSpaceShare = 0.65;
    c.form.residentialFloorAreaM2 = 21000;
    c.form.populationEst = 600;
    c.form.compliance = {control("building_density", "max", 0.32, 0.35),
                         control("far", "max", 1.6, 2.1),
                         control("green_coverage", "min", 0.30, 0.15)};

    c.walk.distanceM = {{"public_transport_stop", 200}, {"recycling_point", 250}};
    c.walk.gaps = {{"5min", {"kindergarten"}}};
    c.walk.walkScore = 0.75;
    return c;
}

// Parcel B, old commercial block, 5,000 m2 with a 4,000 m2 single-storey hall, no green, no
// residents, a measured 10 kWh/m2/a, and no access point on the walk network.
inline ParcelCase commercialCase()
{
    ParcelCase c;
    c.project.config = carbonConfig();
    addFacilityAndStreetLayers(c.project);
    Parcel parcel;
    parcel.id = 2;
    parcel.type = RenewalType::Commercial;
    parcel.geometry = square(0, 0, 70.710678);
    parcel.attributes["energy_kwh_per_m2"] = "10";
    c.project.parcels.push_back(parcel);

    c.form.areaM2 = 5000;
    c.form.footprintM2 = 4000;
    c.form.buildingDensity = 0.8;
    c.form.grossFloorAreaM2 = 4000;
    c.form.far = 0.8;
    c.form.roofAreaM2 = 4000;
    c.form.openSpaceShare = 0.2;
    c.form.compliance = {control("building_density", "max", 0.5, 0.8),
                         control("far", "max", 4.0, 0.8),
                         control("green_coverage", "min", 0.2, 0.0)};
    c.walk.connected = false;
    return c;
}

// Parcel C, historic block: 8,000 m2, 4,400 m2 footprint, two storeys (6,600 m2 housing, 2,200
// m2 shops), 800 m2 green, 170 residents, surveyed impervious share 0.80; the national 2022
// grid factor is selected. An 80 m x 80 m park (6,400 m2: reach 500 m) lies 450 m north.
inline ParcelCase historicCase()
{
    ParcelCase c;
    c.project.config = carbonConfig();
    addFacilityAndStreetLayers(c.project);
    c.project.config.parameters.values["carbon.grid.scope"].value = 3;
    c.project.config.facilityTypes.push_back({"bike_share", "Bike share", "共享单车"});
    Parcel parcel;
    parcel.id = 3;
    parcel.type = RenewalType::HistoricBlock;
    parcel.geometry = square(0, 0, 89.442719);
    c.project.parcels.push_back(parcel);
    GreenSpace park;
    park.id = 8;
    park.kind = "park";
    park.geometry = square(0, 89.442719 + 450, 80);
    c.project.green.push_back(park);

    c.form.areaM2 = 8000;
    c.form.footprintM2 = 4400;
    c.form.buildingDensity = 0.55;
    c.form.grossFloorAreaM2 = 8800;
    c.form.far = 1.1;
    c.form.greenM2 = 800;
    c.form.greenCoverage = 0.10;
    c.form.roofAreaM2 = 4400;
    c.form.openSpaceShare = 0.45;
    c.form.imperviousShare = 0.80;
    c.form.residentialFloorAreaM2 = 6600;
    c.form.populationEst = 170;
    c.form.compliance = {control("building_density", "max", 0.6, 0.55),
                         control("far", "max", 1.5, 1.1),
                         control("green_coverage", "min", 0.1, 0.10)};

    c.walk.distanceM = {{"recycling_point", 120}, {"public_transport_stop", 650},
                        {"bike_share", 250}, {"fresh_market", 700}};
    c.walk.gaps = {{"10min", {"fresh_market"}}};
    c.walk.walkScore = 0.9;
    return c;
}

inline CarbonAssessment assess(const ParcelCase& c)
{
    return assessParcelCarbon(c.project, c.project.parcels.front(), c.form, c.walk);
}

} // namespace greenrenew::core::carbon_test
