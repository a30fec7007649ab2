#include "ui/render/map_decorations.h"
#include "ui/render/map_renderer.h"
#include "ui/render/map_view.h"
#include "ui/render/theme.h"

#include "render_fixture.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace greenrenew::render {
namespace {

using test::kOriginX;
using test::kOriginY;

// Hand computation for a 1800 x 800 target and the three parcels: the extent is their box
// (300 x 100 m) plus 5% of 300 m on each side, 330 x 130 m; the scale is
// min(1800 / 330, 800 / 130) = 5.4545 px/m; the middle of the extent maps to (900, 400).
// Parcel centres lie 100 m apart: x = 900 - 545.45 = 354.5, 900, 1445.5; y = 400.
constexpr int kWidth = 1800;
constexpr int kHeight = 800;
const QPoint kCentres[] = { { 354, 400 }, { 900, 400 }, { 1445, 400 } };

QImage render(const core::Project& project, const core::Analysis& analysis,
    const MapOptions& options, int width = kWidth, int height = kHeight)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(Qt::black); // drawMap must paint its own white background
    QPainter painter(&image);
    drawMap(painter, QRectF(0, 0, width, height), project, analysis, options);
    painter.end();
    return image;
}

int countPixels(const QImage& image, QColor color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += image.pixelColor(x, y).rgb() == color.rgb() ? 1 : 0;
    }
    return count;
}

TEST(MapRendererTest, FillsEachParcelWithItsLeadingCategoryColour)
{
    const QImage image = render(test::threeParcels(), test::threeResults(), MapOptions {});
    EXPECT_EQ(
        image.pixelColor(kCentres[0]).rgb(), categoryColor(core::Category::Construction).rgb());
    EXPECT_EQ(image.pixelColor(kCentres[1]).rgb(), categoryColor(core::Category::Transport).rgb());
    EXPECT_EQ(image.pixelColor(kCentres[2]).rgb(), categoryColor(core::Category::Greening).rgb());
    // Outside the parcels (above them, right of the legend) the background is white.
    EXPECT_EQ(image.pixelColor(900, 60).rgb(), QColor(Qt::white).rgb());
}

TEST(MapRendererTest, CategoryColoursAreDistinct)
{
    for (std::size_t i = 0; i < kAllCategories.size(); ++i) {
        for (std::size_t j = i + 1; j < kAllCategories.size(); ++j)
            EXPECT_NE(categoryColor(kAllCategories[i]), categoryColor(kAllCategories[j]));
    }
}

TEST(MapRendererTest, LeavesPolygonHolesEmpty)
{
    core::Project project = test::threeParcels();
    // A 40 m courtyard in the middle of the first parcel.
    core::Ring hole = test::square(kOriginX + 30, kOriginY + 30, 40).outer();
    project.parcels[0].geometry[0].inners().push_back(hole);

    const QImage image = render(project, test::threeResults(), MapOptions {});
    EXPECT_EQ(image.pixelColor(kCentres[0]).rgb(), QColor(Qt::white).rgb());
    // 10 m inside the parcel's west edge (x = 81.8 + 54.5 px): outside the courtyard, filled.
    EXPECT_EQ(image.pixelColor(136, 400).rgb(), categoryColor(core::Category::Construction).rgb());
}

TEST(MapRendererTest, ShowsOnlyTheGivenExtent)
{
    MapOptions options;
    options.extent = QRectF(kOriginX + 200, kOriginY, 100, 100); // the third parcel
    const QImage image = render(test::threeParcels(), test::threeResults(), options, 800, 800);
    EXPECT_EQ(image.pixelColor(400, 400).rgb(), categoryColor(core::Category::Greening).rgb());
    // The transport parcel is west of the extent: at most a sliver at the left border.
    EXPECT_LT(countPixels(image, categoryColor(core::Category::Transport)), 800 * 4);
}

TEST(MapRendererTest, OutlinesTheSelectedParcel)
{
    // The shared edge of parcels 0 and 1 is at x = 900 - 50 m x 5.4545 = 627.3; the 2.6 px
    // inner stroke covers pixel column 627 entirely.
    MapOptions options;
    options.selectedParcel = 1;
    const QImage selected = render(test::threeParcels(), test::threeResults(), options);
    EXPECT_EQ(selected.pixelColor(627, 400).rgb(), QColor(0xFF, 0xD4, 0x00).rgb());

    const QImage plain = render(test::threeParcels(), test::threeResults(), MapOptions {});
    EXPECT_NE(plain.pixelColor(627, 400).rgb(), QColor(0xFF, 0xD4, 0x00).rgb());
}

TEST(MapRendererTest, LegendShowsEveryCategoryEvenWithoutParcels)
{
    // No parcel leads with waste, so its colour can only come from the legend swatch.
    const QColor waste = categoryColor(core::Category::Waste);
    MapOptions withLegend;
    EXPECT_GT(
        countPixels(render(test::threeParcels(), test::threeResults(), withLegend), waste), 100);
    MapOptions without;
    without.legend = false;
    EXPECT_EQ(countPixels(render(test::threeParcels(), test::threeResults(), without), waste), 0);
}

TEST(MapRendererTest, LegendNamesCategoriesInChineseAndEnglish)
{
    const std::vector<LegendEntry> zh = categoryLegend(QStringLiteral("zh"));
    const std::vector<LegendEntry> en = categoryLegend(QStringLiteral("en"));
    ASSERT_EQ(zh.size(), 4u);
    ASSERT_EQ(en.size(), 4u);
    EXPECT_EQ(zh[0].label, QStringLiteral("建设"));
    EXPECT_EQ(zh[1].label, QStringLiteral("交通"));
    EXPECT_EQ(zh[2].label, QStringLiteral("绿化 (碳汇)"));
    EXPECT_EQ(zh[3].label, QStringLiteral("废弃物"));
    EXPECT_EQ(en[0].label, QStringLiteral("Construction"));
    EXPECT_EQ(en[1].label, QStringLiteral("Transport"));
    EXPECT_EQ(en[2].label, QStringLiteral("Greening (sinks)"));
    EXPECT_EQ(en[3].label, QStringLiteral("Waste"));
    EXPECT_EQ(zh[3].color, categoryColor(core::Category::Waste));
}

TEST(MapRendererTest, NamesRenewalTypesAsPlannersDo)
{
    const QString zh = QStringLiteral("zh");
    EXPECT_EQ(renewalTypeLabel(core::RenewalType::Residential, zh), QStringLiteral("老旧居住区"));
    EXPECT_EQ(renewalTypeLabel(core::RenewalType::Commercial, zh), QStringLiteral("旧商业区"));
    EXPECT_EQ(renewalTypeLabel(core::RenewalType::Factory, zh), QStringLiteral("旧厂区"));
    EXPECT_EQ(renewalTypeLabel(core::RenewalType::HistoricBlock, zh), QStringLiteral("历史街区"));
    EXPECT_EQ(renewalTypeLabel(core::RenewalType::HistoricBlock, QStringLiteral("en")),
        QStringLiteral("Historic block"));
}

TEST(MapRendererTest, ScaleBarLengthIsRoundNumber)
{
    EXPECT_DOUBLE_EQ(niceScaleLength(437), 200);
    EXPECT_DOUBLE_EQ(niceScaleLength(1000), 1000);
    EXPECT_DOUBLE_EQ(niceScaleLength(99), 50);
    EXPECT_DOUBLE_EQ(niceScaleLength(7300), 5000);
    EXPECT_DOUBLE_EQ(niceScaleLength(0.3), 1);
}

TEST(MapViewTest, KeepsAspectWithNorthUp)
{
    // 200 x 100 m into 400 x 400 px: 2 px/m, the width limits; centre (100, 50) -> (200, 200).
    const MapView view(QRectF(0, 0, 200, 100), QRectF(0, 0, 400, 400));
    EXPECT_DOUBLE_EQ(view.scale(), 2);
    EXPECT_EQ(view.toDevice(0, 0), QPointF(0, 300));
    EXPECT_EQ(view.toDevice(200, 100), QPointF(400, 100));
    EXPECT_EQ(view.visibleWorld(), QRectF(0, -50, 200, 200));
}

TEST(MapRendererTest, WritesPngOfRequestedSize)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("map.png"));
    MapOptions options;
    options.title = QStringLiteral("外滩 The Bund <b>&amp;</b>");
    ASSERT_TRUE(writeMapPng(path, test::threeParcels(), test::threeResults(), options, 1200, 900));
    EXPECT_GT(QFileInfo(path).size(), 1000);
    const QImage image(path);
    EXPECT_EQ(image.size(), QSize(1200, 900));
}

TEST(MapRendererTest, FailsOnUnwritablePngPath)
{
    EXPECT_FALSE(writeMapPng(QStringLiteral("/nonexistent-dir/map.png"), test::threeParcels(),
        test::threeResults(), MapOptions {}, 400, 300));
}

TEST(MapRendererTest, CjkFontIsInstalledAndUsed)
{
    ASSERT_TRUE(cjkFontAvailable()) << "install fonts-wqy-microhei";
    EXPECT_EQ(QFontInfo(mapFont(20)).family(), QString::fromLatin1(kCjkFamily));
    const QFontMetricsF metrics(mapFont(20));
    EXPECT_TRUE(metrics.inFont(QChar(0x5EFA))); // 建
    EXPECT_TRUE(metrics.inFont(QChar(0x78B3))); // 碳
}

} // namespace
} // namespace greenrenew::render
