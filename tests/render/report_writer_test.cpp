#include "ui/render/report_summary.h"
#include "ui/render/report_writer.h"
#include "ui/render/theme.h"

#include "render_fixture.h"
#include "report_pdf_text.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

namespace greenrenew::render {
namespace {

constexpr double kTolerance = 1e-9;

using test::pdfPages;

QString runTool(const QString& tool, const QString& path)
{
    QProcess process;
    process.start(tool, { path });
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

core::Project manyParcels(int count)
{
    core::Project project = test::threeParcels();
    project.parcels.clear();
    for (int i = 0; i < count; ++i) {
        core::Parcel parcel;
        parcel.id = i + 1;
        parcel.name = "地块 " + std::to_string(i + 1);
        parcel.geometry.push_back(test::square(test::kOriginX + (i % 10) * test::kSide,
            test::kOriginY + (i / 10) * test::kSide, test::kSide));
        project.parcels.push_back(parcel);
    }
    return project;
}

core::Analysis manyResults(int count)
{
    core::Analysis analysis;
    for (int i = 0; i < count; ++i)
        analysis.parcels.push_back(
            test::result(core::Category::Transport, 10000, 0.3, 1.2, 0.25, 12.5));
    return analysis;
}

class ReportWriterTest : public ::testing::Test {
protected:
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    QTemporaryDir m_dir;
};

TEST_F(ReportWriterTest, WritesEightPagesForThreeParcels)
{
    // Cover, contents, overview map, method with summaries, a page for each of the two renewal
    // types with parcels (residential, historic block), one table page, one appendix page.
    ReportOptions options;
    options.language = QStringLiteral("en");
    const core::Result<int> pages
        = writeReportPdf(path("r.pdf"), test::threeParcels(), test::threeResults(), options);
    ASSERT_TRUE(pages.ok()) << pages.error().describe();
    EXPECT_EQ(pages.value(), 8);

    QFile file(path("r.pdf"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.read(5), QByteArray("%PDF-"));
    EXPECT_EQ(pdfPages(path("r.pdf")).size(), 8);
}

TEST_F(ReportWriterTest, PrintsChineseTextAndKnownFigures)
{
    ASSERT_TRUE(writeReportPdf(path("zh.pdf"), test::threeParcels(), test::threeResults(), {}));
    const QStringList pages = pdfPages(path("zh.pdf"));
    ASSERT_EQ(pages.size(), 8);
    EXPECT_TRUE(pages[0].contains(QStringLiteral("© OpenStreetMap contributors, ODbL")));
    EXPECT_TRUE(pages[1].contains(QStringLiteral("目录")));
    EXPECT_TRUE(pages[2].contains(QStringLiteral("建设")));
    EXPECT_TRUE(pages[3].contains(QStringLiteral("老旧居住区")));
    // The residential page: parcels 101 and 102, 2 ha, ledger 120 + 40 = 160 tCO2e/yr.
    EXPECT_TRUE(
        QString(pages[4]).remove(QLatin1Char(' ')).contains(QStringLiteral("共2个地块，2.00公顷")));
    EXPECT_TRUE(pages[4].contains(QStringLiteral("160.0")));
    // Parcel 101: density 0.5, FAR 2.0, green 0.1, 120 tCO2e/yr; historic block 豫园.
    const QString table = pages[6];
    EXPECT_TRUE(table.contains(QStringLiteral("石库门里弄")));
    EXPECT_TRUE(table.contains(QStringLiteral("50.0%")));
    EXPECT_TRUE(table.contains(QStringLiteral("2.00")));
    EXPECT_TRUE(table.contains(QStringLiteral("120.0")));
    EXPECT_TRUE(table.contains(QStringLiteral("历史街区")));
    // pdftotext drops the spaces between Han characters and digits.
    EXPECT_TRUE(QString(table).remove(QLatin1Char(' ')).contains(QStringLiteral("第7页/共8页")));
}

TEST_F(ReportWriterTest, RepeatsTableHeaderAndNumbersEveryPage)
{
    ReportOptions options;
    options.language = QStringLiteral("en");
    const core::Result<int> pages
        = writeReportPdf(path("many.pdf"), manyParcels(150), manyResults(150), options);
    ASSERT_TRUE(pages.ok());
    const QStringList text = pdfPages(path("many.pdf"));
    ASSERT_EQ(text.size(), pages.value());
    ASSERT_GT(pages.value(), 7); // 150 rows do not fit on one A4 page
    // Cover, contents, map, method, the residential page, then the table up to the appendix.
    for (int i = 5; i + 1 < text.size(); ++i) {
        EXPECT_TRUE(text[i].contains(QStringLiteral("Renewal type"))) << "page " << i + 1;
        EXPECT_TRUE(
            text[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.value())));
    }
    // Every parcel appears once, the last on the last table page.
    EXPECT_TRUE(text[text.size() - 2].contains(QStringLiteral("地块 150")));
}

TEST_F(ReportWriterTest, DrawsMarkupInNamesAsPlainText)
{
    core::Project project = test::threeParcels();
    project.parcels[0].name = "<b>&amp; Bund</b>";
    const core::Result<int> pages
        = writeReportPdf(path("m.pdf"), project, test::threeResults(), {});
    ASSERT_TRUE(pages.ok());
    EXPECT_EQ(pages.value(), 8);
    EXPECT_TRUE(pdfPages(path("m.pdf"))[6].contains(QStringLiteral("<b>&amp; Bund</b>")));
}

TEST_F(ReportWriterTest, EmbedsTheCjkFont)
{
    ASSERT_TRUE(writeReportPdf(path("f.pdf"), test::threeParcels(), test::threeResults(), {}));
    const QString fonts = runTool(QStringLiteral("pdffonts"), path("f.pdf"));
    ASSERT_TRUE(fonts.contains(QStringLiteral("WenQuanYiMicroHei")));
    for (const QString& line : fonts.split(QLatin1Char('\n'))) {
        if (line.contains(QStringLiteral("WenQuanYi"))) {
            EXPECT_TRUE(line.contains(QStringLiteral(" yes "))) << line.toStdString();
        }
    }
}

TEST_F(ReportWriterTest, AddsOneAtlasPagePerChosenParcel)
{
    ReportOptions options;
    options.language = QStringLiteral("en");
    options.parcelPages = true;
    core::Analysis analysis = test::threeResults();
    core::IndexRating rating;
    rating.index = core::indexIds().front();
    rating.rating = core::Rating::Serious;
    analysis.parcels[1].carbon.ratings.push_back(rating);
    core::Intervention intervention;
    intervention.nameEn = "Rooftop photovoltaics";
    intervention.quantity = 1200;
    intervention.unit = "m2";
    intervention.effectTPerYear = 48.5;
    analysis.parcels[1].carbon.interventions.push_back(intervention);
    analysis.parcels[1].walk.gaps["5min"] = { "kindergarten" };

    const core::Result<int> all
        = writeReportPdf(path("all.pdf"), test::threeParcels(), analysis, options);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all.value(), 8 + 3);

    options.pageParcels = { 1, 7 }; // 7 names no parcel and is left out
    const core::Result<int> one
        = writeReportPdf(path("one.pdf"), test::threeParcels(), analysis, options);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one.value(), 9);
    const QStringList pages = pdfPages(path("one.pdf"));
    ASSERT_EQ(pages.size(), 9);
    EXPECT_TRUE(pages[7].contains(QStringLiteral("Parcel 102")));
    EXPECT_TRUE(pages[7].contains(QStringLiteral("Bund row")));
    EXPECT_TRUE(pages[7].contains(QStringLiteral("Rooftop photovoltaics")));
    EXPECT_TRUE(pages[7].contains(QStringLiteral("48.5")));
    EXPECT_TRUE(pages[7].contains(QStringLiteral("serious")));
    EXPECT_TRUE(pages[7].contains(QStringLiteral("5min: kindergarten")));
}

TEST_F(ReportWriterTest, ContentsListSectionsWithTheirPages)
{
    ReportOptions options;
    options.language = QStringLiteral("en");
    options.parcelPages = true;
    options.pageParcels = { 2 };
    ASSERT_TRUE(writeReportPdf(path("c.pdf"), test::threeParcels(), test::threeResults(), options));
    const QStringList pages = pdfPages(path("c.pdf"));
    ASSERT_EQ(pages.size(), 9);
    // Counted by hand: cover 1, contents 2, map 3, method 4, residential 5, historic block 6,
    // table 7, the atlas page of parcel 103 8, appendix 9.
    const std::pair<QString, int> expected[] = { { QStringLiteral("Overview map"), 3 },
        { QStringLiteral("Method in brief and summary"), 4 },
        { renewalTypeLabel(core::RenewalType::Residential, options.language), 5 },
        { renewalTypeLabel(core::RenewalType::HistoricBlock, options.language), 6 },
        { QStringLiteral("Parcel table"), 7 }, { QStringLiteral("Parcel atlas"), 8 },
        { QStringLiteral("Appendix: sources and factors"), 9 } };
    const QStringList lines = pages[1].split(QLatin1Char('\n'));
    for (const auto& [title, page] : expected) {
        const auto line = std::find_if(lines.begin(), lines.end(),
            [&](const QString& text) { return text.trimmed().startsWith(title); });
        ASSERT_NE(line, lines.end()) << title.toStdString();
        EXPECT_TRUE(line->trimmed().endsWith(QStringLiteral(" %1").arg(page)))
            << line->toStdString();
        EXPECT_TRUE(pages[page - 1].contains(QStringLiteral("Page %1 of 9").arg(page)));
    }
    EXPECT_TRUE(pages[7].contains(QStringLiteral("Parcel 103")));
    EXPECT_TRUE(pages[8].contains(QStringLiteral("Appendix: sources and factors")));
}

TEST_F(ReportWriterTest, AppendixNamesEveryParameterWithItsSource)
{
    core::Project project = test::threeParcels();
    core::SourcedValue speed;
    speed.value = 60;
    speed.unit = "m/min";
    speed.year = 2018;
    speed.source = "GB 50180-2018 Standard for urban residential area planning, clause 2.0.2";
    project.config.parameters.values["walk.speed_m_per_min"] = speed;
    core::SourcedValue share = speed;
    share.value = 0.3;
    share.unit = "share of parcel";
    share.note = "unverified: parameters.md marks it [M]";
    project.config.parameters.values["carbon.carbon_planting.green_min"] = share;
    ReportOptions options;
    options.language = QStringLiteral("en");
    ASSERT_TRUE(writeReportPdf(path("a.pdf"), project, test::threeResults(), options));
    const QStringList pages = pdfPages(path("a.pdf"));
    ASSERT_EQ(pages.size(), 8);
    const QString appendix = pages.last();
    EXPECT_TRUE(appendix.contains(QStringLiteral("walk.speed_m_per_min")));
    EXPECT_TRUE(appendix.contains(QStringLiteral("60 m/min (2018)")));
    EXPECT_TRUE(appendix.contains(QStringLiteral("Standard for urban residential area planning")));
    EXPECT_TRUE(appendix.contains(QStringLiteral("carbon.carbon_planting.green_min [unverified]")));
    // Key order: carbon.* before walk.*; walk's line is not marked.
    EXPECT_LT(appendix.indexOf(QStringLiteral("carbon.carbon")),
        appendix.indexOf(QStringLiteral("walk.speed")));
    EXPECT_FALSE(appendix.contains(QStringLiteral("walk.speed_m_per_min [unverified]")));
}

TEST_F(ReportWriterTest, WritesOneReportPerRenewalType)
{
    ReportOptions options;
    options.language = QStringLiteral("en");
    const core::Result<std::vector<QString>> written = writeReportPdfPerType(m_dir.path(),
        QStringLiteral("report"), test::threeParcels(), test::threeResults(), options);
    ASSERT_TRUE(written.ok());
    ASSERT_EQ(written.value().size(), 2u); // residential and historic block have parcels
    EXPECT_TRUE(written.value()[0].endsWith(QStringLiteral("report_residential.pdf")));
    const QStringList residential = pdfPages(written.value()[0]);
    // Cover, contents, map, method, one type page, table, appendix.
    ASSERT_EQ(residential.size(), 7);
    EXPECT_TRUE(residential[5].contains(QStringLiteral("Bund row")));
    EXPECT_FALSE(residential[5].contains(QStringLiteral("豫园")));
    const QStringList historic = pdfPages(written.value()[1]);
    ASSERT_EQ(historic.size(), 7);
    EXPECT_TRUE(historic[5].contains(QStringLiteral("豫园")));
}

TEST_F(ReportWriterTest, ReportsUnwritablePath)
{
    const core::Result<int> pages = writeReportPdf(
        QStringLiteral("/nonexistent-dir/r.pdf"), test::threeParcels(), test::threeResults(), {});
    ASSERT_FALSE(pages.ok());
    EXPECT_EQ(pages.error().path, "/nonexistent-dir/r.pdf");
}

TEST(ReportSummaryTest, WeighsFiguresByParcelArea)
{
    // Two residential parcels: 10000 m2 at density 0.5 and 30000 m2 at 0.1 -> (5000 + 3000) /
    // 40000 = 0.2; FAR (2.0 x 10000 + 0.6 x 30000) / 40000 = 0.95; green (0.1 + 0.9) ... below.
    core::Project project = test::threeParcels();
    project.parcels[2].type = core::RenewalType::Residential;
    core::Analysis analysis;
    analysis.parcels = { test::result(core::Category::Construction, 10000, 0.5, 2.0, 0.1, 120),
        test::result(core::Category::Transport, 30000, 0.1, 0.6, 0.3, 40),
        test::result(core::Category::Greening, 0, 0, 0, 0, 0) };
    analysis.parcels[2].form.areaM2 = 0;

    const std::vector<TypeSummary> byType = summarizeByType(project, analysis);
    ASSERT_EQ(byType.size(), 4u);
    const TypeSummary& residential = byType[0];
    EXPECT_EQ(residential.parcelCount, 3);
    EXPECT_NEAR(residential.areaM2, 40000, kTolerance);
    EXPECT_NEAR(residential.buildingDensity, 0.2, kTolerance);
    EXPECT_NEAR(residential.far, 0.95, kTolerance);
    // Green: (0.1 x 10000 + 0.3 x 30000) / 40000 = 0.25.
    EXPECT_NEAR(residential.greenCoverage, 0.25, kTolerance);
    EXPECT_NEAR(residential.ledger.constructionT, 160, kTolerance);
    EXPECT_EQ(byType[1].parcelCount, 0);
    EXPECT_NEAR(byType[1].buildingDensity, 0, kTolerance);

    const TypeSummary all = summarizeAll(byType);
    EXPECT_NEAR(all.buildingDensity, 0.2, kTolerance);
    EXPECT_EQ(all.parcelCount, 3);
}

TEST(ReportSummaryTest, CountsGapsPerCircle)
{
    core::WalkAccess walk;
    walk.gaps["5min"] = { "kindergarten", "fresh_market" };
    walk.gaps["15min"] = { "hospital" };
    EXPECT_EQ(gapCount(walk, "5min"), 2);
    EXPECT_EQ(gapCount(walk, "10min"), 0);
    EXPECT_EQ(gapCount(walk, "15min"), 1);

    const core::Project project; // no configured circles
    EXPECT_EQ(circleIds(project), (std::vector<std::string> { "5min", "10min", "15min" }));
}

} // namespace
} // namespace greenrenew::render
