#include "ui/scenario_panel.h"
#include "ui/scenario_plan_editor.h"

#include "core/analysis.h"
#include "core/scenario.h"
#include "gis/project_loader.h"
#include "gis/scenario_store.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>

using greenrenew::ui::ScenarioPanel;
using greenrenew::ui::ScenarioPlanEditor;
namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

constexpr double kTonneTolerance = 1e-9;
const QString kDemonstration = QStringLiteral("demonstration");

double lastCell(const QTableWidget& table, int column)
{
    return table.item(table.rowCount() - 1, column)->data(Qt::UserRole).toDouble();
}

core::CostClass storedCost(const QString& project, std::size_t row)
{
    auto stored = gis::loadScenarios(project);
    EXPECT_TRUE(stored);
    return stored.value().front().interventions.at(row).cost;
}

std::size_t countCell(const QTableWidget& table, int row, int column)
{
    return std::size_t(table.item(row, column)->data(Qt::UserRole).toULongLong());
}

core::PlanStatus storedStatus(const QString& project, std::size_t row)
{
    auto stored = gis::loadScenarios(project);
    EXPECT_TRUE(stored);
    return stored.value().front().interventions.at(row).status;
}

} // namespace

// resources/sample/scenarios/demonstration.csv on the sample: measure 4 (roof greening on
// parcel 108, 2028) goes from proposed to done. The done-only path at 2028 then rises by that
// measure's own effect (it shares no ledger amount with the garbage sorting already done, so
// the effects add), the planned path does not move, gr_scenarios holds the new status (written
// through a copy renamed over the project, which leaves no copy behind), and undo puts both
// back. A year typed into the table moves the measure and the path follows.
TEST(ScenarioPlanTest, StatusEditIsUndoableStoredAndMovesTheDonePath)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("bund.gpkg"));
    ASSERT_TRUE(QFile::copy(
        QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg"),
        project));
    QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
    gis::ImportReport report;
    core::Result<core::Project> loaded = gis::loadProject(project, {}, report);
    ASSERT_TRUE(loaded);
    auto analysis = std::make_shared<const core::Analysis>(core::runAnalysis(loaded.value()));

    ScenarioPanel panel;
    panel.setProject(project, analysis);
    ASSERT_TRUE(panel.importFile(QStringLiteral(GREENRENEW_SOURCE_DIR
                                                "/resources/sample/scenarios/demonstration.csv")));
    panel.showPlan(kDemonstration);
    const QTableWidget& path = *panel.planEditor()->pathTable();
    ASSERT_EQ(path.rowCount(), 3);  // 2026, 2027, 2028
    const double plannedBefore = lastCell(path, ScenarioPlanEditor::kPathPlannedColumn);
    const double doneBefore = lastCell(path, ScenarioPlanEditor::kPathDoneColumn);

    const core::PlannedIntervention greening = panel.scenario(kDemonstration)->interventions[3];
    ASSERT_EQ(greening.technique, "roof_wall_greening");
    ASSERT_EQ(greening.status, core::PlanStatus::Proposed);
    const double greeningAlone =
        core::evaluateScenario({"alone", {}, {greening}}, *analysis).reduction.totalT();
    ASSERT_GT(greeningAlone, 0.0);

    core::PlannedIntervention done = greening;
    done.status = core::PlanStatus::Done;
    ASSERT_TRUE(panel.editMeasure(kDemonstration, 3, done));
    EXPECT_NEAR(lastCell(path, ScenarioPlanEditor::kPathDoneColumn), doneBefore + greeningAlone,
                kTonneTolerance);
    EXPECT_NEAR(lastCell(path, ScenarioPlanEditor::kPathPlannedColumn), plannedBefore,
                kTonneTolerance);
    EXPECT_EQ(storedStatus(project, 3), core::PlanStatus::Done);
    EXPECT_FALSE(QFile::exists(project + QStringLiteral(".scenario-store.gpkg")));

    panel.undoStack()->undo();
    EXPECT_NEAR(lastCell(path, ScenarioPlanEditor::kPathDoneColumn), doneBefore,
                kTonneTolerance);
    EXPECT_EQ(storedStatus(project, 3), core::PlanStatus::Proposed);

    // Typed into the table: the greening moves to 2030, so the path runs 2026..2030.
    QTableWidget* measures = panel.planEditor()->measuresTable();
    measures->item(3, ScenarioPlanEditor::kYearColumn)->setText(QStringLiteral("2030"));
    QCoreApplication::processEvents();
    EXPECT_EQ(panel.scenario(kDemonstration)->interventions[3].year, 2030);
    EXPECT_EQ(path.rowCount(), 5);
    EXPECT_EQ(path.item(4, 0)->text(), QStringLiteral("2030"));
}

// The same file: measure 1 (PV on parcel 108, cost high) gets cost class low by picking it in
// its combo box, one undoable step stored in gr_scenarios. Measure 4 (roof greening, residents,
// proposed) moved to phase "2 area" leaves phase "1 demonstration" with 3 measures and makes a
// second row with 1 measure, residents 1, proposed 1 and the greening's own reduction (it
// shares no ledger amount with the others, so it is the same alone as in the plan).
TEST(ScenarioPlanTest, CostClassAndPhaseEditsMoveThePhasingTable)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString project = dir.filePath(QStringLiteral("bund.gpkg"));
    ASSERT_TRUE(QFile::copy(
        QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg"),
        project));
    QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
    gis::ImportReport report;
    core::Result<core::Project> loaded = gis::loadProject(project, {}, report);
    ASSERT_TRUE(loaded);
    auto analysis = std::make_shared<const core::Analysis>(core::runAnalysis(loaded.value()));

    ScenarioPanel panel;
    panel.setProject(project, analysis);
    ASSERT_TRUE(panel.importFile(QStringLiteral(GREENRENEW_SOURCE_DIR
                                                "/resources/sample/scenarios/demonstration.csv")));
    panel.showPlan(kDemonstration);
    ASSERT_EQ(storedCost(project, 0), core::CostClass::High);
    QTableWidget* measures = panel.planEditor()->measuresTable();
    auto* cost = qobject_cast<QComboBox*>(
        measures->cellWidget(0, ScenarioPlanEditor::kCostColumn));
    ASSERT_NE(cost, nullptr);
    EXPECT_EQ(cost->currentText(), QStringLiteral("high"));
    cost->setCurrentIndex(0);  // low
    QCoreApplication::processEvents();
    EXPECT_EQ(panel.scenario(kDemonstration)->interventions[0].cost, core::CostClass::Low);
    EXPECT_EQ(storedCost(project, 0), core::CostClass::Low);
    panel.undoStack()->undo();
    EXPECT_EQ(storedCost(project, 0), core::CostClass::High);

    const QTableWidget& phases = *panel.planEditor()->phaseTable();
    ASSERT_EQ(phases.rowCount(), 1);
    EXPECT_EQ(countCell(phases, 0, ScenarioPlanEditor::kPhaseCountColumn), 4u);
    const core::PlannedIntervention greening = panel.scenario(kDemonstration)->interventions[3];
    const double greeningAlone =
        core::evaluateScenario({"alone", {}, {greening}}, *analysis).reduction.totalT();
    measures->item(3, ScenarioPlanEditor::kPhaseColumn)->setText(QStringLiteral("2 area"));
    QCoreApplication::processEvents();
    ASSERT_EQ(phases.rowCount(), 2);
    EXPECT_EQ(phases.item(1, 0)->text(), QStringLiteral("2 area"));
    EXPECT_EQ(countCell(phases, 0, ScenarioPlanEditor::kPhaseCountColumn), 3u);
    EXPECT_EQ(countCell(phases, 1, ScenarioPlanEditor::kPhaseCountColumn), 1u);
    // Residents is the third party column, proposed the first status column.
    EXPECT_EQ(countCell(phases, 1, ScenarioPlanEditor::kPhaseGovernmentColumn + 2), 1u);
    EXPECT_EQ(countCell(phases, 1, ScenarioPlanEditor::kPhaseProposedColumn), 1u);
    EXPECT_NEAR(phases.item(1, ScenarioPlanEditor::kPhaseReductionColumn)
                    ->data(Qt::UserRole).toDouble(),
                greeningAlone, kTonneTolerance);
    panel.undoStack()->undo();
    EXPECT_EQ(phases.rowCount(), 1);
}
