// AHP weights and consistency against published worked examples; every expected value was
// also computed independently with numpy.linalg.eig (/usr/bin/python3), quoted in comments.

#include "core/ahp.h"

#include <gtest/gtest.h>

#include <cmath>

namespace greenrenew::core {
namespace {

constexpr double kNumpyTolerance = 1e-6;    // against numpy's eigenvector
constexpr double kPublishedTolerance = 0.005;  // against two-decimal published figures

RandomIndexTable saatyTable()
{
    // resources/method/priorities.json, Saaty (1980).
    RandomIndexTable table;
    table.byOrder = {{1, 0.0}, {2, 0.0}, {3, 0.58}, {4, 0.90}, {5, 1.12},
                     {6, 1.24}, {7, 1.32}, {8, 1.41}, {9, 1.45}, {10, 1.49}};
    table.crThreshold = 0.1;
    return table;
}

// Saaty (1977) "A scaling method for priorities in hierarchical structures", J. Math.
// Psychology 15:234-281: the relative brightness of four chairs judged by one observer.
// Published: lambda_max 4.39. numpy: w = (0.618669, 0.235323, 0.100934, 0.045074),
// lambda 4.390730, CI 0.130243, CR 0.130243 / 0.90 = 0.144715.
TEST(AhpTest, ReproducesSaatyChairBrightnessExample)
{
    const PairwiseMatrix chairs = {{1, 5, 6, 7},
                                   {1.0 / 5, 1, 4, 6},
                                   {1.0 / 6, 1.0 / 4, 1, 4},
                                   {1.0 / 7, 1.0 / 6, 1.0 / 4, 1}};
    Result<AhpResult> result = ahpWeights(chairs, saatyTable());
    ASSERT_TRUE(result.ok());
    const AhpResult& ahp = result.value();
    ASSERT_EQ(ahp.weights.size(), 4u);
    EXPECT_NEAR(ahp.weights[0], 0.618669, kNumpyTolerance);
    EXPECT_NEAR(ahp.weights[1], 0.235323, kNumpyTolerance);
    EXPECT_NEAR(ahp.weights[2], 0.100934, kNumpyTolerance);
    EXPECT_NEAR(ahp.weights[3], 0.045074, kNumpyTolerance);
    EXPECT_NEAR(ahp.lambdaMax, 4.39, kPublishedTolerance);
    EXPECT_NEAR(ahp.lambdaMax, 4.390730, kNumpyTolerance);
    EXPECT_NEAR(ahp.consistencyIndex, 0.130243, kNumpyTolerance);
    EXPECT_NEAR(ahp.consistencyRatio, 0.144715, kNumpyTolerance);
    EXPECT_FALSE(ahp.consistent);  // above 0.1: flagged
}

// The textbook 3x3 (1, 3, 5 / 1/3, 1, 3 / 1/5, 1/3, 1): numpy w = (0.636986, 0.258285,
// 0.104729), lambda 3.038511, CI 0.019256, CR 0.033199 with RI(3) = 0.58.
TEST(AhpTest, AcceptsSlightlyInconsistentThreeByThree)
{
    const PairwiseMatrix matrix = {{1, 3, 5}, {1.0 / 3, 1, 3}, {1.0 / 5, 1.0 / 3, 1}};
    Result<AhpResult> result = ahpWeights(matrix, saatyTable());
    ASSERT_TRUE(result.ok());
    EXPECT_NEAR(result.value().weights[0], 0.636986, kNumpyTolerance);
    EXPECT_NEAR(result.value().weights[1], 0.258285, kNumpyTolerance);
    EXPECT_NEAR(result.value().weights[2], 0.104729, kNumpyTolerance);
    EXPECT_NEAR(result.value().lambdaMax, 3.038511, kNumpyTolerance);
    EXPECT_NEAR(result.value().consistencyRatio, 0.033199, kNumpyTolerance);
    EXPECT_TRUE(result.value().consistent);
}

// A consistent matrix (a_ij = w_i / w_j for w = 4:2:1) has lambda_max = n and CR 0; its
// weights are 4/7, 2/7, 1/7 exactly.
TEST(AhpTest, ConsistentMatrixHasZeroRatio)
{
    const PairwiseMatrix matrix = {{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}};
    Result<AhpResult> result = ahpWeights(matrix, saatyTable());
    ASSERT_TRUE(result.ok());
    EXPECT_NEAR(result.value().weights[0], 4.0 / 7, kNumpyTolerance);
    EXPECT_NEAR(result.value().weights[1], 2.0 / 7, kNumpyTolerance);
    EXPECT_NEAR(result.value().weights[2], 1.0 / 7, kNumpyTolerance);
    EXPECT_NEAR(result.value().lambdaMax, 3.0, kNumpyTolerance);
    EXPECT_NEAR(result.value().consistencyRatio, 0.0, kNumpyTolerance);
}

// Two experts on three elements: sqrt of the cell products, by hand:
// a12 = sqrt(3 x 1/3) = 1, a13 = sqrt(5 x 1) = 2.236068, a23 = sqrt(3 x 2) = 2.449490,
// and the lower cells their reciprocals. numpy on that matrix: w = (0.405732, 0.418250,
// 0.176018), CR 0.000796.
TEST(AhpTest, AggregatesExpertsByGeometricMean)
{
    const PairwiseMatrix first = {{1, 3, 5}, {1.0 / 3, 1, 3}, {1.0 / 5, 1.0 / 3, 1}};
    const PairwiseMatrix second = {{1, 1.0 / 3, 1}, {3, 1, 2}, {1, 0.5, 1}};
    Result<PairwiseMatrix> mean = geometricMeanMatrix({first, second});
    ASSERT_TRUE(mean.ok());
    EXPECT_NEAR(mean.value()[0][1], 1.0, kNumpyTolerance);
    EXPECT_NEAR(mean.value()[0][2], 2.236068, kNumpyTolerance);
    EXPECT_NEAR(mean.value()[1][2], 2.449490, kNumpyTolerance);
    EXPECT_NEAR(mean.value()[2][1], 1.0 / 2.449490, kNumpyTolerance);

    Result<AhpResult> result = ahpWeights(mean.value(), saatyTable());
    ASSERT_TRUE(result.ok());
    EXPECT_NEAR(result.value().weights[0], 0.405732, kNumpyTolerance);
    EXPECT_NEAR(result.value().weights[1], 0.418250, kNumpyTolerance);
    EXPECT_NEAR(result.value().weights[2], 0.176018, kNumpyTolerance);
    EXPECT_NEAR(result.value().consistencyRatio, 0.000796, kNumpyTolerance);
}

TEST(AhpTest, RejectsNonReciprocalMatrix)
{
    const PairwiseMatrix matrix = {{1, 3, 5}, {1.0 / 3, 1, 3}, {1.0 / 5, 3, 1}};
    Result<AhpResult> result = ahpWeights(matrix, saatyTable());
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("row 2, column 3"), std::string::npos)
        << result.error().message;
}

TEST(AhpTest, AcceptsTwoDecimalReciprocals)
{
    // A hand-written 0.33 for 1/3 is within the 2 % reciprocal tolerance (0.33 x 3 = 0.99).
    const PairwiseMatrix matrix = {{1, 3}, {0.33, 1}};
    EXPECT_TRUE(validatePairwiseMatrix(matrix).ok());
}

TEST(AhpTest, ReportsMissingRandomIndex)
{
    RandomIndexTable table = saatyTable();
    table.byOrder.erase(3);
    EXPECT_FALSE(ahpWeights(equalImportanceMatrix(3), table).ok());
}

// The hierarchy: categories 2:1:1:0 in judgement (construction twice each other, others equal)
// give construction 0.4 and 0.2 for each of the other three (consistent: a_ij = w_i / w_j).
// Equal indices within categories then give compact_density 0.4 / 5 = 0.08 and
// bicycle_use 0.2 / 2 = 0.1 globally.
TEST(AhpTest, CombinesCategoryAndLocalWeights)
{
    AhpQuestionnaire questionnaire;
    questionnaire.source = "test";
    questionnaire.categories = {{1, 2, 2, 2}, {0.5, 1, 1, 1}, {0.5, 1, 1, 1}, {0.5, 1, 1, 1}};
    for (const std::string& block : ahpBlockNames())
        if (block != "categories")
            questionnaire.indices[block] = equalImportanceMatrix(ahpBlockElements(block).size());
    Result<HierarchyWeights> weights = hierarchyWeights(questionnaire, saatyTable());
    ASSERT_TRUE(weights.ok()) << weights.error().describe();
    EXPECT_NEAR(weights.value().categoryWeight.at("construction"), 0.4, kNumpyTolerance);
    EXPECT_NEAR(weights.value().globalIndexWeight.at("compact_density"), 0.08, kNumpyTolerance);
    EXPECT_NEAR(weights.value().globalIndexWeight.at("bicycle_use"), 0.1, kNumpyTolerance);
    double total = 0;
    for (const auto& [index, weight] : weights.value().globalIndexWeight)
        total += weight;
    EXPECT_NEAR(total, 1.0, kNumpyTolerance);
    EXPECT_TRUE(weights.value().consistent());
}

TEST(AhpTest, BlocksFollowTheMethodsCategories)
{
    const std::vector<std::string> expected = {"categories", "construction", "transport",
                                               "greening", "waste"};
    EXPECT_EQ(ahpBlockNames(), expected);
    EXPECT_EQ(ahpBlockElements("construction").size(), 5u);
    EXPECT_EQ(ahpBlockElements("greening").size(), 4u);
}

} // namespace
} // namespace greenrenew::core
