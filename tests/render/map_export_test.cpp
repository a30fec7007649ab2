#include "ui/render/map_export.h"
#include "ui/render/map_labels.h"
#include "ui/render/map_view.h"
#include "ui/render/theme.h"

#include "render_fixture.h"

#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace greenrenew::render {
namespace {

/// True when the channels of A and B differ by at most TOLERANCE (antialiasing, SVG rounding).
bool near(QColor a, QColor b, int tolerance = 6)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

core::Project gridOfParcels(int count, double side)
{
    core::Project project = test::threeParcels();
    project.parcels.clear();
    for (int i = 0; i < count; ++i) {
        core::Parcel parcel;
        parcel.id = 1000 + i;
        parcel.name = "老城厢地块 " + std::to_string(i + 1);
        parcel.geometry.push_back(
            test::square(test::kOriginX + (i % 10) * side, test::kOriginY + (i / 10) * side, side));
        project.parcels.push_back(parcel);
    }
    return project;
}

class MapExportTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(cjkFontAvailable()) << "install fonts-wqy-microhei";
    }
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    QTemporaryDir m_dir;
};

TEST_F(MapExportTest, ParsesNames)
{
    EXPECT_EQ(exportFormatFromName(QStringLiteral("SVG")), ExportFormat::Svg);
    EXPECT_EQ(paperFromName(QStringLiteral("a2")), Paper::A2);
    EXPECT_EQ(orientationFromName(QStringLiteral("Landscape")), Orientation::Landscape);
    EXPECT_FALSE(paperFromName(QStringLiteral("A5")).has_value());
    EXPECT_FALSE(exportFormatFromName(QStringLiteral("jpg")).has_value());
}

// ISO 216: A0 is 841 x 1189 mm, A4 210 x 297 mm.
TEST_F(MapExportTest, PaperSizesFollowIso216)
{
    EXPECT_NEAR(paperSizeMm(Paper::A0, Orientation::Landscape).width(), 1189, 0.5);
    EXPECT_NEAR(paperSizeMm(Paper::A0, Orientation::Landscape).height(), 841, 0.5);
    EXPECT_NEAR(paperSizeMm(Paper::A4, Orientation::Portrait).width(), 210, 0.5);
    EXPECT_NEAR(paperSizeMm(Paper::A3, Orientation::Portrait).height(), 420, 0.5);
}

TEST_F(MapExportTest, PdfA0LandscapeIs1189By841Millimetres)
{
    MapOptions options;
    options.title = QStringLiteral("外滩 A0");
    ASSERT_TRUE(exportMap(path("a0.pdf"), ExportFormat::Pdf, Paper::A0, Orientation::Landscape, 300,
        test::threeParcels(), test::threeResults(), options));
    // pdfinfo (poppler) reads the page box independently: "Page size: 3370.39 x 2383.94 pts".
    QProcess process;
    process.start(QStringLiteral("pdfinfo"), { path("a0.pdf") });
    ASSERT_TRUE(process.waitForFinished(30000));
    const QString info = QString::fromUtf8(process.readAllStandardOutput());
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)")).match(info);
    ASSERT_TRUE(match.hasMatch()) << info.toStdString();
    EXPECT_NEAR(match.captured(1).toDouble() / 72 * 25.4, 1189, 0.5);
    EXPECT_NEAR(match.captured(2).toDouble() / 72 * 25.4, 841, 0.5);
    EXPECT_TRUE(info.contains(QRegularExpression(QStringLiteral(R"(Pages:\s+1\n)"))))
        << info.toStdString();
}

TEST_F(MapExportTest, PngHasThePaperSizeAtTheDpi)
{
    // A4 portrait at 150 dpi: 210 / 25.4 * 150 = 1240.2 and 297 / 25.4 * 150 = 1753.9 pixels.
    ASSERT_TRUE(exportMap(path("a4.png"), ExportFormat::Png, Paper::A4, Orientation::Portrait, 150,
        test::threeParcels(), test::threeResults(), {}));
    const QImage image(path("a4.png"));
    EXPECT_EQ(image.width(), 1240);
    EXPECT_EQ(image.height(), 1754);
    EXPECT_NEAR(image.dotsPerMeterX(), 150 / 0.0254, 1);
}

TEST_F(MapExportTest, SvgShowsTheParcelColourAtTheMapCentre)
{
    MapOptions options;
    options.title = QStringLiteral("<b>外滩 & Bund</b>");
    ASSERT_TRUE(exportMap(path("m.svg"), ExportFormat::Svg, Paper::A4, Orientation::Landscape, 300,
        test::threeParcels(), test::threeResults(), options));

    // At 96 px per inch an A4 landscape sheet is 297 / 25.4 * 96 = 1122.5 -> 1123 px wide and
    // 210 / 25.4 * 96 = 793.7 -> 794 px high.
    QSvgRenderer renderer(path("m.svg"));
    ASSERT_TRUE(renderer.isValid());
    EXPECT_EQ(renderer.viewBox(), QRect(0, 0, 1123, 794));
    QImage image(QSize(1123, 794), QImage::Format_ARGB32);
    image.fill(Qt::black);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();

    // The map is centred on the parcels' extent, so the middle parcel (transport) lies at the
    // centre of the map frame (its label sits there, so probe 30 m south of it); the frame is
    // where drawMapSheet put it on the same sheet.
    QImage probe(QSize(1123, 794), QImage::Format_ARGB32);
    QPainter probePainter(&probe);
    const QRectF frame = drawMapSheet(probePainter, QRectF(0, 0, 1123, 794), 96 / 25.4,
        test::threeParcels(), test::threeResults(), options);
    probePainter.end();
    const MapView view(mapExtent(test::threeParcels()), frame);
    EXPECT_NEAR(
        view.toDevice(test::kOriginX + 150, test::kOriginY + 50).x(), frame.center().x(), 0.01);
    const QPointF south = view.toDevice(test::kOriginX + 150, test::kOriginY + 20);
    const QColor middle = image.pixelColor(south.toPoint());
    EXPECT_TRUE(near(middle, categoryColor(core::Category::Transport)))
        << middle.name().toStdString();
    // West of it lies the construction parcel, 100 m away at the map's scale.
    const QPointF west = view.toDevice(test::kOriginX + 50, test::kOriginY + 30);
    EXPECT_TRUE(
        near(image.pixelColor(west.toPoint()), categoryColor(core::Category::Construction)));

    QFile file(path("m.svg"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    // The sheet's physical size: 297 mm, written in millimetres (from whole pixels: 297.1).
    const QRegularExpressionMatch width
        = QRegularExpression(QStringLiteral(R"(<svg width="([\d.]+)mm")")).match(svg);
    ASSERT_TRUE(width.hasMatch()) << svg.left(300).toStdString();
    EXPECT_NEAR(width.captured(1).toDouble(), 297, 0.5);
    // The title is data: escaped, never read as markup.
    EXPECT_TRUE(svg.contains(QStringLiteral("&lt;b&gt;"))) << "title not escaped";
    EXPECT_FALSE(svg.contains(QStringLiteral("<b>")));
}

TEST_F(MapExportTest, DrawsAnnotationsAtTheirProjectPosition)
{
    // An intervention symbol at the centre of parcel 101 (500050, 3450050) and a callout.
    SheetOptions sheet;
    sheet.labels = false;
    core::Annotation symbol;
    symbol.kind = core::AnnotationKind::Intervention;
    symbol.position = core::Point(test::kOriginX + 50, test::kOriginY + 50);
    symbol.text = "rooftop_pv";
    core::Annotation callout;
    callout.kind = core::AnnotationKind::Callout;
    callout.position = core::Point(test::kOriginX + 210, test::kOriginY + 80);
    callout.target = core::Point(test::kOriginX + 250, test::kOriginY + 50);
    callout.text = "口袋公园 <pocket park>";
    sheet.annotations = { symbol, callout };
    ASSERT_TRUE(exportMap(path("n.svg"), ExportFormat::Svg, Paper::A4, Orientation::Landscape, 96,
        test::threeParcels(), test::threeResults(), {}, sheet));

    QSvgRenderer renderer(path("n.svg"));
    ASSERT_TRUE(renderer.isValid());
    QImage image(QSize(1123, 794), QImage::Format_ARGB32);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    QImage probe(QSize(1123, 794), QImage::Format_ARGB32);
    QPainter probePainter(&probe);
    const QRectF frame = drawMapSheet(probePainter, QRectF(0, 0, 1123, 794), 96 / 25.4,
        test::threeParcels(), test::threeResults(), {}, sheet);
    probePainter.end();
    const MapView view(mapExtent(test::threeParcels()), frame);
    // The symbol's disc is 7 units across its radius; 3 px left of its centre is inside the
    // disc and clear of the initials.
    const QPointF centre = view.toDevice(test::kOriginX + 50, test::kOriginY + 50);
    const QColor disc = image.pixelColor((centre + QPointF(0, 5)).toPoint());
    EXPECT_TRUE(near(disc, QColor(0x2E, 0x8B, 0x57), 12)) << disc.name().toStdString();
    // Away from the symbol the parcel keeps its own colour.
    const QPointF away = view.toDevice(test::kOriginX + 15, test::kOriginY + 15);
    EXPECT_TRUE(
        near(image.pixelColor(away.toPoint()), categoryColor(core::Category::Construction)));

    QFile file(path("n.svg"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    // Escaped; Qt writes one <text> per script run, so "<" and the words are separate runs.
    EXPECT_TRUE(svg.contains(QStringLiteral(">pocket park&gt;<")));
    EXPECT_FALSE(svg.contains(QStringLiteral("<pocket")));
    EXPECT_TRUE(svg.contains(QStringLiteral(">RP<")));
}

TEST_F(MapExportTest, RejectsAnUnreasonableDpi)
{
    const auto result = exportMap(path("x.png"), ExportFormat::Png, Paper::A4,
        Orientation::Portrait, 5000, test::threeParcels(), test::threeResults(), {});
    ASSERT_FALSE(result.ok());
    EXPECT_FALSE(QFile::exists(path("x.png")));
}

TEST_F(MapExportTest, LabelsNeverOverlap)
{
    // 100 parcels of 20 m in a 10 x 10 grid (220 m with the 5% margins) on a 300 px map:
    // 1.36 px per metre, 27 px a cell, while an id ("1000") at 12 px with its halo is about
    // 30 px wide: neighbours compete and only some get a label.
    const core::Project project = gridOfParcels(100, 20);
    const QFont font = mapFont(12);
    const QRectF small(0, 0, 300, 300);
    const MapView view(mapExtent(project), small);
    const std::vector<PlacedLabel> labels = placeParcelLabels(view, project, font, 1.5, true);
    ASSERT_FALSE(labels.empty());
    EXPECT_LT(labels.size(), 100u);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        EXPECT_TRUE(small.contains(labels[i].box));
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            EXPECT_FALSE(labels[i].box.intersects(labels[j].box)) << i << " vs " << j;
    }

    // At 4000 px a cell is 364 px: every name fits, the first the largest (all equal: first).
    const MapView large(mapExtent(project), QRectF(0, 0, 4000, 4000));
    const std::vector<PlacedLabel> names = placeParcelLabels(large, project, font, 1.5, false);
    ASSERT_EQ(names.size(), 100u);
    EXPECT_EQ(names.front().text, QStringLiteral("老城厢地块 1"));
}

TEST_F(MapExportTest, LabelFallsBackToTheId)
{
    core::Parcel parcel;
    parcel.id = 42;
    EXPECT_EQ(parcelLabelText(parcel, false), QStringLiteral("42"));
    parcel.name = "豫园";
    EXPECT_EQ(parcelLabelText(parcel, false), QStringLiteral("豫园"));
    EXPECT_EQ(parcelLabelText(parcel, true), QStringLiteral("42"));
}

} // namespace
} // namespace greenrenew::render
