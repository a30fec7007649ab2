// The parcels' neighbours kept current through edits (core/parcel_neighbours.h): after each
// edit the lists must equal the hand-worked ones and those found afresh for the edited
// project (the way rankPriorities finds them for a full analysis).

#include "core/parcel_neighbours.h"
#include "core/priority.h"

#include "form_test_support.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace greenrenew::core {
namespace {

using Lists = std::vector<std::vector<std::size_t>>;

constexpr double kGapM = 20;

// Three 30 m squares in a row with 10 m lanes between them: [0, 30], [40, 70], [80, 110].
// Within 20 m: 1-2 and 2-3; 1 and 3 are 50 m apart.
Project row()
{
    Project project;
    project.parcels = {test::parcel(1, test::box(0, 0, 30, 30)),
                       test::parcel(2, test::box(40, 0, 70, 30)),
                       test::parcel(3, test::box(80, 0, 110, 30))};
    return project;
}

TEST(ParcelNeighboursTest, FindsParcelsAcrossALane)
{
    const ParcelNeighbours neighbours(row(), kGapM);
    EXPECT_EQ(neighbours.lists(), (Lists{{1}, {0, 2}, {1}}));
    EXPECT_EQ(parcelNeighbours(row(), kGapM), neighbours.lists());
}

// Parcel 3 moved 15 m east to [95, 125]: 25 m from parcel 2, more than the 20 m gap, so 2
// and 3 are no longer neighbours; then moved back to 10 m.
TEST(ParcelNeighboursTest, FollowsAMovedParcel)
{
    Project project = row();
    ParcelNeighbours neighbours(project, kGapM);

    project.parcels[2].geometry = test::box(95, 0, 125, 30);
    neighbours.update(project, {3});
    EXPECT_EQ(neighbours.lists(), (Lists{{1}, {0}, {}}));

    project.parcels[2].geometry = test::box(80, 0, 110, 30);
    neighbours.update(project, {3});
    EXPECT_EQ(neighbours.lists(), (Lists{{1}, {0, 2}, {1}}));
}

// Parcel 2 removed and parcel 4, [25, 55], added at the end: parcel 3 moves to position 1.
// 4 overlaps 1 and lies 25 m from 3: lists 1 {4}, 3 {}, 4 {1}.
TEST(ParcelNeighboursTest, FollowsParcelsAddedAndRemoved)
{
    Project project = row();
    ParcelNeighbours neighbours(project, kGapM);

    project.parcels.erase(project.parcels.begin() + 1);
    project.parcels.push_back(test::parcel(4, test::box(25, 0, 55, 30)));
    neighbours.update(project, {2, 4});
    EXPECT_EQ(neighbours.lists(), (Lists{{2}, {}, {0}}));
    EXPECT_EQ(neighbours.lists(), ParcelNeighbours(project, kGapM).lists());
}

// A 12 x 12 grid of 30 m parcels, lanes of 5 to 35 m between them; 40 parcels moved, one at
// a time, by up to 30 m each way (a fixed pseudo-random sequence); every tenth moved parcel is
// also taken out and put back first under a new id, so every position before it shifts.
TEST(ParcelNeighboursTest, EqualsListsFoundAfreshAfterEveryEdit)
{
    Project project;
    std::uint32_t state = 12345;
    auto next = [&](double range) {
        state = state * 1664525u + 1013904223u;
        return range * static_cast<double>(state >> 8) / static_cast<double>(1u << 24);
    };
    FeatureId id = 1;
    for (int row = 0; row < 12; ++row) {
        for (int column = 0; column < 12; ++column) {
            const double x = column * 50 + next(20);
            const double y = row * 50 + next(20);
            project.parcels.push_back(test::parcel(id++, test::box(x, y, x + 30, y + 30)));
        }
    }
    ParcelNeighbours neighbours(project, kGapM);
    for (int edit = 0; edit < 40; ++edit) {
        const std::size_t position = static_cast<std::size_t>(next(1) * project.parcels.size());
        Parcel& parcel = project.parcels[position];
        const double dx = next(60) - 30;
        const double dy = next(60) - 30;
        for (Point& point : parcel.geometry.front().outer())
            point = Point(point.x() + dx, point.y() + dy);
        std::vector<FeatureId> dirty{parcel.id};
        if (edit % 10 == 9) {
            const Parcel moved = parcel;
            project.parcels.erase(project.parcels.begin() + static_cast<long>(position));
            Parcel renumbered = moved;
            renumbered.id = id++;
            project.parcels.insert(project.parcels.begin(), renumbered);
            dirty.push_back(renumbered.id);
        }
        neighbours.update(project, dirty);
        ASSERT_EQ(neighbours.lists(), ParcelNeighbours(project, kGapM).lists())
            << "after edit " << edit;
    }
}

} // namespace
} // namespace greenrenew::core
