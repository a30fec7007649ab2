// The editing tools driven by mouse and keys on the offscreen platform, each with its undo.
// Three 100 m x 100 m parcels side by side (test_project.h) with the shipped method resources,
// so the figures are recomputed after each edit; areas are worked out by hand.

#include "core/analysis.h"
#include "gis/method_resources.h"
#include "test_project.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/main_window.h"
#include "ui/map_canvas.h"
#include "ui/parcel_inspector.h"

#include <gtest/gtest.h>

#include <cmath>

#include <QAction>
#include <QImage>
#include <QLocale>
#include <QTest>
#include <QUndoStack>

using greenrenew::core::FeatureId;
using greenrenew::ui::MainWindow;

namespace {

class EditToolsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto data = greenrenew::ui::test::makeThreeParcels();
        auto project = std::make_shared<greenrenew::core::Project>(*data.project);
        auto config = greenrenew::gis::loadMethodConfig(greenrenew::gis::resourceDir());
        ASSERT_TRUE(config.ok()) << config.error().describe();
        project->config = config.value();
        auto analysis =
            std::make_shared<greenrenew::core::Analysis>(greenrenew::core::runAnalysis(*project));
        window.resize(1200, 800);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        window.setProject(project, analysis);
    }

    QPoint at(double x, double y) const
    {
        return window.canvas()->transform().toScreen(QPointF(x, y)).toPoint();
    }
    void click(double x, double y, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::mouseClick(window.canvas(), Qt::LeftButton, modifiers, at(x, y));
    }
    const greenrenew::core::Project& project() const
    {
        return *window.editor()->session()->project();
    }
    std::vector<FeatureId> ids() const
    {
        std::vector<FeatureId> result;
        for (const auto& parcel : project().parcels)
            result.push_back(parcel.id);
        return result;
    }
    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(window.canvas(), static_cast<Qt::Key>(key), modifiers);
    }

    /// Where a click at map point (X, Y) lands on the map once rounded to a pixel.
    QPointF landed(double x, double y) const
    {
        return window.canvas()->transform().toMap(at(x, y));
    }

    MainWindow window;
};

// Shoelace area of a ring given corner by corner.
double ringArea(const std::vector<QPointF>& ring)
{
    double twice = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const QPointF& a = ring[i];
        const QPointF& b = ring[(i + 1) % ring.size()];
        twice += a.x() * b.y() - b.x() * a.y();
    }
    return std::abs(twice) / 2;
}

TEST_F(EditToolsTest, SplitByDrawnLineAndUndoEachStep)
{
    click(150, 50);
    ASSERT_EQ(window.canvas()->selectedParcel(), 1);
    window.editor()->splitAction()->trigger();
    click(130, -20);
    click(130, 120);
    EXPECT_EQ(window.editor()->session()->undoStack()->count(), 2);  // one step per point
    key(Qt::Key_Return);

    // The line lands at x = 130 m give or take the pixel: (x - 100) x 100 on the left, the
    // rest of the 10,000 on the right; the larger piece gets id 104.
    const double cutX = landed(130, -20).x();
    const double leftM2 = (cutX - 100) * 100;
    ASSERT_NEAR(leftM2, 3000, 100);
    ASSERT_EQ(ids(), (std::vector<FeatureId>{101, 104, 105, 103}));
    const auto& results = window.editor()->session()->analysis()->parcels;
    EXPECT_NEAR(results[1].form.areaM2, 10000 - leftM2, 1e-6);
    EXPECT_NEAR(results[2].form.areaM2, leftM2, 1e-6);
    ASSERT_TRUE(window.selectParcelById(105));
    // To look at the window after the edit: GREENRENEW_EDIT_SCREENSHOT=FILE.png.
    if (qEnvironmentVariableIsSet("GREENRENEW_EDIT_SCREENSHOT"))
        window.grab().save(qEnvironmentVariable("GREENRENEW_EDIT_SCREENSHOT"));
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("area_m2")),
              QLocale().toString(std::round(leftM2), 'f', 0) + QStringLiteral(" m²"));

    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(ids(), (std::vector<FeatureId>{101, 102, 103}));
    EXPECT_EQ(window.editor()->session()->analysis()->parcels[1].form.areaM2, 10000.0);
    key(Qt::Key_Z, Qt::ControlModifier);  // the second point of the line
    key(Qt::Key_Z, Qt::ControlModifier);  // the first
    EXPECT_FALSE(window.editor()->session()->undoStack()->canUndo());
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(ids(), (std::vector<FeatureId>{101, 104, 105, 103}));
}

TEST_F(EditToolsTest, MergeSelectedAndUndo)
{
    click(50, 50);
    click(150, 50, Qt::ControlModifier);
    ASSERT_EQ(window.canvas()->selectedParcels().size(), 2);
    key(Qt::Key_M);
    ASSERT_EQ(ids(), (std::vector<FeatureId>{104, 103}));
    EXPECT_EQ(project().parcels[0].sourceIds, (std::vector<FeatureId>{101, 102}));
    // Two 100 x 100 squares: 20,000 m2, shown in the inspector for the merged parcel.
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("area_m2")),
              QStringLiteral("20,000 m²"));
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(ids(), (std::vector<FeatureId>{101, 102, 103}));
}

TEST_F(EditToolsTest, DragVertexAndRefuseOverlap)
{
    window.editor()->vertexAction()->trigger();
    // (0, 100) up to (0, 120): a trapezoid of sides 120 and 100 over 100 m = 11,000 m2.
    QTest::mousePress(window.canvas(), Qt::LeftButton, Qt::NoModifier, at(0, 100));
    QTest::mouseRelease(window.canvas(), Qt::LeftButton, Qt::NoModifier, at(0, 120));
    const double movedM2 = ringArea({{0, 0}, landed(0, 120), {100, 100}, {100, 0}});
    ASSERT_NEAR(movedM2, 11000.0, 100);
    EXPECT_NEAR(window.editor()->session()->analysis()->parcels[0].form.areaM2, movedM2, 1e-6);

    // Parcel 102's corner (100, 100) pulled to (80, 100) would overlap 101: refused.
    QTest::mousePress(window.canvas(), Qt::LeftButton, Qt::NoModifier, at(100, 100));
    QTest::mouseRelease(window.canvas(), Qt::LeftButton, Qt::NoModifier, at(80, 100));
    EXPECT_TRUE(window.messageText().contains(QStringLiteral("overlaps parcel")))
        << window.messageText().toStdString();
    EXPECT_EQ(window.editor()->session()->undoStack()->count(), 1);

    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_NEAR(window.editor()->session()->analysis()->parcels[0].form.areaM2, 10000.0, 1e-6);
}

TEST_F(EditToolsTest, DrawParcelVertexByVertexWithUndo)
{
    window.editor()->drawAction()->trigger();
    click(320, 0);
    click(320, 100);
    click(400, 100);
    click(450, 50);
    key(Qt::Key_Z, Qt::ControlModifier);  // drops the stray fourth corner
    click(400, 0);
    key(Qt::Key_Return);
    ASSERT_EQ(project().parcels.size(), 4u);
    // 80 x 100 = 8000 m2 give or take the pixels, measured by the form stage.
    const double drawnM2 =
        ringArea({landed(320, 0), landed(320, 100), landed(400, 100), landed(400, 0)});
    ASSERT_NEAR(drawnM2, 8000.0, 200);
    EXPECT_NEAR(window.editor()->session()->analysis()->parcels[3].form.areaM2, drawnM2, 1e-6);
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().parcels.size(), 3u);
}

TEST_F(EditToolsTest, SnapsToVisibleVertexWithinTolerance)
{
    const double metresPerPixel = window.canvas()->transform().metresPerPixel();
    const QPointF near(100 + 3 * metresPerPixel, 100 - 2 * metresPerPixel);
    auto snapped = greenrenew::ui::snapPoint(*window.canvas(), near);
    ASSERT_TRUE(snapped.has_value());
    EXPECT_EQ(*snapped, QPointF(100, 100));
    // 30 pixels from every vertex and edge: no snap.
    const QPointF far(150, 100 - 30 * metresPerPixel);
    EXPECT_FALSE(greenrenew::ui::snapPoint(*window.canvas(), far).has_value());
}

TEST_F(EditToolsTest, NeverSnapsToAVertexJustOffScreen)
{
    // The view is moved so that the corner (100, 100) lies 3 pixels past the right edge, and
    // the cursor sits 2 pixels inside it on the parcels' top edge (y = 100): 5 pixels from
    // the corner, within the 10-pixel tolerance, yet the corner is not on screen.
    const QRectF start(0, 40, 120, 120);
    window.canvas()->zoomToExtent(start);
    const double metresPerPixel = window.canvas()->transform().metresPerPixel();
    const double shift = 100 - 3 * metresPerPixel
                         - window.canvas()->transform().visibleExtent().right();
    window.canvas()->zoomToExtent(start.translated(shift, 0));
    const QRectF visible = window.canvas()->transform().visibleExtent();
    ASSERT_NEAR(visible.right(), 100 - 3 * metresPerPixel, 1e-6 * metresPerPixel);
    ASSERT_GT(visible.top(), 0.0);  // the bottom corners are off-screen too
    ASSERT_FALSE(visible.contains(QPointF(100, 100)));

    const QPointF cursor(visible.right() - 2 * metresPerPixel, 100);
    const auto snap = greenrenew::ui::snapTo(*window.canvas(), cursor);
    ASSERT_TRUE(snap.has_value());
    // Onto the visible top edge under the cursor, not the corner.
    EXPECT_EQ(snap->kind, greenrenew::ui::Snap::Kind::Edge);
    EXPECT_NE(snap->mapPoint, QPointF(100, 100));
    EXPECT_TRUE(visible.contains(snap->mapPoint));
    EXPECT_NEAR(snap->mapPoint.y(), 100, 1e-9);

    // Zoomed back out, the same cursor snaps to the corner: the test above is not vacuous.
    window.canvas()->zoomToExtent(QRectF(0, 0, 300, 100));
    const auto onScreen = greenrenew::ui::snapTo(
        *window.canvas(), QPointF(100 - 2 * window.canvas()->transform().metresPerPixel(), 100));
    ASSERT_TRUE(onScreen.has_value());
    EXPECT_EQ(onScreen->kind, greenrenew::ui::Snap::Kind::Vertex);
    EXPECT_EQ(onScreen->mapPoint, QPointF(100, 100));
}

// Marker pixels of the snap colour around a screen point, in a square of RADIUS pixels.
int markerPixels(const QImage& image, const QPoint& centre, int radius)
{
    int count = 0;
    for (int y = centre.y() - radius; y <= centre.y() + radius; ++y) {
        for (int x = centre.x() - radius; x <= centre.x() + radius; ++x) {
            if (image.valid(x, y) && image.pixelColor(x, y) == greenrenew::ui::kSnapMarkerColor)
                ++count;
        }
    }
    return count;
}

TEST_F(EditToolsTest, MarkerShowsTheSnapAsTheCursorMoves)
{
    window.editor()->drawAction()->trigger();
    const double metresPerPixel = window.canvas()->transform().metresPerPixel();
    // 4 pixels right of and 3 below the corner (100, 100): snapped to it, a square drawn.
    QTest::mouseMove(window.canvas(), at(100 + 4 * metresPerPixel, 100 - 3 * metresPerPixel));
    auto* tool = window.editor()->activeTool();
    ASSERT_NE(tool, nullptr);
    ASSERT_TRUE(tool->snap().has_value());
    EXPECT_EQ(tool->snap()->kind, greenrenew::ui::Snap::Kind::Vertex);
    EXPECT_EQ(tool->snap()->mapPoint, QPointF(100, 100));
    QImage image = window.canvas()->grab().toImage();
    // The square's sides, 6 pixels from the corner, 12 long and 2 wide, some of which are
    // blended at the corners: well over 20 pixels of the colour, none when nothing snaps.
    EXPECT_GT(markerPixels(image, at(100, 100), 8), 20);

    // Midway along the top edge of parcel 101, 4 pixels above it: an edge snap, a diamond.
    QTest::mouseMove(window.canvas(), at(50, 100 + 4 * metresPerPixel));
    ASSERT_TRUE(tool->snap().has_value());
    EXPECT_EQ(tool->snap()->kind, greenrenew::ui::Snap::Kind::Edge);
    EXPECT_NEAR(tool->snap()->mapPoint.y(), 100, 1e-9);
    image = window.canvas()->grab().toImage();
    EXPECT_GT(markerPixels(image, at(50, 100), 9), 10);
    EXPECT_EQ(markerPixels(image, at(100, 100), 8), 0);

    // The middle of parcel 101, 50 m from its edges: no snap, no marker.
    QTest::mouseMove(window.canvas(), at(50, 50));
    EXPECT_FALSE(tool->snap().has_value());
    image = window.canvas()->grab().toImage();
    EXPECT_EQ(markerPixels(image, at(50, 50), 8), 0);
}

} // namespace
