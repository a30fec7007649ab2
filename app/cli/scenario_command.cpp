// greenrenew-cli scenario: store hand-written scenario files in the project GeoPackage
// (gr_scenarios) and compare stored scenarios with the baseline (docs/priorities.md section 3).

#include "app/cli/commands.h"
#include "app/cli/scenario_report.h"
#include "core/analysis.h"
#include "core/scenario.h"
#include "gis/project_loader.h"
#include "gis/scenario_store.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>

namespace greenrenew::cli {

namespace {

struct ScenarioArguments {
    QString project;
    QStringList imports;
    QStringList compare;
    QString outDir = QStringLiteral(".");
};

/// --import and --compare each take one or more values up to the next option, so the
/// design's `--compare A B` works; QCommandLineParser takes one value per option.
std::optional<ScenarioArguments> parseArguments(const QStringList& arguments)
{
    ScenarioArguments parsed;
    QStringList* collecting = nullptr;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == QStringLiteral("--import")) {
            collecting = &parsed.imports;
        } else if (argument == QStringLiteral("--compare")) {
            collecting = &parsed.compare;
        } else if (argument == QStringLiteral("--out")) {
            if (i + 1 >= arguments.size()) {
                std::cerr << "greenrenew-cli scenario: --out needs a folder\n";
                return std::nullopt;
            }
            parsed.outDir = arguments[++i];
            collecting = nullptr;
        } else if (argument.startsWith(QStringLiteral("--"))) {
            std::cerr << "greenrenew-cli scenario: unknown option " << argument.toStdString()
                      << "\n";
            return std::nullopt;
        } else if (collecting) {
            collecting->append(argument);
        } else if (parsed.project.isEmpty()) {
            parsed.project = argument;
        } else {
            std::cerr << "greenrenew-cli scenario: unexpected argument " << argument.toStdString()
                      << "\n";
            return std::nullopt;
        }
    }
    if (parsed.project.isEmpty() || (parsed.imports.isEmpty() && parsed.compare.isEmpty())) {
        std::cerr << "usage: greenrenew-cli scenario PROJECT.gpkg [--import FILE.csv ...] "
                     "[--compare NAME ...] [--out DIR]\n";
        return std::nullopt;
    }
    return parsed;
}

/// Stores every file's scenarios in a copy of the project, then renames the copy over it, so
/// a failure leaves the project as it was.
/// Why MEASURE of SCENARIO cannot be planned in PROJECT (a parcel it does not have, a technique
/// the method does not know), or empty. Caught at import, so a typo is not stored and later
/// reported as "not proposed for the parcel".
std::string measureProblem(const core::Project& project, const core::Scenario& scenario,
                           const core::PlannedIntervention& measure)
{
    const std::string where = "scenario '" + scenario.name + "', parcel " +
                              std::to_string(measure.parcelId) + ": ";
    const auto& parcels = project.parcels;
    if (std::none_of(parcels.begin(), parcels.end(),
                     [&](const core::Parcel& p) { return p.id == measure.parcelId; }))
        return where + "the project has no such parcel";
    const std::string facilityPrefix = "facility:";
    if (measure.technique.rfind(facilityPrefix, 0) == 0) {
        const std::string type = measure.technique.substr(facilityPrefix.size());
        const auto& types = project.config.facilityTypes;
        if (std::none_of(types.begin(), types.end(),
                         [&](const core::FacilityType& t) { return t.id == type; }))
            return where + "'" + type + "' is not a facility type of the method";
        return {};
    }
    const auto& specs = project.config.interventions;
    if (std::none_of(specs.begin(), specs.end(), [&](const core::InterventionSpec& spec) {
            return spec.technique == measure.technique;
        }))
        return where + "'" + measure.technique + "' is not a technique of the method";
    return {};
}

int importScenarios(const ScenarioArguments& arguments, const core::Project& project)
{
    std::vector<core::Scenario> scenarios;
    for (const QString& file : arguments.imports) {
        core::Result<std::vector<core::Scenario>> read = gis::readScenarioFile(file);
        if (!read) {
            std::cerr << "greenrenew-cli: " << read.error().describe() << "\n";
            return kExitBadInput;
        }
        for (core::Scenario& scenario : read.value()) {
            for (const core::PlannedIntervention& measure : scenario.interventions) {
                const std::string problem = measureProblem(project, scenario, measure);
                if (!problem.empty()) {
                    std::cerr << "greenrenew-cli: " << file.toStdString() << ": " << problem
                              << "; nothing imported\n";
                    return kExitBadInput;
                }
            }
            std::cerr << "  " << scenario.name << ": " << scenario.interventions.size()
                      << " measure(s) from " << file.toStdString() << "\n";
            scenarios.push_back(std::move(scenario));
        }
    }
    core::Result<bool> stored = gis::storeScenariosAtomically(arguments.project, scenarios);
    if (!stored) {
        std::cerr << "greenrenew-cli: " << stored.error().describe() << "\n";
        return kExitBadInput;
    }
    std::cerr << "Stored " << scenarios.size() << " scenario(s) in "
              << arguments.project.toStdString() << " (table gr_scenarios)\n";
    return kExitOk;
}

int compareScenarios(const ScenarioArguments& arguments, const core::Project& project)
{
    core::Result<std::vector<core::Scenario>> stored = gis::loadScenarios(arguments.project);
    if (!stored) {
        std::cerr << "greenrenew-cli: " << stored.error().describe() << "\n";
        return kExitBadInput;
    }
    std::vector<const core::Scenario*> chosen;
    for (const QString& name : arguments.compare) {
        const core::Scenario* found = nullptr;
        for (const core::Scenario& scenario : stored.value())
            if (scenario.name == name.toStdString())
                found = &scenario;
        if (!found) {
            std::cerr << "greenrenew-cli: " << arguments.project.toStdString()
                      << ", table gr_scenarios: no scenario named '" << name.toStdString()
                      << "'\n";
            return kExitBadInput;
        }
        chosen.push_back(found);
    }

    std::cerr << "Analysing\n";
    const core::Analysis analysis = core::runAnalysis(project);
    std::vector<core::ScenarioEvaluation> evaluations;
    for (const core::Scenario* scenario : chosen)
        evaluations.push_back(core::evaluateScenario(*scenario, analysis));

    if (!QDir().mkpath(arguments.outDir)) {
        std::cerr << "greenrenew-cli: cannot create the output folder "
                  << arguments.outDir.toStdString() << "\n";
        return kExitBadInput;
    }
    const QString path = QDir(arguments.outDir).filePath(QStringLiteral("scenario_comparison.csv"));
    QString errorText;
    if (!writeScenarioComparison(path, evaluations, errorText)) {
        std::cerr << "greenrenew-cli: cannot write " << path.toStdString() << ": "
                  << errorText.toStdString() << "\n";
        return kExitBadInput;
    }
    printScenarioComparison(std::cout, evaluations);
    for (const core::ScenarioEvaluation& evaluation : evaluations)
        for (const core::PlanIssue& issue : evaluation.issues)
            std::cerr << "  " << evaluation.name << ", measure " << issue.item + 1 << ": "
                      << issue.message << "\n";
    std::cerr << "Wrote " << path.toStdString() << "\n";
    return kExitOk;
}

} // namespace

int runScenario(const QStringList& arguments)
{
    const std::optional<ScenarioArguments> parsed = parseArguments(arguments);
    if (!parsed)
        return kExitBadUsage;
    if (!QFileInfo::exists(parsed->project)) {
        std::cerr << "greenrenew-cli: " << parsed->project.toStdString() << ": no such file\n";
        return kExitBadInput;
    }
    // Read once: the import checks each measure against the project's parcels and method, the
    // comparison analyses it (storing scenarios does not change the layers).
    std::cerr << "Reading " << parsed->project.toStdString() << "\n";
    gis::ImportReport report;
    const core::Result<core::Project> loaded = gis::loadProject(parsed->project, {}, report);
    if (!loaded) {
        std::cerr << "greenrenew-cli: " << loaded.error().describe() << "\n";
        return loaded.error().kind == core::ErrorKind::Internal ? kExitInternal : kExitBadInput;
    }
    if (loaded.value().parcels.empty()) {
        std::cerr << "greenrenew-cli: " << parsed->project.toStdString()
                  << ": no parcels could be imported\n" << report.toText().toStdString() << "\n";
        return kExitBadInput;
    }
    if (!parsed->imports.isEmpty()) {
        const int status = importScenarios(*parsed, loaded.value());
        if (status != kExitOk)
            return status;
    }
    return parsed->compare.isEmpty() ? kExitOk : compareScenarios(*parsed, loaded.value());
}

} // namespace greenrenew::cli
