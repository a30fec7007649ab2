// ui::MapDrawer draws the canvas's picture in worker threads: the picture of two threads (an
// upper and a lower half) and of one equals drawMap's direct picture of the same extent, pixel
// for pixel; a new request cancels the one being drawn and only the newest comes back; the
// canvas shows an edited parcel at the next paint.

#include "ui/map_canvas.h"
#include "ui/map_drawer.h"
#include "ui/render/map_index.h"
#include "ui/render/map_renderer.h"

#include "test_project.h"

#include <gtest/gtest.h>

#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <future>
#include <memory>

namespace core = greenrenew::core;
namespace render = greenrenew::render;
using greenrenew::ui::MapCanvas;
using greenrenew::ui::MapDrawer;
using greenrenew::ui::MapDrawRequest;
using greenrenew::ui::MapTransform;
using greenrenew::ui::test::square;

namespace {

constexpr double kParcelM = 50;

// SIDE x SIDE parcels of 50 m, each coloured by a leading category in turn, with a 20 m
// building inside, a street along every row and column boundary (majors and minors) and a
// facility on every parcel corner: symbols sit on the line where the halves meet.
struct City {
    std::shared_ptr<core::Project> project = std::make_shared<core::Project>();
    std::shared_ptr<core::Analysis> analysis = std::make_shared<core::Analysis>();
};

City makeCity(int side)
{
    City city;
    for (int row = 0; row < side; ++row) {
        for (int col = 0; col < side; ++col) {
            core::Parcel parcel;
            parcel.id = 1 + row * side + col;
            parcel.geometry = square(col * kParcelM, row * kParcelM, kParcelM);
            city.project->parcels.push_back(parcel);
            core::ParcelResult result;
            result.parcelId = parcel.id;
            result.carbon.leading = static_cast<core::Category>((row + col) % 4);
            city.analysis->parcels.push_back(result);
            core::Building building;
            building.footprint = square(col * kParcelM + 15, row * kParcelM + 15, 20);
            city.project->buildings.push_back(building);
            core::Facility facility;
            facility.location = core::Point(col * kParcelM, row * kParcelM);
            city.project->facilities.push_back(facility);
        }
    }
    const double end = side * kParcelM;
    for (int i = 0; i <= side; ++i) {
        core::Street across;
        across.highway = i % 4 == 0 ? "primary" : "residential";
        across.geometry.push_back({{0, i * kParcelM}, {end, i * kParcelM}});
        core::Street along = across;
        along.geometry = {{{i * kParcelM, 0}, {i * kParcelM, end}}};
        city.project->streets.push_back(across);
        city.project->streets.push_back(along);
    }
    return city;
}

MapDrawRequest requestFor(const City& city, const QRectF& extent, QSize pixels)
{
    MapDrawRequest request;
    request.project = city.project;
    request.analysis = city.analysis;
    std::promise<std::shared_ptr<render::MapIndex>> index;
    index.set_value(std::make_shared<render::MapIndex>(*city.project));
    request.index = index.get_future().share();
    request.pixels = pixels;
    request.options.extent = extent;
    request.options.legend = false;
    request.options.decorations = false;
    const render::ThemeClassifier classifier(request.options.theme, *city.analysis,
                                             request.options.language);
    auto colours = std::make_shared<std::vector<QColor>>();
    for (std::size_t i = 0; i < city.project->parcels.size(); ++i)
        colours->push_back(classifier.colorOf(i));
    request.options.parcelColours = colours;
    return request;
}

// The picture as drawMap draws it straight into one image: no index, colours from the
// analysis, the whole target at once.
QImage directPicture(const City& city, const QRectF& extent, QSize pixels)
{
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    render::MapOptions options;
    options.extent = extent;
    options.legend = false;
    options.decorations = false;
    render::drawMap(painter, QRectF(QPointF(0, 0), QSizeF(pixels)), *city.project,
                    *city.analysis, options);
    return image;
}

// A shown canvas of SIZE on CITY whose paints wait WAITMS for their picture.
void showCity(MapCanvas& canvas, const City& city, QSize size, int waitMs)
{
    canvas.resize(size);
    canvas.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&canvas));
    canvas.setDrawWaitMs(waitMs);
    canvas.setData(city.project, city.analysis);
}

int differingPixels(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return -1;
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            count += a.pixel(x, y) != b.pixel(x, y);
    }
    return count;
}

TEST(MapDrawerTest, TwoHalvesInTwoThreadsEqualTheDirectPicture)
{
    const City city = makeCity(12);  // 600 m square
    // Odd heights, so the halves differ by a row; the middle row of the whole city lies on a
    // street with facilities (y = 300 m), a zoomed view cuts through buildings.
    const QSize pixels(640, 401);
    for (const QRectF& extent : {QRectF(-20, -20, 640, 640), QRectF(180, 230, 130, 90),
                                 QRectF(290, 295, 12, 8)}) {
        const QImage direct = directPicture(city, extent, pixels);
        const MapDrawRequest request = requestFor(city, extent, pixels);
        EXPECT_EQ(differingPixels(MapDrawer::drawPicture(request, 2), direct), 0)
            << extent.x() << " " << extent.width();
        EXPECT_EQ(differingPixels(MapDrawer::drawPicture(request, 1), direct), 0)
            << extent.x() << " " << extent.width();
    }
    // Not equal by accident: a blank picture differs in most pixels.
    QImage blank(pixels, QImage::Format_ARGB32_Premultiplied);
    blank.fill(Qt::white);
    EXPECT_GT(differingPixels(directPicture(city, QRectF(-20, -20, 640, 640), pixels), blank),
              pixels.width() * pixels.height() / 2);
}

TEST(MapDrawerTest, ACancelledPictureComesBackEmpty)
{
    const City city = makeCity(4);
    const std::atomic<bool> cancelled{true};
    const MapDrawRequest request = requestFor(city, QRectF(0, 0, 200, 200), QSize(200, 200));
    EXPECT_TRUE(MapDrawer::drawPicture(request, 2, &cancelled).isNull());
    EXPECT_FALSE(MapDrawer::drawPicture(request, 2).isNull());
}

TEST(MapDrawerTest, TheNewestRequestWinsAndTheOneBeforeIsCancelled)
{
    const City city = makeCity(60);  // 3,600 parcels: a picture takes a while
    MapDrawer drawer;
    std::vector<std::pair<QImage, int>> drawn;
    QObject::connect(&drawer, &MapDrawer::drawn,
                     [&](const QImage& image, const MapTransform&, int generation) {
                         drawn.emplace_back(image, generation);
                     });
    MapDrawRequest first = requestFor(city, QRectF(0, 0, 3000, 3000), QSize(800, 600));
    first.generation = 1;
    MapDrawRequest second = requestFor(city, QRectF(1000, 1000, 500, 500), QSize(800, 600));
    second.generation = 2;
    const QImage expected = MapDrawer::drawPicture(second, 1);
    drawer.draw(first);
    EXPECT_TRUE(drawer.busy());
    drawer.draw(second);  // while the first is drawn: it is cancelled
    EXPECT_TRUE(drawer.waitFor(-1));
    EXPECT_FALSE(drawer.busy());
    // Whatever the first thread still posts is dropped.
    QTest::qWait(100);
    ASSERT_EQ(drawn.size(), 1u);
    EXPECT_EQ(drawn[0].second, 2);
    EXPECT_EQ(differingPixels(drawn[0].first, expected), 0);
}

TEST(MapDrawerTest, CanvasShowsOnlyTheLastViewAskedWhileDrawing)
{
    const City city = makeCity(60);
    MapCanvas canvas;
    showCity(canvas, city, QSize(800, 600), 0);  // a paint never waits: the drawings overlap
    QSignalSpy spy(&canvas, &MapCanvas::drawn);
    canvas.zoomToExtent(QRectF(0, 0, 3000, 3000));
    canvas.repaint();
    EXPECT_TRUE(canvas.drawing());
    const int draws = canvas.fullDrawCount();
    canvas.zoomToExtent(QRectF(1200, 1200, 300, 200));
    canvas.repaint();
    ASSERT_TRUE(spy.wait(10000));
    QTest::qWait(100);
    EXPECT_EQ(canvas.fullDrawCount(), draws + 1);
    EXPECT_EQ(spy.count(), 1);
    EXPECT_EQ(canvas.pictureTransform().center(), canvas.transform().center());
    EXPECT_EQ(canvas.pictureTransform().metresPerPixel(), canvas.transform().metresPerPixel());
    EXPECT_FALSE(canvas.drawing());
}

TEST(MapDrawerTest, CanvasShowsAnEditedParcelAtTheNextPaint)
{
    const City city = makeCity(4);
    MapCanvas canvas;
    // Every paint shows the map drawn, whatever the machine's load.
    showCity(canvas, city, QSize(400, 400), -1);
    // Inside parcel 5 (row 1, column 1: leading category 2, greening), 8 m from its edges'
    // streets and 7 m from its building.
    const QPoint inside = canvas.transform().toScreen(QPointF(58, 58)).toPoint();
    EXPECT_EQ(canvas.grab().toImage().pixelColor(inside).rgb(),
              render::categoryColor(core::Category::Greening).rgb());
    // The parcel's leading category changes, as an edit recomputes it.
    canvas.stopDrawing();
    city.analysis->parcels[5].carbon.leading = core::Category::Construction;
    canvas.refresh();
    EXPECT_EQ(canvas.grab().toImage().pixelColor(inside).rgb(),
              render::categoryColor(core::Category::Construction).rgb());
}

} // namespace
