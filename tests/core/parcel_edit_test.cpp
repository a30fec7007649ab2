// Parcel editing: every expected area below is worked out by hand from the rectangle's sides.

#include "core/parcel_edit.h"

#include "form_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace greenrenew::core {
namespace {

using test::box;

Parcel parcelOf(FeatureId id, MultiPolygon geometry)
{
    Parcel parcel;
    parcel.id = id;
    parcel.geometry = std::move(geometry);
    return parcel;
}

// Index of the outer-ring corner at (x, y); the ring order is Boost's, not ours.
std::size_t cornerAt(const Parcel& parcel, double x, double y)
{
    const Ring& ring = parcel.geometry.front().outer();
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        if (ring[i].x() == x && ring[i].y() == y)
            return i;
    ADD_FAILURE() << "no corner at " << x << "," << y;
    return 0;
}

TEST(ParcelEdit, SplitRectangleByVerticalLine)
{
    Parcel parcel = parcelOf(7, box(0, 0, 100, 50));
    parcel.type = RenewalType::Factory;
    parcel.attributes = {{"population", "200"}, {"owner", "mill"}};

    auto pieces = splitParcel(parcel, LineString{{30, -10}, {30, 60}}, 100);

    ASSERT_TRUE(pieces.ok()) << pieces.error().describe();
    ASSERT_EQ(pieces.value().size(), 2u);
    // 70 x 50 = 3500 on the right, 30 x 50 = 1500 on the left; largest first.
    const Parcel& large = pieces.value()[0];
    const Parcel& small = pieces.value()[1];
    EXPECT_NEAR(parcelAreaM2(large.geometry), 3500.0, 1e-9);
    EXPECT_NEAR(parcelAreaM2(small.geometry), 1500.0, 1e-9);
    EXPECT_EQ(large.id, 100);
    EXPECT_EQ(small.id, 101);
    EXPECT_EQ(large.sourceIds, std::vector<FeatureId>{7});
    EXPECT_EQ(small.type, RenewalType::Factory);
    // Population 200 in proportion to area: 200 x 0.7 = 140 and 200 x 0.3 = 60.
    EXPECT_NEAR(std::stod(large.attributes.at("population")), 140.0, 1e-9);
    EXPECT_NEAR(std::stod(small.attributes.at("population")), 60.0, 1e-9);
    EXPECT_EQ(small.attributes.at("owner"), "mill");
}

TEST(ParcelEdit, SplitRefusesLineThatDoesNotCross)
{
    Parcel parcel = parcelOf(1, box(0, 0, 100, 50));
    auto pieces = splitParcel(parcel, LineString{{30, -10}, {30, 20}}, 2);
    EXPECT_FALSE(pieces.ok());
}

TEST(ParcelEdit, SplitRefusesSliver)
{
    // A cut 0.01 m from the edge leaves 0.01 x 50 = 0.5 m2, below the 1 m2 sliver limit.
    Parcel parcel = parcelOf(1, box(0, 0, 100, 50));
    auto pieces = splitParcel(parcel, LineString{{0.01, -1}, {0.01, 51}}, 2);
    ASSERT_FALSE(pieces.ok());
    EXPECT_NE(pieces.error().message.find("sliver"), std::string::npos);
}

TEST(ParcelEdit, MergeTouchingSquares)
{
    Parcel left = parcelOf(1, box(0, 0, 10, 10));
    left.type = RenewalType::Residential;
    left.attributes = {{"population", "30"}, {"note", "left"}};
    Parcel right = parcelOf(2, box(10, 0, 30, 20));  // 20 x 20 = 400, the larger part
    right.type = RenewalType::Commercial;
    right.attributes = {{"population", "12.5"}, {"note", "right"}};

    auto merged = mergeParcels({left, right}, 9);

    ASSERT_TRUE(merged.ok()) << merged.error().describe();
    EXPECT_EQ(merged.value().geometry.size(), 1u);
    EXPECT_NEAR(parcelAreaM2(merged.value().geometry), 100.0 + 400.0, 1e-9);
    EXPECT_EQ(merged.value().type, RenewalType::Commercial);
    EXPECT_EQ(merged.value().attributes.at("note"), "right");
    EXPECT_NEAR(std::stod(merged.value().attributes.at("population")), 42.5, 1e-12);
    EXPECT_EQ(merged.value().sourceIds, (std::vector<FeatureId>{1, 2}));

    AttributeRules firstWins;
    firstWins.typeFromLargerPart = false;
    EXPECT_EQ(mergeParcels({left, right}, 9, firstWins).value().type,
              RenewalType::Residential);
}

TEST(ParcelEdit, MergeRefusesApartParcels)
{
    auto merged = mergeParcels({parcelOf(1, box(0, 0, 10, 10)), parcelOf(2, box(20, 0, 30, 10))},
                               3);
    ASSERT_FALSE(merged.ok());
    EXPECT_NE(merged.error().message.find("share no edge"), std::string::npos);
}

TEST(ParcelEdit, MoveVertexChangesAreaByHand)
{
    // Moving (100, 50) to (100, 70) turns the 100 x 50 rectangle into a trapezoid whose
    // right side is 70: area = 100 x (50 + 70) / 2 = 6000.
    Parcel parcel = parcelOf(1, box(0, 0, 100, 50));
    VertexRef corner{0, -1, cornerAt(parcel, 100, 50)};
    auto moved = moveVertex(parcel, corner, Point(100, 70));
    ASSERT_TRUE(moved.ok()) << moved.error().describe();
    EXPECT_NEAR(parcelAreaM2(moved.value().geometry), 6000.0, 1e-9);
}

TEST(ParcelEdit, MoveFirstVertexKeepsRingClosed)
{
    Parcel parcel = parcelOf(1, box(0, 0, 10, 10));
    const Point first = parcel.geometry.front().outer().front();
    // Pulling the first corner 10 m outward along x adds a triangle of 10 x 10 / 2 = 50.
    const Point pulled(first.x() == 0 ? -10 : 20, first.y());
    auto moved = moveVertex(parcel, VertexRef{0, -1, 0}, pulled);
    ASSERT_TRUE(moved.ok()) << moved.error().describe();
    const Ring& ring = moved.value().geometry.front().outer();
    EXPECT_EQ(ring.front().x(), ring.back().x());
    EXPECT_NEAR(parcelAreaM2(moved.value().geometry), 150.0, 1e-9);
}

TEST(ParcelEdit, MoveVertexRefusesSelfCrossing)
{
    Parcel parcel = parcelOf(1, box(0, 0, 10, 10));
    VertexRef corner{0, -1, cornerAt(parcel, 10, 10)};
    // (0,10)->(5,-5) crosses the bottom edge (10,0)->(0,0) at (10/3, 0).
    EXPECT_FALSE(moveVertex(parcel, corner, Point(5, -5)).ok());
}

TEST(ParcelEdit, InsertAndDeleteVertex)
{
    // A vertex pushed out from the middle of the top edge, (50, 50) -> (50, 60), adds a
    // triangle of base 100 and height 10: 5000 + 500 = 5500.
    Parcel parcel = parcelOf(1, box(0, 0, 100, 50));
    const std::size_t topRight = cornerAt(parcel, 100, 50);
    const std::size_t topLeft = cornerAt(parcel, 0, 50);
    VertexRef between{0, -1, std::max(topRight, topLeft)};
    auto grown = insertVertex(parcel, between, Point(50, 60));
    ASSERT_TRUE(grown.ok()) << grown.error().describe();
    EXPECT_NEAR(parcelAreaM2(grown.value().geometry), 5500.0, 1e-9);

    auto back = deleteVertex(grown.value(), VertexRef{0, -1, between.vertex});
    ASSERT_TRUE(back.ok());
    EXPECT_NEAR(parcelAreaM2(back.value().geometry), 5000.0, 1e-9);

    Parcel triangle = parcelOf(2, MultiPolygon{});
    triangle.geometry = test::rawRing({{0, 0}, {0, 10}, {10, 0}, {0, 0}});
    EXPECT_FALSE(deleteVertex(triangle, VertexRef{0, -1, 1}).ok());
}

TEST(ParcelEdit, TopologyRefusesOverlap)
{
    Parcel neighbour = parcelOf(2, box(10, 0, 20, 10));
    // The edited parcel reaches 2 m into the neighbour: 2 x 10 = 20 m2 of overlap.
    Parcel edited = parcelOf(1, box(0, 0, 12, 10));

    TopologyReport report = checkTopology(edited, {&neighbour});
    EXPECT_TRUE(report.refused);
    ASSERT_EQ(report.issues.size(), 1u);
    EXPECT_EQ(report.issues[0].otherId, 2);
    EXPECT_NEAR(report.issues[0].areaM2, 20.0, 1e-9);
    EXPECT_NE(report.summary().find("overlaps parcel 2"), std::string::npos);

    TopologyRules repair;
    repair.repairOverlaps = true;
    TopologyReport repaired = checkTopology(edited, {&neighbour}, repair);
    EXPECT_FALSE(repaired.refused);
    EXPECT_NEAR(parcelAreaM2(repaired.repaired.geometry), 100.0, 1e-9);

    Parcel touching = parcelOf(1, box(0, 0, 10, 10));
    EXPECT_FALSE(checkTopology(touching, {&neighbour}).refused);
}

TEST(ParcelEdit, ChangeAppliesAndRevertsInOrder)
{
    Project project;
    project.parcels = {parcelOf(1, box(0, 0, 10, 10)), parcelOf(2, box(10, 0, 20, 10)),
                       parcelOf(3, box(20, 0, 30, 10))};
    ParcelChange change;
    change.before = {project.parcels[0], project.parcels[2]};
    change.after = {parcelOf(4, box(0, 0, 30, 10))};

    ASSERT_TRUE(applyChange(project, change));
    ASSERT_EQ(project.parcels.size(), 2u);
    EXPECT_EQ(project.parcels[0].id, 4);
    EXPECT_EQ(project.parcels[1].id, 2);
    EXPECT_EQ(change.touchedIds(), (std::vector<FeatureId>{1, 3, 4}));

    ASSERT_TRUE(revertChange(project, change));
    ASSERT_EQ(project.parcels.size(), 3u);
    EXPECT_EQ(project.parcels[0].id, 1);
    EXPECT_EQ(project.parcels[1].id, 2);
    EXPECT_EQ(project.parcels[2].id, 3);
    EXPECT_EQ(nextParcelId(project), 4);
}

} // namespace
} // namespace greenrenew::core
