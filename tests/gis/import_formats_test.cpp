// The file kinds designers are handed beside shapefiles and GeoPackages. The fixtures in
// tests/data/import-formats/ are the four zone-36 parcels of the bad-input corpus written by
// ogr2ogr (FlatGeobuf, KML in WGS 84, CSV with a WKT column, a zipped shapefile, a file
// geodatabase).

#include "gis/dataset_reader.h"

#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include <QFile>
#include <QTemporaryDir>

#include <map>
#include <string>

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

const QString kFormats = QStringLiteral(GREENRENEW_TEST_DATA_DIR "/import-formats/");

/// CASE.md of crs-cgcs2000-gk-zone36-prefixed: the areas in EPSG:4524.
void expectZone36Areas(const core::Project& project)
{
    ASSERT_EQ(project.parcels.size(), 4u);
    // FlatGeobuf's spatial index reorders features: match them by parcel code.
    const std::map<std::string, double> areas = {
        {"A01-01", 10478.50}, {"A01-02", 7734.00}, {"A01-03", 9231.50}, {"A01-04", 6747.50}};
    for (const core::Parcel& parcel : project.parcels)
        EXPECT_NEAR(boost::geometry::area(parcel.geometry), areas.at(parcel.attributes.at("DKBH")),
                    0.005);
    EXPECT_NE(project.crsName.find("EPSG:4524"), std::string::npos) << project.crsName;
}

bool hasIssue(const gis::ImportReport& report, const QString& what, const QString& text)
{
    for (const gis::ImportIssue& issue : report.issues) {
        if (issue.what == what && issue.message.contains(text))
            return true;
    }
    return false;
}

} // namespace

TEST(ImportFormats, ZippedShapefileIsReadWithoutUnpacking)
{
    gis::ImportReport report;
    auto project = gis::readDataset(kFormats + QStringLiteral("parcels_shp.zip"), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectZone36Areas(project.value());
    EXPECT_EQ(project.value().parcels[0].attributes.at("YDXZ"), "二类居住用地");
    EXPECT_TRUE(report.layers.at(0).sourcePath.startsWith(QStringLiteral("/vsizip/")));
    EXPECT_TRUE(report.layers.at(0).encoding.startsWith(QStringLiteral("UTF-8")));
}

TEST(ImportFormats, FlatGeobufKeepsItsCrs)
{
    gis::ImportReport report;
    auto project = gis::readDataset(kFormats + QStringLiteral("parcels.fgb"), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectZone36Areas(project.value());
}

TEST(ImportFormats, CsvWithWktColumnAndNoCrsIsGuessedFromTheZonePrefix)
{
    gis::ImportReport report;
    auto project = gis::readDataset(kFormats + QStringLiteral("parcels_wkt.csv"), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectZone36Areas(project.value());
    EXPECT_EQ(project.value().parcels[0].attributes.count("WKT"), 0u);
    EXPECT_TRUE(hasIssue(report, QStringLiteral("warning"), QStringLiteral("start with 36")));
}

TEST(ImportFormats, KmlInDegreesIsMeasuredInUtm)
{
    gis::ImportReport report;
    auto project = gis::readDataset(kFormats + QStringLiteral("parcels.kml"), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(project.value().parcels.size(), 4u);
    EXPECT_NE(project.value().crsName.find("EPSG:32648"), std::string::npos);
    // GeoPandas: read the KML (as GeoJSON), to_crs(32648).area.
    const double areas[] = {10478.126, 7733.735, 9231.170, 6747.269};
    for (int i = 0; i < 4; ++i)
        EXPECT_NEAR(boost::geometry::area(project.value().parcels[i].geometry), areas[i], 0.01);
}

TEST(ImportFormats, CsvWithLongitudeLatitudeColumnsGivesFacilities)
{
    QTemporaryDir dir;
    ASSERT_TRUE(QFile::copy(kFormats + QStringLiteral("parcels.fgb"),
                            dir.path() + QStringLiteral("/parcels.fgb")));
    ASSERT_TRUE(QFile::copy(kFormats + QStringLiteral("pois_lonlat.csv"),
                            dir.path() + QStringLiteral("/pois.csv")));
    gis::ImportReport report;
    auto project = gis::readDataset(dir.path(), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(project.value().facilities.size(), 2u);
    const core::Facility& school = project.value().facilities[0];
    EXPECT_EQ(school.name, "School");
    // pyproj EPSG:4326 -> EPSG:4524 (always_xy) of (107.0502, 29.6205).
    EXPECT_NEAR(school.location.x(), 36408008.4851, 1e-3);
    EXPECT_NEAR(school.location.y(), 3278422.9853, 1e-3);
    EXPECT_TRUE(hasIssue(report, QStringLiteral("warning"),
                         QStringLiteral("coordinates lie in degree ranges")));
}

TEST(ImportFormats, ZipWithoutDataSaysSo)
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/notes.zip");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    // An empty zip archive: just the end-of-central-directory record.
    file.write(QByteArray("PK\x05\x06", 4) + QByteArray(18, '\0'));
    file.close();
    gis::ImportReport report;
    auto project = gis::readDataset(path, {}, report);
    ASSERT_FALSE(project.ok());
    EXPECT_NE(project.error().message.find("holds no data file"), std::string::npos)
        << project.error().describe();
}

// An Esri file geodatabase is a folder: it used to be scanned as a folder of files and found
// no layer. parcels.gdb was written by GDAL 3.6's OpenFileGDB driver from parcels.fgb
// (ogr2ogr -f OpenFileGDB parcels.gdb parcels.fgb -nln parcels).
TEST(ImportFormats, FileGeodatabaseFolderIsOneDataSet)
{
    gis::ImportReport report;
    auto project = gis::readDataset(kFormats + QStringLiteral("parcels.gdb"), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectZone36Areas(project.value());
}
