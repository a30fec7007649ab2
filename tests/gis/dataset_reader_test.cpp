#include "gis/dataset_reader.h"
#include "gis/field_detection.h"

#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

const QString kData = QStringLiteral(GREENRENEW_TEST_DATA_DIR);

double totalArea(const std::vector<core::Parcel>& parcels)
{
    double area = 0;
    for (const core::Parcel& parcel : parcels)
        area += boost::geometry::area(parcel.geometry);
    return area;
}

long long walkableCount(const core::Project& project)
{
    return std::count_if(project.streets.begin(), project.streets.end(),
                         [](const core::Street& street) { return street.walkable; });
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
}

const gis::ImportIssue* findIssue(const gis::ImportReport& report, long long featureId,
                                  const QString& what)
{
    for (const gis::ImportIssue& issue : report.issues) {
        if (issue.featureId == featureId && issue.what == what)
            return &issue;
    }
    return nullptr;
}

/// The sample's numbers from tests/data/shanghai-bund-osm/SOURCE.md (computed with GEOS).
void expectSampleCounts(const core::Project& project)
{
    EXPECT_EQ(project.parcels.size(), 173u);
    EXPECT_EQ(project.buildings.size(), 978u);
    EXPECT_EQ(project.green.size(), 42u);
    EXPECT_EQ(project.streets.size(), 601u);
    EXPECT_EQ(walkableCount(project), 543);
    EXPECT_EQ(project.facilities.size(), 264u);
    EXPECT_NEAR(totalArea(project.parcels), 2'120'165.0, 0.5);
    EXPECT_NE(project.crsName.find("32651"), std::string::npos) << project.crsName;
    EXPECT_NE(project.attribution.find("OpenStreetMap contributors"), std::string::npos)
        << project.attribution;

    // SOURCE.md: 468 buildings carry levels, 478 a height.
    const auto withFloors = std::count_if(project.buildings.begin(), project.buildings.end(),
                                          [](const core::Building& b) { return b.floors; });
    const auto withHeight = std::count_if(project.buildings.begin(), project.buildings.end(),
                                          [](const core::Building& b) { return b.heightM; });
    EXPECT_EQ(withFloors, 468);
    EXPECT_EQ(withHeight, 478);
}

} // namespace

TEST(DatasetReader, ReadsTheSampleGeoPackage)
{
    gis::ImportReport report;
    auto project = gis::readDataset(
        kData + QStringLiteral("/shanghai-bund-osm/shanghai_bund.gpkg"), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectSampleCounts(project.value());

    const core::Parcel& first = project.value().parcels.front();
    EXPECT_EQ(first.id, 1);
    EXPECT_TRUE(first.typeReason.empty());
    EXPECT_EQ(first.attributes.at("origin"), "street_block");

    // pois feature 1: category "other", kind "monument" (ogrinfo).
    const core::Facility& monument = project.value().facilities.front();
    EXPECT_EQ(monument.category, "other");
    EXPECT_EQ(monument.tag, "monument");
    EXPECT_NEAR(monument.location.x(), 355916.840281729, 1e-6);
    EXPECT_NEAR(monument.location.y(), 3457661.13841943, 1e-6);

    ASSERT_EQ(report.layers.size(), 5u);
    EXPECT_NE(report.targetCrs.indexOf(QStringLiteral("projected in metres")), -1);
    EXPECT_NE(report.toText().indexOf(QStringLiteral("features read 173")), -1);
}

TEST(DatasetReader, ReadsTheSampleShapefileFolder)
{
    gis::ImportReport report;
    auto project = gis::readDataset(kData + QStringLiteral("/shanghai-bund-osm/shp"), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectSampleCounts(project.value());
    for (const gis::LayerImport& layer : report.layers)
        EXPECT_TRUE(layer.encoding.startsWith(QStringLiteral("UTF-8")))
            << qPrintable(layer.encoding);
}

TEST(DatasetReader, ProjectsDegreesToTheUtmZone)
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/plots.geojson");
    writeFile(path, R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": 7, "更新类型": "旧厂区", "name": "仓库"},
         "geometry": {"type": "Polygon", "coordinates": [[[121.49, 31.24], [121.492, 31.24],
             [121.492, 31.241], [121.49, 31.241], [121.49, 31.24]]]}}]})");
    gis::ImportReport report;
    auto project = gis::readDataset(path, {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    EXPECT_NE(project.value().crsName.find("EPSG:32651"), std::string::npos)
        << project.value().crsName;
    ASSERT_EQ(project.value().parcels.size(), 1u);
    const core::Parcel& parcel = project.value().parcels.front();
    EXPECT_EQ(parcel.id, 7);
    EXPECT_EQ(parcel.type, core::RenewalType::Factory);
    EXPECT_EQ(parcel.typeReason, "from field 更新类型");
    EXPECT_EQ(parcel.name, "仓库");

    // cs2cs EPSG:4326 EPSG:32651 on (31.24, 121.49): 356200.7918 3457183.3271, and on
    // (31.241, 121.492): 356392.7882 3457291.5718.
    const auto& ring = parcel.geometry.front().outer();
    const auto hasPoint = [&ring](double x, double y) {
        return std::any_of(ring.begin(), ring.end(), [x, y](const core::Point& p) {
            return std::abs(p.x() - x) < 1e-3 && std::abs(p.y() - y) < 1e-3;
        });
    };
    EXPECT_TRUE(hasPoint(356200.7918, 3457183.3271));
    EXPECT_TRUE(hasPoint(356392.7882, 3457291.5718));
}

TEST(DatasetReader, TargetCrsOptionWins)
{
    gis::ImportOptions options;
    options.targetCrs = QStringLiteral("EPSG:4547");
    gis::ImportReport report;
    auto project = gis::readDataset(
        kData + QStringLiteral("/shanghai-bund-osm/shanghai_bund.gpkg"), options, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    EXPECT_NE(project.value().crsName.find("EPSG:4547"), std::string::npos);
    // GeoPandas (to_crs("EPSG:4547").area.sum()) gives 2147557.264 m2: 7.5 degrees from the
    // central meridian the Gauss-Kruger scale error adds 1.3 %.
    EXPECT_NEAR(totalArea(project.value().parcels), 2'147'557.264, 0.01);
}

TEST(DatasetReader, RepairsTheBowTie)
{
    gis::ImportReport report;
    auto project = gis::readDataset(
        kData + QStringLiteral("/bad-inputs/geom-bowtie-self-intersection/parcels_bowtie.shp"), {},
        report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(project.value().parcels.size(), 3u);
    const core::Parcel& bowtie = project.value().parcels[1];
    EXPECT_EQ(bowtie.geometry.size(), 2u);
    EXPECT_NEAR(boost::geometry::area(bowtie.geometry), 2250.0, 1e-6);
    EXPECT_EQ(project.value().parcels[0].geometry.size(), 1u);

    const gis::ImportIssue* repaired = findIssue(report, 1, QStringLiteral("repaired"));
    ASSERT_NE(repaired, nullptr);
    const QString expected = QStringLiteral("parcels_bowtie.shp record 2 (A02-02)");
    EXPECT_NE(repaired->message.indexOf(expected), -1) << qPrintable(repaired->message);
    EXPECT_NE(repaired->message.indexOf(QStringLiteral("Self-intersection")), -1);
    EXPECT_NE(repaired->message.indexOf(QStringLiteral("1350.0 m2 -> 2250.0 m2")), -1)
        << qPrintable(repaired->message);
    EXPECT_EQ(report.layers.at(0).repaired, 1);
}

TEST(DatasetReader, SkipsNullShapesAndKeepsAttributesAligned)
{
    gis::ImportReport report;
    auto project = gis::readDataset(
        kData + QStringLiteral("/bad-inputs/null-shape-records/parcels_nullgeom.shp"), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    const auto& parcels = project.value().parcels;
    ASSERT_EQ(parcels.size(), 3u);
    const char* codes[] = {"A01-01", "A01-02", "A01-04"};
    const double areas[] = {10478.50, 7734.00, 6747.50};
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(parcels[i].attributes.at("DKBH"), codes[i]);
        EXPECT_NEAR(boost::geometry::area(parcels[i].geometry), areas[i], 1e-6);
    }
    const gis::ImportIssue* second = findIssue(report, 1, QStringLiteral("skipped"));
    const gis::ImportIssue* fourth = findIssue(report, 3, QStringLiteral("skipped"));
    ASSERT_NE(second, nullptr);
    ASSERT_NE(fourth, nullptr);
    EXPECT_NE(second->message.indexOf(QStringLiteral("record 2 (A01-05)")), -1);
    EXPECT_NE(fourth->message.indexOf(QStringLiteral("record 4 (A01-06)")), -1);
    EXPECT_EQ(report.layers.at(0).read, 5);
    EXPECT_EQ(report.layers.at(0).skipped, 2);
}

TEST(DatasetReader, MissingShxNamesTheFile)
{
    gis::ImportReport report;
    auto project = gis::readDataset(
        kData + QStringLiteral("/bad-inputs/missing-shx-real/AllNulls.shp"), {}, report);
    ASSERT_FALSE(project.ok());
    EXPECT_NE(project.error().describe().find("AllNulls.shx is missing"), std::string::npos)
        << project.error().describe();
}

TEST(DatasetReader, EmptyShapefilesGiveEmptyProjectsWithANotice)
{
    for (const char* name : {"empty_nts.shp", "empty_with_prj.shp"}) {
        gis::ImportReport report;
        auto project = gis::readDataset(
            kData + QStringLiteral("/bad-inputs/empty-shapefile-zero-records-real/")
                + QLatin1String(name),
            {}, report);
        ASSERT_TRUE(project.ok()) << project.error().describe();
        EXPECT_TRUE(project.value().parcels.empty());
        const gis::ImportIssue* notice = findIssue(report, -1, QStringLiteral("notice"));
        ASSERT_NE(notice, nullptr);
        const QString expected = QLatin1String(name) + QStringLiteral(" contains no features");
        EXPECT_NE(notice->message.indexOf(expected), -1) << qPrintable(notice->message);
    }
}

TEST(DatasetReader, MissingInputAndMissingParcelsAreErrors)
{
    gis::ImportReport report;
    auto missing = gis::readDataset(QStringLiteral("/no/such/place.gpkg"), {}, report);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().path, "/no/such/place.gpkg");

    QTemporaryDir dir;
    writeFile(dir.path() + QStringLiteral("/roads.geojson"),
              R"({"type": "FeatureCollection", "features": []})");
    writeFile(dir.path() + QStringLiteral("/pois.geojson"),
              R"({"type": "FeatureCollection", "features": []})");
    auto noParcels = gis::readDataset(dir.path(), {}, report);
    ASSERT_FALSE(noParcels.ok());
    EXPECT_NE(noParcels.error().message.find("no parcels layer"), std::string::npos);
    EXPECT_NE(noParcels.error().message.find("roads"), std::string::npos);
}

TEST(DatasetReader, LayerMappingNamesTheParcels)
{
    QTemporaryDir dir;
    writeFile(dir.path() + QStringLiteral("/zones.geojson"),
              R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"type": "historic_block"},
         "geometry": {"type": "Polygon", "coordinates": [[[121.49, 31.24], [121.491, 31.24],
             [121.491, 31.241], [121.49, 31.24]]]}}]})");
    writeFile(dir.path() + QStringLiteral("/other.geojson"),
              R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"highway": "trunk"},
         "geometry": {"type": "LineString", "coordinates": [[121.49, 31.24], [121.5, 31.24]]}},
        {"type": "Feature", "properties": {"highway": "trunk", "foot": "yes"},
         "geometry": {"type": "LineString", "coordinates": [[121.49, 31.24], [121.5, 31.24]]}},
        {"type": "Feature", "properties": {"highway": "residential"},
         "geometry": {"type": "LineString", "coordinates": [[121.49, 31.24], [121.5, 31.24]]}}
        ]})");
    gis::ImportOptions options;
    options.layerForRole[QStringLiteral("parcels")] = QStringLiteral("zones");
    options.layerForRole[QStringLiteral("streets")] = QStringLiteral("other.geojson");
    gis::ImportReport report;
    auto project = gis::readDataset(dir.path(), options, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(project.value().parcels.size(), 1u);
    EXPECT_EQ(project.value().parcels[0].type, core::RenewalType::HistoricBlock);
    EXPECT_EQ(project.value().parcels[0].typeReason, "from field type");
    ASSERT_EQ(project.value().streets.size(), 3u);
    EXPECT_FALSE(project.value().streets[0].walkable);
    EXPECT_TRUE(project.value().streets[1].walkable);
    EXPECT_TRUE(project.value().streets[2].walkable);

    options.layerForRole[QStringLiteral("green")] = QStringLiteral("parks");
    auto unknown = gis::readDataset(dir.path(), options, report);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().layer, "parks");
}

TEST(DatasetReader, PolygonFacilitiesBecomePointsInside)
{
    QTemporaryDir dir;
    writeFile(dir.path() + QStringLiteral("/地块.geojson"),
              R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {},
         "geometry": {"type": "Polygon", "coordinates": [[[121.49, 31.24], [121.491, 31.24],
             [121.491, 31.241], [121.49, 31.24]]]}}]})");
    // An L-shaped park: its centroid lies outside, a point on surface inside.
    writeFile(dir.path() + QStringLiteral("/设施.geojson"),
              R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"类别": "park", "amenity": "park"},
         "geometry": {"type": "Polygon", "coordinates": [[[121.49, 31.24], [121.492, 31.24],
             [121.492, 31.2402], [121.4902, 31.2402], [121.4902, 31.242], [121.49, 31.242],
             [121.49, 31.24]]]}}]})");
    gis::ImportReport report;
    auto project = gis::readDataset(dir.path(), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(project.value().facilities.size(), 1u);
    const core::Facility& park = project.value().facilities[0];
    EXPECT_EQ(park.category, "park");
    EXPECT_EQ(park.tag, "park");
    // The L lies within x in [356200.8, 356391] and y in [3457183.3, 3457405]; its arms are
    // about 19 m wide, so a point inside is near one of the two arms.
    const bool inBottomArm = park.location.y() < 3457183.3271 + 25.0;
    const bool inLeftArm = park.location.x() < 356200.7918 + 25.0;
    EXPECT_TRUE(inBottomArm || inLeftArm) << park.location.x() << " " << park.location.y();
}

TEST(FieldDetection, RolesFromEnglishAndChineseNames)
{
    EXPECT_EQ(gis::roleMatch(QStringLiteral("parcels"), QStringLiteral("地块")), 2);
    EXPECT_EQ(gis::roleMatch(QStringLiteral("parcels"), QStringLiteral("parcels_bowtie")), 1);
    EXPECT_EQ(gis::roleMatch(QStringLiteral("streets"), QStringLiteral("Roads")), 2);
    EXPECT_EQ(gis::roleMatch(QStringLiteral("facilities"), QStringLiteral("pois")), 2);
    EXPECT_EQ(gis::roleMatch(QStringLiteral("green"), QStringLiteral("绿地")), 2);
    EXPECT_EQ(gis::roleMatch(QStringLiteral("buildings"), QStringLiteral("study_area")), 0);
}

TEST(FieldDetection, RenewalTypesInBothLanguages)
{
    EXPECT_EQ(gis::parseRenewalType(QStringLiteral("老旧小区")), core::RenewalType::Residential);
    EXPECT_EQ(gis::parseRenewalType(QStringLiteral("旧居住区")), core::RenewalType::Residential);
    EXPECT_EQ(gis::parseRenewalType(QStringLiteral("旧商业区")), core::RenewalType::Commercial);
    EXPECT_EQ(gis::parseRenewalType(QStringLiteral("老街区")), core::RenewalType::HistoricBlock);
    EXPECT_EQ(gis::parseRenewalType(QStringLiteral(" Factory ")), core::RenewalType::Factory);
    EXPECT_FALSE(gis::parseRenewalType(QStringLiteral("street_block")).has_value());
}

TEST(FieldDetection, NumbersAndWalkability)
{
    EXPECT_EQ(gis::parseLeadingNumber(QStringLiteral("18 m")), 18.0);
    EXPECT_EQ(gis::parseLeadingNumber(QStringLiteral("12.5")), 12.5);
    EXPECT_FALSE(gis::parseLeadingNumber(QStringLiteral("tall")).has_value());
    EXPECT_FALSE(gis::walkableByOsm(QStringLiteral("motorway_link"), {}));
    EXPECT_TRUE(gis::walkableByOsm(QStringLiteral("primary"), {}));
    EXPECT_FALSE(gis::walkableByOsm(QStringLiteral("footway"), QStringLiteral("no")));
}

namespace {

/// Reads one bad-input case and returns its parcels, failing the test when the read fails.
std::vector<core::Parcel> readCase(const QString& relativePath, gis::ImportReport& report)
{
    auto project = gis::readDataset(kData + QStringLiteral("/bad-inputs/") + relativePath, {},
                                    report);
    EXPECT_TRUE(project.ok()) << project.error().describe();
    return project.ok() ? project.value().parcels : std::vector<core::Parcel>{};
}

} // namespace

TEST(DatasetReaderBadInputs, HolesWoundLikeShellsAreFoundByContainment)
{
    gis::ImportReport report;
    const auto parcels =
        readCase(QStringLiteral("geom-hole-wrong-orientation/parcels_courtyard.shp"), report);
    ASSERT_EQ(parcels.size(), 3u);
    for (const core::Parcel& parcel : parcels) {
        ASSERT_EQ(parcel.geometry.size(), 1u);
        EXPECT_EQ(parcel.geometry[0].inners().size(), 1u);
        EXPECT_NEAR(boost::geometry::area(parcel.geometry), 6800.0, 1e-6);
    }
    EXPECT_EQ(report.layers.at(0).repaired, 2);
    const gis::ImportIssue* first = findIssue(report, 0, QStringLiteral("repaired"));
    ASSERT_NE(first, nullptr);
    EXPECT_NE(first->message.indexOf(QStringLiteral("ring orientation corrected")), -1);
}

TEST(DatasetReaderBadInputs, MultipartParcelsKeepEveryPartAndUnionOverlaps)
{
    gis::ImportReport report;
    const auto parcels =
        readCase(QStringLiteral("geom-multipart-parcels/parcels_multipart.shp"), report);
    ASSERT_EQ(parcels.size(), 3u);
    EXPECT_EQ(parcels[0].geometry.size(), 2u);
    EXPECT_NEAR(boost::geometry::area(parcels[0].geometry), 8800.0, 1e-6);
    EXPECT_NEAR(boost::geometry::area(parcels[1].geometry), 7200.0, 1e-6);
    EXPECT_NEAR(boost::geometry::area(parcels[2].geometry), 5600.2, 1e-6);
    ASSERT_NE(findIssue(report, 1, QStringLiteral("repaired")), nullptr);
}

TEST(DatasetReaderBadInputs, UnclosedRingsAreClosedOrRejected)
{
    gis::ImportReport report;
    const auto parcels = readCase(QStringLiteral("geom-unclosed-rings/parcels_open.shp"), report);
    ASSERT_EQ(parcels.size(), 3u);
    EXPECT_NEAR(boost::geometry::area(parcels[1].geometry), 4800.0, 1e-6);
    EXPECT_NEAR(boost::geometry::area(parcels[2].geometry), 1750.0, 1e-6);
    const gis::ImportIssue* rejected = findIssue(report, 3, QStringLiteral("skipped"));
    ASSERT_NE(rejected, nullptr);
    EXPECT_NE(rejected->message.indexOf(QStringLiteral("record 4 (A03-04)")), -1);
    const gis::ImportIssue* closed = findIssue(report, 1, QStringLiteral("repaired"));
    ASSERT_NE(closed, nullptr);
    EXPECT_NE(closed->message.indexOf(QStringLiteral("closed unclosed rings")), -1);
}

TEST(DatasetReaderBadInputs, SpikesAreRepairedAndZeroAreaParcelsRejected)
{
    gis::ImportReport report;
    const auto parcels = readCase(
        QStringLiteral("geom-duplicate-vertices-spike-zero-area/parcels_degenerate.shp"), report);
    ASSERT_EQ(parcels.size(), 2u);
    EXPECT_NEAR(boost::geometry::area(parcels[0].geometry), 5400.0, 1e-6);
    EXPECT_NEAR(boost::geometry::area(parcels[1].geometry), 5400.0, 1e-6);
    EXPECT_NE(findIssue(report, 1, QStringLiteral("repaired")), nullptr);
    EXPECT_NE(findIssue(report, 2, QStringLiteral("skipped")), nullptr);
    EXPECT_NE(findIssue(report, 3, QStringLiteral("skipped")), nullptr);
}

TEST(DatasetReaderBadInputs, TruncatedLastRecordIsReported)
{
    gis::ImportReport report;
    const auto parcels =
        readCase(QStringLiteral("shp-truncated-last-record/parcels_truncated.shp"), report);
    ASSERT_EQ(parcels.size(), 3u);
    const double areas[] = {10478.50, 7734.00, 9231.50};
    for (int i = 0; i < 3; ++i)
        EXPECT_NEAR(boost::geometry::area(parcels[i].geometry), areas[i], 1e-6);
    const gis::ImportIssue* truncated = findIssue(report, 3, QStringLiteral("skipped"));
    ASSERT_NE(truncated, nullptr);
    EXPECT_NE(truncated->message.indexOf(QStringLiteral("could not be read")), -1)
        << qPrintable(truncated->message);
}

TEST(DatasetReaderBadInputs, CurvesAreLinearisedAndZmDropped)
{
    gis::ImportReport report;
    auto curve = readCase(QStringLiteral("gpkg-curved-geometries-real/curvepolygon.gpkg"), report);
    ASSERT_EQ(curve.size(), 1u);
    EXPECT_GT(boost::geometry::area(curve[0].geometry), 0.0);
    auto surface =
        readCase(QStringLiteral("gpkg-curved-geometries-real/multisurface.gpkg"), report);
    ASSERT_EQ(surface.size(), 1u);
    EXPECT_EQ(surface[0].geometry.size(), 1u);
    EXPECT_GT(boost::geometry::area(surface[0].geometry), 0.0);

    // Web Mercator source: measured in the UTM zone instead.
    gis::ImportReport zmReport;
    auto project = gis::readDataset(
        kData + QStringLiteral("/bad-inputs/zm-polygonzm-arcmap-real/polygon_zm.shp"), {},
        zmReport);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    EXPECT_NE(project.value().crsName.find("EPSG:32631"), std::string::npos);
    ASSERT_EQ(project.value().parcels.size(), 2u);
    for (const core::Parcel& parcel : project.value().parcels) {
        const double area = boost::geometry::area(parcel.geometry);
        EXPECT_TRUE(std::isfinite(area) && area > 0.0) << area;
    }
}
