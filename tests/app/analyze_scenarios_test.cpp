// End to end: greenrenew-cli analyze on a copy of the bundled sample with the two example
// scenarios of resources/sample/scenarios imported by `greenrenew-cli scenario --import`. The
// report then has the section "Scenarios and implementation plan" with one page per scenario;
// its printed figures are checked against core::evaluateScenario run here on the project and
// analysis loaded independently (gis::loadProject, core::runAnalysis). The PDF is read back
// with poppler's pdftotext. Without scenarios the section is absent and nothing fails.

#include "core/analysis.h"
#include "core/scenario.h"
#include "gis/project_loader.h"
#include "gis/scenario_store.h"
#include "tests/render/report_pdf_text.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace greenrenew {
namespace {

using render::test::pdfPages;
using render::test::squeezed;

const QString kScenarioDir = QStringLiteral(GREENRENEW_SOURCE_DIR "/resources/sample/scenarios/");

/// Runs greenrenew-cli; returns its exit code (-1 when it crashed) and keeps its stderr in ERR.
int runCli(const QStringList& arguments, QString* err = nullptr)
{
    QProcess process;
    process.start(QStringLiteral(GREENRENEW_CLI), arguments);
    process.waitForFinished(180000);
    if (err)
        *err = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

int importExamples(const QString& project)
{
    return runCli({ QStringLiteral("scenario"), project, QStringLiteral("--import"),
        kScenarioDir + QStringLiteral("demonstration.csv"),
        kScenarioDir + QStringLiteral("demonstration_and_area.csv") });
}

QString copySample(const QTemporaryDir& dir, const char* name)
{
    const QString path = dir.filePath(QLatin1String(name));
    EXPECT_TRUE(QFile::copy(
        QStringLiteral(GREENRENEW_SOURCE_DIR "/resources/sample/shanghai_bund.gpkg"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

/// The pages of the report `analyze` writes for PROJECT in LANGUAGE.
QStringList analyzedReport(const QTemporaryDir& dir, const QString& project, const char* language)
{
    const QString out = dir.filePath(QStringLiteral("out_") + QLatin1String(language));
    EXPECT_EQ(runCli({ QStringLiteral("analyze"), project, QStringLiteral("--out"), out,
                  QStringLiteral("--lang"), QLatin1String(language) }),
        0);
    return pdfPages(out + QStringLiteral("/report.pdf"));
}

QString oneDecimal(double value) { return QString::number(value, 'f', 1); }

/// Index of the first page whose squeezed text holds NEEDLE, or -1.
int pageWith(const QStringList& pages, const QString& needle)
{
    for (int i = 0; i < pages.size(); ++i)
        if (squeezed(pages[i]).contains(needle))
            return i;
    return -1;
}

struct Expected {
    std::vector<core::ScenarioEvaluation> evaluations;
};

/// The evaluations the report should print, computed here from the stored scenarios.
Expected expectedEvaluations(const QString& project)
{
    gis::ImportReport report;
    auto loaded = gis::loadProject(project, {}, report);
    EXPECT_TRUE(loaded.ok());
    const core::Analysis analysis = core::runAnalysis(loaded.value());
    auto stored = gis::loadScenarios(project);
    EXPECT_TRUE(stored.ok());
    Expected expected;
    for (const core::Scenario& scenario : stored.value())
        expected.evaluations.push_back(core::evaluateScenario(scenario, analysis));
    return expected;
}

void expectScenarioPages(const QStringList& pages, const Expected& expected, const QString& title,
    const QString& scenarioPrefix, const QString& netLabel)
{
    // Once in the contents, once as the section heading.
    ASSERT_GE(pageWith(pages, squeezed(title)), 0);
    for (const core::ScenarioEvaluation& evaluation : expected.evaluations) {
        SCOPED_TRACE(evaluation.name);
        const int page
            = pageWith(pages, squeezed(scenarioPrefix + QString::fromStdString(evaluation.name)));
        ASSERT_GT(page, 1); // after the cover and the contents
        const QString text = squeezed(pages[page]);
        // The net row: label, before, after, reduction, one decimal each, side by side.
        const double before = evaluation.baseline.totalT();
        const double after = evaluation.after.totalT();
        EXPECT_GT(before - after, 1.0) << "the example scenarios reduce emissions";
        EXPECT_TRUE(text.contains(netLabel + oneDecimal(before) + oneDecimal(after)
            + oneDecimal(before - after)))
            << text.toStdString();
        // Every phase's reduction, and the path's last year carries the whole net reduction
        // (every measure of the examples has a year).
        for (const core::PhaseRow& phase : evaluation.phases)
            EXPECT_TRUE(text.contains(QString::fromStdString(phase.phase).remove(QLatin1Char(' '))
                + QString::number(phase.firstYear)))
                << phase.phase;
        ASSERT_FALSE(evaluation.path.empty());
        EXPECT_NEAR(evaluation.path.back().plannedT, before - after, 1e-6);
        EXPECT_TRUE(text.contains(QString::number(evaluation.path.back().year)));
        EXPECT_TRUE(text.contains(oneDecimal(evaluation.path.back().plannedT)));
    }
}

TEST(AnalyzeScenarios, ReportShowsStoredScenariosInBothLanguages)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString project = copySample(dir, "with_scenarios.gpkg");
    ASSERT_EQ(importExamples(project), 0);
    const Expected expected = expectedEvaluations(project);
    ASSERT_EQ(expected.evaluations.size(), 2U);
    // The two examples differ: the second adds phase 2 on parcels 40 and 11, so it must reduce
    // more than the first, which is its phase 1 alone.
    EXPECT_GT(expected.evaluations[1].baseline.totalT() - expected.evaluations[1].after.totalT(),
        expected.evaluations[0].baseline.totalT() - expected.evaluations[0].after.totalT());

    const QStringList zh = analyzedReport(dir, project, "zh");
    ASSERT_FALSE(zh.isEmpty());
    expectScenarioPages(zh, expected, QStringLiteral("情景比较与实施计划"),
        QStringLiteral("情景："), QStringLiteral("净排放"));
    const QStringList en = analyzedReport(dir, project, "en");
    ASSERT_FALSE(en.isEmpty());
    expectScenarioPages(en, expected, QStringLiteral("Scenarios and implementation plan"),
        QStringLiteral("Scenario: "), QStringLiteral("Net"));
}

TEST(AnalyzeScenarios, NoScenariosNoSection)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString project = copySample(dir, "plain.gpkg");
    const QStringList zh = analyzedReport(dir, project, "zh");
    ASSERT_FALSE(zh.isEmpty());
    EXPECT_EQ(pageWith(zh, QStringLiteral("情景比较与实施计划")), -1);
    const QStringList en = analyzedReport(dir, project, "en");
    ASSERT_FALSE(en.isEmpty());
    EXPECT_EQ(pageWith(en, QStringLiteral("Scenariosandimplementationplan")), -1);
}

// A stored row another program spoiled (an unknown party, written with GDAL's ogrinfo): the
// analysis still runs, the warning names the file, the row and the problem, and the report
// leaves the section out rather than printing a partial plan.
TEST(AnalyzeScenarios, UnreadableScenarioTableIsReportedAndLeftOut)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString project = copySample(dir, "spoiled.gpkg");
    ASSERT_EQ(importExamples(project), 0);
    QProcess ogrinfo;
    ogrinfo.start(QStringLiteral("ogrinfo"),
        { project, QStringLiteral("-sql"),
            QStringLiteral("UPDATE gr_scenarios SET party = 'mayor' WHERE parcel_id = 40") });
    ASSERT_TRUE(ogrinfo.waitForFinished(30000));
    ASSERT_EQ(ogrinfo.exitCode(), 0);

    const QString out = dir.filePath(QStringLiteral("out"));
    QString err;
    ASSERT_EQ(runCli({ QStringLiteral("analyze"), project, QStringLiteral("--out"), out }, &err),
        0);
    EXPECT_TRUE(err.contains(QStringLiteral("scenarios left out of the report")))
        << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("spoiled.gpkg"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("'mayor'"))) << err.toStdString();
    const QStringList pages = pdfPages(out + QStringLiteral("/report.pdf"));
    ASSERT_FALSE(pages.isEmpty());
    EXPECT_EQ(pageWith(pages, QStringLiteral("情景比较与实施计划")), -1);
}

} // namespace
} // namespace greenrenew
