#include "ui/priority_panel.h"

#include "core/ahp.h"
#include "core/analysis.h"
#include "core/priority.h"
#include "gis/project_loader.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextStream>

using greenrenew::ui::PriorityPanel;
namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

constexpr double kWeightTolerance = 1e-9;
const QString kQuestionnaireDir =
    QStringLiteral(GREENRENEW_SOURCE_DIR "/resources/sample/questionnaires");

/// The judgements of resources/sample/questionnaires typed again here, so the expected weights
/// do not pass through the file reader under test. Index blocks: all ones except transport.
core::AhpQuestionnaire expertMatrices(core::PairwiseMatrix categories, double bicycleOverClean)
{
    core::AhpQuestionnaire questionnaire;
    questionnaire.categories = std::move(categories);
    for (const std::string& block : core::ahpBlockNames())
        if (block != "categories")
            questionnaire.indices[block] =
                core::equalImportanceMatrix(core::ahpBlockElements(block).size());
    questionnaire.indices["transport"] = {{1, bicycleOverClean}, {1 / bicycleOverClean, 1}};
    return questionnaire;
}

core::HierarchyWeights expectedAggregate(const core::ParameterSet& parameters)
{
    const core::AhpQuestionnaire one = expertMatrices(
        {{1, 5, 6, 7}, {1. / 5, 1, 4, 6}, {1. / 6, 1. / 4, 1, 4}, {1. / 7, 1. / 6, 1. / 4, 1}}, 1);
    const core::AhpQuestionnaire two = expertMatrices(
        {{1, 2, 4, 4}, {1. / 2, 1, 2, 2}, {1. / 4, 1. / 2, 1, 1}, {1. / 4, 1. / 2, 1, 1}},
        1. / 3);
    auto aggregate = core::aggregateHierarchy(
        {one, two}, core::RandomIndexTable::fromParameters(parameters));
    EXPECT_TRUE(aggregate);
    return aggregate.value();
}

struct SampleCopy {
    QTemporaryDir dir;
    QString path;
};

void copySample(SampleCopy& copy)
{
    ASSERT_TRUE(copy.dir.isValid());
    copy.path = copy.dir.filePath(QStringLiteral("bund.gpkg"));
    ASSERT_TRUE(QFile::copy(
        QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg"),
        copy.path));
    QFile::setPermissions(copy.path, QFile::ReadOwner | QFile::WriteOwner);
}

std::map<core::FeatureId, int> ranksOf(const core::Analysis& analysis)
{
    std::map<core::FeatureId, int> ranks;
    for (const core::ParcelResult& result : analysis.parcels)
        ranks[result.parcelId] = result.priorityRank;
    return ranks;
}

} // namespace

// The dock loads the two example questionnaires on the sample: its global weights equal
// core::aggregateHierarchy on the same judgements typed here, expert One's category block is
// flagged (CR 0.145), the parcels are ranked as core::rankPriorities ranks them with those
// weights (which differs from the default ranking), and a reopened project ranks the same way
// because the weights were stored in gr_priority_weights.
TEST(PriorityPanelTest, RanksTheSampleWithTheExpertsWeightsAndKeepsThem)
{
    SampleCopy sample;
    copySample(sample);
    gis::ImportReport report;
    core::Result<core::Project> loaded = gis::loadProject(sample.path, {}, report);
    ASSERT_TRUE(loaded);
    auto project = std::make_shared<core::Project>(loaded.value());
    auto analysis = std::make_shared<core::Analysis>(core::runAnalysis(*project));
    const std::map<core::FeatureId, int> defaultRanks = ranksOf(*analysis);

    PriorityPanel panel;
    panel.setProject(sample.path, project, analysis);
    ASSERT_EQ(panel.rankingTable()->rowCount(), int(analysis->parcels.size()));
    ASSERT_TRUE(panel.loadQuestionnaires({kQuestionnaireDir + QStringLiteral("/expert_one.csv"),
                                          kQuestionnaireDir + QStringLiteral("/expert_two.csv")}))
        << panel.problemText().toStdString();

    const core::HierarchyWeights expected = expectedAggregate(project->config.parameters);
    // numpy.linalg.eig on the geometric mean (tests/app/ahp_command_test.cpp): 0.562900.
    EXPECT_NEAR(expected.categoryWeight.at("construction"), 0.562900, 1e-6);
    const QTableWidget& weights = *panel.weightsTable();
    int indexRows = 0;
    for (int row = 0; row < weights.rowCount(); ++row) {
        const QString index = weights.item(row, 0)->data(Qt::UserRole).toString();
        if (index.isEmpty())
            continue;
        ++indexRows;
        EXPECT_NEAR(weights.item(row, PriorityPanel::kGlobalWeightColumn)
                        ->data(Qt::UserRole).toDouble(),
                    expected.globalIndexWeight.at(index.toStdString()), kWeightTolerance)
            << index.toStdString();
    }
    EXPECT_EQ(indexRows, 13);

    // Expert One's categories (Saaty's chair matrix) and nothing else is flagged.
    const QTableWidget& experts = *panel.expertTable();
    int flagged = 0;
    for (int row = 0; row < experts.rowCount(); ++row) {
        if (!experts.item(row, PriorityPanel::kVerdictColumn)->text().startsWith(
                QStringLiteral("FLAG")))
            continue;
        ++flagged;
        EXPECT_EQ(experts.item(row, 0)->text(), QStringLiteral("One"));
        EXPECT_NEAR(experts.item(row, 3)->data(Qt::UserRole).toDouble(), 0.145, 0.0005);
    }
    EXPECT_EQ(flagged, 1);

    // The ranking is core's with the experts' weights, computed here on a fresh copy.
    core::Project reference = loaded.value();
    core::Analysis referenceAnalysis = core::runAnalysis(reference);
    core::setPriorityWeights(reference.config.parameters, expected, "test", "");
    core::rankPriorities(reference, referenceAnalysis);
    EXPECT_EQ(ranksOf(*analysis), ranksOf(referenceAnalysis));
    EXPECT_NE(ranksOf(*analysis), defaultRanks);
    const QTableWidget& ranking = *panel.rankingTable();
    const core::FeatureId first =
        ranking.item(0, PriorityPanel::kParcelIdColumn)->data(Qt::UserRole).toLongLong();
    EXPECT_EQ(ranksOf(referenceAnalysis).at(first), 1);
    EXPECT_EQ(ranking.item(0, PriorityPanel::kRankBeforeColumn)->data(Qt::UserRole).toInt(),
              defaultRanks.at(first));
    EXPECT_TRUE(panel.demonstrationText().contains(
        QString::number(referenceAnalysis.demonstration.seedParcelId)));

    // Reopened: the loader applies the stored weights, so the analysis ranks the same way.
    gis::ImportReport reopenReport;
    core::Result<core::Project> reopened = gis::loadProject(sample.path, {}, reopenReport);
    ASSERT_TRUE(reopened);
    EXPECT_NEAR(reopened.value().config.parameters.value("priority.weight.category.construction"),
                expected.categoryWeight.at("construction"), kWeightTolerance);
    EXPECT_EQ(ranksOf(core::runAnalysis(reopened.value())), ranksOf(*analysis));

    // A panel on the reopened project still names the experts and the flagged judgements
    // (expert One's category block, CR 0.145 as the experts table showed above).
    auto reopenedProject = std::make_shared<core::Project>(reopened.value());
    auto reopenedAnalysis =
        std::make_shared<core::Analysis>(core::runAnalysis(*reopenedProject));
    PriorityPanel reopenedPanel;
    reopenedPanel.setProject(sample.path, reopenedProject, reopenedAnalysis);
    EXPECT_TRUE(reopenedPanel.weightsText().contains(QStringLiteral("expert_two.csv")))
        << reopenedPanel.weightsText().toStdString();
    EXPECT_TRUE(reopenedPanel.weightsText().contains(
        QStringLiteral("expert One flagged: categories CR 0.145")))
        << reopenedPanel.weightsText().toStdString();
}

TEST(PriorityPanelTest, BadQuestionnaireNamesFileAndLineAndChangesNothing)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    QTextStream(&file) << "expert,X\nblock,categories\n,construction,transport,greening,waste\n"
                       << "construction,1,five,6,7\n";
    file.close();

    auto project = std::make_shared<core::Project>();
    gis::ImportReport report;
    SampleCopy sample;
    copySample(sample);
    core::Result<core::Project> loaded = gis::loadProject(sample.path, {}, report);
    ASSERT_TRUE(loaded);
    *project = loaded.value();
    // Hand-made results are enough: the load must fail before any ranking.
    auto analysis = std::make_shared<core::Analysis>();
    PriorityPanel panel;
    panel.setProject(sample.path, project, analysis);
    const double before = project->config.parameters.value("priority.weight.category.waste");

    EXPECT_FALSE(panel.loadQuestionnaires({path}));
    EXPECT_TRUE(panel.problemText().contains(QStringLiteral("broken.csv")));
    // Line 4 holds 'five' in the third column.
    EXPECT_TRUE(panel.problemText().contains(QStringLiteral("line 4, column 3")))
        << panel.problemText().toStdString();
    EXPECT_EQ(project->config.parameters.value("priority.weight.category.waste"), before);
}
