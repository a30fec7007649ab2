#pragma once

// The "Scenarios / 情景" dock (issue 7): the scenarios stored in the opened project's
// gr_scenarios table, an import of hand-written scenario files, and a table comparing the
// selected scenarios with the baseline, in tCO2e per year by carbon category.

#include "core/analysis.h"
#include "core/scenario.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QTableWidget;
class QUndoStack;

namespace greenrenew::ui {

class ScenarioOutcomeTable;
class ScenarioPlanEditor;

class ScenarioPanel : public QWidget {
    Q_OBJECT

public:
    explicit ScenarioPanel(QWidget* parent = nullptr);

    /// Shows the scenarios stored in the project at PROJECTPATH, evaluated on ANALYSIS (the
    /// analysis the map shows). An empty path or a null analysis clears the panel.
    void setProject(const QString& projectPath, std::shared_ptr<const core::Analysis> analysis);

    /// Reads a scenario file (gis::readScenarioFile), lists its scenarios and stores them in
    /// the project's gr_scenarios; false with a message naming the file and line when the
    /// file cannot be read.
    bool importFile(const QString& path);
    /// Asks for a scenario file and imports it.
    void chooseAndImport();

    /// Selects the scenarios named NAMES in the list; the comparison follows the selection.
    void selectScenarios(const QStringList& names);

    QStringList scenarioNames() const;
    /// The scenario named NAME as shown (with the edits made); null when there is none.
    const core::Scenario* scenario(const QString& name) const;

    /// Changes measure ROW of the scenario NAME to MEASURE as one undoable step (status,
    /// phase, year, party, cost class); the project's gr_scenarios is rewritten atomically (a copy renamed
    /// over it). False when there is no such measure.
    bool editMeasure(const QString& name, int row, const core::PlannedIntervention& measure);
    /// Applies MEASURE without an undo step (the undo commands' own call); stores it.
    bool replaceMeasure(const QString& name, int row, const core::PlannedIntervention& measure);
    /// Shows the plan of scenario NAME in the plan editor.
    void showPlan(const QString& name);
    ScenarioPlanEditor* planEditor() const { return m_plan; }
    QUndoStack* undoStack() const { return m_undo; }
    /// The comparison table: one row per category and a net row, a baseline column, then
    /// "after" and "reduction" columns per selected scenario.
    const QTableWidget* comparisonTable() const { return m_table; }
    /// Ratings, controls failed and facility gaps before and after, per selected scenario.
    const ScenarioOutcomeTable* outcomeTable() const { return m_outcome; }
    /// The last problem shown under the list (import or store errors); empty when none.
    QString problemText() const;

    /// Row of the net total in the comparison table and the column of a scenario's reduction.
    static constexpr int kNetRow = 4;
    static int reductionColumn(int selectedIndex) { return 2 + 2 * selectedIndex; }

signals:
    void message(const QString& text);

private:
    void addScenarios(std::vector<core::Scenario> scenarios);
    void refreshList();
    void updateComparison();
    void showProblem(const QString& text);

    QListWidget* m_list = nullptr;
    QTableWidget* m_table = nullptr;
    ScenarioOutcomeTable* m_outcome = nullptr;
    QLabel* m_problem = nullptr;
    ScenarioPlanEditor* m_plan = nullptr;
    QUndoStack* m_undo = nullptr;
    QString m_shownPlan;
    QString m_projectPath;
    std::shared_ptr<const core::Analysis> m_analysis;
    std::vector<core::Scenario> m_scenarios;
};

} // namespace greenrenew::ui
