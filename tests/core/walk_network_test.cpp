#include "core/detail/walk_network.h"

#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace greenrenew::core::detail {
namespace {

// Node coordinates and lengths below are exact sums of the hand-placed coordinates.
constexpr double kTolerance = 1e-9;

Street street(std::vector<Point> points, const std::string& highway = "residential",
              bool walkable = true)
{
    Street s;
    s.geometry.push_back(LineString(points.begin(), points.end()));
    s.highway = highway;
    s.walkable = walkable;
    return s;
}

MultiPolygon box(double x0, double y0, double x1, double y1)
{
    Polygon polygon;
    polygon.outer() = {Point(x0, y0), Point(x0, y1), Point(x1, y1), Point(x1, y0), Point(x0, y0)};
    boost::geometry::correct(polygon);
    return MultiPolygon{polygon};
}

WalkNetworkOptions options(double snapM = 1.0, double stepsFactor = 2.0)
{
    return {snapM, stepsFactor};
}

TEST(WalkNetworkTest, NodesCrossingStreets)
{
    // A plus sign drawn as two straight streets with no shared vertex: the crossing at (50, 0)
    // must become a node, giving 4 edges of 50 m.
    WalkNetwork network({street({Point(0, 0), Point(100, 0)}),
                         street({Point(50, -50), Point(50, 50)})},
                        options());
    EXPECT_EQ(network.nodes().size(), 5u);
    EXPECT_EQ(network.edges().size(), 4u);
    EXPECT_EQ(network.componentSizes().size(), 1u);
    EXPECT_NEAR(network.totalLengthM(), 200.0, kTolerance);
    for (const WalkEdge& edge : network.edges())
        EXPECT_NEAR(edge.lengthM, 50.0, kTolerance);
}

TEST(WalkNetworkTest, SharedVerticesJoinStreets)
{
    WalkNetwork network({street({Point(0, 0), Point(100, 0)}),
                         street({Point(100, 0), Point(100, 80)})},
                        options(0.0));
    EXPECT_EQ(network.nodes().size(), 3u);
    EXPECT_EQ(network.componentSizes().size(), 1u);
}

TEST(WalkNetworkTest, SnapsEndWithinToleranceOntoAnotherStreet)
{
    // A side street stopping 0.5 m short of the main street: joined at 1 m tolerance, an
    // island at 0.1 m.
    std::vector<Street> streets{street({Point(0, 0), Point(100, 0)}),
                                street({Point(50, 0.5), Point(50, 60)})};
    WalkNetwork joined(streets, options(1.0));
    EXPECT_EQ(joined.nodes().size(), 4u);
    EXPECT_EQ(joined.edges().size(), 3u);
    EXPECT_EQ(joined.componentSizes().size(), 1u);

    WalkNetwork apart(streets, options(0.1));
    EXPECT_EQ(apart.nodes().size(), 4u);
    EXPECT_EQ(apart.edges().size(), 2u);
    EXPECT_EQ(apart.componentSizes().size(), 2u);
}

TEST(WalkNetworkTest, LeavesOutStreetsClosedToPedestrians)
{
    WalkNetwork network({street({Point(0, 0), Point(100, 0)}),
                         street({Point(0, 10), Point(100, 10)}, "trunk", false)},
                        options());
    EXPECT_EQ(network.edges().size(), 1u);
    EXPECT_NEAR(network.totalLengthM(), 100.0, kTolerance);
}

TEST(WalkNetworkTest, WeighsStepsByTheStepsFactor)
{
    WalkNetwork network({street({Point(0, 0), Point(0, 30)}, "steps")}, options(1.0, 2.0));
    ASSERT_EQ(network.edges().size(), 1u);
    EXPECT_NEAR(network.edges()[0].lengthM, 30.0, kTolerance);
    EXPECT_NEAR(network.edges()[0].costM, 60.0, kTolerance);
}

TEST(WalkNetworkTest, NumbersComponentsLargestFirst)
{
    WalkNetwork network({street({Point(500, 500), Point(600, 500)}),
                         street({Point(0, 0), Point(100, 0), Point(200, 0)})},
                        options());
    ASSERT_EQ(network.componentSizes().size(), 2u);
    EXPECT_EQ(network.componentSizes()[0], 3u);
    EXPECT_EQ(network.componentSizes()[1], 2u);
    for (std::size_t n = 0; n < network.nodes().size(); ++n)
        EXPECT_EQ(network.componentOf()[n], network.nodes()[n].y() == 0 ? 0u : 1u);
}

TEST(WalkNetworkTest, ProjectsPointOntoNearestEdge)
{
    WalkNetwork network({street({Point(0, 0), Point(100, 0)})}, options());
    auto projection = network.nearestEdge(Point(60, -4));
    ASSERT_TRUE(projection);
    EXPECT_NEAR(projection->point.x(), 60.0, kTolerance);
    EXPECT_NEAR(projection->point.y(), 0.0, kTolerance);
    EXPECT_NEAR(projection->distanceM, 4.0, kTolerance);
    const WalkEdge& edge = network.edges()[projection->edge];
    double fromX = network.nodes()[edge.from].x();
    EXPECT_NEAR(projection->alongM, std::abs(60.0 - fromX), kTolerance);
}

TEST(WalkNetworkTest, FindsNodesNearAnAreaOrTheNearestOne)
{
    WalkNetwork network({street({Point(0, 0), Point(100, 0), Point(200, 0)})}, options());
    std::vector<std::size_t> near = network.nodesNear(box(95, 3, 105, 20), 5.0);
    ASSERT_EQ(near.size(), 1u);
    EXPECT_NEAR(network.nodes()[near[0]].x(), 100.0, kTolerance);
    EXPECT_TRUE(network.nodesNear(box(40, 10, 60, 20), 5.0).empty());

    auto nearest = network.nearestNode(box(170, 40, 190, 60));
    ASSERT_TRUE(nearest);
    EXPECT_NEAR(network.nodes()[nearest->node].x(), 200.0, kTolerance);
    EXPECT_NEAR(nearest->gapM, std::hypot(10.0, 40.0), kTolerance);
}

TEST(WalkNetworkTest, MultiSourceSearchTakesTheCheapestSeedAndStopsAtTheBound)
{
    // Nodes at x = 0, 100, ..., 500 along one street.
    WalkNetwork network({street({Point(0, 0), Point(100, 0), Point(200, 0), Point(300, 0),
                                 Point(400, 0), Point(500, 0)})},
                        options());
    auto nodeAt = [&](double x) {
        for (std::size_t n = 0; n < network.nodes().size(); ++n)
            if (network.nodes()[n].x() == x)
                return n;
        return network.nodes().size();
    };
    std::vector<double> costs;
    network.shortestCosts({{nodeAt(0), 10.0}, {nodeAt(500), 0.0}, {nodeAt(0), 20.0}}, 1000,
                          nullptr, costs);
    EXPECT_NEAR(costs[nodeAt(0)], 10.0, kTolerance);
    EXPECT_NEAR(costs[nodeAt(200)], 210.0, kTolerance);
    EXPECT_NEAR(costs[nodeAt(300)], 200.0, kTolerance);

    network.shortestCosts({{nodeAt(0), 0.0}}, 150, nullptr, costs);
    EXPECT_NEAR(costs[nodeAt(100)], 100.0, kTolerance);
    EXPECT_GT(costs[nodeAt(300)], 150.0);
    EXPECT_GT(costs[nodeAt(500)], 150.0);
}

} // namespace
} // namespace greenrenew::core::detail
