// Priority scores, ranks and the demonstration suggestion on hand-built parcels; the numbers
// are those of resources/method/priorities.json and every expected value is worked above its
// test.

#include "core/analysis.h"
#include "core/priority.h"

#include <boost/geometry/algorithms/correct.hpp>

#include <gtest/gtest.h>

namespace greenrenew::core {
namespace {

constexpr double kTolerance = 1e-9;

ParameterSet priorityParameters()
{
    ParameterSet parameters;
    auto put = [&](const std::string& key, double value) {
        parameters.values[key].value = value;
    };
    for (const char* category : {"construction", "transport", "greening", "waste"})
        put(std::string("priority.weight.category.") + category, 0.25);
    for (const std::string& index : indexIds()) {
        const Category category = indexCategory(index);
        const double count = category == Category::Construction ? 5
                             : category == Category::Greening   ? 4
                                                                : 2;
        put("priority.weight.index." + index, 1.0 / count);
    }
    put("priority.rating_score.serious", 1.0);
    put("priority.rating_score.medium", 0.5);
    put("priority.rating_score.slight", 0.0);
    put("priority.demo.weight_priority", 0.4);
    put("priority.demo.weight_reduction", 0.4);
    put("priority.demo.weight_neighbours", 0.2);
    put("priority.demo.neighbour_gap_m", 20);
    put("priority.demo.cluster_min_score_share", 0.5);
    return parameters;
}

CarbonAssessment rated(const std::map<std::string, Rating>& ratings)
{
    CarbonAssessment assessment;
    for (const std::string& index : indexIds()) {
        IndexRating rating;
        rating.index = index;
        auto it = ratings.find(index);
        rating.rating = it != ratings.end() ? it->second : Rating::Slight;
        assessment.ratings.push_back(rating);
    }
    return assessment;
}

MultiPolygon square(double x0, double y0, double side)
{
    MultiPolygon shape;
    shape.resize(1);
    shape[0].outer() = {{x0, y0}, {x0, y0 + side}, {x0 + side, y0 + side}, {x0 + side, y0},
                        {x0, y0}};
    boost::geometry::correct(shape);
    return shape;
}

// Equal AHP weights: each construction index 0.25 x 0.2 = 0.05, transport 0.125, greening
// 0.0625, waste 0.125. compact_density serious (0.05 x 1), renewable_energy medium
// (0.05 x 0.5), bicycle_use serious (0.125 x 1): 0.2. domestic_garbage not assessed: the
// assessed share is 1 - 0.125 = 0.875.
TEST(PriorityTest, WeighsRatingsByGlobalWeights)
{
    const PriorityWeights weights = PriorityWeights::fromParameters(priorityParameters());
    EXPECT_NEAR(weights.globalIndexWeight.at("compact_density"), 0.05, kTolerance);
    EXPECT_NEAR(weights.globalIndexWeight.at("park_system"), 0.0625, kTolerance);
    const CarbonAssessment assessment = rated({{"compact_density", Rating::Serious},
                                               {"renewable_energy", Rating::Medium},
                                               {"bicycle_use", Rating::Serious},
                                               {"domestic_garbage", Rating::NotAssessed}});
    EXPECT_NEAR(priorityScore(assessment, weights), 0.2, kTolerance);
    EXPECT_NEAR(assessedWeightShare(assessment, weights), 0.875, kTolerance);
}

// Overriding one category weight to 0.5 renormalises: 0.5 / 1.25 = 0.4 for construction, so
// compact_density becomes 0.4 x 0.2 = 0.08 and bicycle_use 0.2 x 0.5 = 0.1.
TEST(PriorityTest, NormalisesOverriddenWeights)
{
    ParameterSet parameters = priorityParameters();
    parameters.values["priority.weight.category.construction"].value = 0.5;
    const PriorityWeights weights = PriorityWeights::fromParameters(parameters);
    EXPECT_NEAR(weights.globalIndexWeight.at("compact_density"), 0.08, kTolerance);
    EXPECT_NEAR(weights.globalIndexWeight.at("bicycle_use"), 0.1, kTolerance);
}

// A [0,100], B [100,200] sharing A's edge, C [210,310] 10 m from B, D [1000,1100] alone.
TEST(PriorityTest, FindsNeighboursAcrossALane)
{
    Project project;
    project.parcels.resize(4);
    project.parcels[0].geometry = square(0, 0, 100);
    project.parcels[1].geometry = square(100, 0, 100);
    project.parcels[2].geometry = square(210, 0, 100);
    project.parcels[3].geometry = square(1000, 0, 100);
    const auto neighbours = parcelNeighbours(project, 20);
    EXPECT_EQ(neighbours[0], (std::vector<std::size_t>{1}));
    EXPECT_EQ(neighbours[1], (std::vector<std::size_t>{0, 2}));
    EXPECT_EQ(neighbours[2], (std::vector<std::size_t>{1}));
    EXPECT_TRUE(neighbours[3].empty());
    EXPECT_TRUE(parcelNeighbours(project, 5)[2].empty());  // the 10 m lane is wider
}

// Scores A 0.5, B 0.4, C 0.3, D 0.6; reductions 10, 20, 5, 10 t; neighbours' scores
// A 0.4, B 0.8, C 0.4, D 0. Values with 0.4/0.4/0.2:
// A 0.4 x 0.5/0.6 + 0.4 x 10/20 + 0.2 x 0.4/0.8 = 0.633333; B 0.4 x 0.4/0.6 + 0.4 + 0.2 =
// 0.866667; C 0.4; D 0.4 + 0.2 = 0.6. B is the seed; A (0.5) and C (0.3) reach half of B's 0.4
// and join: cluster B, A, C saving 20 + 10 + 5 = 35 t.
TEST(PriorityTest, SuggestsTheDemonstrationCluster)
{
    Project project;
    project.parcels.resize(4);
    for (int i = 0; i < 4; ++i)
        project.parcels[static_cast<std::size_t>(i)].id = 11 + i;
    project.parcels[0].geometry = square(0, 0, 100);
    project.parcels[1].geometry = square(100, 0, 100);
    project.parcels[2].geometry = square(210, 0, 100);
    project.parcels[3].geometry = square(1000, 0, 100);
    const DemonstrationRule rule = DemonstrationRule::fromParameters(priorityParameters());
    const DemonstrationSuggestion suggestion =
        suggestDemonstration(project, {0.5, 0.4, 0.3, 0.6}, {10, 20, 5, 10},
                             parcelNeighbours(project, rule.neighbourGapM), rule);
    ASSERT_TRUE(suggestion.found);
    EXPECT_EQ(suggestion.seedParcelId, 12);
    EXPECT_NEAR(suggestion.seedValue, 0.4 * 0.4 / 0.6 + 0.6, kTolerance);
    EXPECT_EQ(suggestion.clusterParcelIds, (std::vector<FeatureId>{12, 11, 13}));
    EXPECT_NEAR(suggestion.clusterReductionT, 35, kTolerance);
    EXPECT_NE(suggestion.reasoning.find("parcel 12"), std::string::npos);
    // The terms of B's value, as the comment above works them out.
    EXPECT_NEAR(suggestion.seedScore, 0.4, kTolerance);
    EXPECT_NEAR(suggestion.topScore, 0.6, kTolerance);
    EXPECT_NEAR(suggestion.seedReductionT, 20, kTolerance);
    EXPECT_NEAR(suggestion.topReductionT, 20, kTolerance);
    EXPECT_NEAR(suggestion.seedNeighbourScore, 0.8, kTolerance);
    EXPECT_NEAR(suggestion.topNeighbourScore, 0.8, kTolerance);
    EXPECT_EQ(suggestion.neighbourCount, 2U);
    EXPECT_EQ(suggestion.joinedCount, 2U);
}

// P0 compact_density serious: 0.05. P1 and P2 bicycle_use serious: 0.125 each; P2 can save
// more (its proposal 3 t against none), so the tie goes to P2: ranks P2 1, P1 2, P0 3.
TEST(PriorityTest, RanksByScoreThenAchievableReduction)
{
    Project project;
    project.config.parameters = priorityParameters();
    project.parcels.resize(3);
    Analysis analysis;
    analysis.parcels.resize(3);
    for (std::size_t i = 0; i < 3; ++i) {
        project.parcels[i].id = static_cast<FeatureId>(i + 1);
        project.parcels[i].geometry = square(static_cast<double>(i) * 100, 0, 100);
        analysis.parcels[i].parcelId = project.parcels[i].id;
    }
    analysis.parcels[0].carbon = rated({{"compact_density", Rating::Serious}});
    analysis.parcels[1].carbon = rated({{"bicycle_use", Rating::Serious}});
    analysis.parcels[2].carbon = rated({{"bicycle_use", Rating::Serious}});
    Intervention lanes;
    lanes.index = "bicycle_use";
    lanes.technique = "bike_lanes";
    lanes.effectTPerYear = 3;
    lanes.actsOnT = 10;
    analysis.parcels[2].carbon.interventions.push_back(lanes);

    rankPriorities(project, analysis);
    EXPECT_NEAR(analysis.parcels[0].priorityScore, 0.05, kTolerance);
    EXPECT_NEAR(analysis.parcels[1].priorityScore, 0.125, kTolerance);
    EXPECT_EQ(analysis.parcels[2].priorityRank, 1);
    EXPECT_EQ(analysis.parcels[1].priorityRank, 2);
    EXPECT_EQ(analysis.parcels[0].priorityRank, 3);
    EXPECT_TRUE(analysis.demonstration.found);
    EXPECT_EQ(analysis.demonstration.seedParcelId, 3);
}

} // namespace
} // namespace greenrenew::core
