#include "gis/results_writer.h"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

/// A 100 m x 50 m parcel with a 10 m x 10 m hole: 4900 m2.
core::Project smallProject()
{
    core::Project project;
    OGRSpatialReference utm;
    utm.importFromEPSG(32651);
    char* wkt = nullptr;
    utm.exportToWkt(&wkt);
    project.crsWkt = wkt;
    CPLFree(wkt);
    project.crsName = "EPSG:32651";

    core::Parcel parcel;
    parcel.id = 42;
    parcel.type = core::RenewalType::HistoricBlock;
    parcel.typeReason = "from field 更新类型";
    parcel.name = "豫园";
    parcel.code = "A01-07";
    core::Polygon polygon;
    polygon.outer() = {{355000, 3457000}, {355000, 3457050}, {355100, 3457050},
                       {355100, 3457000}, {355000, 3457000}};
    polygon.inners().push_back({{355010, 3457010}, {355020, 3457010}, {355020, 3457020},
                                {355010, 3457020}, {355010, 3457010}});
    parcel.geometry.push_back(polygon);
    project.parcels.push_back(parcel);

    core::Facility shop;
    shop.id = 9;
    shop.location = {355050, 3457025};
    shop.category = "daily_market";
    shop.tag = "convenience";
    shop.name = "便利店";
    project.facilities.push_back(shop);
    return project;
}

core::Analysis smallAnalysis()
{
    core::ParcelResult result;
    result.parcelId = 42;
    result.form.areaM2 = 4900;
    result.form.buildingDensity = 0.35;
    result.form.far = 1.8;
    result.form.farRecordedOnly = 1.2;
    result.form.greenCoverage = 0.12;
    result.form.buildingCount = 6;
    result.form.floorsEstimated = 2;
    result.form.heightClass = "multi_storey_1";
    result.form.compliance.push_back({"far", "max", 1.5, 1.8, false, -0.3, "GB"});
    result.form.compliance.push_back({"green_coverage", "min", 0.25, 0.12, false, -0.13, "GB"});
    result.walk.gaps["5min"] = {"kindergarten", "fresh_market"};
    result.walk.gaps["10min"] = {};
    result.walk.crowflyGaps["5min"] = {"kindergarten"};
    result.walk.walkScore = 0.75;
    core::IndexRating heat;
    heat.index = "heat_island";
    heat.rating = core::Rating::Serious;
    result.carbon.ratings.push_back(heat);
    result.carbon.ledger = {120.5, 30.25, -4.0, 8.0};
    result.carbon.leading = core::Category::Construction;
    core::Intervention pv;
    pv.index = "renewable_energy";
    pv.technique = "rooftop_pv";
    pv.quantity = 1200;
    pv.unit = "m2";
    pv.effectTPerYear = 35.25;
    result.carbon.interventions.push_back(pv);
    result.priorityScore = 0.8;
    result.priorityRank = 1;
    core::Analysis analysis;
    analysis.parcels.push_back(result);
    return analysis;
}

struct Closer {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};

} // namespace

TEST(ResultsWriter, WritesTheSchemaAndReadsBack)
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/results.gpkg");
    core::Analysis analysis = smallAnalysis();
    analysis.demonstration.found = true;
    analysis.demonstration.seedParcelId = 42;
    analysis.demonstration.clusterParcelIds = {42};
    auto written = gis::writeResults(smallProject(), analysis, path);
    ASSERT_TRUE(written.ok()) << written.error().describe();
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
              QStringList{QStringLiteral("results.gpkg")});

    std::unique_ptr<GDALDataset, Closer> dataset(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
    ASSERT_TRUE(dataset);
    OGRLayer* parcels = dataset->GetLayerByName("parcels");
    ASSERT_NE(parcels, nullptr);
    ASSERT_EQ(parcels->GetFeatureCount(), 1);
    ASSERT_NE(parcels->GetSpatialRef(), nullptr);
    EXPECT_STREQ(parcels->GetSpatialRef()->GetAuthorityCode(nullptr), "32651");

    OGRFeatureUniquePtr feature(parcels->GetNextFeature());
    ASSERT_TRUE(feature);
    EXPECT_EQ(feature->GetFieldAsInteger64("parcel_id"), 42);
    EXPECT_STREQ(feature->GetFieldAsString("renewal_type"), "historic_block");
    EXPECT_STREQ(feature->GetFieldAsString("type_reason"), "from field 更新类型");
    EXPECT_STREQ(feature->GetFieldAsString("name"), "豫园");
    EXPECT_STREQ(feature->GetFieldAsString("parcel_code"), "A01-07");
    EXPECT_DOUBLE_EQ(feature->GetFieldAsDouble("far"), 1.8);
    EXPECT_DOUBLE_EQ(feature->GetFieldAsDouble("far_recorded_only"), 1.2);
    EXPECT_EQ(feature->GetFieldAsInteger("floors_estimated"), 2);
    EXPECT_DOUBLE_EQ(feature->GetFieldAsDouble("far_max_limit"), 1.5);
    EXPECT_EQ(feature->GetFieldAsInteger("far_max_ok"), 0);
    EXPECT_DOUBLE_EQ(feature->GetFieldAsDouble("green_coverage_limit"), 0.25);
    // No control given: limit and flag stay null, not 0.
    EXPECT_FALSE(feature->IsFieldSetAndNotNull(feature->GetFieldIndex("far_min_limit")));
    EXPECT_FALSE(feature->IsFieldSetAndNotNull(feature->GetFieldIndex("height_ok")));
    EXPECT_STREQ(feature->GetFieldAsString("gaps_5min"), "kindergarten,fresh_market");
    EXPECT_STREQ(feature->GetFieldAsString("gaps_10min"), "");
    EXPECT_STREQ(feature->GetFieldAsString("gaps_crowfly_5min"), "kindergarten");
    EXPECT_DOUBLE_EQ(feature->GetFieldAsDouble("walk_score"), 0.75);
    EXPECT_STREQ(feature->GetFieldAsString("rating_heat_island"), "serious");
    EXPECT_STREQ(feature->GetFieldAsString("rating_compact_density"), "not_assessed");
    EXPECT_DOUBLE_EQ(feature->GetFieldAsDouble("co2_total_t"), 154.75);
    EXPECT_DOUBLE_EQ(feature->GetFieldAsDouble("co2_greening_t"), -4.0);
    EXPECT_STREQ(feature->GetFieldAsString("leading_category"), "construction");
    EXPECT_STREQ(feature->GetFieldAsString("interventions"),
                 "rooftop_pv (1200.0 m2, 35.25 t/yr)");
    EXPECT_EQ(feature->GetFieldAsInteger("priority_rank"), 1);
    EXPECT_STREQ(feature->GetFieldAsString("demonstration"), "seed");
    const OGRGeometry* geometry = feature->GetGeometryRef();
    ASSERT_NE(geometry, nullptr);
    EXPECT_EQ(wkbFlatten(geometry->getGeometryType()), wkbMultiPolygon);
    EXPECT_DOUBLE_EQ(geometry->toMultiPolygon()->get_Area(), 4900.0);

    OGRLayer* facilities = dataset->GetLayerByName("facilities");
    ASSERT_NE(facilities, nullptr);
    OGRFeatureUniquePtr shop(facilities->GetNextFeature());
    ASSERT_TRUE(shop);
    EXPECT_STREQ(shop->GetFieldAsString("tag"), "convenience");
    EXPECT_DOUBLE_EQ(shop->GetGeometryRef()->toPoint()->getX(), 355050.0);
}

TEST(ResultsWriter, ReplacesAnEarlierFile)
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/results.gpkg");
    QFile old(path);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write("not a geopackage");
    old.close();
    auto written = gis::writeResults(smallProject(), smallAnalysis(), path);
    ASSERT_TRUE(written.ok()) << written.error().describe();
    std::unique_ptr<GDALDataset, Closer> dataset(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
    ASSERT_TRUE(dataset);
    EXPECT_EQ(dataset->GetLayerByName("parcels")->GetFeatureCount(), 1);
}

TEST(ResultsWriter, UnwritableFolderIsAnError)
{
    auto written = gis::writeResults(smallProject(), smallAnalysis(),
                                     QStringLiteral("/no/such/folder/results.gpkg"));
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().path, "/no/such/folder/results.gpkg");
}

// A save killed before its rename left its temporary copy (named after a process that is
// gone); the next save removes it and writes the results whole.
TEST(ResultsWriter, LeftoverOfAKilledSaveIsRemovedByTheNextSave)
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/results.gpkg");
    QProcess ended;
    ended.start(QStringLiteral("true"), {});
    ASSERT_TRUE(ended.waitForStarted());
    const qint64 pid = ended.processId();
    ended.waitForFinished();
    const QString leftover =
        dir.path() + QStringLiteral("/.results.gpkg.tmp-%1.gpkg").arg(pid);
    QFile half(leftover);
    ASSERT_TRUE(half.open(QIODevice::WriteOnly));
    half.write("SQLite format 3");  // the first bytes of a GeoPackage, then nothing
    half.close();

    auto written = gis::writeResults(smallProject(), smallAnalysis(), path);
    ASSERT_TRUE(written.ok()) << written.error().describe();
    EXPECT_FALSE(QFile::exists(leftover));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
              QStringList{QStringLiteral("results.gpkg")});
    std::unique_ptr<GDALDataset, Closer> dataset(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
    ASSERT_TRUE(dataset);
    EXPECT_EQ(dataset->GetLayerByName("parcels")->GetFeatureCount(), 1);
}
