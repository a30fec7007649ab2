// Comparison of scenarios as CSV blocks separated by blank lines, each with its own header row.

#include "app/cli/scenario_report.h"

#include <QSaveFile>

#include <cstdio>
#include <sstream>
#include <string>

namespace greenrenew::cli {

namespace {

std::string figure(double value)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

/// A CSV cell: quoted when it holds a comma, quote or line break.
std::string cell(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted.push_back('"');
        quoted.push_back(c);
    }
    return quoted + "\"";
}

struct CategoryRow {
    const char* name;
    double (*of)(const core::CarbonLedger&);
};

const CategoryRow kRows[] = {
    {"construction", [](const core::CarbonLedger& l) { return l.constructionT; }},
    {"transport", [](const core::CarbonLedger& l) { return l.transportT; }},
    {"greening", [](const core::CarbonLedger& l) { return l.greeningT; }},
    {"waste", [](const core::CarbonLedger& l) { return l.wasteT; }},
    {"net", [](const core::CarbonLedger& l) { return l.totalT(); }},
};

void ledgerBlock(std::ostream& out, const std::vector<core::ScenarioEvaluation>& evaluations)
{
    out << "category,baseline_tco2e_per_year";
    for (const auto& evaluation : evaluations)
        out << "," << cell(evaluation.name + "_after") << ","
            << cell(evaluation.name + "_reduction");
    out << "\n";
    for (const CategoryRow& row : kRows) {
        out << row.name << "," << figure(row.of(evaluations.front().baseline));
        for (const auto& evaluation : evaluations)
            out << "," << figure(row.of(evaluation.after)) << ","
                << figure(row.of(evaluation.baseline) - row.of(evaluation.after));
        out << "\n";
    }
    out << "indices_improved,";
    for (const auto& evaluation : evaluations)
        out << "," << evaluation.indicesImproving << ",";
    out << "\n";
}

void phaseBlock(std::ostream& out, const std::vector<core::ScenarioEvaluation>& evaluations)
{
    const core::Party parties[] = {core::Party::Government, core::Party::Enterprise,
                                   core::Party::Residents, core::Party::Shared};
    const core::PlanStatus statuses[] = {core::PlanStatus::Proposed, core::PlanStatus::Approved,
                                         core::PlanStatus::UnderWay, core::PlanStatus::Done};
    out << "scenario,phase,first_year,last_year,measures";
    for (core::Party party : parties)
        out << "," << core::partyName(party);
    for (core::PlanStatus status : statuses)
        out << "," << core::planStatusName(status);
    out << ",reduction_tco2e_per_year\n";
    for (const auto& evaluation : evaluations) {
        for (const core::PhaseRow& row : evaluation.phases) {
            out << cell(evaluation.name) << "," << cell(row.phase) << "," << row.firstYear << ","
                << row.lastYear << "," << row.count;
            for (core::Party party : parties)
                out << "," << (row.byParty.count(party) ? row.byParty.at(party) : 0);
            for (core::PlanStatus status : statuses)
                out << "," << (row.byStatus.count(status) ? row.byStatus.at(status) : 0);
            out << "," << figure(row.reductionT) << "\n";
        }
    }
}

void pathAndIssueBlocks(std::ostream& out,
                        const std::vector<core::ScenarioEvaluation>& evaluations)
{
    out << "scenario,year,planned_reduction_tco2e_per_year,done_reduction_tco2e_per_year\n";
    for (const auto& evaluation : evaluations)
        for (const core::YearStep& step : evaluation.path)
            out << cell(evaluation.name) << "," << step.year << "," << figure(step.plannedT)
                << "," << figure(step.doneT) << "\n";
    out << "\nscenario,measure,issue\n";
    for (const auto& evaluation : evaluations)
        for (const core::PlanIssue& issue : evaluation.issues)
            out << cell(evaluation.name) << "," << issue.item + 1 << "," << cell(issue.message)
                << "\n";
}

// Ratings, compliance and gaps are those of the parcels each scenario touches, so every
// scenario has its own "before" (core/scenario_outcome.h).
void outcomeSummaryBlock(std::ostream& out,
                         const std::vector<core::ScenarioEvaluation>& evaluations)
{
    out << "scenario,parcels,serious_before,serious_after,medium_before,medium_after,"
           "slight_before,slight_after,not_assessed_before,not_assessed_after,"
           "compliance_failed_before,compliance_failed_after,facility_gaps_before,"
           "facility_gaps_after,facility_gaps_closed\n";
    for (const auto& evaluation : evaluations) {
        const core::ScenarioOutcome& o = evaluation.outcome;
        out << cell(evaluation.name) << "," << o.parcels.size() << ","
            << o.ratingsBefore.serious << "," << o.ratingsAfter.serious << ","
            << o.ratingsBefore.medium << "," << o.ratingsAfter.medium << ","
            << o.ratingsBefore.slight << "," << o.ratingsAfter.slight << ","
            << o.ratingsBefore.notAssessed << "," << o.ratingsAfter.notAssessed << ","
            << o.complianceFailedBefore << "," << o.complianceFailedAfter << ","
            << o.gapsBefore << "," << o.gapsAfter << "," << o.gapsClosed() << "\n";
    }
}

void outcomeParcelBlocks(std::ostream& out,
                         const std::vector<core::ScenarioEvaluation>& evaluations)
{
    out << "scenario,parcel_id,index,rating_before,rating_after\n";
    for (const auto& evaluation : evaluations)
        for (const core::ParcelOutcome& parcel : evaluation.outcome.parcels)
            for (const core::IndexChange& change : parcel.indices)
                out << cell(evaluation.name) << "," << parcel.parcelId << "," << change.index
                    << "," << core::ratingName(change.before) << ","
                    << core::ratingName(change.after) << "\n";
    out << "\nscenario,parcel_id,figure,bound,limit,value_before,value_after,ok_before,"
           "ok_after\n";
    for (const auto& evaluation : evaluations)
        for (const core::ParcelOutcome& parcel : evaluation.outcome.parcels)
            for (const core::ComplianceChange& check : parcel.compliance)
                out << cell(evaluation.name) << "," << parcel.parcelId << "," << check.figure
                    << "," << check.bound << "," << figure(check.limit) << ","
                    << figure(check.before) << "," << figure(check.after) << ","
                    << (check.okBefore ? "yes" : "no") << "," << (check.okAfter ? "yes" : "no")
                    << "\n";
    out << "\nscenario,parcel_id,circle,facility_type_gap_closed\n";
    for (const auto& evaluation : evaluations)
        for (const core::ParcelOutcome& parcel : evaluation.outcome.parcels)
            for (const auto& [circle, type] : parcel.gapsClosed)
                out << cell(evaluation.name) << "," << parcel.parcelId << "," << circle << ","
                    << cell(type) << "\n";
}

} // namespace

bool writeScenarioComparison(const QString& path,
                             const std::vector<core::ScenarioEvaluation>& evaluations,
                             QString& errorText)
{
    std::ostringstream text;
    ledgerBlock(text, evaluations);
    text << "\n";
    phaseBlock(text, evaluations);
    text << "\n";
    pathAndIssueBlocks(text, evaluations);
    text << "\n";
    outcomeSummaryBlock(text, evaluations);
    text << "\n";
    outcomeParcelBlocks(text, evaluations);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        errorText = file.errorString();
        return false;
    }
    const std::string bytes = text.str();
    file.write(bytes.data(), static_cast<qint64>(bytes.size()));
    if (!file.commit()) {
        errorText = file.errorString();
        return false;
    }
    return true;
}

void printScenarioComparison(std::ostream& out,
                             const std::vector<core::ScenarioEvaluation>& evaluations)
{
    char line[256];
    std::snprintf(line, sizeof line, "%-14s %12s", "tCO2e/yr", "baseline");
    out << line;
    for (const auto& evaluation : evaluations) {
        std::snprintf(line, sizeof line, " %14s %12s", (evaluation.name + " after").c_str(),
                      "reduction");
        out << line;
    }
    out << "\n";
    for (const CategoryRow& row : kRows) {
        std::snprintf(line, sizeof line, "%-14s %12.2f", row.name,
                      row.of(evaluations.front().baseline));
        out << line;
        for (const auto& evaluation : evaluations) {
            const double after = row.of(evaluation.after);
            std::snprintf(line, sizeof line, " %14.2f %12.2f", after,
                          row.of(evaluation.baseline) - after);
            out << line;
        }
        out << "\n";
    }
    for (const auto& evaluation : evaluations) {
        const core::ScenarioOutcome& o = evaluation.outcome;
        out << evaluation.name << " on its " << o.parcels.size()
            << " parcel(s), before -> after: indices serious " << o.ratingsBefore.serious
            << " -> " << o.ratingsAfter.serious << ", medium " << o.ratingsBefore.medium
            << " -> " << o.ratingsAfter.medium << ", slight " << o.ratingsBefore.slight << " -> "
            << o.ratingsAfter.slight << "; compliance checks failed "
            << o.complianceFailedBefore << " -> " << o.complianceFailedAfter
            << "; facility gaps " << o.gapsBefore << " -> " << o.gapsAfter << " ("
            << o.gapsClosed() << " closed)\n";
    }
    for (const auto& evaluation : evaluations)
        if (!evaluation.issues.empty())
            out << evaluation.name << ": " << evaluation.issues.size()
                << " measure issue(s), listed in the CSV\n";
}

} // namespace greenrenew::cli
