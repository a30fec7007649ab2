#include "core/scenario.h"

#include "core/analysis.h"

#include <algorithm>
#include <set>
#include <utility>

namespace greenrenew::core {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::string& name, const Enum (&values)[N],
                             const char* (*nameOf)(Enum))
{
    for (Enum value : values)
        if (name == nameOf(value))
            return value;
    return std::nullopt;
}

constexpr Party kParties[] = {Party::Government, Party::Enterprise, Party::Residents,
                              Party::Shared};
constexpr PlanStatus kStatuses[] = {PlanStatus::Proposed, PlanStatus::Approved,
                                    PlanStatus::UnderWay, PlanStatus::Done};
constexpr CostClass kCosts[] = {CostClass::Low, CostClass::Medium, CostClass::High};

void addTo(CarbonLedger& ledger, Category category, double amountT)
{
    switch (category) {
    case Category::Construction: ledger.constructionT += amountT; break;
    case Category::Transport: ledger.transportT += amountT; break;
    case Category::Greening: ledger.greeningT += amountT; break;
    case Category::Waste: ledger.wasteT += amountT; break;
    case Category::None: break;  // names a leading category only, never a ledger amount
    }
}

CarbonLedger sumLedgers(const CarbonLedger& a, const CarbonLedger& b)
{
    return {a.constructionT + b.constructionT, a.transportT + b.transportT,
            a.greeningT + b.greeningT, a.wasteT + b.wasteT};
}

/// A measure resolved against the analysis: its parcel, the carbon stage's intervention and
/// the effect its quantity asks for.
struct Resolved {
    std::size_t item = 0;
    std::size_t parcel = 0;  // position in Analysis::parcels
    const Intervention* intervention = nullptr;
    double requestedT = 0;
};

std::optional<std::size_t> parcelPosition(const PlannedIntervention& planned,
                                          const Analysis& analysis)
{
    auto parcel = std::find_if(
        analysis.parcels.begin(), analysis.parcels.end(),
        [&](const ParcelResult& result) { return result.parcelId == planned.parcelId; });
    if (parcel == analysis.parcels.end())
        return std::nullopt;
    return static_cast<std::size_t>(parcel - analysis.parcels.begin());
}

std::optional<std::string> facilityType(const PlannedIntervention& planned)
{
    const std::string prefix = kFacilityTechniquePrefix;
    if (planned.technique.rfind(prefix, 0) != 0)
        return std::nullopt;
    return planned.technique.substr(prefix.size());
}

/// A new facility for a gap the parcel has; an issue otherwise (no such gap to close).
std::optional<BookedMeasure> resolveFacility(const PlannedIntervention& planned,
                                             std::size_t item, std::size_t parcel,
                                             const std::string& type, const Analysis& analysis,
                                             std::vector<PlanIssue>& issues)
{
    for (const auto& [circle, types] : analysis.parcels[parcel].walk.gaps)
        if (std::find(types.begin(), types.end(), type) != types.end())
            return BookedMeasure{parcel, nullptr, 0.0, type};
    issues.push_back({item, "parcel " + std::to_string(planned.parcelId) + " has no gap for "
                            "facility type '" + type + "' to close"});
    return std::nullopt;
}

std::optional<Resolved> resolve(const PlannedIntervention& planned, std::size_t item,
                                const Analysis& analysis, std::vector<PlanIssue>& issues)
{
    const std::optional<std::size_t> position = parcelPosition(planned, analysis);
    if (!position) {
        issues.push_back({item, "parcel " + std::to_string(planned.parcelId) + " is not in the "
                                "analysis"});
        return std::nullopt;
    }
    const auto parcel = analysis.parcels.begin() + std::ptrdiff_t(*position);
    const auto& proposed = parcel->carbon.interventions;
    auto found = std::find_if(proposed.begin(), proposed.end(), [&](const Intervention& i) {
        return i.technique == planned.technique;
    });
    if (found == proposed.end()) {
        issues.push_back({item, "technique " + planned.technique + " was not proposed for "
                                "parcel " + std::to_string(planned.parcelId) +
                                " (its indices are rated slight or not assessed)"});
        return std::nullopt;
    }
    if (planned.quantity < 0) {
        issues.push_back({item, "negative quantity"});
        return std::nullopt;
    }
    // Effects scale linearly with quantity (the carbon stage's formulas are linear in it); a
    // proposal with no quantity has no scale, so any positive quantity takes its full effect.
    const double share = found->quantity > 0 ? planned.quantity / found->quantity
                                             : (planned.quantity > 0 ? 1.0 : 0.0);
    Resolved resolved;
    resolved.item = item;
    resolved.parcel = static_cast<std::size_t>(parcel - analysis.parcels.begin());
    resolved.intervention = &*found;
    resolved.requestedT = found->effectTPerYear * share;
    return resolved;
}

/// The capped effect of each resolved measure, keyed by item, computing caps per parcel.
std::map<std::size_t, double> cappedEffects(const std::vector<Resolved>& measures)
{
    std::map<std::size_t, std::vector<const Resolved*>> byParcel;
    for (const Resolved& measure : measures)
        byParcel[measure.parcel].push_back(&measure);
    std::map<std::size_t, double> effects;
    for (const auto& [parcel, list] : byParcel) {
        std::vector<std::pair<const Intervention*, double>> requested;
        for (const Resolved* measure : list)
            requested.emplace_back(measure->intervention, measure->requestedT);
        const std::vector<BookedReduction> booked = combineReductions(requested);
        for (std::size_t i = 0; i < list.size(); ++i)
            effects[list[i]->item] = booked[i].effectT;
    }
    return effects;
}

double total(const std::map<std::size_t, double>& effects)
{
    double sum = 0;
    for (const auto& [item, effect] : effects)
        sum += effect;
    return sum;
}

/// The carbon measures with the share of their full effect booked, then the facilities.
std::vector<BookedMeasure> bookedMeasures(const std::vector<Resolved>& measures,
                                          const std::map<std::size_t, double>& effects,
                                          const std::vector<BookedMeasure>& facilities)
{
    std::vector<BookedMeasure> booked;
    for (const Resolved& measure : measures) {
        const double full = measure.intervention->effectTPerYear;
        const double share = full > 0 ? effects.at(measure.item) / full : 0.0;
        booked.push_back({measure.parcel, measure.intervention, share, {}});
    }
    booked.insert(booked.end(), facilities.begin(), facilities.end());
    return booked;
}

std::vector<YearStep> reductionPath(const Scenario& scenario,
                                    const std::vector<Resolved>& measures)
{
    std::set<int> years;
    for (const Resolved& measure : measures)
        if (scenario.interventions[measure.item].year > 0)
            years.insert(scenario.interventions[measure.item].year);
    std::vector<YearStep> path;
    if (years.empty())
        return path;
    // Caps are applied to what is in force each year, so the path never exceeds the plan.
    for (int year = *years.begin(); year <= *years.rbegin(); ++year) {
        std::vector<Resolved> planned;
        std::vector<Resolved> done;
        for (const Resolved& measure : measures) {
            const PlannedIntervention& item = scenario.interventions[measure.item];
            if (item.year <= 0 || item.year > year)
                continue;
            planned.push_back(measure);
            if (item.status == PlanStatus::Done)
                done.push_back(measure);
        }
        path.push_back({year, total(cappedEffects(planned)), total(cappedEffects(done))});
    }
    return path;
}

std::vector<PhaseRow> phasingTable(const Scenario& scenario,
                                   const std::map<std::size_t, double>& effects)
{
    std::map<std::string, PhaseRow> rows;
    for (std::size_t i = 0; i < scenario.interventions.size(); ++i) {
        const PlannedIntervention& item = scenario.interventions[i];
        PhaseRow& row = rows[item.phase];
        row.phase = item.phase;
        if (item.year > 0) {
            row.firstYear = row.firstYear == 0 ? item.year : std::min(row.firstYear, item.year);
            row.lastYear = std::max(row.lastYear, item.year);
        }
        ++row.count;
        ++row.byParty[item.party];
        ++row.byStatus[item.status];
        auto effect = effects.find(i);
        if (effect != effects.end())
            row.reductionT += effect->second;
    }
    std::vector<PhaseRow> table;
    for (auto& [phase, row] : rows)
        table.push_back(std::move(row));
    return table;
}

} // namespace

const char* partyName(Party party)
{
    switch (party) {
    case Party::Government: return "government";
    case Party::Enterprise: return "enterprise";
    case Party::Residents: return "residents";
    case Party::Shared: return "shared";
    }
    return "";
}

const char* planStatusName(PlanStatus status)
{
    switch (status) {
    case PlanStatus::Proposed: return "proposed";
    case PlanStatus::Approved: return "approved";
    case PlanStatus::UnderWay: return "under_way";
    case PlanStatus::Done: return "done";
    }
    return "";
}

const char* costClassName(CostClass cost)
{
    switch (cost) {
    case CostClass::Low: return "low";
    case CostClass::Medium: return "medium";
    case CostClass::High: return "high";
    }
    return "";
}

std::optional<Party> partyFromName(const std::string& name)
{
    return fromName(name, kParties, partyName);
}

std::optional<PlanStatus> planStatusFromName(const std::string& name)
{
    return fromName(name, kStatuses, planStatusName);
}

std::optional<CostClass> costClassFromName(const std::string& name)
{
    return fromName(name, kCosts, costClassName);
}

std::vector<BookedReduction> combineReductions(
    const std::vector<std::pair<const Intervention*, double>>& requested)
{
    std::vector<BookedReduction> booked;
    std::map<double, double> requestedByAmount;  // actsOnT -> sum requested
    for (const auto& [intervention, amountT] : requested) {
        const double effect = std::clamp(amountT, 0.0, intervention->actsOnT);
        booked.push_back({intervention, effect, effect});
        requestedByAmount[intervention->actsOnT] += effect;
    }
    for (BookedReduction& entry : booked) {
        const double cap = entry.intervention->actsOnT;
        const double sum = requestedByAmount[cap];
        if (sum > cap && sum > 0)
            entry.effectT = entry.requestedT * cap / sum;
    }
    return booked;
}

CarbonLedger ledgerAfter(const CarbonLedger& baseline, const CarbonLedger& reduction)
{
    CarbonLedger after = baseline;
    double overflowT = 0;
    auto lower = [&overflowT](double& amount, double by) {
        const double absorbed = std::min(by, std::max(0.0, amount));
        amount -= absorbed;
        overflowT += by - absorbed;
    };
    lower(after.constructionT, reduction.constructionT);
    lower(after.transportT, reduction.transportT);
    lower(after.wasteT, reduction.wasteT);
    after.greeningT -= reduction.greeningT + overflowT;
    return after;
}

double achievableReductionT(const CarbonAssessment& assessment)
{
    std::vector<std::pair<const Intervention*, double>> requested;
    for (const Intervention& intervention : assessment.interventions)
        requested.emplace_back(&intervention, intervention.effectTPerYear);
    double sum = 0;
    for (const BookedReduction& entry : combineReductions(requested))
        sum += entry.effectT;
    return sum;
}

ScenarioEvaluation evaluateScenario(const Scenario& scenario, const Analysis& analysis)
{
    ScenarioEvaluation evaluation;
    evaluation.name = scenario.name;
    for (const ParcelResult& parcel : analysis.parcels)
        evaluation.baseline = sumLedgers(evaluation.baseline, parcel.carbon.ledger);

    std::vector<Resolved> measures;
    std::vector<BookedMeasure> facilities;
    for (std::size_t i = 0; i < scenario.interventions.size(); ++i) {
        const PlannedIntervention& item = scenario.interventions[i];
        const std::optional<std::string> facility = facilityType(item);
        const std::optional<std::size_t> position = parcelPosition(item, analysis);
        if (facility && position) {
            if (auto booked = resolveFacility(item, i, *position, *facility, analysis,
                                              evaluation.issues))
                facilities.push_back(*booked);
        } else if (auto resolved = resolve(item, i, analysis, evaluation.issues)) {
            measures.push_back(*resolved);
        }
        if (item.year <= 0)
            evaluation.issues.push_back({i, "no year: counted in the totals, not in the path"});
    }
    const std::map<std::size_t, double> effects = cappedEffects(measures);

    std::map<std::size_t, std::size_t> slotOfParcel;  // analysis position -> evaluation.parcels
    std::set<std::string> improved;
    for (const Resolved& measure : measures) {
        auto [slot, added] = slotOfParcel.emplace(measure.parcel, evaluation.parcels.size());
        if (added) {
            const ParcelResult& parcel = analysis.parcels[measure.parcel];
            evaluation.parcels.push_back({parcel.parcelId, parcel.carbon.ledger, {}, {}, {}});
        }
        ParcelScenarioResult& result = evaluation.parcels[slot->second];
        const double effect = effects.at(measure.item);
        addTo(result.reduction, indexCategory(measure.intervention->index), effect);
        if (effect > 0) {
            improved.insert(measure.intervention->index);
            auto& list = result.indicesImproved;
            if (std::find(list.begin(), list.end(), measure.intervention->index) == list.end())
                list.push_back(measure.intervention->index);
        }
    }

    CarbonLedger afterTotal = evaluation.baseline;
    for (ParcelScenarioResult& result : evaluation.parcels) {
        result.after = ledgerAfter(result.baseline, result.reduction);
        evaluation.reduction = sumLedgers(evaluation.reduction, result.reduction);
        afterTotal.constructionT += result.after.constructionT - result.baseline.constructionT;
        afterTotal.transportT += result.after.transportT - result.baseline.transportT;
        afterTotal.greeningT += result.after.greeningT - result.baseline.greeningT;
        afterTotal.wasteT += result.after.wasteT - result.baseline.wasteT;
    }
    evaluation.after = afterTotal;
    evaluation.indicesImproving = improved.size();
    evaluation.outcome = scenarioOutcome(bookedMeasures(measures, effects, facilities), analysis);
    evaluation.phases = phasingTable(scenario, effects);
    evaluation.path = reductionPath(scenario, measures);
    return evaluation;
}

} // namespace greenrenew::core
