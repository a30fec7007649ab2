#pragma once

// The output of `greenrenew-cli scenario --compare`: a CSV a spreadsheet opens (ledger by
// category for the baseline and each scenario, the phasing tables, the yearly paths and the
// measures that could not be booked) and a short table for the terminal.

#include "core/scenario.h"

#include <QString>

#include <ostream>
#include <vector>

namespace greenrenew::cli {

/// Writes the comparison to PATH; false (with ERRORTEXT) when the file cannot be written.
bool writeScenarioComparison(const QString& path,
                             const std::vector<core::ScenarioEvaluation>& evaluations,
                             QString& errorText);

/// Baseline, then for each scenario the figure after and the reduction, per category.
void printScenarioComparison(std::ostream& out,
                             const std::vector<core::ScenarioEvaluation>& evaluations);

} // namespace greenrenew::cli
