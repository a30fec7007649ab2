#pragma once

// The report section "Scenarios and implementation plan": one page per scenario stored in the
// project, with its ledger by category before and after the measures, the phasing table and
// the yearly reduction path (docs/priorities.md, "Scenarios").

#include "core/scenario.h"

#include <QString>

#include <vector>

namespace greenrenew::render {

struct PageFrame;

/// Title of the section in the report's language, as the contents and the page heading show it.
QString scenarioSectionTitle(const QString& language);

/// Draws the page of EVALUATION; FIRST adds the section heading above the scenario's own.
void drawScenarioPage(const PageFrame& frame, const core::ScenarioEvaluation& evaluation,
    bool first);

} // namespace greenrenew::render
