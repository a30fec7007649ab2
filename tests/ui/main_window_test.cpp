#include "ui/main_window.h"

#include "test_project.h"
#include "ui/map_canvas.h"
#include "ui/parcel_inspector.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

using greenrenew::ui::MainWindow;

namespace {

QPoint screenOf(const MainWindow& window, double x, double y)
{
    return window.canvas()->transform().toScreen(QPointF(x, y)).toPoint();
}

} // namespace

TEST(MainWindowTest, ClickOnParcelShowsItsAreaInInspector)
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    const auto data = greenrenew::ui::test::makeThreeParcels();
    window.setProject(data.project, data.analysis);

    QTest::mouseClick(window.canvas(), Qt::LeftButton, Qt::NoModifier,
                      screenOf(window, 150, 50));
    EXPECT_EQ(window.canvas()->selectedParcel(), 1);
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("area_m2")),
              QStringLiteral("12,345 m²"));
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("parcel_id")), QStringLiteral("102"));
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("building_density")),
              QStringLiteral("25.0 %"));
    EXPECT_TRUE(window.inspector()->valueText(QStringLiteral("renewal_type"))
                    .startsWith(QStringLiteral("旧商业区")));

    QTest::mouseClick(window.canvas(), Qt::LeftButton, Qt::NoModifier,
                      screenOf(window, 20, 20));
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("area_m2")),
              QStringLiteral("10,000 m²"));
}

TEST(MainWindowTest, UnreadableFileShowsMessageNamingIt)
{
    MainWindow window;
    window.show();
    QSignalSpy spy(&window, &MainWindow::loadFinished);
    const QString path = QStringLiteral(GREENRENEW_TEST_DATA_DIR "/no-such-dataset.gpkg");
    ASSERT_TRUE(window.openDataset(path));
    ASSERT_TRUE(spy.wait(30000));
    EXPECT_FALSE(spy.at(0).at(0).toBool());
    EXPECT_TRUE(window.messageText().contains(QStringLiteral("no-such-dataset.gpkg")))
        << window.messageText().toStdString();
    EXPECT_EQ(window.canvas()->project(), nullptr);
}

TEST(MainWindowTest, OpensBundledSampleInTheBackground)
{
    MainWindow window;
    window.show();
    QSignalSpy spy(&window, &MainWindow::loadFinished);
    const QString path =
        QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg");
    ASSERT_TRUE(window.openDataset(path));
    // A second load while one runs is refused, not queued.
    EXPECT_FALSE(window.openDataset(path));
    ASSERT_TRUE(spy.wait(120000));
    ASSERT_TRUE(spy.at(0).at(0).toBool()) << window.messageText().toStdString();
    ASSERT_NE(window.canvas()->project(), nullptr);
    EXPECT_GT(window.canvas()->project()->parcels.size(), 0u);
    EXPECT_TRUE(window.messageText().isEmpty());
}
