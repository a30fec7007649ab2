// The carbon stage on whole real districts: on the bundled Shanghai sample every index of every
// parcel is assessed and the sums reconcile; on Bubeneč (momepy's sample: buildings, streets and
// plots, no facilities and no green layer) the indices that need those layers are not assessed.

#include "carbon_sample_support.h"

#include "core/carbon_method.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace greenrenew::carbon_sample {
namespace {

constexpr double kTonneTolerance = 1e-9;

TEST(CarbonSampleTest, EveryIndexOfEveryParcelIsAssessed)
{
    const SampleRun& run = sampleRun();
    ASSERT_TRUE(run.loaded);
    ASSERT_EQ(run.analysis.parcels.size(), 173u);
    for (const core::ParcelResult& result : run.analysis.parcels) {
        ASSERT_EQ(result.carbon.ratings.size(), core::indexIds().size());
        for (const core::IndexRating& rating : result.carbon.ratings)
            EXPECT_NE(rating.rating, core::Rating::NotAssessed)
                << "parcel " << result.parcelId << " " << rating.index << ": " << rating.reason;
    }
}

// What each measure acts on (docs/method.md, Interventions): its category's emissions, or the
// parcel's gross emissions for the measures that add a sink.
double actsOnOf(const core::Intervention& measure, const core::CarbonLedger& ledger)
{
    const std::string& index = measure.index;
    if (index == "heat_island" || index == "renewable_energy"
        || index == "energy_saving_buildings")
        return ledger.constructionT;
    if (index == "bicycle_use" || index == "clean_vehicles")
        return ledger.transportT;
    if (index == "water_friendly_space" || index == "rain_grey_water"
        || index == "domestic_garbage")
        return ledger.wasteT;
    return ledger.grossEmissionsT();
}

TEST(CarbonSampleTest, SumsReconcileOnEveryParcel)
{
    const SampleRun& run = sampleRun();
    ASSERT_TRUE(run.loaded);
    int noneParcels = 0;
    for (const core::ParcelResult& result : run.analysis.parcels) {
        SCOPED_TRACE("parcel " + std::to_string(result.parcelId));
        const core::CarbonLedger& l = result.carbon.ledger;
        EXPECT_NEAR(l.constructionT + l.transportT + l.greeningT + l.wasteT, l.totalT(),
                    kTonneTolerance);
        for (const core::Intervention& measure : result.carbon.interventions) {
            SCOPED_TRACE(measure.index);
            EXPECT_GT(measure.effectTPerYear, 0.0);
            EXPECT_GT(measure.quantity, 0.0);
            EXPECT_NEAR(measure.actsOnT, actsOnOf(measure, l), kTonneTolerance);
            EXPECT_LE(measure.effectTPerYear, measure.actsOnT + kTonneTolerance);
        }
        // The leading category is the largest emitter; greening only for a net sink; none only
        // for an empty ledger.
        switch (result.carbon.leading) {
        case core::Category::None:
            ++noneParcels;
            EXPECT_EQ(l.constructionT, 0.0);
            EXPECT_EQ(l.transportT, 0.0);
            EXPECT_EQ(l.greeningT, 0.0);
            EXPECT_EQ(l.wasteT, 0.0);
            EXPECT_TRUE(result.carbon.interventions.empty());
            break;
        case core::Category::Greening:
            EXPECT_LT(l.greeningT, 0.0);
            EXPECT_EQ(l.grossEmissionsT(), 0.0);
            break;
        default:
            EXPECT_GT(l.categoryT(result.carbon.leading), 0.0);
            EXPECT_DOUBLE_EQ(l.categoryT(result.carbon.leading),
                             std::max({l.constructionT, l.transportT, l.wasteT}));
        }
        // A tree-lined route is never longer than the largest life circle (1,000 m).
        for (const core::Intervention& measure : result.carbon.interventions) {
            if (measure.index == "walk_life_circle") {
                EXPECT_LE(measure.quantity, 1000.0);
            }
        }
    }
    // QA counted 61 parcels without buildings, occupants or green painted as sinks; they now
    // lead with none. (A count from the data: parcels with no floor area and no green.)
    int bare = 0;
    for (const core::ParcelResult& result : run.analysis.parcels)
        bare += result.form.grossFloorAreaM2 == 0 && result.form.greenM2 == 0 ? 1 : 0;
    EXPECT_EQ(noneParcels, bare);
    EXPECT_GT(bare, 0);
}

TEST(CarbonSampleTest, DistrictWithoutFacilitiesOrGreenLeavesThoseIndicesNotAssessed)
{
    gis::ImportReport report;
    core::Result<core::Project> loaded = gis::loadProject(
        QStringLiteral(GREENRENEW_TEST_DATA_DIR "/bubenec/bubenec.gpkg"), {}, report);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    const core::Project& project = loaded.value();
    ASSERT_TRUE(project.facilities.empty());
    ASSERT_TRUE(project.green.empty());
    ASSERT_FALSE(project.streets.empty());
    const core::Analysis analysis = core::runAnalysis(project);
    ASSERT_FALSE(analysis.parcels.empty());
    for (const core::ParcelResult& result : analysis.parcels) {
        SCOPED_TRACE("parcel " + std::to_string(result.parcelId));
        if (result.form.areaM2 <= 0)
            continue;
        for (const char* index : {"walk_life_circle", "bicycle_use", "carbon_planting",
                                  "park_system", "water_friendly_space", "rain_grey_water"}) {
            const core::IndexRating& rating = ratingOf(result, index);
            EXPECT_EQ(rating.rating, core::Rating::NotAssessed) << index << ": " << rating.reason;
        }
        EXPECT_NE(ratingOf(result, "walk_life_circle").reason.find("no facilities layer"),
                  std::string::npos);
        EXPECT_NE(ratingOf(result, "carbon_planting").reason.find("no green layer"),
                  std::string::npos);
        // Clean vehicles and garbage hold a known figure each (fleet 0.9 against 0.6: slight
        // alone; recycling 0.3 against 0.35: serious): the first is not assessed, the second
        // stays serious with the collection point named as not measured.
        EXPECT_EQ(ratingOf(result, "clean_vehicles").rating, core::Rating::NotAssessed);
        const core::IndexRating& garbage = ratingOf(result, "domestic_garbage");
        EXPECT_EQ(garbage.rating, core::Rating::Serious);
        EXPECT_NE(garbage.reason.find("collection point distance not measured"),
                  std::string::npos);
    }
}

} // namespace
} // namespace greenrenew::carbon_sample
