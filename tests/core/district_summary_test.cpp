// The district summary: totals by category and orderings, checked against sums done by hand.

#include "core/district_summary.h"

#include <gtest/gtest.h>

namespace greenrenew::core {
namespace {

ParcelResult resultOf(FeatureId id, CarbonLedger ledger, std::vector<Rating> ratings)
{
    ParcelResult result;
    result.parcelId = id;
    result.carbon.ledger = ledger;
    result.carbon.leading = leadingCategory(ledger);
    for (Rating rating : ratings) {
        IndexRating index;
        index.rating = rating;
        result.carbon.ratings.push_back(index);
    }
    result.carbon.gridFactorKey = "carbon.grid.national.2022";
    result.carbon.gridFactorKgPerKwh = 0.5366;
    return result;
}

// Parcel 10: construction 100, transport 20, greening -5, waste 10 (total 125).
// Parcel 20: 30, 50, -1, 5 (total 84). Parcel 30: a park block, greening -8 only (total -8).
// Totals: construction 130, transport 70, greening -14, waste 15; sum 201.
// Gross emissions (positive categories per parcel): 130 (10) + 85 (20) + 0 (30) = 215.
TEST(DistrictSummaryTest, SumsAndOrdersTheParcelsByHand)
{
    Project project;
    for (FeatureId id : {10, 20, 30}) {
        Parcel parcel;
        parcel.id = id;
        project.parcels.push_back(parcel);
    }
    Analysis analysis;
    analysis.parcels = {resultOf(10, {100, 20, -5, 10}, {Rating::Serious, Rating::Medium}),
                        resultOf(20, {30, 50, -1, 5}, {Rating::Slight}),
                        resultOf(30, {0, 0, -8, 0}, {Rating::NotAssessed, Rating::Serious})};

    const DistrictSummary summary = summarizeDistrict(project, analysis);
    EXPECT_EQ(summary.parcelCount, 3u);
    EXPECT_DOUBLE_EQ(summary.totals.constructionT, 130);
    EXPECT_DOUBLE_EQ(summary.totals.transportT, 70);
    EXPECT_DOUBLE_EQ(summary.totals.greeningT, -14);
    EXPECT_DOUBLE_EQ(summary.totals.wasteT, 15);
    EXPECT_DOUBLE_EQ(summary.totals.totalT(), 201);
    EXPECT_DOUBLE_EQ(summary.grossEmissionsT, 215);
    EXPECT_EQ(summary.parcelsByTotal, (std::vector<FeatureId>{10, 20, 30}));

    const CategorySummary& construction = summary.categories[0];
    EXPECT_EQ(construction.category, Category::Construction);
    EXPECT_DOUBLE_EQ(construction.totalT, 130);
    EXPECT_EQ(construction.leadingParcels, 1u);
    EXPECT_EQ(construction.parcelsByAmount, (std::vector<FeatureId>{10, 20, 30}));
    const CategorySummary& transport = summary.categories[1];
    EXPECT_EQ(transport.parcelsByAmount, (std::vector<FeatureId>{20, 10, 30}));
    EXPECT_EQ(transport.leadingParcels, 1u);
    // Greening: -1 (20) before -5 (10) before -8 (30); the park block leads with greening.
    const CategorySummary& greening = summary.categories[2];
    EXPECT_EQ(greening.parcelsByAmount, (std::vector<FeatureId>{20, 10, 30}));
    EXPECT_EQ(greening.leadingParcels, 1u);
    EXPECT_EQ(summary.categories[3].leadingParcels, 0u);

    // Serious 2, medium 1, slight 1, not assessed 1.
    EXPECT_EQ(summary.ratingCounts, (std::array<std::size_t, 4>{2, 1, 1, 1}));
    EXPECT_EQ(summary.gridFactorKey, "carbon.grid.national.2022");
    EXPECT_DOUBLE_EQ(summary.gridFactorKgPerKwh, 0.5366);
}

// Parcel 40 is a bare lot (no buildings, occupants or green: an all-zero ledger), parcel 50 a
// lawn (greening -2). The lot leads with "none" and counts in no category; the lawn is a sink.
TEST(DistrictSummaryTest, BareLotLeadsWithNoneAndCountsInNoCategory)
{
    Project project;
    for (FeatureId id : {40, 50}) {
        Parcel parcel;
        parcel.id = id;
        project.parcels.push_back(parcel);
    }
    Analysis analysis;
    analysis.parcels = {resultOf(40, {0, 0, 0, 0}, {Rating::Slight}),
                        resultOf(50, {0, 0, -2, 0}, {Rating::Slight})};
    EXPECT_EQ(analysis.parcels[0].carbon.leading, Category::None);

    const DistrictSummary summary = summarizeDistrict(project, analysis);
    EXPECT_EQ(summary.noneLeadingParcels, 1u);
    EXPECT_EQ(summary.categories[0].leadingParcels, 0u);
    EXPECT_EQ(summary.categories[1].leadingParcels, 0u);
    EXPECT_EQ(summary.categories[2].leadingParcels, 1u);  // only the lawn
    EXPECT_EQ(summary.categories[3].leadingParcels, 0u);
}

} // namespace
} // namespace greenrenew::core
