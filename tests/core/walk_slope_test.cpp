// Walk costs on a slope (Tobler 1993 through a DEM): hand-built streets on a plane that rises
// 10 m per 100 m eastwards, so every slope is +0.1 walking east and -0.1 walking west.
//
// Tobler normalised to flat ground (walking.json): factor(s) = exp(3.5 (|s + 0.05| - 0.05)).
//   east, s = +0.1:  exp(3.5 (0.15 - 0.05)) = exp(0.35) = 1.4190675485932573
//   west, s = -0.1:  exp(3.5 (0.05 - 0.05)) = exp(0)    = 1
//   flat, s = 0:     exp(3.5 (0.05 - 0.05)) = 1
// Bilinear interpolation of a plane is the plane itself, so these hold exactly.

#include "core/detail/walk_network.h"
#include "core/walk_access.h"
#include "walk_test_support.h"

#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace greenrenew::core {
namespace {

constexpr double kTolerance = 1e-9;
const double kUphill = std::exp(0.35);

/// Heights h = 0.1 x on 10 m cells from x = -50 to 1150, y = -50 to 50.
std::shared_ptr<const ElevationGrid> risingPlane()
{
    auto grid = std::make_shared<ElevationGrid>();
    grid->originX = -50;
    grid->originY = 50;
    grid->cellWidthM = 10;
    grid->cellHeightM = 10;
    grid->columns = 120;
    grid->rows = 10;
    for (std::size_t row = 0; row < grid->rows; ++row)
        for (std::size_t column = 0; column < grid->columns; ++column)
            grid->heightsM.push_back(0.1 * (-50 + (static_cast<double>(column) + 0.5) * 10));
    return grid;
}

using test::facility;
using test::parcel;
using test::street;

Project slopeProject()
{
    Project project;
    test::setWalkParameters(project.config.parameters);
    test::setParameter(project.config.parameters, "walk.tobler_slope_factor", 3.5);
    test::setParameter(project.config.parameters, "walk.tobler_slope_offset", 0.05);
    project.config.lifeCircles = {{"5min", 300, 5, {"kindergarten"}, "test"}};
    project.config.facilityMappings = {{"kindergarten", "kindergarten"}};
    project.elevation = risingPlane();
    return project;
}

Facility kindergarten(double x, double y) { return facility(x, y, "kindergarten"); }

detail::WalkNetworkOptions slopeOptions(const ElevationGrid& grid)
{
    detail::WalkNetworkOptions options;
    options.snapToleranceM = 1.0;
    options.stepsFactor = 2.0;
    options.elevation = &grid;
    options.toblerSlopeFactor = 3.5;
    options.toblerSlopeOffset = 0.05;
    return options;
}

TEST(WalkSlopeTest, ElevationGridInterpolatesBetweenCellCentres)
{
    auto grid = risingPlane();
    // A plane is reproduced exactly: h(123.4) = 12.34; half a cell from the edge the nearest
    // centre (x = -45, h = -4.5) holds; outside the grid there is no height.
    EXPECT_NEAR(*grid->heightAt(123.4, 7.0), 12.34, kTolerance);
    EXPECT_NEAR(*grid->heightAt(-49.0, 0.0), -4.5, kTolerance);
    EXPECT_FALSE(grid->heightAt(-51.0, 0.0).has_value());
    EXPECT_FALSE(grid->heightAt(100.0, 60.0).has_value());
}

TEST(WalkSlopeTest, EdgeCostsDifferUphillAndDownhill)
{
    auto grid = risingPlane();
    // 100 m east: 100 x 1.4190675 = 141.90675 m uphill; 100 x 1 = 100 m back down.
    detail::WalkNetwork network({street({Point(0, 0), Point(100, 0)})}, slopeOptions(*grid));
    ASSERT_EQ(network.edges().size(), 1u);
    const detail::WalkEdge& edge = network.edges()[0];
    const bool east = network.nodes()[edge.from].x() < network.nodes()[edge.to].x();
    EXPECT_NEAR(east ? edge.costM : edge.backCostM, 100 * kUphill, 1e-9);
    EXPECT_NEAR(east ? edge.backCostM : edge.costM, 100.0, 1e-9);
    EXPECT_DOUBLE_EQ(network.unelevatedLengthM(), 0.0);
}

TEST(WalkSlopeTest, StepsKeepTheirFactorOnASlope)
{
    auto grid = risingPlane();
    // 30 m of steps rising 3 m: 30 x 2.0 = 60 m either way; the slope is not counted again.
    detail::WalkNetwork network({street({Point(0, 0), Point(30, 0)}, "steps")},
                                slopeOptions(*grid));
    EXPECT_NEAR(network.edges()[0].costM, 60.0, kTolerance);
    EXPECT_NEAR(network.edges()[0].backCostM, 60.0, kTolerance);
}

TEST(WalkSlopeTest, WaysOffTheDemAreFlatAndCounted)
{
    auto grid = risingPlane();
    // North of the grid (y = 100): 40 m without heights, costed as 40 m and reported.
    detail::WalkNetwork network({street({Point(0, 100), Point(40, 100)})}, slopeOptions(*grid));
    EXPECT_NEAR(network.edges()[0].costM, 40.0, kTolerance);
    EXPECT_NEAR(network.unelevatedLengthM(), 40.0, kTolerance);
}

TEST(WalkSlopeTest, ParcelWalksUphillToOneFacilityAndDownhillToTheOther)
{
    // One street 0 - 50 - 100 - 150 (its inner nodes form one chain); a parcel at each end.
    // The east kindergarten at (125, 5) joins the street 25 m before its end, 5 m off it.
    //   west parcel -> east kindergarten: 125 m uphill + 5 m snap = 125 x 1.4190675 + 5
    //                                     = 182.38344357
    //   east parcel -> west kindergarten at (25, 5): 125 m downhill + 5 = 130
    // The searches run from the kindergartens, so they must take each edge reversed.
    Project project = slopeProject();
    project.config.lifeCircles = {{"5min", 300, 5, {"kindergarten", "bank"}, "test"}};
    project.config.facilityMappings = {{"kindergarten", "kindergarten"}, {"bank", "bank"}};
    project.streets = {street({Point(0, 0), Point(50, 0), Point(100, 0), Point(150, 0)})};
    project.parcels = {parcel(1, -8, -3, -2, 3), parcel(2, 152, -3, 158, 3)};
    project.facilities = {kindergarten(125, 5), facility(25, 5, "bank")};

    WalkAccessResult result = analyzeWalkAccess(project);
    ASSERT_EQ(result.parcels.size(), 2u);
    EXPECT_NEAR(result.parcels[0].distanceM.at("kindergarten"), 125 * kUphill + 5, 1e-9);
    EXPECT_NEAR(result.parcels[1].distanceM.at("bank"), 130.0, 1e-9);
    // The other two walks: east parcel 25 m west (downhill) + 5 = 30; west parcel 25 m east
    // (uphill) + 5 = 25 x 1.4190675 + 5 = 40.47668871.
    EXPECT_NEAR(result.parcels[1].distanceM.at("kindergarten"), 30.0, 1e-9);
    EXPECT_NEAR(result.parcels[0].distanceM.at("bank"), 25 * kUphill + 5, 1e-9);
    EXPECT_TRUE(result.network.slopeFromDem);
}

TEST(WalkSlopeTest, ServiceAreaReachesFartherDownhillThanUphill)
{
    // A kindergarten on a 1 km street at x = 500. From the west the walk to it climbs:
    // 300 / 1.4190675 = 211.40487 m; from the east it descends: 300 m. Reachable: 511.40487 m.
    Project project = slopeProject();
    project.streets = {street({Point(0, 0), Point(1000, 0)})};
    project.facilities = {kindergarten(500, 0)};
    auto areas = serviceAreas(project, "kindergarten", "5min");
    const ServiceArea& area = areas.at("kindergarten");
    EXPECT_NEAR(area.streetLengthM, 300 / kUphill + 300, 1e-6);
    EXPECT_TRUE(boost::geometry::within(Point(790, 0), area.area));
    EXPECT_FALSE(boost::geometry::within(Point(230, 0), area.area));  // 288.6 - 50 = 238.6
}

TEST(WalkSlopeTest, AFlatDemChangesNothing)
{
    // On level ground Tobler's factor is exp(3.5 (|0 + 0.05| - 0.05)) = exp(0) = 1, so a DEM
    // of one height gives the distances of no DEM: round a corner, 100 + 40 + 5 m snap.
    Project project = slopeProject();
    auto level = std::make_shared<ElevationGrid>(*risingPlane());
    std::fill(level->heightsM.begin(), level->heightsM.end(), 12.5);
    project.streets = {street({Point(0, 0), Point(100, 0), Point(100, 40)})};
    project.parcels = {parcel(1, -8, -3, -2, 3)};
    project.facilities = {kindergarten(95, 40)};
    double withoutM = analyzeWalkAccess([&] {
        Project flat = project;
        flat.elevation = nullptr;
        return flat;
    }()).parcels[0].distanceM.at("kindergarten");
    project.elevation = level;
    EXPECT_NEAR(withoutM, 145.0, 1e-9);
    WalkAccessResult result = analyzeWalkAccess(project);
    EXPECT_NEAR(result.parcels[0].distanceM.at("kindergarten"), withoutM, 1e-9);
    EXPECT_DOUBLE_EQ(result.network.unelevatedLengthM, 0.0);  // every metre on the DEM
}

TEST(WalkSlopeTest, ADemNeedsTheToblerParameters)
{
    Project project = slopeProject();
    project.config.parameters.values.erase("walk.tobler_slope_factor");
    project.streets = {street({Point(0, 0), Point(100, 0)})};
    EXPECT_THROW(analyzeWalkAccess(project), MissingParameter);
}

} // namespace
} // namespace greenrenew::core
