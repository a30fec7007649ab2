// The geometry shortcuts of the form metrics stage, on shapes whose answers are seen by eye:
// each shortcut may say "not sure", never a wrong answer.

#include "core/detail/form_geometry.h"
#include "core/detail/simple_shell.h"

#include "form_test_support.h"

#include <gtest/gtest.h>

namespace greenrenew::core::detail {
namespace {

using test::box;
using test::rawRing;

TEST(SimpleShell, PlainShellsAreProvenAndDoubtfulOnesLeftToGeos)
{
    EXPECT_TRUE(isClearlySimpleShell(box(0, 0, 10, 10)));
    // L shape (six turns, no crossing), given without its closing vertex.
    EXPECT_TRUE(isClearlySimpleShell(rawRing({{0, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 20},
                                              {0, 20}})));
    // Bowtie: edges (0,0)-(10,10) and (10,0)-(0,10) cross at (5,5).
    EXPECT_FALSE(isClearlySimpleShell(rawRing({{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}})));
    // (5,0) lies on the straight run from (0,0) to (10,0): valid, but not proven here.
    EXPECT_FALSE(isClearlySimpleShell(rawRing({{0, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 0}})));
    // Vertex (5,0) touches the edge (0,0)-(10,0) from the notch: a self-touching ring.
    EXPECT_FALSE(isClearlySimpleShell(rawRing({{0, 0}, {10, 0}, {10, 10}, {5, 0}, {0, 10},
                                               {0, 0}})));
    // Repeated vertex, a hole, two polygons: all left to GEOS.
    EXPECT_FALSE(isClearlySimpleShell(rawRing({{0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 0}})));
    Polygon withHole = test::rectangle(0, 0, 10, 10);
    withHole.inners().push_back(test::rectangle(4, 4, 6, 6).outer());
    EXPECT_FALSE(isClearlySimpleShell(test::multi({withHole})));
    EXPECT_FALSE(isClearlySimpleShell(test::multi({test::rectangle(0, 0, 1, 1),
                                                   test::rectangle(2, 0, 3, 1)})));
}

std::vector<std::vector<double>> shell(std::initializer_list<double> xy)
{
    return {std::vector<double>(xy)};
}

TEST(SeparatedByEdge, SharedWallSeparatesOverlapAndNotchDoNot)
{
    const auto left = shell({0, 0, 10, 0, 10, 10, 0, 10, 0, 0});
    // Shares the wall x = 10.
    EXPECT_TRUE(separatedByEdge(left, shell({10, 0, 20, 0, 20, 10, 10, 10, 10, 0}), 1e-9));
    // Reaches 1 m over the wall: interiors overlap.
    EXPECT_FALSE(separatedByEdge(left, shell({9, 0, 20, 0, 20, 10, 9, 10, 9, 0}), 1e-9));
    // A square in the notch of an L touches two of its edges: no line separates them,
    // although the interiors do not meet (left to GEOS).
    const auto ell = shell({0, 0, 20, 0, 20, 10, 10, 10, 10, 20, 0, 20, 0, 0});
    EXPECT_FALSE(separatedByEdge(ell, shell({10, 10, 20, 10, 20, 20, 10, 20, 10, 10}), 1e-9));
}

TEST(ParcelBoundary, PlacesBoxesAwayFromTheBoundaryOnly)
{
    // Parcel 0..100 with a hole 40..60.
    Polygon withHole = test::rectangle(0, 0, 100, 100);
    withHole.inners().push_back(test::rectangle(40, 40, 60, 60).outer());
    GeosContext& geos = threadGeosContext();
    GeosGeometry parcel = geos.validFromMultiPolygon(test::multi({withHole}));
    const ParcelBoundary boundary(geos, parcel.get());
    using Placement = ParcelBoundary::Placement;
    auto place = [&](double x0, double y0, double x1, double y1) {
        return boundary.place(Box(Point(x0, y0), Point(x1, y1)));
    };
    EXPECT_EQ(place(10, 10, 20, 20), Placement::Inside);
    EXPECT_EQ(place(45, 45, 55, 55), Placement::Outside);    // in the hole
    EXPECT_EQ(place(150, 10, 160, 20), Placement::Outside);  // east of the parcel
    EXPECT_EQ(place(-20, 10, -10, 20), Placement::Outside);  // west: the ray crosses twice
    EXPECT_EQ(place(95, 10, 105, 20), Placement::Unknown);   // across the east edge
    EXPECT_EQ(place(100, 10, 110, 20), Placement::Unknown);  // touching it
}

} // namespace
} // namespace greenrenew::core::detail
