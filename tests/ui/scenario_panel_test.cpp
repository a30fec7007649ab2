#include "ui/scenario_panel.h"

#include "core/analysis.h"
#include "core/scenario.h"
#include "gis/project_loader.h"
#include "gis/scenario_store.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextStream>

using greenrenew::ui::ScenarioPanel;
namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

const QString kScenarioDir = QStringLiteral(GREENRENEW_SOURCE_DIR "/resources/sample/scenarios");

double cellValue(const QTableWidget& table, int row, int column)
{
    const QTableWidgetItem* item = table.item(row, column);
    return item ? item->data(Qt::UserRole).toDouble() : -1e300;
}

} // namespace

// The panel imports the two example files for the sample and its comparison table shows, for
// each selected scenario, the net reduction core::evaluateScenario computes here on its own
// from the same files and the same analysis.
TEST(ScenarioPanelTest, ComparesImportedScenariosWithTheBaseline)
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
    EXPECT_TRUE(panel.scenarioNames().isEmpty());
    const QStringList files{kScenarioDir + QStringLiteral("/demonstration.csv"),
                            kScenarioDir + QStringLiteral("/demonstration_and_area.csv")};
    for (const QString& file : files)
        ASSERT_TRUE(panel.importFile(file)) << panel.problemText().toStdString();
    ASSERT_EQ(panel.scenarioNames(),
              (QStringList{QStringLiteral("demonstration"),
                           QStringLiteral("demonstration_and_area")}));

    panel.selectScenarios(panel.scenarioNames());
    const QTableWidget& table = *panel.comparisonTable();
    ASSERT_EQ(table.columnCount(), 5);  // baseline, then after and reduction for each of two
    for (int i = 0; i < 2; ++i) {
        core::Result<std::vector<core::Scenario>> read = gis::readScenarioFile(files[i]);
        ASSERT_TRUE(read);
        ASSERT_EQ(read.value().size(), 1u);
        const core::ScenarioEvaluation expected =
            core::evaluateScenario(read.value().front(), *analysis);
        // The examples must reduce something, else the comparison below proves little.
        EXPECT_GT(expected.reduction.totalT(), 0.0);
        EXPECT_NEAR(cellValue(table, ScenarioPanel::kNetRow, ScenarioPanel::reductionColumn(i)),
                    expected.reduction.totalT(), 1e-9);
        EXPECT_NEAR(cellValue(table, ScenarioPanel::kNetRow, 0), expected.baseline.totalT(),
                    1e-9);
        // after = baseline - reduction, per the ledger (net row).
        EXPECT_NEAR(
            cellValue(table, ScenarioPanel::kNetRow, ScenarioPanel::reductionColumn(i) - 1),
            expected.after.totalT(), 1e-9);
    }

    // The import stored them in the project: a panel opened on it again lists both.
    ScenarioPanel reopened;
    reopened.setProject(project, analysis);
    EXPECT_EQ(reopened.scenarioNames(), panel.scenarioNames());
    // and compares them all at once: baseline + 2 columns for each of the 2 scenarios.
    EXPECT_EQ(reopened.comparisonTable()->columnCount(), 5);
}

TEST(ScenarioPanelTest, BadFileShowsFileAndLine)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    QTextStream(&file) << "scenario,parcel_id,technique,quantity,phase,year,party,cost,status\n"
                       << "a,108,rooftop_pv,75,1,2027,government,high,approved\n"
                       << "a,108,rooftop_pv,75,1,2027,nobody,high,approved\n";
    file.close();

    ScenarioPanel panel;
    EXPECT_FALSE(panel.importFile(path));
    EXPECT_TRUE(panel.problemText().contains(QStringLiteral("broken.csv")))
        << panel.problemText().toStdString();
    // The third line of the file has the unknown party.
    EXPECT_TRUE(panel.problemText().contains(QStringLiteral("line 3")))
        << panel.problemText().toStdString();
    EXPECT_TRUE(panel.scenarioNames().isEmpty());
}
