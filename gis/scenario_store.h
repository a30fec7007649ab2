#pragma once

// Scenarios as a designer writes them by hand (a CSV file, docs/priorities.md section 3) and as
// the project keeps them: the attribute table `gr_scenarios` of the project GeoPackage, one row
// per planned intervention, with the same columns as the file, so QGIS and spreadsheets open it.

#include "core/result.h"
#include "core/scenario.h"

#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace greenrenew::gis {

/// The columns of a scenario file and of `gr_scenarios`, in their documented order.
const std::vector<const char*>& scenarioColumns();

/// Reads a scenario file (CSV, UTF-8, '#' comment lines, a header row naming the columns in any
/// order). Rows of one scenario need not be adjacent; scenarios come in order of first mention.
/// An error names the file, the line and the problem.
core::Result<std::vector<core::Scenario>> readScenarioFile(const QString& path);

/// Writes SCENARIOS into `gr_scenarios` of the GeoPackage at GPKGPATH (created as an attribute
/// table when missing), replacing the rows of any stored scenario of the same name, in one
/// SQLite transaction.
core::Result<bool> storeScenarios(const QString& gpkgPath,
                                  const std::vector<core::Scenario>& scenarios);

/// storeScenarios on a copy of the project ("PROJECT.gpkg.scenario-store.gpkg"), then the copy
/// renamed over the project, so a failure (or a kill) part-way leaves the project as it was.
core::Result<bool> storeScenariosAtomically(const QString& gpkgPath,
                                            const std::vector<core::Scenario>& scenarios);

/// Every scenario stored in `gr_scenarios`, in order of first row; none when the table is
/// missing. A row with an unknown party, cost or status is an error naming the row.
core::Result<std::vector<core::Scenario>> loadScenarios(const QString& gpkgPath);

namespace detail {
/// One row, cells by column name, as a planned intervention; PROBLEM says what is wrong.
/// Shared by the file reader and the table reader so both accept the same values.
std::optional<core::PlannedIntervention> plannedFromCells(
    const std::map<QString, QString>& cells, QString& problem);
} // namespace detail

} // namespace greenrenew::gis
