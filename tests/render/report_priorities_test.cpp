// The report page "Renewal priorities and demonstration" drawn from a ranking and a suggestion
// set by hand: it appears with the method's parameters, names the demonstration with each term
// of its value, and lists the parcels in rank order with the cluster marked.

#include "gis/method_resources.h"
#include "ui/render/report_writer.h"

#include "render_fixture.h"
#include "report_pdf_text.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace greenrenew::render {
namespace {

using test::pdfPages;
using test::squeezed;

core::Project withMethod()
{
    core::Project project = test::threeParcels();
    auto config = gis::loadMethodConfig(gis::resourceDir());
    EXPECT_TRUE(config.ok());
    if (config.ok())
        project.config = config.value();
    return project;
}

/// Ranks 102, 101, 103. The seed 102's value with the shipped rule (0.4, 0.4, 0.2):
/// 0.4 x 0.8/0.8 + 0.4 x 20/20 + 0.2 x 0.35/0.7 = 0.9; 101 joins it, 35 t together.
core::Analysis rankedResults()
{
    core::Analysis analysis = test::threeResults();
    const double scores[] = { 0.5, 0.8, 0.2 };
    const int ranks[] = { 2, 1, 3 };
    for (std::size_t i = 0; i < 3; ++i) {
        analysis.parcels[i].priorityScore = scores[i];
        analysis.parcels[i].priorityRank = ranks[i];
    }
    core::DemonstrationSuggestion& demo = analysis.demonstration;
    demo.found = true;
    demo.seedParcelId = 102;
    demo.clusterParcelIds = { 102, 101 };
    demo.clusterReductionT = 35;
    demo.seedValue = 0.9;
    demo.seedScore = 0.8;
    demo.topScore = 0.8;
    demo.seedReductionT = 20;
    demo.topReductionT = 20;
    demo.seedNeighbourScore = 0.35;
    demo.topNeighbourScore = 0.7;
    demo.neighbourCount = 2;
    demo.joinedCount = 1;
    return analysis;
}

/// The first page after the contents that holds TITLE; empty when none does.
QString pageWith(const QStringList& pages, const QString& title)
{
    for (qsizetype i = 2; i < pages.size(); ++i)
        if (pages[i].contains(title))
            return pages[i];
    return {};
}

TEST(ReportPrioritiesTest, NamesTheDemonstrationAndRanksTheParcels)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("en.pdf"));
    ReportOptions options;
    options.language = QStringLiteral("en");
    ASSERT_TRUE(writeReportPdf(path, withMethod(), rankedResults(), options));
    const QStringList pages = pdfPages(path);
    // Cover, contents, map, method, two type pages, table, priorities, appendix pages.
    ASSERT_GE(pages.size(), 9);
    EXPECT_TRUE(pages[1].contains(QStringLiteral("Renewal priorities and demonstration")));
    const QString page = pages[7];
    ASSERT_TRUE(page.contains(QStringLiteral("Renewal priorities and demonstration")))
        << page.toStdString();
    const QString text = squeezed(page);
    EXPECT_TRUE(text.contains(QStringLiteral("Suggesteddemonstration:parcel102")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(
        QStringLiteral("0.900=0.40×0.800/0.800+0.40×20.0/20.0+0.20×0.350/0.700")));
    EXPECT_TRUE(text.contains(QStringLiteral("Ofits2neighbourswithin20m,1score")));
    EXPECT_TRUE(text.contains(QStringLiteral("(parcels102,101)")));
    EXPECT_TRUE(text.contains(QStringLiteral("save35.0tCO2e")));
    // Shipped category weights: 0.25 each (resources/method/priorities.json).
    EXPECT_EQ(text.count(QStringLiteral("0.250")), 4);
    // Rank order, the cluster marked.
    const qsizetype first = text.indexOf(QStringLiteral("1Parcel102"));
    const qsizetype second = text.indexOf(QStringLiteral("2Parcel101"));
    const qsizetype third = text.indexOf(QStringLiteral("3Parcel103"));
    ASSERT_GE(first, 0);
    EXPECT_GT(second, first);
    EXPECT_GT(third, second);
    EXPECT_TRUE(text.mid(first, second - first).contains(QStringLiteral("0.800")));
    EXPECT_TRUE(text.mid(first, second - first).endsWith(QStringLiteral("yes")));
    EXPECT_TRUE(text.mid(second, third - second).endsWith(QStringLiteral("yes")));
    EXPECT_FALSE(text.mid(third).contains(QStringLiteral("yes")));
}

TEST(ReportPrioritiesTest, ChineseReportSaysItInChinese)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("zh.pdf"));
    ASSERT_TRUE(writeReportPdf(path, withMethod(), rankedResults(), ReportOptions {}));
    const QString text = squeezed(pageWith(pdfPages(path), QStringLiteral("更新优先级与示范")));
    EXPECT_TRUE(text.contains(QStringLiteral("建议示范点：地块102"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("（地块102、101）")));
}

TEST(ReportPrioritiesTest, ShippedWeightsSourceInTheReportsLanguage)
{
    // Issue 10: the Chinese page read "权重来源：GreenRenew default: AHP of…".
    QTemporaryDir dir;
    const QString zhPath = dir.filePath(QStringLiteral("zh.pdf"));
    ASSERT_TRUE(writeReportPdf(zhPath, withMethod(), rankedResults(), ReportOptions {}));
    const QString zh = squeezed(pageWith(pdfPages(zhPath), QStringLiteral("更新优先级与示范")));
    EXPECT_TRUE(zh.contains(QStringLiteral("权重来源：GreenRenew默认值：各判断均为1的等重要性")))
        << zh.toStdString();
    EXPECT_FALSE(zh.contains(QStringLiteral("equal-importance")));

    ReportOptions english;
    english.language = QStringLiteral("en");
    const QString enPath = dir.filePath(QStringLiteral("en.pdf"));
    ASSERT_TRUE(writeReportPdf(enPath, withMethod(), rankedResults(), english));
    const QString en = squeezed(
        pageWith(pdfPages(enPath), QStringLiteral("Renewal priorities and demonstration")));
    EXPECT_TRUE(en.contains(QStringLiteral("Weightsfrom:GreenRenewdefault:AHPofequal-importance")))
        << en.toStdString();

    // A project's own weights name their own source: data, printed as written.
    core::Project own = withMethod();
    for (auto& [key, value] : own.config.parameters.values) {
        if (key.starts_with("priority.weight.category."))
            value.source = "AHP of 5 experts, Huangpu 2026";
    }
    const QString ownPath = dir.filePath(QStringLiteral("own.pdf"));
    ASSERT_TRUE(writeReportPdf(ownPath, own, rankedResults(), ReportOptions {}));
    EXPECT_TRUE(squeezed(pageWith(pdfPages(ownPath), QStringLiteral("更新优先级与示范")))
                    .contains(QStringLiteral("权重来源：AHPof5experts,Huangpu2026")));
}

TEST(ReportPrioritiesTest, LeftOutWithoutTheMethodOrForOneType)
{
    QTemporaryDir dir;
    const QString title = QStringLiteral("Renewal priorities and demonstration");
    ReportOptions options;
    options.language = QStringLiteral("en");
    const QString bare = dir.filePath(QStringLiteral("bare.pdf"));
    ASSERT_TRUE(writeReportPdf(bare, test::threeParcels(), rankedResults(), options));
    EXPECT_TRUE(pageWith(pdfPages(bare), title).isEmpty());

    options.renewalType = core::RenewalType::Residential;
    const QString typed = dir.filePath(QStringLiteral("typed.pdf"));
    ASSERT_TRUE(writeReportPdf(typed, withMethod(), rankedResults(), options));
    EXPECT_TRUE(pageWith(pdfPages(typed), title).isEmpty());
}

} // namespace
} // namespace greenrenew::render
