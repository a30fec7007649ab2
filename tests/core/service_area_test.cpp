#include "core/walk_access.h"
#include "walk_test_support.h"

#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace greenrenew::core {
namespace {

namespace bg = boost::geometry;

// Lengths below are sums of hand-placed coordinates; areas come from the buffer's shape.
constexpr double kTolerance = 1e-6;

Project serviceProject()
{
    Project project;
    MethodConfig& config = project.config;
    test::setWalkParameters(config.parameters);
    config.lifeCircles = {{"5min", 300, 5, {"kindergarten", "bank"}, "test"}};
    config.facilityMappings = {{"kindergarten", "kindergarten"}, {"bank", "bank"}};
    return project;
}

using test::facility;
using test::street;

TEST(ServiceAreaTest, StraightStreetReachesThresholdLessSnapEitherSide)
{
    // A kindergarten 10 m off a 1 km street at x = 100: 290 m walk left either way, cut at the
    // street's start, so the part [0, 390] is reachable. Its 50 m buffer is a 390 x 100
    // rectangle plus two half discs, each drawn with 8 segments per quarter: a 32-gon of area
    // 16 r^2 sin(pi / 16).
    Project project = serviceProject();
    project.streets = {street({Point(0, 0), Point(1000, 0)})};
    project.facilities = {facility(100, 10, "kindergarten")};

    auto areas = serviceAreas(project, "kindergarten", "5min");
    ASSERT_EQ(areas.size(), 1u);
    const ServiceArea& area = areas.at("kindergarten");
    EXPECT_EQ(area.circleId, "5min");
    EXPECT_DOUBLE_EQ(area.thresholdM, 300.0);
    EXPECT_DOUBLE_EQ(area.bufferM, 50.0);
    EXPECT_NEAR(area.streetLengthM, 390.0, kTolerance);
    const double pi = std::acos(-1.0);
    const double expected = 390.0 * 100.0 + 16 * 50.0 * 50.0 * std::sin(pi / 16);
    EXPECT_NEAR(bg::area(area.area), expected, 1e-3);
    EXPECT_TRUE(bg::within(Point(435, 0), area.area));
    EXPECT_FALSE(bg::within(Point(445, 0), area.area));
}

TEST(ServiceAreaTest, StepsCostTwiceAndEveryRequiredTypeIsListed)
{
    // The street meets stairs at (200, 0) going north. The kindergarten reaches (200, 0) at
    // 10 + 100 = 110 m, leaving 190 m east (to x = 390) and 190 / 2 = 95 m up the stairs.
    // Reachable: 200 + 190 + 95 = 485 m. No bank exists, so its area is empty.
    Project project = serviceProject();
    project.streets = {street({Point(0, 0), Point(1000, 0)}),
                       street({Point(200, 0), Point(200, 300)}, "steps")};
    project.facilities = {facility(100, 10, "kindergarten")};

    auto areas = serviceAreas(project, "", "5min");
    ASSERT_EQ(areas.size(), 2u);
    const ServiceArea& kindergarten = areas.at("kindergarten");
    EXPECT_NEAR(kindergarten.streetLengthM, 485.0, kTolerance);
    // 95 m up the stairs plus the 50 m buffer: the area ends at y = 145 above the stairs.
    EXPECT_TRUE(bg::within(Point(200, 140), kindergarten.area));
    EXPECT_FALSE(bg::within(Point(200, 150), kindergarten.area));
    EXPECT_TRUE(areas.at("bank").area.empty());
    EXPECT_DOUBLE_EQ(areas.at("bank").streetLengthM, 0.0);
}

TEST(ServiceAreaTest, RejectsAnUnknownCircle)
{
    Project project = serviceProject();
    EXPECT_THROW(serviceAreas(project, "kindergarten", "99min"), std::invalid_argument);
}

} // namespace
} // namespace greenrenew::core
