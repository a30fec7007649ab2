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
    // rows a page (4 pages, "(1/4)" to "(4/4)") and 10 appendix pages; every page was rendered
    // with pdftoppm and looked at on 2026-12-04.
    ASSERT_EQ(pages.size(), 22);
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

} // namespace
