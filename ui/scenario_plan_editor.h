#pragma once

// The implementation plan of one scenario in the Scenarios dock (issue 7): its measures with
// phase, year, responsible party, status and cost class editable in place, and the phasing
// table and the yearly reduction path (planned, and done only) that follow from them. The
// widget only reports edits (measureEdited); the dock applies them as undoable steps and stores
// them in the project.

#include "core/analysis.h"
#include "core/scenario.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace greenrenew::ui {

class ScenarioPlanEditor : public QWidget {
    Q_OBJECT

public:
    explicit ScenarioPlanEditor(QWidget* parent = nullptr);

    /// Shows SCENARIO's measures and its yearly path evaluated on ANALYSIS; null clears.
    /// Both are read now and not kept.
    void showScenario(const core::Scenario* scenario, const core::Analysis* analysis);

    QTableWidget* measuresTable() const { return m_measures; }
    /// One row per year of the path: year, planned and done-only reduction in force, tCO2e/yr.
    const QTableWidget* pathTable() const { return m_path; }
    /// One row per phase: phase, years, measures, counts by party (government, enterprise,
    /// residents, shared) and by status (proposed, approved, under way, done), reduction.
    const QTableWidget* phaseTable() const { return m_phases; }

    static constexpr int kParcelColumn = 0;
    static constexpr int kTechniqueColumn = 1;
    static constexpr int kQuantityColumn = 2;
    static constexpr int kPhaseColumn = 3;
    static constexpr int kYearColumn = 4;
    static constexpr int kPartyColumn = 5;
    static constexpr int kStatusColumn = 6;
    static constexpr int kCostColumn = 7;
    static constexpr int kPathPlannedColumn = 1;
    static constexpr int kPathDoneColumn = 2;
    static constexpr int kPhaseCountColumn = 2;
    static constexpr int kPhaseGovernmentColumn = 3;
    static constexpr int kPhaseProposedColumn = 7;
    static constexpr int kPhaseDoneColumn = 10;
    static constexpr int kPhaseReductionColumn = 11;
    static constexpr int kPhaseColumnCount = 12;

signals:
    /// The designer changed measure ROW (position in the scenario) to MEASURE.
    void measureEdited(int row, const core::PlannedIntervention& measure);

private:
    void fillMeasures();
    void fillPath(const core::ScenarioEvaluation& evaluation);
    void fillPhases(const core::ScenarioEvaluation& evaluation);
    void onItemChanged(int row, int column);

    QTableWidget* m_measures = nullptr;
    QTableWidget* m_path = nullptr;
    QTableWidget* m_phases = nullptr;
    QLabel* m_title = nullptr;
    core::Scenario m_scenario;
};

} // namespace greenrenew::ui
