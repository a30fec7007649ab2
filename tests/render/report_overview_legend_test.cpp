// The overview map's legend stands beside or under the map, never over its parcels (issue 10:
// on the sample it hid the north-west parcels). Positions are read from the report PDF with
// poppler's pdftotext -bbox, against the texts the map draws at its own edges: the scale bar's
// "0" 4 mm inside its left side, the CRS note inside its bottom.

#include "ui/render/map_decorations.h"
#include "ui/render/map_view.h"
#include "ui/render/report_writer.h"

#include "render_fixture.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <map>

namespace greenrenew::render {
namespace {

/// Boxes (points, y down) of the first occurrence of each word on PAGE of the PDF at PATH.
std::map<QString, QRectF> wordBoxes(const QString& path, int page)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
        { QStringLiteral("-bbox"), QStringLiteral("-f"), QString::number(page),
            QStringLiteral("-l"), QString::number(page), path, QStringLiteral("-") });
    process.waitForFinished(30000);
    const QString html = QString::fromUtf8(process.readAllStandardOutput());
    static const char* const pattern = R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" )re"
                                       R"re(xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re";
    static const QRegularExpression word(QString::fromLatin1(pattern));
    std::map<QString, QRectF> boxes;
    for (const QRegularExpressionMatch& match : word.globalMatch(html)) {
        boxes.emplace(match.captured(5),
            QRectF(QPointF(match.captured(1).toDouble(), match.captured(2).toDouble()),
                QPointF(match.captured(3).toDouble(), match.captured(4).toDouble())));
    }
    return boxes;
}

/// Three 100 m parcels in a column, south to north: a district taller than wide.
core::Project columnOfParcels()
{
    core::Project project = test::threeParcels();
    for (int i = 0; i < 3; ++i) {
        project.parcels[i].geometry.clear();
        project.parcels[i].geometry.push_back(
            test::square(test::kOriginX, test::kOriginY + i * test::kSide, test::kSide));
    }
    return project;
}

std::map<QString, QRectF> overviewWords(const core::Project& project, const QString& path)
{
    ReportOptions options;
    options.language = QStringLiteral("en");
    EXPECT_TRUE(writeReportPdf(path, project, test::threeResults(), options).ok());
    return wordBoxes(path, 3);
}

TEST(ReportOverviewLegend, BesideATallDistrict)
{
    QTemporaryDir dir;
    const auto words = overviewWords(columnOfParcels(), dir.filePath(QStringLiteral("t.pdf")));
    ASSERT_TRUE(words.count(QStringLiteral("Leading")) && words.count(QStringLiteral("0"))
        && words.count(QStringLiteral("sink)")));
    // The legend's widest line, "None (no emissions or sink)", ends left of the map's edge.
    EXPECT_LT(words.at(QStringLiteral("sink)")).right(), words.at(QStringLiteral("0")).left());
    EXPECT_LT(words.at(QStringLiteral("Leading")).right(), words.at(QStringLiteral("0")).left());
}

TEST(ReportOverviewLegend, UnderAWideDistrict)
{
    QTemporaryDir dir;
    const auto words
        = overviewWords(test::threeParcels(), dir.filePath(QStringLiteral("w.pdf")));
    ASSERT_TRUE(words.count(QStringLiteral("Leading")) && words.count(QStringLiteral("CRS:")));
    EXPECT_GT(
        words.at(QStringLiteral("Leading")).top(), words.at(QStringLiteral("CRS:")).bottom());
}

TEST(ReportOverviewLegend, LegendBoxNeverMeetsTheExtent)
{
    const QRectF area(0, 0, 170, 212);
    const QSizeF legend(45, 40);
    // Tall (the sample's shape) and wide districts, in metres.
    for (const QRectF& extent : { QRectF(0, 0, 1000, 1800), QRectF(0, 0, 3000, 1000) }) {
        const MapBesideLegend layout = placeLegendOutside(area, extent, legend, 4);
        const MapView view(extent, layout.map);
        const QRectF data(view.toDevice(extent.left(), extent.bottom()),
            view.toDevice(extent.right(), extent.top()));
        EXPECT_FALSE(layout.legend.intersects(data)) << extent.width();
        EXPECT_TRUE(area.contains(layout.legend)) << extent.width();
        EXPECT_TRUE(area.contains(layout.map)) << extent.width();
    }
    // Tall: beside, 121 mm wide maps at 0.118 mm a metre against 0.093 under.
    EXPECT_EQ(placeLegendOutside(area, QRectF(0, 0, 1000, 1800), legend, 4).map,
        QRectF(49, 0, 121, 212));
    // Wide: under, 170 mm at 0.057 against 0.040 beside.
    EXPECT_EQ(placeLegendOutside(area, QRectF(0, 0, 3000, 1000), legend, 4).map,
        QRectF(0, 0, 170, 168));
}

} // namespace
} // namespace greenrenew::render
