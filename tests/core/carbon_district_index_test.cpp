// The carbon stage's look-ups around each parcel (core/detail/carbon_district_index.h), on a
// hand-built district: the park nearest in reaches found beyond the first search box, and the
// district's park total, through the full analysis and through the edit path after a parcel
// moved. Every expected value is worked above its test.

#include "core/analysis.h"
#include "core/incremental_analysis.h"

#include "carbon_test_support.h"
#include "form_test_support.h"
#include "walk_test_support.h"

#include <gtest/gtest.h>

#include <string>

namespace greenrenew::core {
namespace {

constexpr double kRatioTolerance = 1e-9;

void addPriorityParameters(ParameterSet& parameters)
{
    // Equal weights (each category's local weights are normalised, so 1 each will do).
    for (const char* category : {"construction", "transport", "greening", "waste"})
        test::setParameter(parameters, std::string("priority.weight.category.") + category, 1);
    for (const std::string& index : indexIds())
        test::setParameter(parameters, "priority.weight.index." + index, 1);
    test::setParameter(parameters, "priority.rating_score.serious", 1);
    test::setParameter(parameters, "priority.rating_score.medium", 0.5);
    test::setParameter(parameters, "priority.rating_score.slight", 0);
    test::setParameter(parameters, "priority.demo.weight_priority", 0.4);
    test::setParameter(parameters, "priority.demo.weight_reduction", 0.4);
    test::setParameter(parameters, "priority.demo.weight_neighbours", 0.2);
    test::setParameter(parameters, "priority.demo.neighbour_gap_m", 20);
    test::setParameter(parameters, "priority.demo.cluster_min_score_share", 0.5);
}

GreenSpace greenOf(FeatureId id, const std::string& kind, MultiPolygon geometry)
{
    GreenSpace green = test::green(id, std::move(geometry));
    green.kind = kind;
    return green;
}

// Parcel 1, residential, [0, 100] x [0, 100], holds one 50 m x 50 m building of 4 floors:
// 10,000 m2 of housing, 10,000 / 39 = 256.41 residents (the district's only ones).
// Parks (carbon_test_support: at least 2,000 m2 count, reach 300 m; from 5,000 m2, 500 m):
//   21: 60 m x 60 m = 3,600 m2, 499 m east of the parcel: 499 / 300 = 1.663;
//   22: 80 m x 80 m = 6,400 m2, 500.5 m north: 500.5 / 500 = 1.001, the nearest in reaches;
//   23: a 1,000 m2 garden 10 m west, under the 2,000 m2 that count;
//   24: 10,000 m2 of grass 10 m south, no park.
// The search starts with the larger reach, 500 m: park 21 lies just inside that distance and
// park 22, which decides, just outside it.
// Public green per person, 5-min tier (parks of at least 4,000 m2): park 22 alone, 6,400 m2 /
// 256.41 = 6,400 x 39 / 10,000 = 24.96 m2 per resident.
Project parkDistrict()
{
    Project project;
    project.config = carbon_test::carbonConfig();
    const MethodConfig form = test::formConfig();
    project.config.parameters.values.insert(form.parameters.values.begin(),
                                            form.parameters.values.end());
    project.config.formControls = form.formControls;
    ParameterSet& parameters = project.config.parameters;
    test::setWalkParameters(parameters);
    addPriorityParameters(parameters);
    test::setParameter(parameters, "carbon.park_system.green_per_person_m2.5min", 1.0);
    test::setParameter(parameters, "carbon.park_system.tier_park_min_m2.5min", 4000);
    test::setParameter(parameters, "carbon.park_system.renewal_floor_share", 0.7);

    project.parcels = {test::parcel(1, test::box(0, 0, 100, 100))};
    project.buildings = {test::building(11, test::box(25, 25, 75, 75), 4.0)};
    project.green = {greenOf(21, "park", test::box(599, 20, 659, 80)),
                     greenOf(22, "park", test::box(10, 600.5, 90, 680.5)),
                     greenOf(23, "garden", test::box(-50, 10, -10, 35)),
                     greenOf(24, "grass", test::box(0, -110, 100, -10))};
    return project;
}

double figureOf(const IndexRating& rating, const std::string& figure)
{
    for (const IndexFigure& entry : rating.figures) {
        if (entry.figure == figure)
            return entry.value;
    }
    ADD_FAILURE() << "no figure " << figure << " in " << rating.index;
    return 0;
}

// The park_system figures: the nearest park in reaches as RATIO and as HOW in the reason, and
// the 24.96 m2 of parks per resident worked above parkDistrict().
void expectParkFigures(const IndexRating& park, double ratio, const std::string& how)
{
    EXPECT_NEAR(figureOf(park, "park_distance_over_reach"), ratio, kRatioTolerance);
    EXPECT_NE(park.reason.find("nearest " + how), std::string::npos) << park.reason;
    EXPECT_NEAR(figureOf(park, "public_green_per_person_5min"), 24.96, kRatioTolerance);
}

TEST(CarbonDistrictIndexTest, FindsTheNearestParkBeyondTheFirstSearchDistance)
{
    const Project project = parkDistrict();
    const Analysis analysis = runAnalysis(project);

    ASSERT_EQ(analysis.parcels.size(), 1u);
    EXPECT_NEAR(analysis.parcels[0].form.populationEst, 10000.0 / 39, 1e-9);
    const IndexRating& park = carbon_test::ratingOf(analysis.parcels[0].carbon, "park_system");
    expectParkFigures(park, 1.001, "park 22 of 6400 m2 at 501 m (reach 500 m)");
    EXPECT_EQ(park.rating, Rating::Serious);  // 1.001 is past the reach
}

// Parcel 1 moved 1 m north, to [0, 100] x [1, 101]: park 22 is 499.5 m away, 499.5 / 500 =
// 0.999, within its reach by less than the 15 % medium margin: medium. Park 21 is still 499 m
// east (1.663). Residents unchanged, so the park total per resident stays 24.96.
TEST(CarbonDistrictIndexTest, EditedParcelFindsTheParkItMovedIntoReachOf)
{
    Project project = parkDistrict();
    IncrementalAnalysis incremental(project);
    Analysis analysis = runAnalysis(project);

    project.parcels[0].geometry = test::box(0, 1, 100, 101);
    incremental.updateEdited({1}, analysis);
    EXPECT_FALSE(incremental.districtPending());
    const IndexRating& edited = carbon_test::ratingOf(analysis.parcels[0].carbon, "park_system");
    expectParkFigures(edited, 0.999, "park 22 of 6400 m2 at 500 m (reach 500 m)");
    EXPECT_EQ(edited.rating, Rating::Medium);

    const Analysis full = runAnalysis(project);
    const IndexRating& reference = carbon_test::ratingOf(full.parcels[0].carbon, "park_system");
    expectParkFigures(reference, 0.999, "park 22 of 6400 m2 at 500 m (reach 500 m)");
    EXPECT_EQ(reference.reason, edited.reason);
    EXPECT_EQ(reference.rating, Rating::Medium);
}

} // namespace
} // namespace greenrenew::core
