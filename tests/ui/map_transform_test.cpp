#include "ui/map_transform.h"

#include <gtest/gtest.h>

using greenrenew::ui::MapTransform;

namespace {

constexpr double kTolerance = 1e-9;

MapTransform makeTransform()
{
    MapTransform transform;
    transform.setViewportSize(QSizeF(800, 600));
    transform.setCenter(QPointF(350000, 3450000));
    transform.setMetresPerPixel(2.0);
    return transform;
}

} // namespace

TEST(MapTransformTest, MapsCentreToViewportMiddleWithYUp)
{
    const MapTransform transform = makeTransform();
    const QPointF middle = transform.toScreen(QPointF(350000, 3450000));
    EXPECT_NEAR(middle.x(), 400, kTolerance);
    EXPECT_NEAR(middle.y(), 300, kTolerance);
    // 100 m east and 100 m north at 2 m/px: 50 px right and 50 px up (screen y decreases).
    const QPointF northEast = transform.toScreen(QPointF(350100, 3450100));
    EXPECT_NEAR(northEast.x(), 450, kTolerance);
    EXPECT_NEAR(northEast.y(), 250, kTolerance);
}

TEST(MapTransformTest, ScreenToMapRoundTripReturnsThePoint)
{
    const MapTransform transform = makeTransform();
    for (const QPointF screen : {QPointF(0, 0), QPointF(799, 599), QPointF(123.5, 456.25)}) {
        const QPointF back = transform.toScreen(transform.toMap(screen));
        EXPECT_NEAR(back.x(), screen.x(), kTolerance);
        EXPECT_NEAR(back.y(), screen.y(), 1e-7);
    }
    const QPointF map(351234.5, 3449876.25);
    const QPointF back = transform.toMap(transform.toScreen(map));
    EXPECT_NEAR(back.x(), map.x(), 1e-7);
    EXPECT_NEAR(back.y(), map.y(), 1e-7);
}

TEST(MapTransformTest, VisibleExtentSpansViewportAtResolution)
{
    const MapTransform transform = makeTransform();
    const QRectF extent = transform.visibleExtent();
    // 800 x 600 px at 2 m/px = 1600 x 1200 m around the centre; top() is the smallest y.
    EXPECT_NEAR(extent.left(), 349200, kTolerance);
    EXPECT_NEAR(extent.top(), 3449400, kTolerance);
    EXPECT_NEAR(extent.width(), 1600, kTolerance);
    EXPECT_NEAR(extent.height(), 1200, kTolerance);
}

TEST(MapTransformTest, ZoomAboutPointKeepsThatPointFixed)
{
    MapTransform transform = makeTransform();
    const QPointF cursor(100, 500);
    const QPointF before = transform.toMap(cursor);
    transform.zoomAbout(cursor, 4.0);
    EXPECT_NEAR(transform.metresPerPixel(), 0.5, kTolerance);
    const QPointF after = transform.toMap(cursor);
    EXPECT_NEAR(after.x(), before.x(), 1e-7);
    EXPECT_NEAR(after.y(), before.y(), 1e-7);
    // Hand check: cursor was 300 px left and 200 px below the middle, i.e. (-600 m, -400 m);
    // at 0.5 m/px it sits (-150 m, -100 m) from the new centre, so the centre moved by
    // (-450 m, -300 m).
    EXPECT_NEAR(transform.center().x(), 350000 - 450, 1e-7);
    EXPECT_NEAR(transform.center().y(), 3450000 - 300, 1e-7);
}

TEST(MapTransformTest, PanByPixelsMovesContentWithTheDrag)
{
    MapTransform transform = makeTransform();
    const QPointF map(350300, 3450200);
    const QPointF before = transform.toScreen(map);
    transform.panByPixels(QPointF(30, -20));
    const QPointF after = transform.toScreen(map);
    EXPECT_NEAR(after.x() - before.x(), 30, kTolerance);
    EXPECT_NEAR(after.y() - before.y(), -20, kTolerance);
    EXPECT_NEAR(transform.center().x(), 350000 - 60, kTolerance);
    EXPECT_NEAR(transform.center().y(), 3450000 - 40, kTolerance);
}

TEST(MapTransformTest, ZoomToExtentFitsTheLimitingAxis)
{
    MapTransform transform = makeTransform();
    // 1000 x 1000 m into 800 x 600 px with 10 % margins: 480 usable px limit the height, so
    // 1000 / 480 m/px.
    transform.zoomToExtent(QRectF(0, 0, 1000, 1000), 0.1);
    EXPECT_NEAR(transform.metresPerPixel(), 1000.0 / 480.0, kTolerance);
    EXPECT_NEAR(transform.center().x(), 500, kTolerance);
    EXPECT_NEAR(transform.center().y(), 500, kTolerance);
}

TEST(MapTransformTest, ScaleDenominatorFollowsResolutionAndDpi)
{
    const MapTransform transform = makeTransform();
    // 2 m per pixel at 96 dpi: one inch on screen (0.0254 m) shows 192 m, 1:7559.055...
    EXPECT_NEAR(transform.scaleDenominator(96), 192 / 0.0254, 1e-6);
}
