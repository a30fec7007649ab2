// One test per case of tests/data/bad-inputs/ not already covered in dataset_reader_test.cpp;
// the numbers are those each case's CASE.md gives (GEOS / GeoPandas / cs2cs where stated).

#include "gis/dataset_reader.h"

#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

const QString kCases = QStringLiteral(GREENRENEW_TEST_DATA_DIR "/bad-inputs/");

double area(const core::Parcel& parcel)
{
    return boost::geometry::area(parcel.geometry);
}

std::string attribute(const core::Parcel& parcel, const std::string& name)
{
    const auto it = parcel.attributes.find(name);
    return it == parcel.attributes.end() ? std::string("<null>") : it->second;
}

/// The issues of a kind, optionally only those whose message contains TEXT.
std::vector<gis::ImportIssue> issues(const gis::ImportReport& report, const QString& what,
                                     const QString& text = {})
{
    std::vector<gis::ImportIssue> found;
    for (const gis::ImportIssue& issue : report.issues) {
        if (issue.what == what && (text.isEmpty() || issue.message.contains(text)))
            found.push_back(issue);
    }
    return found;
}

core::Result<core::Project> readCase(const QString& path, gis::ImportReport& report,
                                     const gis::ImportOptions& options = {})
{
    return gis::readDataset(kCases + path, options, report);
}

/// The four zone-36 parcels every GK case shares (CASE.md: A01-01 .. A01-04).
void expectTheFourBlocks(const std::vector<core::Parcel>& parcels)
{
    ASSERT_EQ(parcels.size(), 4u);
    const double areas[] = {10478.50, 7734.00, 9231.50, 6747.50};
    for (int i = 0; i < 4; ++i)
        EXPECT_NEAR(area(parcels[i]), areas[i], 0.005) << i;
}

} // namespace

TEST(BadInputs, CadMillimetresNeedAUnitScaleAndHugeOffsetsWarnAboutPrecision)
{
    gis::ImportReport report;
    auto refused = readCase(QStringLiteral("coords-huge-values-precision/parcels_mm.shp"), report);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("millimetres"), std::string::npos)
        << refused.error().describe();
    EXPECT_NE(refused.error().path.find("parcels_mm.shp"), std::string::npos);

    gis::ImportOptions options;
    options.sourceCrs = QStringLiteral("EPSG:4524");
    options.coordinateScale = 0.001;
    gis::ImportReport scaledReport;
    auto project =
        readCase(QStringLiteral("coords-huge-values-precision/parcels_mm.shp"), scaledReport,
                 options);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(project.value().parcels.size(), 2u);
    EXPECT_NEAR(area(project.value().parcels[0]), 1200.03, 0.01);
    const auto precision = issues(scaledReport, QStringLiteral("warning"),
                                  QStringLiteral("precision there is below 1 m"));
    ASSERT_EQ(precision.size(), 1u);
    EXPECT_EQ(precision[0].featureId, 1);
    EXPECT_TRUE(precision[0].message.contains(QStringLiteral("record 2 (A09-02)")));
}

TEST(BadInputs, Beijing1954SixDegreeZoneEighteenIsMeasuredInItself)
{
    gis::ImportReport report;
    auto project = readCase(QStringLiteral("crs-beijing1954-gk-zone18/parcels_bj54.shp"), report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectTheFourBlocks(project.value().parcels);
    EXPECT_NE(project.value().crsName.find("EPSG:21418"), std::string::npos);
    EXPECT_NE(project.value().crsName.find("Beijing 1954"), std::string::npos);
}

TEST(BadInputs, ZonePrefixedCgcs2000IsKeptAndReprojectsToTheRightPlace)
{
    gis::ImportReport report;
    const QString path = QStringLiteral("crs-cgcs2000-gk-zone36-prefixed/parcels_cgcs2000_z36.shp");
    auto project = readCase(path, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectTheFourBlocks(project.value().parcels);
    EXPECT_NE(project.value().crsName.find("EPSG:4524"), std::string::npos);

    // cs2cs EPSG:4524 -> EPSG:4490 puts the first vertex at 29.62 N 107.05 E, and -> EPSG:32648
    // at 698488.5005 3278434.9708: the 36 prefix was kept, not stripped.
    gis::ImportOptions options;
    options.targetCrs = QStringLiteral("EPSG:32648");
    gis::ImportReport utmReport;
    auto utm = readCase(path, utmReport, options);
    ASSERT_TRUE(utm.ok()) << utm.error().describe();
    const auto& ring = utm.value().parcels.at(0).geometry.at(0).outer();
    const bool found = std::any_of(ring.begin(), ring.end(), [](const core::Point& p) {
        return std::abs(p.x() - 698488.5005) < 1e-3 && std::abs(p.y() - 3278434.9708) < 1e-3;
    });
    EXPECT_TRUE(found);
}

TEST(BadInputs, GeographicPrjOverGaussKrugerMetresStopsUntilTheCrsIsSet)
{
    const QString path = QStringLiteral("crs-prj-geographic-but-coords-projected/parcels.shp");
    gis::ImportReport report;
    auto refused = readCase(path, report);
    ASSERT_FALSE(refused.ok());
    const std::string message = refused.error().message;
    EXPECT_NE(message.find("parcels.prj says geographic degrees"), std::string::npos) << message;
    EXPECT_NE(message.find("EPSG:4524"), std::string::npos) << message;

    gis::ImportOptions options;
    options.sourceCrs = QStringLiteral("EPSG:4524");
    gis::ImportReport fixedReport;
    auto project = readCase(path, fixedReport, options);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectTheFourBlocks(project.value().parcels);
    EXPECT_EQ(fixedReport.layers.at(0).crsReason, QStringLiteral("set by the user"));
}

TEST(BadInputs, MissingPrjWithZonePrefixIsGuessedWithAWarning)
{
    QTemporaryDir dir;
    const QString from = kCases + QStringLiteral("crs-cgcs2000-gk-zone36-prefixed/");
    for (const char* suffix : {".shp", ".shx", ".dbf", ".cpg"})
        ASSERT_TRUE(QFile::copy(from + QStringLiteral("parcels_cgcs2000_z36") + suffix,
                                dir.path() + QStringLiteral("/parcels") + suffix));
    gis::ImportReport report;
    auto project = gis::readDataset(dir.path() + QStringLiteral("/parcels.shp"), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectTheFourBlocks(project.value().parcels);
    EXPECT_NE(project.value().crsName.find("EPSG:4524"), std::string::npos);
    EXPECT_EQ(issues(report, QStringLiteral("warning"), QStringLiteral("start with 36")).size(),
              1u);
}

TEST(BadInputs, HtmlPrjIsNamedAndAPointLayerGivesNoParcels)
{
    gis::ImportReport report;
    auto project = readCase(QStringLiteral("crs-prj-is-html-page-real/htmlprj.shp"), report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    EXPECT_TRUE(project.value().parcels.empty());
    EXPECT_EQ(issues(report, QStringLiteral("warning"),
                     QStringLiteral("htmlprj.prj is not valid WKT (looks like HTML)"))
                  .size(),
              1u);
    EXPECT_EQ(issues(report, QStringLiteral("skipped"),
                     QStringLiteral("htmlprj.shp: layer contains points, not polygons"))
                  .size(),
              1u);
    EXPECT_EQ(report.layers.at(0).read, 2);
}

TEST(BadInputs, Xian1980IsMeasuredInItselfAndWarnsBeforeReprojection)
{
    const QString path = QStringLiteral("crs-xian1980-gk-cm105/parcels_xian80.shp");
    gis::ImportReport report;
    auto project = readCase(path, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectTheFourBlocks(project.value().parcels);
    EXPECT_NE(project.value().crsName.find("EPSG:2380"), std::string::npos);
    EXPECT_NE(project.value().crsName.find("Xian 1980"), std::string::npos);
    EXPECT_TRUE(issues(report, QStringLiteral("warning"), QStringLiteral("ballpark")).empty());

    gis::ImportOptions options;
    options.targetCrs = QStringLiteral("EPSG:4544");
    gis::ImportReport moved;
    ASSERT_TRUE(readCase(path, moved, options).ok());
    EXPECT_EQ(issues(moved, QStringLiteral("warning"), QStringLiteral("ballpark")).size(), 1u);
}

TEST(BadInputs, ImpossibleDatesBecomeEmptyWithAWarningQuotingTheText)
{
    gis::ImportReport report;
    auto project = readCase(QStringLiteral("dbf-date-invalid-values/parcels_dates.shp"), report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    const auto& parcels = project.value().parcels;
    ASSERT_EQ(parcels.size(), 6u);
    EXPECT_EQ(attribute(parcels[0], "PFRQ"), "2019-06-18");
    for (int i = 1; i < 6; ++i)
        EXPECT_EQ(attribute(parcels[i], "PFRQ"), "<null>") << i;
    const auto warnings = issues(report, QStringLiteral("warning"),
                                 QStringLiteral("not a valid date"));
    ASSERT_EQ(warnings.size(), 3u);
    const char* raw[] = {"2019-6-1", "20190231", "19991301"};
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(warnings[i].featureId, i + 3);
        EXPECT_TRUE(warnings[i].message.contains(QStringLiteral("(A07-0%1)").arg(i + 4)));
        EXPECT_TRUE(warnings[i].message.contains(QLatin1String(raw[i])))
            << qPrintable(warnings[i].message);
    }
}

TEST(BadInputs, DeletedRecordIsReportedAndTheOthersKeepTheirRows)
{
    gis::ImportReport report;
    auto project = readCase(QStringLiteral("dbf-deleted-records/parcels_deleted.shp"), report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    const auto& parcels = project.value().parcels;
    ASSERT_EQ(parcels.size(), 3u);
    const char* codes[] = {"A01-01", "A01-03", "A01-04"};
    const double areas[] = {10478.50, 9231.50, 6747.50};
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(attribute(parcels[i], "DKBH"), codes[i]);
        EXPECT_EQ(parcels[i].code, codes[i]);  // the code results carry as parcel_code
        EXPECT_NEAR(area(parcels[i]), areas[i], 0.005);
    }
    const auto deleted = issues(report, QStringLiteral("skipped"), QStringLiteral("deleted"));
    ASSERT_EQ(deleted.size(), 1u);
    EXPECT_EQ(deleted[0].featureId, 1);
    EXPECT_TRUE(deleted[0].message.contains(
        QStringLiteral("parcels_deleted.shp record 2 (A01-02) is marked deleted in "
                       "parcels_deleted.dbf")))
        << qPrintable(deleted[0].message);
    EXPECT_EQ(report.layers.at(0).read, 4);
    EXPECT_EQ(report.layers.at(0).skipped, 1);
}

TEST(BadInputs, HtmlCpgIsIgnoredAndAPointLayerGivesNoParcels)
{
    gis::ImportReport report;
    auto project = readCase(QStringLiteral("enc-cpg-is-html-page-real/htmlcpg.shp"), report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    EXPECT_TRUE(project.value().parcels.empty());
    EXPECT_EQ(issues(report, QStringLiteral("warning"),
                     QStringLiteral("htmlcpg.cpg is not a code page name (looks like HTML); "
                                    "ignoring it"))
                  .size(),
              1u);
    EXPECT_EQ(issues(report, QStringLiteral("skipped"),
                     QStringLiteral("layer contains points, not polygons"))
                  .size(),
              1u);
}

TEST(BadInputs, Utf8CpgOverGbkBytesIsDetectedAndDecodedAsGbk)
{
    gis::ImportReport report;
    auto project = readCase(QStringLiteral("enc-cpg-utf8-but-dbf-gbk/parcels.shp"), report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    const auto& parcels = project.value().parcels;
    expectTheFourBlocks(parcels);
    const char* fields[] = {"地块编号", "用地代码", "用地性质", "用地面积", "容积率",
                            "建筑密度", "绿地率",   "批复日期", "备注"};
    for (const char* field : fields)
        EXPECT_NE(attribute(parcels[0], field), "<null>") << field;
    EXPECT_EQ(attribute(parcels[0], "地块编号"), "A01-01");
    EXPECT_EQ(attribute(parcels[0], "用地性质"), "二类居住用地");
    EXPECT_EQ(issues(report, QStringLiteral("warning"),
                     QStringLiteral("parcels.cpg declares UTF-8 but parcels.dbf is not valid "
                                    "UTF-8"))
                  .size(),
              1u);
    EXPECT_TRUE(report.layers.at(0).encoding.startsWith(QStringLiteral("GB18030")))
        << qPrintable(report.layers.at(0).encoding);
}

TEST(BadInputs, LanguageDriverByte936DecodesGbkWithoutCpg)
{
    gis::ImportReport report;
    auto project = readCase(QStringLiteral("enc-gbk-ldid936-no-cpg-real/chinese_encoding.shp"),
                            report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    const auto& parcels = project.value().parcels;
    ASSERT_EQ(parcels.size(), 78u);
    EXPECT_EQ(report.layers.at(0).repaired, 0);
    EXPECT_EQ(attribute(parcels[0], "PRO_NAME"), "安徽");
    EXPECT_EQ(attribute(parcels[0], "NAME99"), "天长市");
    EXPECT_EQ(std::stod(attribute(parcels[0], "COUNTY_ID")), 1491.0);
    EXPECT_EQ(report.layers.at(0).encoding,
              QStringLiteral("CP936 (GBK), from the DBF language driver id 0x4D"));
    for (const core::Parcel& parcel : parcels) {
        for (const auto& [name, value] : parcel.attributes) {
            const QString text = QString::fromStdString(value);
            EXPECT_FALSE(text.contains(QChar(0xFFFD))) << name;
            EXPECT_FALSE(text.contains(QChar(0x00B0))) << name;  // Latin-1 mojibake
        }
    }
    // No .prj: degrees, so WGS 84 is assumed with a warning and UTM measures the areas.
    EXPECT_EQ(issues(report, QStringLiteral("warning"),
                     QStringLiteral("coordinate system unknown"))
                  .size(),
              1u);
    EXPECT_NE(project.value().crsName.find("UTM"), std::string::npos);
}

TEST(BadInputs, LegacyGeoJsonCrsMemberIsHonoured)
{
    gis::ImportReport report;
    auto project =
        readCase(QStringLiteral("geojson-legacy-crs-member-projected/parcels_gk.geojson"), report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    expectTheFourBlocks(project.value().parcels);
    EXPECT_NE(project.value().crsName.find("EPSG:4524"), std::string::npos);
}

TEST(BadInputs, MixedGeometryTypesImportPolygonsAndListTheRest)
{
    gis::ImportReport report;
    auto project = readCase(QStringLiteral("geojson-mixed-geometry-types/mixed.geojson"), report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    const auto& parcels = project.value().parcels;
    ASSERT_EQ(parcels.size(), 3u);
    EXPECT_EQ(attribute(parcels[0], "dkbh"), "A08-01");
    EXPECT_EQ(attribute(parcels[1], "dkbh"), "A08-02");
    EXPECT_EQ(parcels[1].geometry.size(), 2u);
    EXPECT_EQ(attribute(parcels[2], "dkbh"), "A08-04");
    EXPECT_EQ(report.layers.at(0).read, 7);
    EXPECT_EQ(report.layers.at(0).skipped, 4);

    const auto skipped = issues(report, QStringLiteral("skipped"));
    ASSERT_EQ(skipped.size(), 4u);
    EXPECT_EQ(skipped[0].featureId, 2);
    EXPECT_TRUE(skipped[0].message.contains(QStringLiteral("mixed.geojson feature 2 (A08-03)")));
    EXPECT_TRUE(skipped[0].message.contains(QStringLiteral("LINESTRING, not a polygon")));
    EXPECT_TRUE(skipped[1].message.contains(QStringLiteral("POINT, not a polygon")));
    EXPECT_TRUE(skipped[2].message.contains(QStringLiteral("(A08-05): no geometry")));
    EXPECT_TRUE(skipped[3].message.contains(QStringLiteral("(A08-06): no geometry")));
    const auto taken = issues(report, QStringLiteral("repaired"),
                              QStringLiteral("taken out of a GeometryCollection"));
    ASSERT_EQ(taken.size(), 1u);
    EXPECT_EQ(taken[0].featureId, 4);
}

TEST(BadInputs, IslandInsideAHoleKeepsBothPolygonsWithTheirHoles)
{
    gis::ImportReport report;
    auto project =
        readCase(QStringLiteral("geom-island-inside-hole-real/nested_polygons.shp"), report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(project.value().parcels.size(), 1u);
    const core::MultiPolygon& shape = project.value().parcels[0].geometry;
    ASSERT_EQ(shape.size(), 2u);
    EXPECT_EQ(shape[0].inners().size(), 1u);
    EXPECT_EQ(shape[1].inners().size(), 1u);
    EXPECT_TRUE(boost::geometry::is_valid(shape));
    // GeoPandas: set_crs(4326).to_crs(32725).area -> 16.1818 m2 (UTM north and south zones
    // differ only by the false northing).
    EXPECT_NEAR(boost::geometry::area(shape), 16.1818, 0.001);
    EXPECT_EQ(issues(report, QStringLiteral("warning"),
                     QStringLiteral("coordinate system unknown"))
                  .size(),
              1u);
}

TEST(BadInputs, NearCoincidentNeighboursAreReportedAsSliverOverlapsNotMerged)
{
    gis::ImportReport report;
    auto refused =
        readCase(QStringLiteral("geom-near-coincident-neighbours-union-real/neighbours.shp"),
                 report);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("coordinate system unknown"), std::string::npos);

    gis::ImportOptions options;
    options.sourceCrs = QStringLiteral("LOCAL");
    gis::ImportReport localReport;
    auto project =
        readCase(QStringLiteral("geom-near-coincident-neighbours-union-real/neighbours.shp"),
                 localReport, options);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(project.value().parcels.size(), 10u);
    // CASE.md (GEOS 3.11 OverlayNG): A intersect B per pair; pair 4 only touches.
    const auto overlaps = issues(localReport, QStringLiteral("overlap"));
    ASSERT_EQ(overlaps.size(), 4u);
    const char* expected[] = {"0.0125", "0.1686", "0.0053", "0.0006"};
    const long long second[] = {1, 3, 5, 9};
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(overlaps[i].featureId, second[i]);
        EXPECT_TRUE(overlaps[i].message.contains(QLatin1String(expected[i])))
            << qPrintable(overlaps[i].message);
        EXPECT_TRUE(overlaps[i].message.contains(QStringLiteral("sliver")));
    }
}

TEST(BadInputs, StackedDuplicateParcelsAreReportedNotMerged)
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/parcels.geojson");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    // Two identical 100 x 100 m squares and a third overlapping the first by 10 x 100 m.
    file.write(R"({"type": "FeatureCollection", "crs": {"type": "name", "properties":
        {"name": "urn:ogc:def:crs:EPSG::4524"}}, "features": [
        {"type": "Feature", "properties": {"id": 1}, "geometry": {"type": "Polygon",
         "coordinates": [[[36400000, 3278000], [36400100, 3278000], [36400100, 3278100],
                          [36400000, 3278100], [36400000, 3278000]]]}},
        {"type": "Feature", "properties": {"id": 2}, "geometry": {"type": "Polygon",
         "coordinates": [[[36400000, 3278000], [36400100, 3278000], [36400100, 3278100],
                          [36400000, 3278100], [36400000, 3278000]]]}},
        {"type": "Feature", "properties": {"id": 3}, "geometry": {"type": "Polygon",
         "coordinates": [[[36400090, 3278000], [36400190, 3278000], [36400190, 3278100],
                          [36400090, 3278100], [36400090, 3278000]]]}}]})");
    file.close();
    gis::ImportReport report;
    auto project = gis::readDataset(path, {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    EXPECT_EQ(project.value().parcels.size(), 3u);
    const auto duplicates = issues(report, QStringLiteral("duplicate"));
    ASSERT_EQ(duplicates.size(), 1u);
    EXPECT_EQ(duplicates[0].featureId, 2);
    EXPECT_TRUE(duplicates[0].message.contains(QStringLiteral("10000.0 m2")));
    const auto overlaps = issues(report, QStringLiteral("overlap"));
    ASSERT_EQ(overlaps.size(), 2u);  // 1-3 and 2-3, 1000 m2 each
    for (const gis::ImportIssue& overlap : overlaps)
        EXPECT_TRUE(overlap.message.contains(QStringLiteral("by 1000.0 m2")));
}
