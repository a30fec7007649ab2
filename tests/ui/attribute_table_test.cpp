#include "ui/attribute_table.h"
#include "ui/layers_widget.h"
#include "ui/legend_widget.h"
#include "ui/main_window.h"
#include "ui/map_canvas.h"

#include "test_project.h"
#include "ui/render/map_renderer.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

using greenrenew::ui::AttributeTable;
using greenrenew::ui::AttributeTableModel;
using greenrenew::ui::MainWindow;
using greenrenew::ui::MapCanvas;
namespace core = greenrenew::core;

namespace {

// Four 100 m squares in a row, densities 0.45, 0.10, 0.30, 0.25 for ids 101..104: ascending
// density is 102, 104, 103, 101 by hand.
greenrenew::ui::test::TestData makeFourParcels()
{
    auto project = std::make_shared<core::Project>();
    auto analysis = std::make_shared<core::Analysis>();
    const double densities[] = {0.45, 0.10, 0.30, 0.25};
    for (int i = 0; i < 4; ++i) {
        core::Parcel parcel;
        parcel.id = 101 + i;
        parcel.name = i == 2 ? "外滩 源" : "地块 " + std::to_string(i + 1);
        parcel.geometry = greenrenew::ui::test::square(100.0 * i, 0, 100);
        project->parcels.push_back(parcel);
        core::ParcelResult result;
        result.parcelId = parcel.id;
        result.form.areaM2 = 10000;
        result.form.buildingDensity = densities[i];
        result.carbon.leading = core::Category::Transport;
        analysis->parcels.push_back(result);
    }
    return {project, analysis};
}

std::vector<long long> idsInViewOrder(const AttributeTable& table)
{
    std::vector<long long> ids;
    for (int row = 0; row < table.visibleRows(); ++row)
        ids.push_back(101 + table.parcelAtRow(row));
    return ids;
}

class DesktopTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_window.resize(1400, 900);
        m_window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_window));
        const auto data = makeFourParcels();
        m_window.setProject(data.project, data.analysis);
    }
    QPoint screenOf(double x, double y) const
    {
        return m_window.canvas()->transform().toScreen(QPointF(x, y)).toPoint();
    }
    QColor pixelAt(double x, double y) const
    {
        const QImage image = m_window.canvas()->grab().toImage();
        return image.pixelColor(screenOf(x, y));
    }

    MainWindow m_window;
};

} // namespace

TEST(AttributeTableTest, SortsByDensityNumerically)
{
    AttributeTable table;
    const auto data = makeFourParcels();
    table.setData(data.project, data.analysis);
    table.view()->sortByColumn(AttributeTableModel::Density, Qt::AscendingOrder);
    EXPECT_EQ(idsInViewOrder(table), (std::vector<long long>{102, 104, 103, 101}));
    table.view()->sortByColumn(AttributeTableModel::Density, Qt::DescendingOrder);
    EXPECT_EQ(idsInViewOrder(table), (std::vector<long long>{101, 103, 104, 102}));
    // Shown as a percentage, sorted as a number.
    EXPECT_EQ(table.model()->index(1, AttributeTableModel::Density).data().toString(),
              QStringLiteral("10.0 %"));
}

TEST(AttributeTableTest, FilterKeepsMatchingRows)
{
    AttributeTable table;
    const auto data = makeFourParcels();
    table.setData(data.project, data.analysis);
    table.filterBox()->setText(QStringLiteral("外滩"));
    ASSERT_EQ(table.visibleRows(), 1);
    EXPECT_EQ(table.parcelAtRow(0), 2);
    table.filterBox()->clear();
    EXPECT_EQ(table.visibleRows(), 4);
}

TEST_F(DesktopTest, SelectingRowSelectsParcelOnMap)
{
    AttributeTable* table = m_window.attributeTable();
    table->view()->sortByColumn(AttributeTableModel::Density, Qt::AscendingOrder);
    // Row 0 after sorting is the least dense parcel, id 102, index 1.
    const QRect cell = table->view()->visualRect(table->view()->model()->index(0, 0));
    QTest::mouseClick(table->view()->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
    EXPECT_EQ(m_window.canvas()->selectedParcel(), 1);
    EXPECT_EQ(m_window.canvas()->selectedParcels(), (QList<int>{1}));
}

TEST_F(DesktopTest, ClickOnMapSelectsRowInTable)
{
    QTest::mouseClick(m_window.canvas(), Qt::LeftButton, Qt::NoModifier, screenOf(350, 50));
    EXPECT_EQ(m_window.attributeTable()->selectedParcels(), (QList<int>{3}));
    // Ctrl-click adds the first parcel.
    QTest::mouseClick(m_window.canvas(), Qt::LeftButton, Qt::ControlModifier, screenOf(50, 50));
    EXPECT_EQ(m_window.attributeTable()->selectedParcels(), (QList<int>{0, 3}));
}

TEST_F(DesktopTest, CtrlDragBoxSelectsTouchedParcels)
{
    // From inside parcel 1 (x 100..200) to inside parcel 2 (x 200..300).
    const QPoint from = screenOf(150, 80);
    const QPoint to = screenOf(250, 20);
    QTest::mousePress(m_window.canvas(), Qt::LeftButton, Qt::ControlModifier, from);
    QTest::mouseMove(m_window.canvas(), from + QPoint(10, 5));
    QTest::mouseMove(m_window.canvas(), to);
    QTest::mouseRelease(m_window.canvas(), Qt::LeftButton, Qt::ControlModifier, to);
    EXPECT_EQ(m_window.canvas()->selectedParcels(), (QList<int>{1, 2}));
    EXPECT_EQ(m_window.attributeTable()->selectedParcels(), (QList<int>{1, 2}));
}

TEST_F(DesktopTest, ShiftDragBoxZoomsToTheBox)
{
    MapCanvas* canvas = m_window.canvas();
    const QPoint from = screenOf(100, 100);
    const QPoint to = screenOf(200, 0);
    const QRectF box(canvas->transform().toMap(from), canvas->transform().toMap(to));
    QTest::mousePress(canvas, Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(canvas, from + QPoint(10, 10));
    QTest::mouseMove(canvas, to);
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ShiftModifier, to);
    const QRectF normal = box.normalized();
    // The box fills the limiting axis: metres per pixel is the larger of the two ratios.
    const double expected = std::max(normal.width() / canvas->width(),
                                     normal.height() / canvas->height());
    EXPECT_NEAR(canvas->transform().metresPerPixel(), expected, 1e-9);
    EXPECT_NEAR(canvas->transform().center().x(), normal.center().x(), 1e-9);
}

TEST_F(DesktopTest, ThemeChoiceRecoloursParcelCentre)
{
    // Leading category: transport's colour at the centre of parcel 0.
    EXPECT_EQ(pixelAt(50, 50), greenrenew::render::categoryColor(core::Category::Transport));

    greenrenew::ui::LegendWidget* legend = m_window.legend();
    const greenrenew::render::MapTheme density{greenrenew::render::ThemeKind::Metric, {},
                                               greenrenew::render::ThemeMetric::BuildingDensity};
    legend->themeCombo()->setCurrentIndex(legend->comboIndexOf(density));
    EXPECT_EQ(m_window.canvas()->theme(), density);
    // Density 0.45 lies in 40-50 %, the fourth of five YlOrRd classes: #f03b20.
    EXPECT_EQ(pixelAt(50, 50), QColor(0xf0, 0x3b, 0x20));
    // 0.10 is below 20 %: the first class, #ffffb2.
    EXPECT_EQ(pixelAt(150, 50), QColor(0xff, 0xff, 0xb2));
    EXPECT_EQ(legend->entryLabels().first(), QStringLiteral("< 20 %"));
}

TEST_F(DesktopTest, LayerToggleHidesBuildings)
{
    auto project = std::make_shared<core::Project>(*m_window.canvas()->project());
    core::Building building;
    building.id = 1;
    building.footprint = greenrenew::ui::test::square(20, 20, 60);
    project->buildings.push_back(building);
    m_window.setProject(project,
                        std::make_shared<core::Analysis>(*m_window.canvas()->analysis()));
    const QColor parcel = greenrenew::render::categoryColor(core::Category::Transport);
    EXPECT_NE(pixelAt(50, 50), parcel);  // the building's grey over the parcel
    m_window.layers()->setLayerChecked(MapCanvas::Layer::Buildings, false);
    EXPECT_FALSE(m_window.canvas()->layerVisible(MapCanvas::Layer::Buildings));
    EXPECT_EQ(pixelAt(50, 50), parcel);
}

TEST_F(DesktopTest, PanningShiftsThePixmapWithoutRedrawing)
{
    MapCanvas* canvas = m_window.canvas();
    canvas->grab();
    const int draws = canvas->fullDrawCount();
    const QPoint start = screenOf(200, 50);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, start);
    QTest::mouseMove(canvas, start + QPoint(30, 0));
    canvas->grab();
    QTest::mouseMove(canvas, start + QPoint(60, 0));
    canvas->grab();
    EXPECT_EQ(canvas->fullDrawCount(), draws);
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, start + QPoint(60, 0));
    // Once the view rests the map is drawn anew, once.
    QTest::qWait(MapCanvas::kRedrawDelayMs + 100);
    canvas->grab();
    EXPECT_EQ(canvas->fullDrawCount(), draws + 1);
}
