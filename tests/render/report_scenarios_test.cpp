// The scenario pages of the report drawn from evaluations built by hand: the section appears
// only with scenarios, adds one page per scenario, and a yearly path too long for the page is
// shown by the years in which it changes.

#include "core/scenario.h"
#include "ui/render/report_writer.h"

#include "render_fixture.h"
#include "report_pdf_text.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace greenrenew::render {
namespace {

using test::pdfPages;
using test::squeezed;

/// Baseline net 300 t (construction 200, waste 100); the plan removes 1 t in each of YEARS
/// years, every STEP years from 2026, and the path runs YEARS years.
core::ScenarioEvaluation steadyPlan(const char* name, int years, int step)
{
    core::ScenarioEvaluation evaluation;
    evaluation.name = name;
    evaluation.baseline.constructionT = 200;
    evaluation.baseline.wasteT = 100;
    evaluation.after = evaluation.baseline;
    core::PhaseRow phase;
    phase.phase = "1 whole plan";
    phase.firstYear = 2026;
    phase.lastYear = 2026 + years - 1;
    double planned = 0;
    for (int i = 0; i < years; ++i) {
        if (i % step == 0) {
            planned += 1;
            ++phase.count;
        }
        evaluation.path.push_back({ 2026 + i, planned, 0 });
    }
    phase.byParty[core::Party::Government] = phase.count;
    phase.reductionT = planned;
    evaluation.phases.push_back(phase);
    evaluation.reduction.constructionT = planned;
    evaluation.after.constructionT -= planned;
    return evaluation;
}

QStringList report(const QTemporaryDir& dir, const char* name,
    const std::vector<core::ScenarioEvaluation>& scenarios)
{
    ReportOptions options;
    options.language = QStringLiteral("en");
    options.scenarios = scenarios;
    const QString path = dir.filePath(QLatin1String(name));
    EXPECT_TRUE(writeReportPdf(path, test::threeParcels(), test::threeResults(), options));
    return pdfPages(path);
}

TEST(ReportScenarios, OnePagePerScenarioAfterTheTables)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QStringList plain = report(dir, "plain.pdf", {});
    const QStringList with
        = report(dir, "with.pdf", { steadyPlan("first", 5, 1), steadyPlan("second", 5, 2) });
    ASSERT_FALSE(plain.isEmpty());
    EXPECT_EQ(with.size(), plain.size() + 2);
    EXPECT_FALSE(squeezed(plain.join(QString())).contains(QStringLiteral("Scenario")));
    // The contents list the section and both scenarios.
    const QString contents = squeezed(with[1]);
    EXPECT_TRUE(contents.contains(QStringLiteral("Scenariosandimplementationplan")));
    EXPECT_TRUE(contents.contains(QStringLiteral("first")));
    EXPECT_TRUE(contents.contains(QStringLiteral("second")));
    // "second": 5 years, a measure every 2 years -> 2026, 2028, 2030: 3 t of 300 t, so the
    // net row reads 300.0, 297.0, 3.0; every year fits, so 2027 (no change) is listed too.
    const QString second = squeezed(with[with.size() - 2]);
    EXPECT_TRUE(second.contains(QStringLiteral("Scenario:second"))) << second.toStdString();
    EXPECT_TRUE(second.contains(QStringLiteral("Net300.0297.03.0"))) << second.toStdString();
    EXPECT_TRUE(second.contains(QStringLiteral("2027(done0.0)")));
}

TEST(ReportScenarios, LongPathShowsTheYearsItChanges)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // 60 years from 2026 to 2085 cannot fit at 4.5 mm a row below the tables (an A4 content
    // height is under 260 mm); a measure every 5 years: 2026, 2031, ..., 2081 (12 of them).
    const QStringList pages = report(dir, "long.pdf", { steadyPlan("long", 60, 5) });
    ASSERT_GE(pages.size(), 2);
    const QString page = squeezed(pages[pages.size() - 2]);
    EXPECT_TRUE(page.contains(QStringLiteral("yearswithachangeonly"))) << page.toStdString();
    EXPECT_TRUE(page.contains(QStringLiteral("2031(done0.0)")));
    EXPECT_TRUE(page.contains(QStringLiteral("2081(done0.0)")));
    EXPECT_TRUE(page.contains(QStringLiteral("2085(done0.0)"))); // the last year
    EXPECT_FALSE(page.contains(QStringLiteral("2027(done0.0)")));
    EXPECT_TRUE(page.contains(QStringLiteral("Net300.0288.012.0")));
}

// The outcome table prints the counts it is given, before then after, each on its row.
TEST(ReportScenarios, OutcomeTableShowsRatingsControlsAndGapsBeforeAndAfter)
{
    core::ScenarioEvaluation evaluation = steadyPlan("outcome", 2, 1);
    core::ScenarioOutcome& outcome = evaluation.outcome;
    outcome.ratingsBefore = { 11, 0, 2, 0 };
    outcome.ratingsAfter = { 9, 1, 3, 0 };
    outcome.complianceFailedBefore = 9;
    outcome.complianceFailedAfter = 5;
    outcome.gapsBefore = 68;
    outcome.gapsAfter = 66;
    QTemporaryDir dir;
    const QStringList pages = report(dir, "outcome.pdf", { evaluation });
    ASSERT_GE(pages.size(), 2);
    const QString page = squeezed(pages[pages.size() - 2]);  // the appendix comes last
    EXPECT_TRUE(page.contains(QStringLiteral("Indicesserious119"))) << page.toStdString();
    EXPECT_TRUE(page.contains(QStringLiteral("Indicesmedium01")));
    EXPECT_TRUE(page.contains(QStringLiteral("Indicesslight23")));
    EXPECT_TRUE(page.contains(QStringLiteral("Planningcontrolsfailed95")));
    EXPECT_TRUE(page.contains(QStringLiteral("Facilitygaps(circle,type)6866")));
}

} // namespace
} // namespace greenrenew::render
