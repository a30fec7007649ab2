// Ratings, compliance and facility gaps after a scenario, on hand-built parcels; every
// expected value is worked in the comment above it (rule: core/scenario_outcome.h).

#include "core/analysis.h"
#include "core/scenario.h"

#include <gtest/gtest.h>

namespace greenrenew::core {
namespace {

constexpr double kFigureTolerance = 1e-9;
constexpr double kMargin = 0.15;

IndexRating rated(const std::string& index, Rating rating, std::vector<IndexFigure> figures)
{
    IndexRating result;
    result.index = index;
    result.rating = rating;
    result.figures = std::move(figures);
    result.mediumMargin = kMargin;
    return result;
}

ComplianceCheck compliance(const std::string& figure, const std::string& bound, double limit,
                           double value)
{
    ComplianceCheck check;
    check.figure = figure;
    check.bound = bound;
    check.limit = limit;
    check.value = value;
    check.ok = bound == "min" ? value >= limit : value <= limit;
    return check;
}

Intervention proposal(const std::string& index, const std::string& technique, double effectT,
                      std::vector<std::pair<std::string, double>> figures)
{
    Intervention intervention;
    intervention.index = index;
    intervention.technique = technique;
    intervention.quantity = 100;
    intervention.effectTPerYear = effectT;
    intervention.actsOnT = 1000;  // no cap binds in these tests
    intervention.figuresAtFullQuantity = std::move(figures);
    return intervention;
}

// Parcel 7: recycling rate 0.2 against a minimum of 0.35 (serious), collection point 100 m
// against 300 m; density 0.45 over a maximum of 0.3 and green coverage 0.1 under a minimum of
// 0.3 (both failed); walk score 0.4 against 0.6 with three (circle, type) gaps out of five.
Analysis oneParcel()
{
    Analysis analysis;
    analysis.parcels.resize(1);
    ParcelResult& parcel = analysis.parcels[0];
    parcel.parcelId = 7;
    parcel.form.compliance = {compliance("building_density", "max", 0.3, 0.45),
                              compliance("green_coverage", "min", 0.3, 0.1)};
    parcel.walk.gaps = {{"5min", {"kindergarten", "clinic"}}, {"15min", {"kindergarten"}}};
    parcel.walk.walkScore = 0.4;
    parcel.carbon.ratings = {
        rated("domestic_garbage", Rating::Serious,
              {{"recycling_rate", 0.2, 0.35, LimitBound::Min},
               {"collection_point_distance", 100, 300, LimitBound::Max}}),
        rated("carbon_planting", Rating::Serious,
              {{"green_coverage", 0.1, 0.3, LimitBound::Min}}),
        rated("walk_life_circle", Rating::Serious, {{"walk_score", 0.4, 0.6, LimitBound::Min}}),
        rated("renewable_energy", Rating::Slight, {})};
    // Full quantities: recycling to the slight edge 0.35 x 1.15 = 0.4025; opening the
    // footprint takes density to 0.255 and green to 0.295; planting takes green to 0.345.
    parcel.carbon.interventions = {
        proposal("domestic_garbage", "garbage_sorting_recycling", 10,
                 {{"recycling_rate", 0.4025}}),
        proposal("compact_density", "mixed_use_parks_clean_vehicles", 4,
                 {{"building_density", 0.255}, {"green_coverage", 0.295}}),
        proposal("carbon_planting", "park_green_ecological_network", 6,
                 {{"green_coverage", 0.345}})};
    return analysis;
}

PlannedIntervention planned(const std::string& technique, double quantity)
{
    PlannedIntervention item;
    item.parcelId = 7;
    item.technique = technique;
    item.quantity = quantity;
    item.year = 2027;
    return item;
}

const IndexChange& changeOf(const ParcelOutcome& parcel, const std::string& index)
{
    for (const IndexChange& change : parcel.indices)
        if (change.index == index)
            return change;
    throw std::out_of_range(index);
}

// 80 of 100 t/a of recycling: 0.2 + 0.8 x (0.4025 - 0.2) = 0.362, over 0.35 by 0.012, less
// than the medium band 0.15 x 0.35 = 0.0525: medium. The full 100: 0.4025, slight.
TEST(ScenarioOutcomeTest, PartOfAMeasureMovesItsFigurePartOfTheWay)
{
    Scenario part{"part", {}, {planned("garbage_sorting_recycling", 80)}};
    const ScenarioEvaluation partly = evaluateScenario(part, oneParcel());
    ASSERT_EQ(partly.outcome.parcels.size(), 1u);
    EXPECT_EQ(changeOf(partly.outcome.parcels[0], "domestic_garbage").before, Rating::Serious);
    EXPECT_EQ(changeOf(partly.outcome.parcels[0], "domestic_garbage").after, Rating::Medium);

    Scenario whole{"whole", {}, {planned("garbage_sorting_recycling", 100)}};
    const ScenarioEvaluation fully = evaluateScenario(whole, oneParcel());
    EXPECT_EQ(changeOf(fully.outcome.parcels[0], "domestic_garbage").after, Rating::Slight);
    // Untouched indices keep their band; a fixed rating (no figures) stays.
    EXPECT_EQ(changeOf(fully.outcome.parcels[0], "carbon_planting").after, Rating::Serious);
    EXPECT_EQ(changeOf(fully.outcome.parcels[0], "renewable_energy").after, Rating::Slight);
    // Before: 3 serious, 1 slight; after: 2 serious, 2 slight.
    EXPECT_EQ(fully.outcome.ratingsBefore.serious, 3u);
    EXPECT_EQ(fully.outcome.ratingsAfter.serious, 2u);
    EXPECT_EQ(fully.outcome.ratingsAfter.slight, 2u);
}

// Two measures moving green coverage add their moves: 0.1 + (0.295 - 0.1) + (0.345 - 0.1) =
// 0.54, which meets 0.3; density 0.255 meets 0.3. Both checks failed before, none after; the
// carbon-planting index is rated on 0.54 against 0.3: slight.
TEST(ScenarioOutcomeTest, ComplianceFollowsTheMovedFigures)
{
    Scenario scenario{"green", {}, {planned("mixed_use_parks_clean_vehicles", 100),
                                    planned("park_green_ecological_network", 100)}};
    const ScenarioEvaluation result = evaluateScenario(scenario, oneParcel());
    ASSERT_EQ(result.outcome.parcels.size(), 1u);
    const ParcelOutcome& parcel = result.outcome.parcels[0];
    ASSERT_EQ(parcel.compliance.size(), 2u);
    EXPECT_NEAR(parcel.compliance[0].after, 0.255, kFigureTolerance);
    EXPECT_TRUE(parcel.compliance[0].okAfter);
    EXPECT_NEAR(parcel.compliance[1].after, 0.54, kFigureTolerance);
    EXPECT_TRUE(parcel.compliance[1].okAfter);
    EXPECT_EQ(result.outcome.complianceFailedBefore, 2u);
    EXPECT_EQ(result.outcome.complianceFailedAfter, 0u);
    EXPECT_EQ(changeOf(parcel, "carbon_planting").after, Rating::Slight);
}

// A kindergarten on the parcel closes its 5min and 15min kindergarten gaps (2 of 3); with five
// required pairs, met goes from 2 to 4: walk score 0.8, 0.2 over 0.6, beyond the medium band
// 0.09: slight. A school the parcel already reaches closes nothing and is reported.
TEST(ScenarioOutcomeTest, NewFacilityClosesTheParcelsGapsOfItsType)
{
    Scenario scenario{"services", {}, {planned("facility:kindergarten", 1),
                                       planned("facility:school", 1)}};
    const ScenarioEvaluation result = evaluateScenario(scenario, oneParcel());
    ASSERT_EQ(result.outcome.parcels.size(), 1u);
    const ParcelOutcome& parcel = result.outcome.parcels[0];
    EXPECT_EQ(parcel.gapsBefore, 3u);
    EXPECT_EQ(parcel.gapsAfter, 1u);
    ASSERT_EQ(parcel.gapsClosed.size(), 2u);
    EXPECT_EQ(parcel.gapsClosed[0], std::make_pair(std::string("15min"),
                                                   std::string("kindergarten")));
    EXPECT_EQ(result.outcome.gapsClosed(), 2u);
    EXPECT_EQ(changeOf(parcel, "walk_life_circle").after, Rating::Slight);
    ASSERT_EQ(result.issues.size(), 1u);
    EXPECT_EQ(result.issues[0].item, 1u);
    EXPECT_NE(result.issues[0].message.find("school"), std::string::npos);
    // A facility has no carbon effect.
    EXPECT_NEAR(result.reduction.totalT(), 0, kFigureTolerance);
}

// With a figure unmeasured only a serious band is certain: the recycling figure raised to
// the slight band leaves the index not assessed, as the carbon stage would rate it.
TEST(ScenarioOutcomeTest, UnmeasuredFigureLeavesABetterBandNotAssessed)
{
    IndexRating rating = rated("domestic_garbage", Rating::Serious,
                               {{"recycling_rate", 0.2, 0.35, LimitBound::Min}});
    rating.figuresMissing = true;
    EXPECT_EQ(rateAgain(rating, {{"recycling_rate", 0.5}}), Rating::NotAssessed);
    EXPECT_EQ(rateAgain(rating, {{"recycling_rate", 0.3}}), Rating::Serious);
}

} // namespace
} // namespace greenrenew::core
