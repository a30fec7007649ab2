#include "core/walk_access.h"
#include "walk_test_support.h"

#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <string>
#include <vector>

namespace greenrenew::core {
namespace {

// Every expected distance is a sum of hand-placed street lengths and snap gaps.
constexpr double kTolerance = 1e-9;

/// The walk parameters of resources/method/walking.json, with two small circles whose
/// required types the tests choose.
MethodConfig walkConfig(double circleMode = 0)
{
    MethodConfig config;
    test::setWalkParameters(config.parameters);
    test::setParameter(config.parameters, "walk.circle_mode", circleMode);

    config.lifeCircles = {{"5min", 300, 5, {"kindergarten", "community_shop"}, "test"},
                          {"10min", 500, 10, {"bank"}, "test"}};
    config.facilityMappings = {{"kindergarten", "kindergarten"},
                               {"amenity=kindergarten", "kindergarten"},
                               {"幼儿园", "kindergarten"},
                               {"convenience", "community_shop"},
                               {"supermarket", "community_shop, fresh_market"},
                               {"hospital", "community_health_centre"},
                               {"hospital", "outpatient_clinic"},
                               {"daily_market", "community_shop"},
                               {"bank", "bank"},
                               {"bus_stop", "public_transport_stop"},
                               {"transit", "public_transport_stop"}};
    return config;
}

using test::facility;
using test::parcel;
using test::street;

bool contains(const std::vector<std::string>& list, const std::string& item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(WalkAccessTest, WalksRoundTheBlockWhereTheCrowFlies)
{
    // A ring road round the block [0,100]^2 with nodes at (0,50) and (100,50); the parcel lies
    // west of it, the bank east of it, 5 m off the east street. Walk: 50 + 100 + 50 + 5.
    Project project;
    project.config = walkConfig();
    project.streets = {street({Point(0, 50), Point(0, 0), Point(100, 0), Point(100, 50),
                               Point(100, 100), Point(0, 100), Point(0, 50)})};
    project.parcels = {parcel(1, -30, 40, 0, 60)};
    project.facilities = {facility(105, 50, "bank")};

    WalkAccess access = computeWalkAccess(project).at(0);
    EXPECT_NEAR(access.distanceM.at("bank"), 205.0, kTolerance);
    EXPECT_NEAR(access.crowflyM.at("bank"), 105.0, kTolerance);
    EXPECT_TRUE(access.connected);
    EXPECT_EQ(access.accessPoints, 1u);
}

TEST(WalkAccessTest, JoinsAFacilityMidEdge)
{
    // The bank projects onto (60, 0), inside the edge from (0,0) to (100,0), 4 m off it.
    Project project;
    project.config = walkConfig();
    project.streets = {street({Point(0, 50), Point(0, 0), Point(100, 0), Point(100, 50)})};
    project.parcels = {parcel(1, -30, 40, 0, 60)};
    project.facilities = {facility(60, -4, "bank")};

    WalkAccess access = computeWalkAccess(project).at(0);
    EXPECT_NEAR(access.distanceM.at("bank"), 50.0 + 60.0 + 4.0, kTolerance);
}

TEST(WalkAccessTest, StaircaseCostsTheStepsFactor)
{
    // 100 m flat, then 30 m of steps at factor 2, then a 5 m snap: 100 + 60 + 5.
    Project project;
    project.config = walkConfig();
    project.streets = {street({Point(0, 0), Point(100, 0)}),
                       street({Point(100, 0), Point(100, 30)}, "steps")};
    project.parcels = {parcel(1, -20, -10, 0, 10)};
    project.facilities = {facility(100, 35, "bank")};

    WalkAccess access = computeWalkAccess(project).at(0);
    EXPECT_NEAR(access.distanceM.at("bank"), 165.0, kTolerance);

    project.streets[1].highway = "footway";
    EXPECT_NEAR(computeWalkAccess(project).at(0).distanceM.at("bank"), 135.0, kTolerance);
}

TEST(WalkAccessTest, IslandParcelReachesNothingAndIsReported)
{
    Project project;
    project.config = walkConfig();
    project.streets = {street({Point(0, 0), Point(100, 0), Point(200, 0)}),
                       street({Point(500, 300), Point(600, 300)})};
    project.parcels = {parcel(1, -20, -10, 0, 10), parcel(2, 500, 300, 600, 320)};
    project.facilities = {facility(150, 2, "bank")};

    WalkAccessResult result = analyzeWalkAccess(project);
    EXPECT_EQ(result.network.componentCount, 2u);
    EXPECT_EQ(result.network.largestComponentNodes, 3u);
    const WalkAccess& mainland = result.parcels.at(0);
    const WalkAccess& island = result.parcels.at(1);
    EXPECT_EQ(mainland.pieceNodes, 3u);
    EXPECT_NEAR(mainland.distanceM.at("bank"), 152.0, kTolerance);
    EXPECT_TRUE(island.connected);
    EXPECT_EQ(island.pieceNodes, 2u);
    EXPECT_EQ(island.distanceM.count("bank"), 0u);
    EXPECT_TRUE(contains(island.gaps.at("10min"), "bank"));
    // Straight-line analysis sees the bank 460 m away: within the 10-minute radius.
    EXPECT_NEAR(island.crowflyM.at("bank"), std::hypot(350.0, 298.0), kTolerance);
    EXPECT_FALSE(contains(island.crowflyGaps.at("10min"), "bank"));
}

TEST(WalkAccessTest, FacilityJustInsideAndJustOutside300Metres)
{
    Project project;
    project.config = walkConfig();
    project.streets = {street({Point(0, 0), Point(1000, 0)})};
    project.parcels = {parcel(1, -20, -10, 0, 10)};
    project.facilities = {facility(299.5, 0, "kindergarten"), facility(300.5, 0, "convenience"),
                          facility(400, 0, "bank")};

    WalkAccess access = computeWalkAccess(project).at(0);
    EXPECT_NEAR(access.distanceM.at("kindergarten"), 299.5, kTolerance);
    EXPECT_NEAR(access.distanceM.at("community_shop"), 300.5, kTolerance);
    EXPECT_EQ(access.gaps.at("5min"), std::vector<std::string>{"community_shop"});
    EXPECT_TRUE(access.gaps.at("10min").empty());
    EXPECT_NEAR(access.walkScore, 2.0 / 3.0, kTolerance);
}

TEST(WalkAccessTest, OneSearchGivesEveryParcelItsNearestFacility)
{
    Project project;
    project.config = walkConfig();
    project.streets = {street({Point(0, 0), Point(1000, 0)})};
    project.parcels = {parcel(1, -20, -10, 0, 10), parcel(2, 1000, -10, 1020, 10)};
    project.facilities = {facility(200, 3, "bank"), facility(900, 0, "bank")};

    std::vector<WalkAccess> access = computeWalkAccess(project);
    EXPECT_NEAR(access.at(0).distanceM.at("bank"), 203.0, kTolerance);
    EXPECT_NEAR(access.at(1).distanceM.at("bank"), 100.0, kTolerance);
}

TEST(WalkAccessTest, CrowFlyHidesAGapTheNetworkShows)
{
    // A U-shaped street: the kindergarten is 100 m away across the open end but 403 m on foot.
    Project project;
    project.config = walkConfig();
    project.streets = {street({Point(0, 0), Point(0, 150), Point(100, 150), Point(100, 0)})};
    project.parcels = {parcel(1, -20, -20, 0, 0)};
    project.facilities = {facility(100, -3, "kindergarten")};

    WalkAccess access = computeWalkAccess(project).at(0);
    EXPECT_NEAR(access.distanceM.at("kindergarten"), 403.0, kTolerance);
    EXPECT_NEAR(access.crowflyM.at("kindergarten"), 100.0, kTolerance);
    EXPECT_TRUE(contains(access.gaps.at("5min"), "kindergarten"));
    EXPECT_FALSE(contains(access.crowflyGaps.at("5min"), "kindergarten"));
}

TEST(WalkAccessTest, TimeModeReadsCirclesInMinutes)
{
    // 550 m: beyond the 10-minute radius of 500 m, within 10 minutes at 60 m/min (600 m).
    Project project;
    project.streets = {street({Point(0, 0), Point(1000, 0)})};
    project.parcels = {parcel(1, -20, -10, 0, 10)};
    project.facilities = {facility(550, 0, "bank")};

    project.config = walkConfig(0);
    WalkAccessResult byDistance = analyzeWalkAccess(project);
    EXPECT_TRUE(contains(byDistance.parcels.at(0).gaps.at("10min"), "bank"));
    EXPECT_EQ(byDistance.network.circleMode, "distance");
    EXPECT_NEAR(byDistance.network.searchBoundM, 500.0, kTolerance);

    project.config = walkConfig(1);
    WalkAccessResult byTime = analyzeWalkAccess(project);
    EXPECT_FALSE(contains(byTime.parcels.at(0).gaps.at("10min"), "bank"));
    EXPECT_EQ(byTime.network.circleMode, "time");
    EXPECT_NEAR(byTime.network.searchBoundM, 600.0, kTolerance);
}

TEST(WalkAccessTest, RequiredTypesAbsentFromTheDataAreGapsEverywhere)
{
    Project project;
    project.config = walkConfig();
    project.streets = {street({Point(0, 0), Point(1000, 0)})};
    project.parcels = {parcel(1, -20, -10, 0, 10)};
    project.facilities = {facility(10, 0, "kindergarten"), facility(20, 0, "statue")};

    WalkAccessResult result = analyzeWalkAccess(project);
    const WalkAccess& access = result.parcels.at(0);
    EXPECT_EQ(access.gaps.at("5min"), std::vector<std::string>{"community_shop"});
    EXPECT_EQ(access.gaps.at("10min"), std::vector<std::string>{"bank"});
    EXPECT_NEAR(access.walkScore, 1.0 / 3.0, kTolerance);
    EXPECT_EQ(result.network.requiredTypesAbsent,
              (std::vector<std::string>{"bank", "community_shop"}));
    EXPECT_EQ(result.network.facilitiesMapped, 1u);
    EXPECT_EQ(result.network.facilitiesUnmapped, 1u);
}

TEST(WalkAccessTest, ParcelAwayFromStreetsUsesNearestNodeAndItsGap)
{
    Project project;
    project.config = walkConfig();
    project.streets = {street({Point(0, 0), Point(100, 0)})};
    project.parcels = {parcel(1, -50, -5, -40, 5)};
    project.facilities = {facility(100, 0, "bank")};

    WalkAccess access = computeWalkAccess(project).at(0);
    EXPECT_FALSE(access.connected);
    EXPECT_EQ(access.accessPoints, 1u);
    EXPECT_NEAR(access.accessGapM, 40.0, kTolerance);
    EXPECT_NEAR(access.distanceM.at("bank"), 140.0, kTolerance);
}

TEST(WalkAccessTest, StopsWhenCancelled)
{
    Project project;
    project.config = walkConfig();
    project.streets = {street({Point(0, 0), Point(1000, 0)})};
    project.parcels = {parcel(1, -20, -10, 0, 10)};
    project.facilities = {facility(10, 0, "bank")};

    std::atomic<bool> cancel{true};
    StageControl control;
    control.cancel = &cancel;
    std::vector<WalkAccess> access = computeWalkAccess(project, control);
    ASSERT_EQ(access.size(), 1u);
    EXPECT_TRUE(access[0].distanceM.empty());

    cancel = false;
    double lastFraction = -1;
    control.progress = [&](const std::string&, double fraction) { lastFraction = fraction; };
    EXPECT_NEAR(computeWalkAccess(project, control).at(0).distanceM.at("bank"), 10.0,
                kTolerance);
    EXPECT_EQ(lastFraction, 1.0);
}

TEST(WalkAccessTest, MapsTagBeforeCategory)
{
    MethodConfig config = walkConfig();
    EXPECT_EQ(facilityTypesOf(facility(0, 0, "tilezen_kind=bus_stop", "transit"), config),
              std::vector<std::string>{"public_transport_stop"});
    EXPECT_EQ(facilityTypesOf(facility(0, 0, "amenity=kindergarten"), config),
              std::vector<std::string>{"kindergarten"});
    EXPECT_EQ(facilityTypesOf(facility(0, 0, "", "幼儿园"), config),
              std::vector<std::string>{"kindergarten"});
    EXPECT_EQ(facilityTypesOf(facility(0, 0, "supermarket", "shop"), config),
              (std::vector<std::string>{"community_shop", "fresh_market"}));
    EXPECT_EQ(facilityTypesOf(facility(0, 0, "hospital", "health"), config),
              (std::vector<std::string>{"community_health_centre", "outpatient_clinic"}));
    EXPECT_EQ(facilityTypesOf(facility(0, 0, "tilezen_kind=bakery", "daily_market"), config),
              std::vector<std::string>{"community_shop"});
    EXPECT_TRUE(facilityTypesOf(facility(0, 0, "tilezen_kind=artwork", "other"), config).empty());
}

} // namespace
} // namespace greenrenew::core
