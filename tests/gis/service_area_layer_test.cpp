// The service_areas layer of results.gpkg, read back through GDAL and checked by hand.

#include "gis/results_writer.h"
#include "tests/core/walk_test_support.h"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QTemporaryDir>

#include <cmath>
#include <string>

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

core::Project streetProject()
{
    core::Project project;
    OGRSpatialReference utm;
    utm.importFromEPSG(32651);
    char* wkt = nullptr;
    utm.exportToWkt(&wkt);
    project.crsWkt = wkt;
    CPLFree(wkt);
    core::test::setWalkParameters(project.config.parameters);
    project.config.lifeCircles = {{"5min", 300, 5, {"kindergarten", "bank"}, "test"},
                                  {"10min", 500, 10, {"bank"}, "test"}};
    project.config.facilityMappings = {{"kindergarten", "kindergarten"}, {"bank", "bank"}};

    project.streets = {core::test::street({{355000, 3457000}, {356000, 3457000}})};
    project.facilities = {core::test::facility(355100, 3457010, "kindergarten")};
    return project;
}

TEST(ServiceAreaLayerTest, KindergartenAreaHasTheHandExtentInTheGeoPackage)
{
    core::Project project = streetProject();
    gis::ResultLayers layers;
    layers.serviceAreas = core::serviceAreas(project, core::requiredServiceAreas(project.config));
    ASSERT_EQ(layers.serviceAreas.size(), 3u);  // kindergarten/5min, bank/5min, bank/10min

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.gpkg"));
    auto written = gis::writeResults(project, core::Analysis{}, path, layers);
    ASSERT_TRUE(written) << written.error().describe();

    GDALAllRegister();
    std::unique_ptr<GDALDataset> dataset(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(dataset);
    OGRLayer* layer = dataset->GetLayerByName("service_areas");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), 3);
    layer->SetAttributeFilter("facility_type = 'kindergarten' AND circle = '5min'");
    OGRFeatureUniquePtr feature(layer->GetNextFeature());
    ASSERT_TRUE(feature);
    // The kindergarten is 10 m off the street at x = 355100: 290 m of walk left either way,
    // cut at the street's west end, so x 355000 .. 355390 is reachable; 50 m either side:
    // x 354950 .. 355440, y 3456950 .. 3457050 (the round caps reach the full 50 m on the axis).
    OGREnvelope extent;
    feature->GetGeometryRef()->getEnvelope(&extent);
    EXPECT_NEAR(extent.MinX, 354950.0, 1e-6);
    EXPECT_NEAR(extent.MaxX, 355440.0, 1e-6);
    EXPECT_NEAR(extent.MinY, 3456950.0, 1e-6);
    EXPECT_NEAR(extent.MaxY, 3457050.0, 1e-6);
    EXPECT_NEAR(feature->GetFieldAsDouble("street_length_m"), 390.0, 1e-6);
    EXPECT_DOUBLE_EQ(feature->GetFieldAsDouble("threshold_m"), 300.0);
    // 390 x 100 rectangle plus two half discs of 50 m drawn as a 32-gon: 16 r^2 sin(pi / 16).
    const double expected = 390.0 * 100.0 + 16 * 2500.0 * std::sin(std::acos(-1.0) / 16);
    EXPECT_NEAR(feature->GetFieldAsDouble("area_m2"), expected, 1e-3);
    EXPECT_NEAR(feature->GetGeometryRef()->toMultiPolygon()->get_Area(), expected, 1e-3);

    // No bank in the data: its areas are written empty.
    layer->SetAttributeFilter("facility_type = 'bank'");
    for (int i = 0; i < 2; ++i) {
        OGRFeatureUniquePtr bank(layer->GetNextFeature());
        ASSERT_TRUE(bank);
        EXPECT_DOUBLE_EQ(bank->GetFieldAsDouble("area_m2"), 0.0);
    }
}

} // namespace
