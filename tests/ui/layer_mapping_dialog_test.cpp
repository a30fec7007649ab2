// File > Open with Layer Mapping…: a folder whose layer names say nothing (zones, pois) cannot
// be opened by detection ("no parcels layer"); in the dialog the designer makes zones the
// parcels and pois the facilities (taken from Amap, so GCJ-02), the choice is remembered for
// that folder, and opening it again, from anywhere, reads it that way.

#include "ui/layer_mapping_dialog.h"
#include "ui/main_window.h"
#include "ui/map_canvas.h"

#include "tests/support/write_text.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

namespace greenrenew::ui {
namespace {

using test_support::writeText;

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

// A buildings layer recording its storeys in LYR_CS (a survey institute's name for 层数): the
// fields table offers the layer's fields for Floors, says what detection found, and the choice
// is returned, remembered and read on the next open.
TEST_F(LayerMappingTest, FieldsTableMapsAFieldDetectionDoesNotKnow)
{
    writeText(dir.filePath(QStringLiteral("blds.geojson")),
              R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"LYR_CS": 6, "name": "Block A"},
         "geometry": {"type": "Polygon", "coordinates": [[[121.521, 31.1765],
             [121.522, 31.1765], [121.522, 31.1770], [121.521, 31.1770],
             [121.521, 31.1765]]]}}]})");
    LayerMappingDialog dialog(dir.path(), {});
    dialog.setRole(QStringLiteral("zones"), QStringLiteral("parcels"));
    dialog.setRole(QStringLiteral("blds"), QStringLiteral("buildings"));
    dialog.setRole(QStringLiteral("pois"), QString());  // its name suggested facilities
    auto* fields = dialog.findChild<QTableWidget*>(QStringLiteral("fields"));
    ASSERT_NE(fields, nullptr);
    // Parcels: parcel id, parcel code, name, renewal type; buildings: floors, height, use, name.
    ASSERT_EQ(fields->rowCount(), 8);
    QComboBox* floors = nullptr;
    QComboBox* name = nullptr;
    for (int row = 0; row < fields->rowCount(); ++row) {
        const QString key = fields->item(row, 1)->data(Qt::UserRole).toString();
        const QString role = fields->item(row, 0)->data(Qt::UserRole).toString();
        auto* combo = qobject_cast<QComboBox*>(fields->cellWidget(row, 2));
        if (role == QLatin1String("buildings") && key == QLatin1String("floors"))
            floors = combo;
        if (role == QLatin1String("buildings") && key == QLatin1String("name"))
            name = combo;
    }
    ASSERT_TRUE(floors && name);
    EXPECT_TRUE(floors->currentText().startsWith(QStringLiteral("Not found")));
    EXPECT_EQ(name->currentText(), QStringLiteral("Detected: name"));
    EXPECT_EQ(floors->count(), 3);  // detection's entry, LYR_CS, name

    dialog.setField(QStringLiteral("buildings"), QStringLiteral("floors"),
                    QStringLiteral("LYR_CS"));
    // Changing another layer's role rebuilds the table and keeps the choice.
    dialog.setRole(QStringLiteral("pois"), QStringLiteral("facilities"));
    const gis::ImportOptions options = dialog.options();
    EXPECT_EQ(options.fieldsForRole.value(QStringLiteral("buildings")),
              (QMap<QString, QString>{{QStringLiteral("floors"), QStringLiteral("LYR_CS")}}));

    rememberImportOptions(dir.path(), options);
    EXPECT_EQ(rememberedImportOptions(dir.path()).fieldsForRole, options.fieldsForRole);
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    ASSERT_TRUE(window.openDataset(dir.path()));
    ASSERT_TRUE(loaded.wait(60000));
    ASSERT_TRUE(loaded.at(0).at(0).toBool()) << window.messageText().toStdString();
    ASSERT_EQ(window.canvas()->project()->buildings.size(), 1u);
    EXPECT_EQ(window.canvas()->project()->buildings.front().floors, 6.0);
    rememberImportOptions(dir.path(), {});
}

} // namespace
} // namespace greenrenew::ui
