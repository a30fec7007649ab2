// File > Open with Layer Mapping…: a folder whose layer names say nothing (zones, pois) cannot
// be opened by detection ("no parcels layer"); in the dialog the designer makes zones the
// parcels and pois the facilities (taken from Amap, so GCJ-02), the choice is remembered for
// that folder, and opening it again, from anywhere, reads it that way.

#include "ui/layer_mapping_dialog.h"
#include "ui/main_window.h"
#include "ui/map_canvas.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

namespace greenrenew::ui {
namespace {

void writeText(const QString& path, const char* text)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
}

class LayerMappingTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        writeText(dir.filePath(QStringLiteral("zones.geojson")),
                  R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": 1},
             "geometry": {"type": "Polygon", "coordinates": [[[121.52, 31.176],
                 [121.53, 31.176], [121.53, 31.178], [121.52, 31.178], [121.52, 31.176]]]}}]})");
        writeText(dir.filePath(QStringLiteral("pois.geojson")),
                  R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"amenity": "marketplace"},
             "geometry": {"type": "Point",
                          "coordinates": [121.531541859215, 31.17530398364597]}}]})");
    }

    QTemporaryDir dir;
};

TEST_F(LayerMappingTest, DialogListsTheLayersAndSaysWhatIsMissing)
{
    LayerMappingDialog dialog(dir.path(), {});
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("layers"));
    auto* open = dialog.findChild<QPushButton*>(QStringLiteral("openButton"));
    ASSERT_TRUE(table && open);
    ASSERT_EQ(table->rowCount(), 2) << dialog.problem().toStdString();
    EXPECT_FALSE(open->isEnabled());
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("Choose a parcels layer")))
        << dialog.problem().toStdString();

    dialog.setRole(QStringLiteral("zones"), QStringLiteral("parcels"));
    dialog.setRole(QStringLiteral("pois"), QStringLiteral("parcels"));
    EXPECT_FALSE(open->isEnabled());
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("one layer per role")))
        << dialog.problem().toStdString();

    dialog.setRole(QStringLiteral("pois"), QStringLiteral("facilities"));
    auto* offset = dialog.findChild<QComboBox*>(QStringLiteral("facilityOffset"));
    offset->setCurrentIndex(offset->findData(QStringLiteral("GCJ-02")));
    EXPECT_TRUE(open->isEnabled()) << dialog.problem().toStdString();
    const gis::ImportOptions options = dialog.options();
    EXPECT_EQ(options.layerForRole.value(QStringLiteral("parcels")), QStringLiteral("zones"));
    EXPECT_EQ(options.layerForRole.value(QStringLiteral("facilities")), QStringLiteral("pois"));
    EXPECT_EQ(options.facilityOffset, core::WebMapOffset::Gcj02);
}

TEST_F(LayerMappingTest, RememberedMappingOpensTheFolderThatDetectionCannot)
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    rememberImportOptions(dir.path(), {});
    ASSERT_TRUE(window.openDataset(dir.path()));
    ASSERT_TRUE(loaded.wait(60000));
    EXPECT_FALSE(loaded.at(0).at(0).toBool());
    EXPECT_TRUE(window.messageText().contains(QStringLiteral("no parcels layer")))
        << window.messageText().toStdString();

    gis::ImportOptions options;
    options.layerForRole[QStringLiteral("parcels")] = QStringLiteral("zones");
    options.layerForRole[QStringLiteral("facilities")] = QStringLiteral("pois");
    options.facilityOffset = core::WebMapOffset::Gcj02;
    rememberImportOptions(dir.path(), options);
    const gis::ImportOptions remembered = rememberedImportOptions(dir.path());
    EXPECT_EQ(remembered.layerForRole, options.layerForRole);
    EXPECT_EQ(remembered.facilityOffset, core::WebMapOffset::Gcj02);

    ASSERT_TRUE(window.openDataset(dir.path()));
    ASSERT_TRUE(loaded.wait(60000));
    ASSERT_TRUE(loaded.at(1).at(0).toBool()) << window.messageText().toStdString();
    ASSERT_EQ(window.canvas()->project()->parcels.size(), 1u);
    ASSERT_EQ(window.canvas()->project()->facilities.size(), 1u);
    // The market's WGS 84 position in UTM 51N (cs2cs; tests/gis/web_map_offset_import_test).
    EXPECT_NEAR(window.canvas()->project()->facilities.front().location.x(), 359652.3709, 0.01);
    rememberImportOptions(dir.path(), {});
}

} // namespace
} // namespace greenrenew::ui
