// The report greenrenew-cli analyze writes for the bundled sample (173 parcels of the Bund), in
// English and in Chinese, read with poppler's tools: its pages, its fonts and what it prints for
// parcel 10, against tests/data/shanghai-bund-osm/reference_parcel_metrics.csv (computed with
// GeoPandas, not with our code): area 144537.55 m2, building coverage 0.123697, green 0.405679.

#include "../render/report_pdf_text.h"

#include <gtest/gtest.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

using greenrenew::render::test::pdfPages;

/// Runs analyze on the sample into OUT in LANGUAGE; false (and a test failure) when it fails.
bool analyzeSample(const QTemporaryDir& out, const QString& language)
{
    QProcess cli;
    cli.start(QStringLiteral(GREENRENEW_CLI),
              {QStringLiteral("analyze"),
               QStringLiteral(GREENRENEW_SOURCE_DIR "/resources/sample/shanghai_bund.gpkg"),
               QStringLiteral("--out"), out.path(), QStringLiteral("--lang"), language});
    if (!cli.waitForFinished(600000) || cli.exitCode() != 0) {
        ADD_FAILURE() << cli.readAllStandardError().toStdString();
        return false;
    }
    return true;
}

/// pdffonts' table of PATH's fonts, one line per font (the two heading lines dropped).
QStringList fontLines(const QString& path)
{
    QProcess pdffonts;
    pdffonts.start(QStringLiteral("pdffonts"), {path});
    if (!pdffonts.waitForFinished(30000) || pdffonts.exitCode() != 0)
        return {};
    QStringList lines = QString::fromUtf8(pdffonts.readAllStandardOutput())
                            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.mid(2);
}

/// The parcel table's line for parcel ID: the line starting with the id on any page.
QString tableLine(const QStringList& pages, int id)
{
    const QRegularExpression start(QStringLiteral("^\\s*%1\\s").arg(id));
    for (const QString& page : pages)
        for (const QString& line : page.split(QLatin1Char('\n')))
            if (start.match(line).hasMatch())
                return line;
    return {};
}

/// Page count, fonts and parcel 10's figures of the sample's report in LANGUAGE.
void checkSampleReport(const QString& language, const QString& tableTitle,
                       const QString& factoryType)
{
    QTemporaryDir out;
    ASSERT_TRUE(analyzeSample(out, language));
    const QString path = out.filePath(QStringLiteral("report.pdf"));
    const QStringList pages = pdfPages(path);

    // Cover, contents, overview map, method, four type pages, the table of 173 parcels at 49
    // rows a page (4 pages, "(1/4)" to "(4/4)"), the priorities page and 10 appendix pages;
    // every page was rendered with pdftoppm and looked at on 2026-12-04.
    ASSERT_EQ(pages.size(), 23);
    EXPECT_TRUE(pages[8].contains(tableTitle + QStringLiteral(" (1/4)"))) << pages[8].toStdString();
    EXPECT_TRUE(pages[11].contains(tableTitle + QStringLiteral(" (4/4)")));

    // One font, the CJK one, embedded: the PDF reads the same on a machine without it.
    const QStringList fonts = fontLines(path);
    ASSERT_FALSE(fonts.isEmpty());
    for (const QString& font : fonts) {
        EXPECT_TRUE(font.startsWith(QStringLiteral("WenQuanYiMicroHei"))) << font.toStdString();
        EXPECT_TRUE(font.contains(QStringLiteral(" yes "))) << font.toStdString();
    }

    // Parcel 10: 144537.55 m2 -> 144538, 0.123697 -> 12.4 %, green 0.405679 -> 40.6 %.
    const QString line = tableLine(pages, 10);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^\\s*10\\s+%1\\s+144538\\s+12\\.4%\\s")
                                       .arg(QRegularExpression::escape(factoryType)))
                    .match(line)
                    .hasMatch())
        << line.toStdString();
    EXPECT_TRUE(line.contains(QStringLiteral(" 40.6% "))) << line.toStdString();
}

TEST(AnalyzeReport, EnglishSampleReportHasItsPagesFontAndParcelFigures)
{
    checkSampleReport(QStringLiteral("en"), QStringLiteral("Parcel table"),
                      QStringLiteral("Old factory area"));
}

TEST(AnalyzeReport, ChineseSampleReportHasItsPagesFontAndParcelFigures)
{
    checkSampleReport(QStringLiteral("zh"), QStringLiteral("地块一览"), QStringLiteral("旧厂区"));
}

// Chinese titles of Chinese standards and papers stay in the English appendix, but only in
// brackets beside their English names, e.g. "GB/T 51161-2016 Standard for energy consumption of
// building (民用建筑能耗标准)"; the Chinese report names its appendix's groups in Chinese.
TEST(AnalyzeReport, EnglishAppendixKeepsChineseOnlyInBracketsBesideEnglish)
{
    QTemporaryDir out;
    ASSERT_TRUE(analyzeSample(out, QStringLiteral("en")));
    const QStringList pages = pdfPages(out.filePath(QStringLiteral("report.pdf")));
    ASSERT_EQ(pages.size(), 23);
    QString appendix = pages.mid(13).join(QLatin1Char(' '));
    ASSERT_TRUE(appendix.contains(QStringLiteral("Appendix: sources and factors (1/10)")));
    ASSERT_TRUE(appendix.contains(QStringLiteral("民用建筑能耗标准")));  // the check can see Han
    // Brackets nest ("(Environmental Science, 环境科学 36(9):3515)"): innermost first.
    const QRegularExpression innermost(QStringLiteral("[(（][^()（）]*[)）]"));
    for (qsizetype before = -1; before != appendix.size();) {
        before = appendix.size();
        appendix.remove(innermost);
    }
    const QRegularExpressionMatch han =
        QRegularExpression(QStringLiteral(".{0,60}\\p{Han}+.{0,20}")).match(appendix);
    EXPECT_FALSE(han.hasMatch()) << han.captured(0).toStdString();

    QTemporaryDir zhOut;
    ASSERT_TRUE(analyzeSample(zhOut, QStringLiteral("zh")));
    const QString zh = pdfPages(zhOut.filePath(QStringLiteral("report.pdf"))).mid(13).join(u' ');
    EXPECT_TRUE(zh.contains(QStringLiteral("附录：来源与系数 (1/10)")));
    EXPECT_TRUE(zh.contains(QStringLiteral("方法参数")));
    EXPECT_FALSE(zh.contains(QStringLiteral("Method parameters")));
}

} // namespace
