// Scenarios against hand-built ledgers and interventions; every expected value is worked in the
// comment above it.

#include "core/analysis.h"
#include "core/scenario.h"

#include <gtest/gtest.h>

namespace greenrenew::core {
namespace {

constexpr double kTonneTolerance = 1e-9;

Intervention proposal(const std::string& index, const std::string& technique, double quantity,
                      double effectT, double actsOnT)
{
    Intervention intervention;
    intervention.index = index;
    intervention.technique = technique;
    intervention.quantity = quantity;
    intervention.effectTPerYear = effectT;
    intervention.actsOnT = actsOnT;
    return intervention;
}

// Parcel 1: construction 100, transport 40, greening -10, waste 20 (gross 160).
// Parcel 2: construction 50, transport 10, greening 0, waste 5 (gross 65).
Analysis twoParcels()
{
    Analysis analysis;
    analysis.parcels.resize(2);
    ParcelResult& first = analysis.parcels[0];
    first.parcelId = 1;
    first.carbon.ledger = {100, 40, -10, 20};
    first.carbon.interventions = {
        proposal("renewable_energy", "rooftop_pv", 50, 30, 100),
        proposal("energy_saving_buildings", "envelope_retrofit", 1000, 80, 100),
        proposal("bicycle_use", "bike_lanes", 200, 5, 40),
        proposal("carbon_planting", "tree_planting", 500, 0.4, 160)};
    ParcelResult& second = analysis.parcels[1];
    second.parcelId = 2;
    second.carbon.ledger = {50, 10, 0, 5};
    second.carbon.interventions = {proposal("domestic_garbage", "waste_sorting", 1, 2, 5)};
    return analysis;
}

PlannedIntervention planned(FeatureId parcel, const std::string& technique, double quantity,
                            const std::string& phase, int year, PlanStatus status)
{
    PlannedIntervention item;
    item.parcelId = parcel;
    item.technique = technique;
    item.quantity = quantity;
    item.phase = phase;
    item.year = year;
    item.status = status;
    return item;
}

// Measures on different ledger amounts do not interact: half the PV (25 of 50 kWp -> 15 t),
// the bike lanes (5 t) and waste sorting (2 t) add up to 22 t, the sum of their effects.
TEST(ScenarioTest, DeltaIsTheSumOfNonInteractingEffects)
{
    Scenario scenario;
    scenario.name = "A";
    scenario.interventions = {
        planned(1, "rooftop_pv", 25, "1 demonstration", 2025, PlanStatus::Done),
        planned(1, "bike_lanes", 200, "1 demonstration", 2026, PlanStatus::Approved),
        planned(2, "waste_sorting", 1, "2 area", 2027, PlanStatus::Proposed)};
    const ScenarioEvaluation result = evaluateScenario(scenario, twoParcels());

    EXPECT_TRUE(result.issues.empty());
    // Baseline over both parcels: 150, 50, -10, 25.
    EXPECT_NEAR(result.baseline.constructionT, 150, kTonneTolerance);
    EXPECT_NEAR(result.reduction.constructionT, 15, kTonneTolerance);
    EXPECT_NEAR(result.reduction.transportT, 5, kTonneTolerance);
    EXPECT_NEAR(result.reduction.wasteT, 2, kTonneTolerance);
    EXPECT_NEAR(result.reduction.totalT(), 22, kTonneTolerance);
    EXPECT_NEAR(result.after.constructionT, 135, kTonneTolerance);
    EXPECT_NEAR(result.after.transportT, 45, kTonneTolerance);
    EXPECT_NEAR(result.after.wasteT, 23, kTonneTolerance);
    EXPECT_NEAR(result.after.greeningT, -10, kTonneTolerance);
    EXPECT_EQ(result.indicesImproving, 3u);
    ASSERT_EQ(result.parcels.size(), 2u);
    EXPECT_EQ(result.parcels[0].parcelId, 1);
    EXPECT_EQ(result.parcels[0].indicesImproved.size(), 2u);

    // Path: 2025 PV (15, done); 2026 + bikes (20, 15 done); 2027 + sorting (22, 15 done).
    ASSERT_EQ(result.path.size(), 3u);
    EXPECT_EQ(result.path[0].year, 2025);
    EXPECT_NEAR(result.path[0].plannedT, 15, kTonneTolerance);
    EXPECT_NEAR(result.path[1].plannedT, 20, kTonneTolerance);
    EXPECT_NEAR(result.path[2].plannedT, 22, kTonneTolerance);
    EXPECT_NEAR(result.path[2].doneT, 15, kTonneTolerance);

    // Phasing: "1 demonstration" two measures 2025-2026 for 20 t; "2 area" one for 2 t.
    ASSERT_EQ(result.phases.size(), 2u);
    EXPECT_EQ(result.phases[0].phase, "1 demonstration");
    EXPECT_EQ(result.phases[0].count, 2u);
    EXPECT_EQ(result.phases[0].firstYear, 2025);
    EXPECT_EQ(result.phases[0].lastYear, 2026);
    EXPECT_NEAR(result.phases[0].reductionT, 20, kTonneTolerance);
    EXPECT_EQ(result.phases[0].byStatus.at(PlanStatus::Done), 1u);
    EXPECT_NEAR(result.phases[1].reductionT, 2, kTonneTolerance);
}

// Two measures on one roof's building electricity interact: PV (30 t) and the envelope
// retrofit (80 t) both act on the 100 t of construction, so together they are capped at 100 t
// and each is scaled by 100 / 110: PV 27.2727 t, retrofit 72.7273 t. Construction ends at 0,
// never below. Tree planting adds 0.4 t of sink: greening -10 -> -10.4.
TEST(ScenarioTest, MeasuresOnTheSameLedgerAmountShareItsCap)
{
    Scenario scenario;
    scenario.name = "B";
    scenario.interventions = {
        planned(1, "rooftop_pv", 50, "1", 2025, PlanStatus::Proposed),
        planned(1, "envelope_retrofit", 1000, "1", 2025, PlanStatus::Proposed),
        planned(1, "tree_planting", 500, "1", 2025, PlanStatus::Proposed)};
    const ScenarioEvaluation result = evaluateScenario(scenario, twoParcels());

    EXPECT_NEAR(result.reduction.constructionT, 100, kTonneTolerance);
    EXPECT_NEAR(result.parcels[0].after.constructionT, 0, kTonneTolerance);
    EXPECT_NEAR(result.after.greeningT, -10.4, kTonneTolerance);
    EXPECT_NEAR(result.phases[0].reductionT, 100.4, kTonneTolerance);

    std::vector<std::pair<const Intervention*, double>> requested;
    const Analysis analysis = twoParcels();
    requested.emplace_back(&analysis.parcels[0].carbon.interventions[0], 30);
    requested.emplace_back(&analysis.parcels[0].carbon.interventions[1], 80);
    const std::vector<BookedReduction> booked = combineReductions(requested);
    EXPECT_NEAR(booked[0].effectT, 30 * 100.0 / 110, kTonneTolerance);
    EXPECT_NEAR(booked[1].effectT, 80 * 100.0 / 110, kTonneTolerance);
}

TEST(ScenarioTest, ReportsMeasuresThatCannotBeBooked)
{
    Scenario scenario;
    scenario.interventions = {
        planned(2, "rooftop_pv", 10, "1", 2025, PlanStatus::Proposed),  // not proposed there
        planned(99, "waste_sorting", 1, "1", 2025, PlanStatus::Proposed),
        planned(2, "waste_sorting", 1, "1", 0, PlanStatus::Proposed)};
    const ScenarioEvaluation result = evaluateScenario(scenario, twoParcels());
    ASSERT_EQ(result.issues.size(), 3u);
    EXPECT_EQ(result.issues[0].item, 0u);
    EXPECT_EQ(result.issues[1].item, 1u);
    EXPECT_EQ(result.issues[2].item, 2u);  // unscheduled: in the totals, not the path
    EXPECT_NEAR(result.reduction.totalT(), 2, kTonneTolerance);
    EXPECT_TRUE(result.path.empty());
}

// A construction reduction beyond construction's 10 t is an added sink: 15 t leaves
// construction at 0 and lowers greening by the remaining 5 t.
TEST(ScenarioTest, OverflowBeyondACategoryBecomesASink)
{
    const CarbonLedger after = ledgerAfter({10, 4, -2, 1}, {15, 0, 0, 0});
    EXPECT_NEAR(after.constructionT, 0, kTonneTolerance);
    EXPECT_NEAR(after.greeningT, -7, kTonneTolerance);
    EXPECT_NEAR(after.totalT(), 10 + 4 - 2 + 1 - 15, kTonneTolerance);
}

// The carbon stage's own proposals at full quantity: PV 30 + retrofit 80 share the 100 t cap,
// bike lanes 5, planting 0.4: 105.4 t.
TEST(ScenarioTest, AchievableReductionAppliesTheSharingRule)
{
    EXPECT_NEAR(achievableReductionT(twoParcels().parcels[0].carbon), 105.4, kTonneTolerance);
}

TEST(ScenarioTest, NamesRoundTrip)
{
    EXPECT_EQ(partyFromName("residents"), Party::Residents);
    EXPECT_EQ(planStatusFromName("under_way"), PlanStatus::UnderWay);
    EXPECT_EQ(costClassFromName("high"), CostClass::High);
    EXPECT_FALSE(partyFromName("council").has_value());
}

} // namespace
} // namespace greenrenew::core
