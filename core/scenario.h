#pragma once

// Scenarios and implementation management (docs/priorities.md, "Scenarios"): the interventions
// a designer chooses per parcel, with quantity, phase, year, the party that carries each and
// its status; compared with the baseline ledger by category, with a phasing table and the
// yearly reduction path.

#include "core/carbon_method.h"
#include "core/model.h"
#include "core/scenario_outcome.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace greenrenew::core {

struct Analysis;

/// Who carries a measure (the paper's "government, enterprise and people").
enum class Party { Government, Enterprise, Residents, Shared };
enum class PlanStatus { Proposed, Approved, UnderWay, Done };
enum class CostClass { Low, Medium, High };

const char* partyName(Party party);            // "government", "enterprise", ...
const char* planStatusName(PlanStatus status); // "proposed", "approved", "under_way", "done"
const char* costClassName(CostClass cost);     // "low", "medium", "high"
std::optional<Party> partyFromName(const std::string& name);
std::optional<PlanStatus> planStatusFromName(const std::string& name);
std::optional<CostClass> costClassFromName(const std::string& name);

/// One chosen measure on one parcel. It names a technique the carbon stage proposed for the
/// parcel; its effect scales with quantity in that intervention's unit. A technique
/// "facility:<type>" adds a facility of that standard type on the parcel (no carbon effect;
/// it closes the parcel's gaps of that type).
struct PlannedIntervention {
    FeatureId parcelId = 0;
    std::string technique;
    double quantity = 0;
    std::string phase;  // free text the designer orders by, e.g. "1 demonstration"
    int year = 0;       // the year it takes effect; 0 = not scheduled
    Party party = Party::Government;
    CostClass cost = CostClass::Medium;
    PlanStatus status = PlanStatus::Proposed;
    std::string note;
};

struct Scenario {
    std::string name;
    std::string description;
    std::vector<PlannedIntervention> interventions;
};

/// Reductions of measures acting on one parcel's ledger (positive = less CO2), by the category
/// of their index. Measures acting on the same ledger amount (the same actsOnT: a category's
/// emissions, or the gross emissions for added sinks) are summed and capped at that amount,
/// each scaled down in proportion when the cap binds; this is how two measures on one roof
/// (photovoltaics and energy saving both on building electricity) interact.
struct BookedReduction {
    const Intervention* intervention = nullptr;
    double requestedT = 0;  // before the shared cap
    double effectT = 0;     // after it
};
std::vector<BookedReduction> combineReductions(
    const std::vector<std::pair<const Intervention*, double>>& requested);

/// The ledger after reductions: each emitting category falls by its reductions but not below
/// zero; what a category cannot absorb is an added sink and lowers greening.
CarbonLedger ledgerAfter(const CarbonLedger& baseline, const CarbonLedger& reductionByCategory);

/// The reduction the carbon stage's own interventions achieve together at their full
/// quantities, with the sharing rule of combineReductions.
double achievableReductionT(const CarbonAssessment& assessment);

struct PlanIssue {
    std::size_t item = 0;  // position in Scenario::interventions
    std::string message;
};

struct ParcelScenarioResult {
    FeatureId parcelId = 0;
    CarbonLedger baseline;
    CarbonLedger reduction;  // by the category of the measures' indices
    CarbonLedger after;
    std::vector<std::string> indicesImproved;
};

struct PhaseRow {
    std::string phase;
    int firstYear = 0;
    int lastYear = 0;
    std::size_t count = 0;
    std::map<Party, std::size_t> byParty;
    std::map<PlanStatus, std::size_t> byStatus;
    double reductionT = 0;  // the measures' effects after the shared caps
};

/// Cumulative reduction in force at the end of a year (tCO2e per year).
struct YearStep {
    int year = 0;
    double plannedT = 0;  // every scheduled measure up to this year
    double doneT = 0;     // only those with status done
};

struct ScenarioEvaluation {
    std::string name;
    CarbonLedger baseline;   // every parcel of the analysis
    CarbonLedger reduction;
    CarbonLedger after;
    std::vector<ParcelScenarioResult> parcels;  // parcels the scenario touches, in plan order
    std::size_t indicesImproving = 0;           // distinct index ids with a reduction
    std::vector<PhaseRow> phases;               // ordered by phase text
    std::vector<YearStep> path;                 // every year from the first to the last
    std::vector<PlanIssue> issues;              // measures that could not be booked, and why
    /// Ratings, compliance and facility gaps of the parcels the scenario touches, before and
    /// after (core/scenario_outcome.h).
    ScenarioOutcome outcome;
};

ScenarioEvaluation evaluateScenario(const Scenario& scenario, const Analysis& analysis);

} // namespace greenrenew::core
