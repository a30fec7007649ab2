// The DEM reader with GeoTIFFs the test writes itself through GDAL: a plane rising 10 m per
// 100 m eastwards, and the walk cost of a street on it.
//
// Tobler normalised to flat ground (walking.json): factor(s) = exp(3.5 (|s + 0.05| - 0.05)).
// A 100 m street eastwards: s = +0.1, 100 exp(0.35) = 141.90675 m uphill; back west s = -0.1,
// 100 exp(0) = 100 m.

#include "gis/dem_reader.h"

#include "core/detail/walk_network.h"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

constexpr double kOriginX = 500000;  // UTM 51N, on its central meridian (123 E)
constexpr double kOriginY = 3500200;

std::string wktOf(int epsg)
{
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    std::string text = wkt;
    CPLFree(wkt);
    return text;
}

/// 40 x 20 cells of 10 m from (kOriginX, kOriginY), height 0.1 m per metre east of kOriginX
/// at each cell centre; the corner cell is no data (-9999) when `withHole`.
std::string writePlane(const QString& dir, int epsg, bool withHole = false)
{
    GDALAllRegister();
    const std::string path = (dir + QStringLiteral("/plane.tif")).toStdString();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDataset* dataset = driver->Create(path.c_str(), 40, 20, 1, GDT_Float32, nullptr);
    double transform[6] = {kOriginX, 10, 0, kOriginY, 0, -10};
    dataset->SetGeoTransform(transform);
    if (epsg != 0)
        dataset->SetProjection(wktOf(epsg).c_str());
    std::vector<float> heights(40 * 20);
    for (int row = 0; row < 20; ++row)
        for (int column = 0; column < 40; ++column)
            heights[static_cast<std::size_t>(row * 40 + column)] =
                static_cast<float>(0.1 * (column + 0.5) * 10);
    GDALRasterBand* band = dataset->GetRasterBand(1);
    if (withHole) {
        heights[0] = -9999;
        band->SetNoDataValue(-9999);
    }
    EXPECT_EQ(band->RasterIO(GF_Write, 0, 0, 40, 20, heights.data(), 40, 20, GDT_Float32, 0, 0,
                             nullptr),
              CE_None);
    GDALClose(GDALDataset::ToHandle(dataset));
    return path;
}

core::detail::WalkNetworkOptions slopeOptions(const core::ElevationGrid& grid)
{
    core::detail::WalkNetworkOptions options;
    options.snapToleranceM = 1.0;
    options.stepsFactor = 2.0;
    options.elevation = &grid;
    options.toblerSlopeFactor = 3.5;
    options.toblerSlopeOffset = 0.05;
    return options;
}

core::Street street(core::Point a, core::Point b)
{
    core::Street s;
    s.geometry.push_back(core::LineString{a, b});
    s.highway = "residential";
    return s;
}

TEST(DemReaderTest, StreetOnAWrittenGeoTiffCostsTheHandValueEachWay)
{
    QTemporaryDir dir;
    std::vector<std::string> warnings;
    auto dem = gis::readDem(QString::fromStdString(writePlane(dir.path(), 32651, true)),
                            wktOf(32651), warnings);
    ASSERT_TRUE(dem) << dem.error().describe();
    const core::ElevationGrid& grid = *dem.value();
    EXPECT_EQ(grid.columns, 40u);
    EXPECT_EQ(grid.rows, 20u);
    EXPECT_TRUE(warnings.empty());
    // Cell centre (kOriginX + 15, kOriginY - 15) holds 1.5 m; the no-data corner has none.
    EXPECT_NEAR(*grid.heightAt(kOriginX + 15, kOriginY - 15), 1.5, 1e-5);
    EXPECT_FALSE(grid.heightAt(kOriginX + 2, kOriginY - 2).has_value());

    const double y = kOriginY - 100;
    core::detail::WalkNetwork network(
        {street(core::Point(kOriginX + 100, y), core::Point(kOriginX + 200, y))},
        slopeOptions(grid));
    ASSERT_EQ(network.edges().size(), 1u);
    const core::detail::WalkEdge& edge = network.edges()[0];
    const bool east = network.nodes()[edge.from].x() < network.nodes()[edge.to].x();
    // Float32 heights: 1e-4 m of rounding over 10 m of rise.
    EXPECT_NEAR(east ? edge.costM : edge.backCostM, 100 * std::exp(0.35), 1e-3);
    EXPECT_NEAR(east ? edge.backCostM : edge.costM, 100.0, 1e-3);
}

TEST(DemReaderTest, WarpsADemInAnotherCrsToTheProjects)
{
    // The DEM in UTM 51N, the project in CGCS2000 3-degree Gauss-Kruger CM 123E (EPSG:4550):
    // the same central meridian, scale 1 instead of 0.9996, so a project metre is 0.9996 UTM
    // metres and the slope 0.1 x 0.9996 = 0.09996: uphill 100 exp(3.5 x 0.09996) = 141.887 m.
    QTemporaryDir dir;
    std::vector<std::string> warnings;
    auto dem = gis::readDem(QString::fromStdString(writePlane(dir.path(), 32651)),
                            wktOf(4550), warnings);
    ASSERT_TRUE(dem) << dem.error().describe();
    EXPECT_NE(dem.value()->description.find("warped"), std::string::npos);

    OGRSpatialReference utm;
    utm.importFromEPSG(32651);
    utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference gk;
    gk.importFromEPSG(4550);
    gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toProject(
        OGRCreateCoordinateTransformation(&utm, &gk));
    double xs[2] = {kOriginX + 100, kOriginX + 200};
    double ys[2] = {kOriginY - 100, kOriginY - 100};
    ASSERT_TRUE(toProject->Transform(2, xs, ys));
    const double lengthM = std::hypot(xs[1] - xs[0], ys[1] - ys[0]);
    EXPECT_NEAR(lengthM, 100.04, 0.01);  // 100 / 0.9996

    core::detail::WalkNetwork network(
        {street(core::Point(xs[0], ys[0]), core::Point(xs[1], ys[1]))}, slopeOptions(*dem.value()));
    const core::detail::WalkEdge& edge = network.edges()[0];
    const bool east = network.nodes()[edge.from].x() < network.nodes()[edge.to].x();
    EXPECT_NEAR(east ? edge.costM : edge.backCostM, lengthM * std::exp(3.5 * 0.09996), 0.05);
    EXPECT_NEAR(east ? edge.backCostM : edge.costM, lengthM, 0.05);
    EXPECT_DOUBLE_EQ(network.unelevatedLengthM(), 0.0);
}

TEST(DemReaderTest, NamesTheFileThatIsNoRaster)
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/not_a_dem.tif");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("hello");
    file.close();
    std::vector<std::string> warnings;
    auto dem = gis::readDem(path, wktOf(32651), warnings);
    ASSERT_FALSE(dem);
    EXPECT_NE(dem.error().describe().find("not_a_dem.tif"), std::string::npos);
}

TEST(DemReaderTest, ADemWithoutCrsIsTakenAsTheProjectsWithAWarning)
{
    QTemporaryDir dir;
    std::vector<std::string> warnings;
    auto dem = gis::readDem(QString::fromStdString(writePlane(dir.path(), 0)), wktOf(32651),
                            warnings);
    ASSERT_TRUE(dem) << dem.error().describe();
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("no CRS"), std::string::npos);
    EXPECT_NEAR(*dem.value()->heightAt(kOriginX + 105, kOriginY - 55), 10.5, 1e-5);
}

} // namespace
