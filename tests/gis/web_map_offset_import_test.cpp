// Facility points taken from a Chinese web map, imported with the offset the user names. The
// point is eviltransform's published Shanghai pair (core/web_map_offset_test.cpp): GCJ-02
// (121.531541859215, 31.17530398364597) is WGS 84 (121.5272106, 31.1774276). cs2cs
// EPSG:4326 EPSG:32651 puts the WGS 84 point at 359652.3709 3450199.5863 and the GCJ-02
// point, taken as it is, at 360062.0314 3449958.7075: 475 m off.

#include "core/model.h"
#include "gis/dataset_reader.h"

#include "tests/support/write_text.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include <cmath>

namespace greenrenew {
namespace {

using greenrenew::test_support::writeText;

class WebMapOffsetImport : public ::testing::Test {
protected:
    void SetUp() override
    {
        writeText(dir.filePath(QStringLiteral("parcels.geojson")),
                  R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": 1},
             "geometry": {"type": "Polygon", "coordinates": [[[121.52, 31.176],
                 [121.53, 31.176], [121.53, 31.178], [121.52, 31.178], [121.52, 31.176]]]}}]})");
        writeText(dir.filePath(QStringLiteral("facilities.geojson")),
                  R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "菜市场", "amenity": "marketplace"},
             "geometry": {"type": "Point",
                          "coordinates": [121.531541859215, 31.17530398364597]}}]})");
    }

    core::Point importedFacility(core::WebMapOffset offset, gis::ImportReport& report)
    {
        gis::ImportOptions options;
        options.targetCrs = QStringLiteral("EPSG:32651");
        options.facilityOffset = offset;
        auto project = gis::readDataset(dir.path(), options, report);
        EXPECT_TRUE(project.ok()) << project.error().describe();
        if (!project.ok() || project.value().facilities.size() != 1)
            return {};
        return project.value().facilities.front().location;
    }

    QTemporaryDir dir;
};

TEST_F(WebMapOffsetImport, Gcj02PointLandsOnItsWgs84Position)
{
    gis::ImportReport report;
    const core::Point point = importedFacility(core::WebMapOffset::Gcj02, report);
    EXPECT_NEAR(point.x(), 359652.3709, 0.01);
    EXPECT_NEAR(point.y(), 3450199.5863, 0.01);
    bool stated = false;
    for (const gis::LayerImport& layer : report.layers)
        if (layer.role == QStringLiteral("facilities"))
            stated = layer.crsReason.contains(
                QStringLiteral("GCJ-02 offset of Chinese web maps removed (set by the user) "
                               "from 1 points, largest residual of the inversion"));
    EXPECT_TRUE(stated) << "the import report does not say the offset was removed";
}

TEST_F(WebMapOffsetImport, WithoutTheOptionThePointStaysWhereTheWebMapPutIt)
{
    gis::ImportReport report;
    const core::Point point = importedFacility(core::WebMapOffset::None, report);
    EXPECT_NEAR(point.x(), 360062.0314, 0.01);
    EXPECT_NEAR(point.y(), 3449958.7075, 0.01);
}

TEST_F(WebMapOffsetImport, ProjectedFacilitiesAreRefusedNamingTheLayer)
{
    writeText(dir.filePath(QStringLiteral("facilities.geojson")),
              R"({"type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32651"}},
        "features": [{"type": "Feature", "properties": {"amenity": "marketplace"},
         "geometry": {"type": "Point", "coordinates": [359652.37, 3450199.59]}}]})");
    gis::ImportOptions options;
    options.facilityOffset = core::WebMapOffset::Bd09;
    gis::ImportReport report;
    auto project = gis::readDataset(dir.path(), options, report);
    ASSERT_FALSE(project.ok());
    EXPECT_NE(project.error().message.find("BD-09 offsets apply to longitude and latitude"),
              std::string::npos)
        << project.error().describe();
    EXPECT_NE(project.error().describe().find("facilities"), std::string::npos)
        << project.error().describe();
}

} // namespace
} // namespace greenrenew
