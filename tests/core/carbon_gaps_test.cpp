// Carbon method on incomplete data (issue 6, QA defects 1-3): a missing layer leaves the indices
// that need it not assessed with the reason, a bare lot leads with "none" and lists no measure,
// and the tree-lined route is the longest route to a reached service, never their sum.

#include "core/carbon_method.h"
#include "carbon_test_support.h"

#include <gtest/gtest.h>

#include <string>

namespace greenrenew::core {
namespace {

using namespace carbon_test;

bool mentions(const IndexRating& rating, const std::string& text)
{
    return rating.reason.find(text) != std::string::npos;
}

// Parcel A without a facilities layer: the walk score, the bike station, the bus stop and the
// collection point are unknown. Fleet share 0.9 against 0.6 and recycling 0.3 against 0.35 are
// still known: clean vehicles alone would be slight (a guess, so not assessed); garbage fails
// its recycling limit, a serious band no missing figure can improve, so it stands.
TEST(CarbonGapsTest, NoFacilitiesLayerLeavesAccessIndicesNotAssessed)
{
    ParcelCase c = residentialCase();
    c.project.facilities.clear();
    const CarbonAssessment a = assess(c);
    for (const char* index : {"walk_life_circle", "bicycle_use", "clean_vehicles"}) {
        const IndexRating& rating = ratingOf(a, index);
        EXPECT_EQ(rating.rating, Rating::NotAssessed) << index;
        EXPECT_TRUE(mentions(rating, "no facilities layer")) << index << ": " << rating.reason;
    }
    EXPECT_TRUE(mentions(ratingOf(a, "clean_vehicles"), "alone would rate slight"));
    const IndexRating& garbage = ratingOf(a, "domestic_garbage");
    EXPECT_EQ(garbage.rating, Rating::Serious);
    EXPECT_TRUE(mentions(garbage, "collection point distance not measured")) << garbage.reason;
    // The ledger still books transport with the stated default distances (bus 500 m within
    // the 500 m reach, bike 500 m beyond 300 m): not zero, not from a missing layer.
    EXPECT_GT(a.ledger.transportT, 0.0);
}

TEST(CarbonGapsTest, NoStreetLayerLeavesTheWalkIndexNotAssessed)
{
    ParcelCase c = residentialCase();
    c.project.streets.clear();
    const CarbonAssessment a = assess(c);
    const IndexRating& walk = ratingOf(a, "walk_life_circle");
    EXPECT_EQ(walk.rating, Rating::NotAssessed);
    EXPECT_TRUE(mentions(walk, "no street layer")) << walk.reason;
    EXPECT_EQ(ratingOf(a, "bicycle_use").rating, Rating::NotAssessed);
}

// Parcel A without a green layer (and no surface data): green coverage, impervious and
// permeable shares and the runoff are unknown. Heat island keeps its density check, 0.35
// against a 0.32 maximum: serious, which the missing figures cannot improve.
TEST(CarbonGapsTest, NoGreenLayerLeavesGreenIndicesNotAssessed)
{
    ParcelCase c = residentialCase();
    c.project.green.clear();
    const CarbonAssessment a = assess(c);
    for (const char* index :
         {"carbon_planting", "park_system", "water_friendly_space", "rain_grey_water"}) {
        const IndexRating& rating = ratingOf(a, index);
        EXPECT_EQ(rating.rating, Rating::NotAssessed) << index;
        EXPECT_TRUE(mentions(rating, "no green layer")) << index << ": " << rating.reason;
    }
    const IndexRating& heat = ratingOf(a, "heat_island");
    EXPECT_EQ(heat.rating, Rating::Serious);
    EXPECT_NEAR(heat.proxy, 0.35, kShareTolerance);
    EXPECT_TRUE(mentions(heat, "green coverage not measured")) << heat.reason;
}

// A 40 m x 40 m lot with no building, occupant or green in a project with every layer: the
// ledger books exact zeros, so no category leads ("none", not a greening sink), and every
// measure would act on 0 t, so none is listed.
TEST(CarbonGapsTest, BareLotLeadsWithNoneAndListsNoMeasure)
{
    ParcelCase c = residentialCase();
    c.project.parcels.front().geometry = square(0, 0, 40);
    c.form = FormMetrics{};
    c.form.areaM2 = 1600;
    c.form.openSpaceShare = 1.0;
    const CarbonAssessment a = assess(c);
    EXPECT_EQ(a.ledger.totalT(), 0.0);
    EXPECT_EQ(a.leading, Category::None);
    EXPECT_STREQ(categoryName(a.leading), "none");
    // Rated all the same: 1,600 m2 of open ground without green is serious for planting.
    EXPECT_EQ(ratingOf(a, "carbon_planting").rating, Rating::Serious);
    EXPECT_TRUE(a.interventions.empty());
}

// Missing: kindergarten (450 m) and recycling point (380 m) in the 5-min circle, fresh market
// (700 m) in the 10-min circle. The routes share their way out of the parcel: the longest,
// 700 m, is planted, not 450 + 380 + 700 = 1,530 m. Effect 700 m x 1.5 m x (0.9 - 0.1)
// kg/m2/a / 1000 = 0.84 t, within the parcel's gross emissions.
TEST(CarbonGapsTest, TreeLinedRouteIsTheLongestRouteToAReachedService)
{
    ParcelCase c = residentialCase();
    c.walk.gaps = {{"5min", {"kindergarten", "recycling_point"}}, {"10min", {"fresh_market"}}};
    c.walk.distanceM = {{"public_transport_stop", 200}, {"kindergarten", 450},
                        {"recycling_point", 380}, {"fresh_market", 700}};
    const CarbonAssessment a = assess(c);
    const Intervention* route = interventionOf(a, "walk_life_circle");
    ASSERT_NE(route, nullptr);
    EXPECT_NEAR(route->quantity, 700, kTonneTolerance);
    EXPECT_EQ(route->unit, "m");
    EXPECT_NEAR(route->effectTPerYear, 0.84, kTonneTolerance);

    // A distance beyond the largest circle (1,000 m) is held at the circle: the route is
    // bounded by the life circle it serves.
    c.walk.distanceM["fresh_market"] = 1400;
    const Intervention* bounded = interventionOf(assess(c), "walk_life_circle");
    ASSERT_NE(bounded, nullptr);
    EXPECT_NEAR(bounded->quantity, 1000, kTonneTolerance);
}

} // namespace
} // namespace greenrenew::core
