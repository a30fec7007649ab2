#include "ui/map_canvas.h"

#include "test_project.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

using greenrenew::ui::MapCanvas;

namespace {

constexpr double kTolerance = 1e-9;

class MapCanvasTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const auto data = greenrenew::ui::test::makeThreeParcels();
        m_canvas.resize(600, 400);
        m_canvas.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_canvas));
        m_canvas.setData(data.project, data.analysis);
    }

    QPoint screenOf(double x, double y) const
    {
        return m_canvas.transform().toScreen(QPointF(x, y)).toPoint();
    }

    MapCanvas m_canvas;
};

void sendWheel(QWidget& widget, const QPointF& position, int angleDeltaY)
{
    QWheelEvent event(position, widget.mapToGlobal(position), QPoint(), QPoint(0, angleDeltaY),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&widget, &event);
}

} // namespace

TEST_F(MapCanvasTest, ZoomToFullShowsAllParcels)
{
    // 300 m x 100 m in 600 x 400 px with 3 % margins: width limits, 300 / (600 * 0.94) m/px.
    EXPECT_NEAR(m_canvas.transform().metresPerPixel(), 300.0 / (600 * 0.94), kTolerance);
    EXPECT_NEAR(m_canvas.transform().center().x(), 150, kTolerance);
    EXPECT_NEAR(m_canvas.transform().center().y(), 50, kTolerance);
}

TEST_F(MapCanvasTest, ClickInsideParcelSelectsIt)
{
    QSignalSpy spy(&m_canvas, &MapCanvas::parcelSelected);
    QTest::mouseClick(&m_canvas, Qt::LeftButton, Qt::NoModifier, screenOf(250, 40));
    EXPECT_EQ(m_canvas.selectedParcel(), 2);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toInt(), 2);

    QTest::mouseClick(&m_canvas, Qt::LeftButton, Qt::NoModifier, screenOf(50, 90));
    EXPECT_EQ(m_canvas.selectedParcel(), 0);
}

TEST_F(MapCanvasTest, ClickOutsideEveryParcelClearsSelection)
{
    m_canvas.setSelectedParcel(1);
    QTest::mouseClick(&m_canvas, Qt::LeftButton, Qt::NoModifier, screenOf(150, 130));
    EXPECT_EQ(m_canvas.selectedParcel(), -1);
}

TEST_F(MapCanvasTest, WheelNotchZoomsByStepAboutCursor)
{
    const double before = m_canvas.transform().metresPerPixel();
    const QPointF cursor(100, 300);
    const QPointF anchor = m_canvas.transform().toMap(cursor);
    sendWheel(m_canvas, cursor, 120);
    EXPECT_NEAR(m_canvas.transform().metresPerPixel(), before / 1.25, kTolerance);
    const QPointF after = m_canvas.transform().toMap(cursor);
    EXPECT_NEAR(after.x(), anchor.x(), 1e-9);
    EXPECT_NEAR(after.y(), anchor.y(), 1e-9);

    // Two notches back out: 1.25^-2 of the zoomed resolution's inverse.
    sendWheel(m_canvas, cursor, -240);
    EXPECT_NEAR(m_canvas.transform().metresPerPixel(), before * 1.25, kTolerance);
}

TEST_F(MapCanvasTest, ArrowKeysPanByAQuarterOfTheView)
{
    const double metresPerPixel = m_canvas.transform().metresPerPixel();
    const QPointF centre = m_canvas.transform().center();
    QTest::keyClick(&m_canvas, Qt::Key_Right);
    // A quarter of 600 px east.
    EXPECT_NEAR(m_canvas.transform().center().x(), centre.x() + 150 * metresPerPixel, 1e-9);
    EXPECT_NEAR(m_canvas.transform().center().y(), centre.y(), 1e-9);
    QTest::keyClick(&m_canvas, Qt::Key_Up);
    // A quarter of 400 px north (map y up).
    EXPECT_NEAR(m_canvas.transform().center().y(), centre.y() + 100 * metresPerPixel, 1e-9);
}

TEST_F(MapCanvasTest, PlusAndMinusKeysZoomByStep)
{
    const double before = m_canvas.transform().metresPerPixel();
    QTest::keyClick(&m_canvas, Qt::Key_Plus);
    EXPECT_NEAR(m_canvas.transform().metresPerPixel(), before / 1.25, kTolerance);
    QTest::keyClick(&m_canvas, Qt::Key_Minus);
    QTest::keyClick(&m_canvas, Qt::Key_Minus);
    EXPECT_NEAR(m_canvas.transform().metresPerPixel(), before * 1.25, kTolerance);
}

TEST_F(MapCanvasTest, DragPansWithoutSelecting)
{
    const QPointF centre = m_canvas.transform().center();
    const double metresPerPixel = m_canvas.transform().metresPerPixel();
    const QPoint start = screenOf(150, 50);
    QTest::mousePress(&m_canvas, Qt::LeftButton, Qt::NoModifier, start);
    QTest::mouseMove(&m_canvas, start + QPoint(20, 0));
    QTest::mouseMove(&m_canvas, start + QPoint(40, 10));
    QTest::mouseRelease(&m_canvas, Qt::LeftButton, Qt::NoModifier, start + QPoint(40, 10));
    // Content follows the mouse: 40 px right shows 40 px more to the west.
    EXPECT_NEAR(m_canvas.transform().center().x(), centre.x() - 40 * metresPerPixel, 1e-9);
    EXPECT_NEAR(m_canvas.transform().center().y(), centre.y() + 10 * metresPerPixel, 1e-9);
    EXPECT_EQ(m_canvas.selectedParcel(), -1);
}

TEST_F(MapCanvasTest, ZoomToSelectionFitsTheParcelWithMargin)
{
    m_canvas.setSelectedParcel(2);
    m_canvas.zoomToSelection();
    // Parcel 2 spans x 200..300, y 0..100: 100 m into 400 px less 2 x 30 %, 160 px usable.
    EXPECT_NEAR(m_canvas.transform().metresPerPixel(), 100.0 / 160.0, kTolerance);
    EXPECT_NEAR(m_canvas.transform().center().x(), 250, kTolerance);
    EXPECT_NEAR(m_canvas.transform().center().y(), 50, kTolerance);
}
