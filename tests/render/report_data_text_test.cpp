// Texts from the data set in the report: names with markup, newlines, right-to-left script
// and very long strings are printed as plain single lines and never change the layout. The
// reference is the same report with plain names: same pages, same page breaks. Read with
// poppler's pdftotext, not with our code.

#include "ui/render/report_charts.h"
#include "ui/render/report_writer.h"

#include "render_fixture.h"
#include "report_pdf_text.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace greenrenew::render {
namespace {

using test::pdfPages;
using test::squeezed;

const std::string kMarkupName = "<b>加粗</b> & <i>Bund</i>\n第二行 second line";
const std::string kRtlName = "حديقة الجيب גן כיס";

std::string longName()
{
    std::string name;
    for (int i = 0; i < 300; ++i)
        name += "很长的名称 Long name " + std::to_string(i) + " ";
    return name;
}

QStringList reportPages(const core::Project& project, const QString& path, const QString& title)
{
    ReportOptions options;
    options.language = QStringLiteral("en");
    options.title = title;
    options.parcelPages = true;
    const core::Result<int> pages = writeReportPdf(path, project, test::threeResults(), options);
    EXPECT_TRUE(pages.ok()) << (pages.ok() ? std::string() : pages.error().describe());
    return pdfPages(path);
}

TEST(ReportDataText, HostileNamesKeepThePagesOfPlainOnes)
{
    QTemporaryDir dir;
    core::Project plain = test::threeParcels();
    const QStringList reference =
        reportPages(plain, dir.filePath(QStringLiteral("plain.pdf")), QStringLiteral("Bund"));

    core::Project hostile = plain;
    hostile.parcels[0].name = kMarkupName;
    hostile.parcels[1].name = longName();
    hostile.parcels[2].name = kRtlName;
    const QString longTitle = QString::fromStdString(longName());
    const QStringList pages =
        reportPages(hostile, dir.filePath(QStringLiteral("hostile.pdf")), longTitle);

    ASSERT_FALSE(reference.isEmpty());
    ASSERT_EQ(pages.size(), reference.size());
    const QString all = pages.join(QLatin1Char('\f'));
    // Markup is printed, not obeyed; the newline became a space on one line.
    EXPECT_TRUE(all.contains(QStringLiteral("<b>加粗</b> & <i>Bund</i>"))) << all.toStdString();
    bool oneLine = false;
    for (const QString& line : all.split(QLatin1Char('\n')))
        oneLine = oneLine
            || (line.contains(QStringLiteral("</i>")) && line.contains(QStringLiteral("第二行")));
    EXPECT_TRUE(oneLine) << "the name's newline broke the line";
    // Right-to-left words are there (pdftotext gives them in reading order).
    EXPECT_TRUE(squeezed(all).contains(QStringLiteral("גןכיס"))
                || squeezed(all).contains(QStringLiteral("סיכןג")));
    // The long name and title are cut to their boxes, never printed whole.
    EXPECT_TRUE(all.contains(QStringLiteral("Long name 0")));
    EXPECT_FALSE(all.contains(QStringLiteral("Long name 299")));
    // Page numbers and the footer stay on every page.
    for (qsizetype page = 0; page < pages.size(); ++page)
        EXPECT_TRUE(pages[page].contains(
            QStringLiteral("Page %1 of %2").arg(page + 1).arg(pages.size())))
            << "page " << page + 1;
}

// Hand-worked against rating.medium_margin = 0.15 (resources/method/carbon.json): a maximum
// of 0.30 leaves a margin of 0.045, a minimum of 0.35 one of 0.0525.
TEST(ReportDataText, BarsTakeTheColourOfTheirRatingAgainstTheLimit)
{
    constexpr double kMargin = 0.15;
    const QColor red = ratingColor(core::Rating::Serious);
    const QColor amber = ratingColor(core::Rating::Medium);
    const QColor green = ratingColor(core::Rating::Slight);
    ASSERT_NE(red, amber);
    ASSERT_NE(amber, green);
    // Density against a maximum of 0.30.
    EXPECT_EQ(limitShareColor(0.20, 0.30, core::LimitBound::Max, kMargin), green);  // 0.10 room
    EXPECT_EQ(limitShareColor(0.28, 0.30, core::LimitBound::Max, kMargin), amber);  // 0.02
    EXPECT_EQ(limitShareColor(0.30, 0.30, core::LimitBound::Max, kMargin), amber);  // on it
    EXPECT_EQ(limitShareColor(0.33, 0.30, core::LimitBound::Max, kMargin), red);    // beyond
    // Green coverage against a minimum of 0.35.
    EXPECT_EQ(limitShareColor(0.30, 0.35, core::LimitBound::Min, kMargin), red);
    EXPECT_EQ(limitShareColor(0.38, 0.35, core::LimitBound::Min, kMargin), amber);  // 0.03
    EXPECT_EQ(limitShareColor(0.45, 0.35, core::LimitBound::Min, kMargin), green);  // 0.10
}

} // namespace
} // namespace greenrenew::render
