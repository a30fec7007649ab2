#include "ui/scenario_outcome_table.h"
#include "ui/scenario_panel.h"

#include "core/analysis.h"
#include "core/scenario.h"
#include "gis/project_loader.h"
#include "gis/scenario_store.h"

#include <gtest/gtest.h>

#include <set>

#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextStream>

using greenrenew::ui::ScenarioOutcomeTable;
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

std::size_t countCell(const QTableWidget& table, int row, int column)
{
    const QTableWidgetItem* item = table.item(row, column);
    return item ? std::size_t(item->data(Qt::UserRole).toULongLong()) : 9999;
}

// The "before" counts are taken here from the analysis itself (the ratings and walk gaps of
// the parcels the scenario names); the "after" ones must be the evaluation's.
void expectOutcomeColumns(const QTableWidget& table, int i,
                          const core::ScenarioEvaluation& expected,
                          const core::Analysis& analysis)
{
    std::set<core::FeatureId> touched;
    for (const core::ParcelScenarioResult& parcel : expected.parcels)
        touched.insert(parcel.parcelId);
    std::size_t serious = 0;
    std::size_t gaps = 0;
    for (const core::ParcelResult& parcel : analysis.parcels) {
        if (!touched.count(parcel.parcelId))
            continue;
        for (const core::IndexRating& rating : parcel.carbon.ratings)
            serious += rating.rating == core::Rating::Serious ? 1 : 0;
        for (const auto& [circle, types] : parcel.walk.gaps)
            gaps += types.size();
    }
    using Row = ScenarioOutcomeTable;
    EXPECT_EQ(countCell(table, Row::SeriousRow, Row::beforeColumn(i)), serious);
    EXPECT_EQ(countCell(table, Row::FacilityGapsRow, Row::beforeColumn(i)), gaps);
    EXPECT_EQ(countCell(table, Row::SeriousRow, Row::afterColumn(i)),
              expected.outcome.ratingsAfter.serious);
    EXPECT_EQ(countCell(table, Row::SlightRow, Row::afterColumn(i)),
              expected.outcome.ratingsAfter.slight);
    EXPECT_EQ(countCell(table, Row::ComplianceFailedRow, Row::afterColumn(i)),
              expected.outcome.complianceFailedAfter);
    // The examples' measures (PV, energy saving, recycling) must improve some index.
    EXPECT_LT(expected.outcome.ratingsAfter.serious + expected.outcome.ratingsAfter.medium,
              expected.outcome.ratingsBefore.serious + expected.outcome.ratingsBefore.medium);
}

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
        expectOutcomeColumns(*panel.outcomeTable(), i, expected, *analysis);
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
