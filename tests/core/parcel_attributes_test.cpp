// Attribute edits of a parcel: the text a designer types, checked and turned into the parcel
// as it is afterwards; planned floors carried through to the form figures (hand-worked).

#include "core/parcel_attributes.h"

#include "core/form_metrics.h"
#include "form_test_support.h"

#include <gtest/gtest.h>

namespace greenrenew::core {
namespace {

using test::box;
using test::building;

constexpr double kTolerance = 1e-9;

Parcel sample()
{
    Parcel parcel = test::parcel(7, box(0, 0, 100, 100));
    parcel.name = "Mill";
    parcel.typeReason = "rule: factory land use";
    parcel.attributes = {{"owner", "city"}};
    return parcel;
}

TEST(ParcelAttributes, TypeTakesAStableNameAndSaysTheDesignerSetIt)
{
    auto edited = withField(sample(), ParcelField::Type, " factory ");
    ASSERT_TRUE(edited.ok()) << edited.error().describe();
    EXPECT_EQ(edited.value().type, RenewalType::Factory);
    EXPECT_EQ(edited.value().typeReason, "set by the designer");
    EXPECT_EQ(fieldText(edited.value(), ParcelField::Type), "factory");
    EXPECT_EQ(edited.value().attributes.at("owner"), "city");
}

TEST(ParcelAttributes, UnknownTypeIsRefusedNamingParcelAndText)
{
    auto edited = withField(sample(), ParcelField::Type, "park");
    ASSERT_FALSE(edited.ok());
    EXPECT_EQ(edited.error().featureId, 7);
    EXPECT_NE(edited.error().message.find("'park' is not a renewal type"), std::string::npos);
}

TEST(ParcelAttributes, PlannedFloorsMustBeANumberAboveZeroAndEmptyClearsThem)
{
    auto set = withField(sample(), ParcelField::PlannedFloors, "6");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set.value().attributes.at(kPlannedFloorsKey), "6");
    EXPECT_EQ(plannedFloors(set.value()), 6.0);
    for (const char* bad : {"0", "-2", "six", "6 floors", "nan"})
        EXPECT_FALSE(withField(sample(), ParcelField::PlannedFloors, bad).ok()) << bad;
    auto cleared = withField(set.value(), ParcelField::PlannedFloors, "  ");
    ASSERT_TRUE(cleared.ok());
    EXPECT_EQ(cleared.value().attributes.count(kPlannedFloorsKey), 0u);
    EXPECT_EQ(fieldText(cleared.value(), ParcelField::PlannedFloors), "");
}

TEST(ParcelAttributes, NameAndNotesAreTrimmedAndEmptyNotesRemoved)
{
    auto named = withField(sample(), ParcelField::Name, "  Pocket park ");
    ASSERT_TRUE(named.ok());
    EXPECT_EQ(named.value().name, "Pocket park");
    auto noted = withField(sample(), ParcelField::Notes, "keep the chimney");
    ASSERT_TRUE(noted.ok());
    EXPECT_EQ(fieldText(noted.value(), ParcelField::Notes), "keep the chimney");
    auto cleared = withField(noted.value(), ParcelField::Notes, "");
    ASSERT_TRUE(cleared.ok());
    EXPECT_EQ(cleared.value().attributes.count(kNotesKey), 0u);
    EXPECT_EQ(fieldEditDescription(sample(), ParcelField::Notes), "set notes of parcel 7");
}

TEST(ParcelAttributes, PlannedFloorsReplaceRecordedAndEstimatedFloors)
{
    // A 100 x 100 parcel with a 10 x 10 building of 2 recorded floors and a 10 x 10 one with
    // nothing recorded (residential default 3): GFA 100 x 2 + 100 x 3 = 500. Planned 6 floors:
    // GFA 2 x 100 x 6 = 1,200, FAR 0.12, none estimated, height 6 x 3 m = 18 m.
    Project project;
    project.config = test::formConfig();
    project.parcels = {sample()};
    project.buildings = {building(1, box(10, 10, 20, 20), 2.0),
                         building(2, box(30, 10, 40, 20))};
    EXPECT_NEAR(computeFormMetrics(project).at(0).grossFloorAreaM2, 500, kTolerance);

    project.parcels[0] = withField(sample(), ParcelField::PlannedFloors, "6").value();
    const FormMetrics planned = computeFormMetrics(project).at(0);
    EXPECT_NEAR(planned.grossFloorAreaM2, 1200, kTolerance);
    EXPECT_NEAR(planned.far, 0.12, kTolerance);
    EXPECT_EQ(planned.floorsEstimated, 0);
    EXPECT_NEAR(planned.maxFloors, 6, kTolerance);
}

} // namespace
} // namespace greenrenew::core
