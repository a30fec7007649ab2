// Carbon-source sorting: ratings, ledgers and interventions of three parcels worked by hand.
// The configuration and the three parcels are in carbon_test_support.h, with the numbers of
// resources/method/carbon.json. Every expected value below is computed in the comment above it.

#include "core/carbon_method.h"
#include "carbon_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <utility>

namespace greenrenew::core {
namespace {

using namespace carbon_test;

TEST(CarbonMethodTest, RatesAtTheBandEdges)
{
    // Min limit 0.4, margin 0.25: serious below 0.4, medium in [0.4, 0.5), slight from 0.5.
    EXPECT_EQ(rateAgainstLimit(0.3999, 0.4, LimitBound::Min, 0.25), Rating::Serious);
    EXPECT_EQ(rateAgainstLimit(0.4, 0.4, LimitBound::Min, 0.25), Rating::Medium);
    EXPECT_EQ(rateAgainstLimit(0.4999, 0.4, LimitBound::Min, 0.25), Rating::Medium);
    EXPECT_EQ(rateAgainstLimit(0.5, 0.4, LimitBound::Min, 0.25), Rating::Slight);
    // Max limit 300 m, margin 0.15: serious above 300, medium in (255, 300], slight to 255.
    EXPECT_EQ(rateAgainstLimit(300.1, 300, LimitBound::Max, 0.15), Rating::Serious);
    EXPECT_EQ(rateAgainstLimit(300, 300, LimitBound::Max, 0.15), Rating::Medium);
    EXPECT_EQ(rateAgainstLimit(255.1, 300, LimitBound::Max, 0.15), Rating::Medium);
    EXPECT_EQ(rateAgainstLimit(255, 300, LimitBound::Max, 0.15), Rating::Slight);
    // The default margin 0.15 on a 0.30 minimum: 0.345 = 0.30 x 1.15 is the slight edge.
    EXPECT_EQ(rateAgainstLimit(0.345, 0.30, LimitBound::Min, 0.15), Rating::Slight);
    EXPECT_EQ(rateAgainstLimit(0.3449, 0.30, LimitBound::Min, 0.15), Rating::Medium);
}

TEST(CarbonMethodTest, ListsThirteenIndicesInFourCategories)
{
    ASSERT_EQ(indexIds().size(), 13u);
    EXPECT_EQ(indexCategory("energy_saving_buildings"), Category::Construction);
    EXPECT_EQ(indexCategory("clean_vehicles"), Category::Transport);
    EXPECT_EQ(indexCategory("water_friendly_space"), Category::Greening);
    EXPECT_EQ(indexCategory("rain_grey_water"), Category::Waste);
    EXPECT_THROW(indexCategory("no_such_index"), std::invalid_argument);
}

TEST(CarbonMethodTest, SelectsTheGridFactorByScopeYearAndProvince)
{
    MethodConfig config = carbonConfig();
    GridFactorChoice choice = selectedGridFactor(config.parameters);
    EXPECT_EQ(choice.key, "carbon.grid.province.500000.2022");
    EXPECT_DOUBLE_EQ(choice.factor.value, 0.5227);

    config.parameters.values["carbon.grid.scope"].value = 2;
    EXPECT_DOUBLE_EQ(selectedGridFactor(config.parameters).factor.value, 0.2268);
    // Sichuan's 2022 provincial factor (parameters.md 2.5 [V]).
    config.parameters.values["carbon.project.province_code"].value = 510000;
    config.parameters.values["carbon.grid.scope"].value = 1;
    EXPECT_DOUBLE_EQ(selectedGridFactor(config.parameters).factor.value, 0.1404);
    // Shanghai's provincial factor is not sourced (parameters.md: "to find"): none is shipped,
    // so selecting it is an error rather than a recalled number.
    config.parameters.values["carbon.project.province_code"].value = 310000;
    EXPECT_THROW(selectedGridFactor(config.parameters), MissingParameter);
    config.parameters.values["carbon.grid.scope"].value = 2;
    config.parameters.values["carbon.grid.year"].value = 2023;
    EXPECT_EQ(selectedGridFactor(config.parameters).key, "carbon.grid.region.310000.2023");
    EXPECT_DOUBLE_EQ(selectedGridFactor(config.parameters).factor.value, 0.55);
    config.parameters.values["carbon.grid.scope"].value = 5;
    config.parameters.values["carbon.grid.year"].value = 2023;
    EXPECT_DOUBLE_EQ(selectedGridFactor(config.parameters).factor.value, 0.5703);
    // No regional East China factor for 2022 is shipped: a missing value is an error.
    config.parameters.values["carbon.grid.scope"].value = 2;
    config.parameters.values["carbon.grid.year"].value = 2022;
    EXPECT_THROW(selectedGridFactor(config.parameters), MissingParameter);
}

// Parcel A ledger, grid 0.5227 kgCO2/kWh (Chongqing 2022):
// construction = 21,000 m2 x 36 kWh/m2/a x 0.5227 / 1000 = 395.1612 t (no PV installed).
// transport: person-km = 600 x 2.2 trips x 365 d x 6 km = 2,890,800 pkm/a. Bus stop at 200 m
//   (within 500 m) keeps the bus share 0.24; no bicycle type is measured, so the default
//   500 m (> 300 m) halves the bike share: bike 0.005, car 0.18 + 0.005 = 0.185, metro 0.12.
//   bus = 0.9 x 0.07 kWh x 0.5227 + 0.1 x 0.0562 = 0.0385501 kg/pkm; metro = 0.10 x 0.5227 =
//   0.05227; kg/pkm = 0.24 x 0.0385501 + 0.12 x 0.05227 + 0.185 x 0.125 = 0.038649424;
//   transport = 2,890,800 x 0.038649424 / 1000 = 111.7277549 t.
// greening = 1,500 m2 x (0.10 - 0.90) / 1000 = -1.2 t.
// waste = 600 x 1.0 kg x 365 / 1000 = 219 t x (1 - 0.30) x 0.5 = 76.65 t
//   + water 600 x 150 L x 365 / 1000 = 32,850 m3 x 0.6 kWh x 0.5227 / 1000 = 10.302417 t
//   = 86.952417 t.  total = 592.6413719 t.
TEST(CarbonMethodTest, BooksTheResidentialLedgerByHand)
{
    const CarbonAssessment a = assess(residentialCase());
    EXPECT_EQ(a.gridFactorKey, "carbon.grid.province.500000.2022");
    EXPECT_NEAR(a.ledger.constructionT, 395.1612, kTonneTolerance);
    EXPECT_NEAR(a.ledger.transportT, 111.7277549, kTonneTolerance);
    EXPECT_NEAR(a.ledger.greeningT, -1.2, kTonneTolerance);
    EXPECT_NEAR(a.ledger.wasteT, 86.952417, kTonneTolerance);
    EXPECT_NEAR(a.ledger.totalT(), 592.6413719, kTonneTolerance);
    EXPECT_EQ(a.leading, Category::Construction);
    EXPECT_EQ(a.categoryOrder, (std::vector<Category>{Category::Construction,
              Category::Transport, Category::Waste, Category::Greening}));
}

// Parcel A ratings (margin 0.15):
// compact: density 0.35 > 0.32 and FAR 2.1 > 1.6 fail; FAR has less room (-0.3125): serious.
// walk: score 0.75 < 0.8: serious. heat island: density fails: serious.
// renewable: PV share 0 < 0.20: serious. energy: 36 > 31 kWh/m2/a: serious.
// bicycle: default 500 m > 300 m: serious, from a default.
// clean vehicles: fleet 0.9 vs 0.6 (room 0.5) and bus stop 200 vs 500 m (room 0.6): slight.
// roof greening 0 < 0.3 and planting 0.15 < 0.30: serious.
// park: 150 m / 300 m reach = 0.5, room 0.5: slight.
// water-friendly: permeable 10,000 x (1 - 0.85) = 1,500 m2 of 6,500 m2 open = 0.2308 < 0.45.
// rain: runoff coefficient 0.85 x 0.9 + 0.15 x 0.15 = 0.7875, control 0.2125 < 0.70: serious.
// garbage: recycling 0.30 < 0.35: serious (collection point at 250 m is within 300 m).
TEST(CarbonMethodTest, RatesTheResidentialParcelByHand)
{
    const CarbonAssessment a = assess(residentialCase());
    ASSERT_EQ(a.ratings.size(), 13u);
    EXPECT_EQ(ratingOf(a, "compact_density").rating, Rating::Serious);
    EXPECT_DOUBLE_EQ(ratingOf(a, "compact_density").proxy, 2.1);
    EXPECT_DOUBLE_EQ(ratingOf(a, "compact_density").limit, 1.6);
    EXPECT_EQ(ratingOf(a, "walk_life_circle").rating, Rating::Serious);
    EXPECT_EQ(ratingOf(a, "heat_island").rating, Rating::Serious);
    EXPECT_EQ(ratingOf(a, "renewable_energy").rating, Rating::Serious);
    EXPECT_EQ(ratingOf(a, "energy_saving_buildings").rating, Rating::Serious);
    EXPECT_EQ(ratingOf(a, "bicycle_use").rating, Rating::Serious);
    EXPECT_TRUE(ratingOf(a, "bicycle_use").fromDefault);
    EXPECT_EQ(ratingOf(a, "clean_vehicles").rating, Rating::Slight);
    EXPECT_EQ(ratingOf(a, "roof_wall_greening").rating, Rating::Serious);
    EXPECT_EQ(ratingOf(a, "carbon_planting").rating, Rating::Serious);
    EXPECT_EQ(ratingOf(a, "park_system").rating, Rating::Slight);
    EXPECT_NEAR(ratingOf(a, "park_system").proxy, 0.5, kShareTolerance);
    EXPECT_EQ(ratingOf(a, "water_friendly_space").rating, Rating::Serious);
    EXPECT_NEAR(ratingOf(a, "water_friendly_space").proxy, 1500.0 / 6500.0, kShareTolerance);
    EXPECT_EQ(ratingOf(a, "rain_grey_water").rating, Rating::Serious);
    EXPECT_NEAR(ratingOf(a, "rain_grey_water").proxy, 0.2125, kShareTolerance);
    EXPECT_EQ(ratingOf(a, "domestic_garbage").rating, Rating::Serious);
    // Serious construction indices come first: construction is the largest category.
    EXPECT_EQ(a.indexOrder.front(), "compact_density");
    EXPECT_EQ(a.indexOrder.back(), "park_system");
}

// Parcel A interventions:
// PV: 3,500 m2 x 0.4 x 0.15 kWp/m2 = 210 kWp x 900 kWh x 0.5227 / 1000 = 98.7903 t.
// energy: (36 - 24 guide) x 21,000 m2 = 252,000 kWh x 0.5227 / 1000 = 131.7204 t.
// garbage: target 0.35 x 1.15 = 0.4025, gap 0.1025 x 219 t = 22.4475 t x 0.5 = 11.223750 t.
// bicycle: 2,890,800 x 0.185 x 0.10 = 53,479.8 pkm x 0.125 / 1000 = 6.684975 t.
// heat island: 100 m corridor; 395.1612 x 0.03 = 11.854836 t.
// walk: the only missing service, a kindergarten, is not reached within the largest circle:
//   no route can lead to it (0 m), so no tree-lined route is listed.
// rain: target 0.805; (0.805 - 0.2125) x 11,000 m3 = 6,517.5 m3 (runoff 8,662.5)
//   x 0.6 x 0.5227 / 1000 = 2.04401835 t.
TEST(CarbonMethodTest, ChoosesResidentialInterventionsByHand)
{
    const CarbonAssessment a = assess(residentialCase());
    // 13 indices less the two slight ones and the walk route with no facility to lead to.
    EXPECT_EQ(a.interventions.size(), 10u);
    const Intervention* pv = interventionOf(a, "renewable_energy");
    ASSERT_NE(pv, nullptr);
    EXPECT_EQ(pv->technique, "rooftop_pv");
    EXPECT_EQ(pv->nameZh, "利用太阳能发电（屋顶光伏）");
    EXPECT_NEAR(pv->quantity, 210, kTonneTolerance);
    EXPECT_EQ(pv->unit, "kWp");
    EXPECT_NEAR(pv->effectTPerYear, 98.7903, kTonneTolerance);
    EXPECT_NEAR(interventionOf(a, "energy_saving_buildings")->effectTPerYear, 131.7204,
                kTonneTolerance);
    EXPECT_NEAR(interventionOf(a, "domestic_garbage")->quantity, 22.4475, kTonneTolerance);
    EXPECT_NEAR(interventionOf(a, "domestic_garbage")->effectTPerYear, 11.22375,
                kTonneTolerance);
    EXPECT_NEAR(interventionOf(a, "bicycle_use")->effectTPerYear, 6.684975, kTonneTolerance);
    EXPECT_NEAR(interventionOf(a, "heat_island")->quantity, 100, kTonneTolerance);
    EXPECT_NEAR(interventionOf(a, "heat_island")->effectTPerYear, 11.854836, kTonneTolerance);
    EXPECT_EQ(interventionOf(a, "walk_life_circle"), nullptr);
    EXPECT_NEAR(interventionOf(a, "rain_grey_water")->quantity, 6517.5, kTonneTolerance);
    EXPECT_NEAR(interventionOf(a, "rain_grey_water")->effectTPerYear, 2.04401835,
                kTonneTolerance);
    EXPECT_EQ(interventionOf(a, "clean_vehicles"), nullptr);
}

// Parcel B: measured 10 kWh/m2 x 4,000 m2 = 40,000 kWh x 0.5227 = 20.908 t.
// Occupants = 4,000 m2 / 30 m2 per worker = 133.333; off the walk network, so the bus stop
// (500 m) and bike station (500 m) defaults apply: bus kept (500 is not beyond 500), bike
// halved; kg/pkm as parcel A = 0.038649424; 642,400 pkm -> 24.8283900 t.
// waste = 48.6667 t x 0.35 = 17.033333 + 7,300 m3 x 0.31362 / 1000 = 2.289426 -> 19.3227593 t.
// PV potential 4,000 x 0.4 x 0.15 = 240 kWp x 900 x 0.5227 = 112.9032 t, capped at the
// 20.908 t of construction it acts on. Energy 10 vs 110 kWh/m2/a: slight; fleet 0.9 slight and
// bus stop default 500 m exactly on the 500 m limit: medium; no green layer: not assessed.
TEST(CarbonMethodTest, BooksTheCommercialParcelAndCapsThePvEffect)
{
    const CarbonAssessment b = assess(commercialCase());
    EXPECT_NEAR(b.ledger.constructionT, 20.908, kTonneTolerance);
    EXPECT_NEAR(b.ledger.transportT, 24.8283900, kTonneTolerance);
    EXPECT_NEAR(b.ledger.greeningT, 0.0, kTonneTolerance);
    EXPECT_NEAR(b.ledger.wasteT, 19.3227593, kTonneTolerance);
    EXPECT_EQ(b.leading, Category::Transport);

    EXPECT_EQ(ratingOf(b, "energy_saving_buildings").rating, Rating::Slight);
    EXPECT_FALSE(ratingOf(b, "energy_saving_buildings").fromDefault);
    EXPECT_EQ(ratingOf(b, "clean_vehicles").rating, Rating::Medium);
    EXPECT_TRUE(ratingOf(b, "clean_vehicles").fromDefault);
    EXPECT_EQ(ratingOf(b, "renewable_energy").rating, Rating::Serious);
    EXPECT_DOUBLE_EQ(ratingOf(b, "renewable_energy").limit, 0.3);  // commercial roofs
    EXPECT_EQ(ratingOf(b, "park_system").rating, Rating::NotAssessed);
    EXPECT_FALSE(ratingOf(b, "park_system").reason.empty());

    const Intervention* pv = interventionOf(b, "renewable_energy");
    ASSERT_NE(pv, nullptr);
    EXPECT_NEAR(pv->quantity, 240, kTonneTolerance);
    EXPECT_NEAR(pv->actsOnT, 20.908, kTonneTolerance);
    EXPECT_NEAR(pv->effectTPerYear, 20.908, kTonneTolerance);
}

// Parcel C, national 2022 factor 0.5366:
// construction = (6,600 x 36 + 2,200 x 120) kWh = 501,600 x 0.5366 / 1000 = 269.15856 t.
// occupants = 170 + 2,200 / 30 = 243.3333; 1,172,380 pkm. Bus stop at 650 m > 500 m: bus
// 0.24 -> 0.12, car 0.30; bike share station at 250 m keeps 0.01. bus = 0.9 x 0.07 x 0.5366 +
// 0.0056200 = 0.0394258; kg/pkm = 0.12 x 0.0394258 + 0.12 x 0.05366 + 0.30 x 0.125 =
// 0.048670296 -> 57.0600816 t. greening = 800 x -0.8 / 1000 = -0.64 t.
// waste = 88.8167 t x 0.35 = 31.085833 + 13,322.5 m3 x 0.6 x 0.5366 / 1000 = 4.289312 ->
// 35.3751454 t. total = 360.9537871 t.
// Ratings: compact medium (density 0.55 vs 0.6, room 0.083); heat island serious (impervious
// 0.80 > 0.70); energy 57 vs (6,600 x 31 + 2,200 x 110) / 8,800 = 50.75: serious; bicycle 250
// vs 300 (room 0.167): slight; clean vehicles serious (bus stop 650 m); planting 0.10 on the
// 0.10 minimum: medium; park 450 m / 500 m = 0.9: medium; walk 0.9 vs 0.8 (room 0.125):
// medium; water-friendly 1,600 / 3,600 = 0.444 < 0.45: serious.
TEST(CarbonMethodTest, BooksAndRatesTheHistoricBlockByHand)
{
    const CarbonAssessment c = assess(historicCase());
    EXPECT_EQ(c.gridFactorKey, "carbon.grid.national.2022");
    EXPECT_NEAR(c.ledger.constructionT, 269.15856, kTonneTolerance);
    EXPECT_NEAR(c.ledger.transportT, 57.0600816, kTonneTolerance);
    EXPECT_NEAR(c.ledger.greeningT, -0.64, kTonneTolerance);
    EXPECT_NEAR(c.ledger.wasteT, 35.3751454, kTonneTolerance);
    EXPECT_NEAR(c.ledger.totalT(), 360.9537871, kTonneTolerance);

    EXPECT_EQ(ratingOf(c, "compact_density").rating, Rating::Medium);
    EXPECT_EQ(ratingOf(c, "heat_island").rating, Rating::Serious);
    EXPECT_EQ(ratingOf(c, "energy_saving_buildings").rating, Rating::Serious);
    EXPECT_DOUBLE_EQ(ratingOf(c, "energy_saving_buildings").limit, 50.75);
    EXPECT_EQ(ratingOf(c, "bicycle_use").rating, Rating::Slight);
    EXPECT_FALSE(ratingOf(c, "bicycle_use").fromDefault);
    EXPECT_EQ(ratingOf(c, "clean_vehicles").rating, Rating::Serious);
    EXPECT_EQ(ratingOf(c, "carbon_planting").rating, Rating::Medium);
    EXPECT_EQ(ratingOf(c, "park_system").rating, Rating::Medium);
    EXPECT_NEAR(ratingOf(c, "park_system").proxy, 0.9, 1e-6);
    EXPECT_EQ(ratingOf(c, "walk_life_circle").rating, Rating::Medium);
    EXPECT_EQ(ratingOf(c, "water_friendly_space").rating, Rating::Serious);

    // Fleet 0.9 is already above the slight band 0.69: no bus person-km left to convert, so
    // the measure has no effect and is not listed.
    EXPECT_EQ(interventionOf(c, "clean_vehicles"), nullptr);
    // PV 4,400 x 0.4 x 0.15 = 264 kWp x 900 x 0.5366 / 1000 = 127.49616 t.
    EXPECT_NEAR(interventionOf(c, "renewable_energy")->effectTPerYear, 127.49616,
                kTonneTolerance);
    // Tree-lined route to the fresh market 700 m away.
    EXPECT_NEAR(interventionOf(c, "walk_life_circle")->quantity, 700, kTonneTolerance);
}

TEST(CarbonMethodTest, CategoriesAddUpAndEffectsStayWithinWhatTheyActOn)
{
    for (const ParcelCase& c : {residentialCase(), commercialCase(), historicCase()}) {
        const CarbonAssessment a = assess(c);
        const CarbonLedger& l = a.ledger;
        EXPECT_NEAR(l.constructionT + l.transportT + l.greeningT + l.wasteT, l.totalT(),
                    kTonneTolerance);
        for (const Intervention& intervention : a.interventions) {
            EXPECT_GE(intervention.effectTPerYear, 0.0) << intervention.index;
            EXPECT_LE(intervention.effectTPerYear, intervention.actsOnT) << intervention.index;
            EXPECT_LE(intervention.actsOnT, l.grossEmissionsT() + kTonneTolerance);
        }
    }
}

TEST(CarbonMethodTest, OrdersParcelsOfADistrictByTotalAndCategory)
{
    ParcelCase a = residentialCase();
    const ParcelCase b = commercialCase();
    const ParcelCase c = historicCase();
    // One district: the three parcels under parcel A's configuration (Chongqing factor).
    a.project.parcels.push_back(b.project.parcels.front());
    a.project.parcels.push_back(c.project.parcels.front());
    a.project.config.facilityTypes = c.project.config.facilityTypes;
    const auto assessments = assessCarbon(a.project, {a.form, b.form, c.form},
                                          {a.walk, b.walk, c.walk});
    ASSERT_EQ(assessments.size(), 3u);
    // Totals: A 592.6 t; B 65.06 t; C with the Chongqing factor 501,600 x 0.5227 = 262.18632
    // + transport + waste, well above B and below A.
    EXPECT_NEAR(assessments[2].ledger.constructionT, 262.18632, kTonneTolerance);
    EXPECT_EQ(orderParcelsByTotal(assessments), (std::vector<std::size_t>{0, 2, 1}));
    // Greening: B has no green (0), C -0.64, A -1.2.
    EXPECT_EQ(orderParcelsByCategory(assessments, Category::Greening),
              (std::vector<std::size_t>{1, 2, 0}));
}

TEST(CarbonMethodTest, NetSinkParcelLeadsWithGreening)
{
    CarbonLedger ledger;
    // Nothing booked at all: no category leads ("none"), and the name says so in the outputs.
    EXPECT_EQ(leadingCategory(ledger), Category::None);
    EXPECT_STREQ(categoryName(leadingCategory(ledger)), "none");
    ledger.greeningT = -3.0;
    EXPECT_EQ(leadingCategory(ledger), Category::Greening);
    ledger.wasteT = 0.5;
    EXPECT_EQ(leadingCategory(ledger), Category::Waste);
}

TEST(CarbonMethodTest, ParcelWithoutAreaIsNotAssessedWithAReason)
{
    ParcelCase c = residentialCase();
    c.form = FormMetrics{};
    const CarbonAssessment a = assess(c);
    for (const IndexRating& rating : a.ratings) {
        EXPECT_EQ(rating.rating, Rating::NotAssessed) << rating.index;
        EXPECT_EQ(rating.reason, "parcel has no area");
    }
    EXPECT_TRUE(a.interventions.empty());
}

TEST(CarbonMethodTest, StopsWhenCancelled)
{
    const ParcelCase c = residentialCase();
    std::atomic<bool> cancel{true};
    StageControl control;
    control.cancel = &cancel;
    const auto assessments = assessCarbon(c.project, {c.form}, {c.walk}, control);
    ASSERT_EQ(assessments.size(), 1u);
    EXPECT_TRUE(assessments.front().ratings.empty());
}

MultiPolygon rectangle(double x, double y, double width, double height)
{
    Polygon polygon;
    polygon.outer() = {{x, y}, {x, y + height}, {x + width, y + height}, {x + width, y}, {x, y}};
    boost::geometry::correct(polygon);
    return MultiPolygon{polygon};
}

GreenSpace greenOf(FeatureId id, const std::string& kind, MultiPolygon geometry)
{
    GreenSpace green;
    green.id = id;
    green.kind = kind;
    green.geometry = std::move(geometry);
    return green;
}

// The planting-type option (parameters.md 2.6, 40-year figures): inside parcel A (100 m x 100
// m) a 40 x 50 m park (2,000 m2, mixed trees 900 kg/m2), a 20 x 50 m lawn (1,000 m2, 20 kg/m2)
// and half of a 20 x 50 m forest straddling the east edge (500 m2 inside, broadleaf 800).
// Weighted 40-year figure = (2,000 x 900 + 1,000 x 20 + 500 x 800) / 3,500 = 2,220,000 / 3,500
// kg/m2; per year / 40; over the 3,500 m2 of green: 2,220,000 / 40 = 55,500 kg = 55.5 t.
// Upkeep 3,500 x 0.1 / 1000 = 0.35 t. Greening = 0.35 - 55.5 = -55.15 t. The measured rate
// gives 3,500 x (0.1 - 0.9) / 1000 = -2.8 t.
TEST(CarbonMethodTest, BooksGreeningFromThePlantingTypeTableByHand)
{
    ParcelCase c = residentialCase();
    c.project.green = {greenOf(11, "park", rectangle(0, 0, 40, 50)),
                       greenOf(12, "grass", rectangle(40, 0, 20, 50)),
                       greenOf(13, "forest", rectangle(90, 50, 20, 50))};
    c.form.greenM2 = 3500;
    c.form.greenCoverage = 0.35;
    ParameterSet& p = c.project.config.parameters;
    p.values["carbon.sink.urban_rate_kg_m2_a"].value = 0.9;
    p.values["carbon.sink.upkeep_kg_m2_a"].value = 0.1;
    EXPECT_NEAR(assess(c).ledger.greeningT, -2.8, kTonneTolerance);
    EXPECT_EQ(assess(c).sinkMethod, "measured_urban_rate");

    p.values["carbon.sink.method"].value = 2;
    p.values["carbon.sink.planting.years"].value = 40;
    p.values["carbon.sink.planting.mixed_trees"].value = 900;
    p.values["carbon.sink.planting.lawn"].value = 20;
    p.values["carbon.sink.planting.broadleaf_large"].value = 800;
    p.values["carbon.sink.planting.unmapped"].value = 20;
    c.project.config.keywordLists["carbon.planting.mixed_trees"] = {"park", "garden"};
    c.project.config.keywordLists["carbon.planting.lawn"] = {"grass"};
    c.project.config.keywordLists["carbon.planting.broadleaf_large"] = {"forest"};
    const CarbonAssessment table = assess(c);
    EXPECT_EQ(table.sinkMethod, "planting_type_table");
    EXPECT_NEAR(table.ledger.greeningT, -55.15, kTonneTolerance);

    // A kind in no list counts as lawn: the forest as "scrub" gives (1,800,000 + 20,000 +
    // 500 x 20) / 40 = 45,750 kg; -45.75 + 0.35 = -45.4 t.
    c.project.green[2].kind = "scrub";
    EXPECT_NEAR(assess(c).ledger.greeningT, -45.4, kTonneTolerance);
}

TEST(CarbonMethodTest, CitesTheGridFactorInTheAssessment)
{
    ParcelCase c = residentialCase();
    SourcedValue& factor = c.project.config.parameters.values["carbon.grid.province.500000.2022"];
    factor.year = 2022;
    factor.source = "MEE & NBS 2022 provincial factors";
    const CarbonAssessment a = assess(c);
    EXPECT_EQ(a.gridFactorKey, "carbon.grid.province.500000.2022");
    EXPECT_DOUBLE_EQ(a.gridFactorKgPerKwh, 0.5227);
    EXPECT_EQ(a.gridFactorYear, 2022);
    EXPECT_EQ(a.gridFactorSource, "MEE & NBS 2022 provincial factors");
}

// Bicycle index with mapped bike-share stations and a cycle way. Parcel A (0..100 m).
TEST(CarbonMethodTest, RatesBicycleUseFromStationsAndCycleWays)
{
    ParcelCase c = residentialCase();
    c.project.config.parameters.values["carbon.bicycle_use.cycleway_reach_m"].value = 1000;
    c.project.config.facilityMappings.push_back({"amenity=bicycle_rental", "bike_share"});
    Facility station;
    station.id = 21;
    station.location = Point(2000, 0);
    station.tag = "amenity=bicycle_rental";
    c.project.facilities.push_back(station);
    Street cycleway;
    cycleway.id = 31;
    cycleway.highway = "cycleway";
    cycleway.geometry = MultiLineString{LineString{{0, 220}, {100, 220}}};
    c.project.streets.push_back(cycleway);

    // The data hold a station, but none within the largest circle (1,000 m): counted at
    // 1,000 m > 300 m, serious, from the data not a default. The cycle way 120 m north is
    // within 1,000 m with room 880 / 1,000 = 0.88: slight; the station decides.
    IndexRating bike = ratingOf(assess(c), "bicycle_use");
    EXPECT_EQ(bike.rating, Rating::Serious);
    EXPECT_FALSE(bike.fromDefault);
    EXPECT_DOUBLE_EQ(bike.proxy, 1000);

    // Station at 100 m (room 200 / 300: slight); cycle way moved to 900 m north: room
    // 100 / 1,000 = 0.10 < 0.15: medium, and the cycle way now decides.
    c.walk.distanceM["bike_share"] = 100;
    c.project.streets.back().geometry = MultiLineString{LineString{{0, 1000}, {100, 1000}}};
    bike = ratingOf(assess(c), "bicycle_use");
    EXPECT_EQ(bike.rating, Rating::Medium);
    EXPECT_NEAR(bike.proxy, 900, 1e-9);
    EXPECT_DOUBLE_EQ(bike.limit, 1000);
}

// Public green per person (GB 50180 Table 4.0.4 x 0.7): a 120 x 100 m park (12,000 m2) 100 m
// east of parcel A; the district has 15,000 residents. 5-min tier (parks >= 4,000 m2): 12,000
// / 15,000 = 0.8 m2/person against 1.0 x 0.7 = 0.7: room 0.1 / 0.7 = 0.143 < 0.15, medium.
// 10-min tier (parks >= 10,000 m2): 0.8 against 0.7 as well. Reach: 100 m / 500 m = 0.2,
// slight. The per-person figure decides: medium.
TEST(CarbonMethodTest, RatesTheParkSystemWithPublicGreenPerPerson)
{
    ParcelCase c = residentialCase();
    c.project.green = {greenOf(41, "park", rectangle(200, 0, 120, 100))};
    ParameterSet& p = c.project.config.parameters;
    p.values["carbon.park_system.green_per_person_m2.5min"].value = 1.0;
    p.values["carbon.park_system.green_per_person_m2.10min"].value = 1.0;
    p.values["carbon.park_system.tier_park_min_m2.5min"].value = 4000;
    p.values["carbon.park_system.tier_park_min_m2.10min"].value = 10000;
    p.values["carbon.park_system.renewal_floor_share"].value = 0.7;
    CarbonDistrict district;
    district.residents = 15000;
    const CarbonAssessment a = assessParcelCarbon(c.project, c.project.parcels.front(), c.form,
                                                  c.walk, district);
    const IndexRating& park = ratingOf(a, "park_system");
    EXPECT_EQ(park.rating, Rating::Medium);
    EXPECT_NEAR(park.proxy, 0.8, kShareTolerance);
    EXPECT_NEAR(park.limit, 0.7, kShareTolerance);
    EXPECT_EQ(park.proxyUnit, "m2/person");

    // 6,000 residents: 2.0 m2/person, room (2.0 - 0.7) / 0.7 > 0.15; reach 0.2 slight too.
    district.residents = 6000;
    EXPECT_EQ(ratingOf(assessParcelCarbon(c.project, c.project.parcels.front(), c.form, c.walk,
                                          district),
                       "park_system").rating,
              Rating::Slight);
}

TEST(CarbonMethodTest, GathersTheDistrictOnce)
{
    ParcelCase c = residentialCase();
    c.project.config.facilityMappings.push_back({"amenity=bicycle_rental", "bike_share"});
    Facility station;
    station.tag = "amenity=bicycle_rental";
    c.project.facilities.push_back(station);
    Street road;
    road.highway = "residential";
    Street cycleway;
    cycleway.highway = "cycleway";
    c.project.streets = {road, cycleway};
    FormMetrics other;
    other.populationEst = 400;
    const CarbonDistrict district = carbonDistrict(c.project, {c.form, other});
    EXPECT_DOUBLE_EQ(district.residents, 1000);  // 600 + 400
    EXPECT_EQ(district.cycleways, (std::vector<std::size_t>{1}));
    EXPECT_EQ(district.facilityTypesPresent, (std::set<std::string>{"bike_share"}));
}

} // namespace
} // namespace greenrenew::core
