#pragma once

// The analytic hierarchy process for the method's expert questionnaires (docs/priorities.md):
// weights from a pairwise-comparison matrix by its principal eigenvector, Saaty's consistency
// index and ratio, and the aggregation of several experts by the element-wise geometric mean
// (aggregation of individual judgements). Pure numbers: parsing questionnaires is the caller's.

#include "core/method_config.h"
#include "core/result.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace greenrenew::core {

/// A square matrix of positive judgements a(i,j): how much more important i is than j on
/// Saaty's 1-9 scale, with a(j,i) = 1 / a(i,j) and ones on the diagonal. Row-major.
using PairwiseMatrix = std::vector<std::vector<double>>;

/// Saaty's random consistency index by matrix order, read from resources ("ahp.random_index.N").
struct RandomIndexTable {
    std::map<std::size_t, double> byOrder;
    double crThreshold = 0.1;  // "ahp.cr_threshold"

    /// Reads ahp.random_index.1 ... and ahp.cr_threshold; throws MissingParameter when the
    /// threshold is absent. Orders without an entry are reported by ahpWeights.
    static RandomIndexTable fromParameters(const ParameterSet& parameters);
};

struct AhpResult {
    std::vector<double> weights;  // principal eigenvector, summing to 1
    double lambdaMax = 0;
    double consistencyIndex = 0;  // CI = (lambdaMax - n) / (n - 1); 0 for n <= 2
    double consistencyRatio = 0;  // CR = CI / RI(n); 0 where RI(n) is 0 (n <= 2)
    bool consistent = true;       // CR <= the table's threshold
    int iterations = 0;           // power-iteration steps taken
};

/// Checks that the matrix is square, positive, has a unit diagonal and is reciprocal within
/// reciprocalTolerance (relative: a(i,j) * a(j,i) within 1 +/- tolerance, so that 0.33 stands
/// for 1/3 in a hand-written questionnaire). The error message names the first bad cell.
Result<bool> validatePairwiseMatrix(const PairwiseMatrix& matrix,
                                    double reciprocalTolerance = 0.02);

/// Weights, lambda_max, CI and CR of one valid matrix. Fails when the table has no random
/// index for the matrix order (orders 1 and 2 need none: they are always consistent).
Result<AhpResult> ahpWeights(const PairwiseMatrix& matrix, const RandomIndexTable& table);

/// Element-wise geometric mean of several experts' matrices of one order (Aczel and Saaty 1983:
/// the only synthesis of judgements that keeps reciprocity). Fails on an empty list or
/// mismatched orders.
Result<PairwiseMatrix> geometricMeanMatrix(const std::vector<PairwiseMatrix>& matrices);

/// A matrix of order n with every judgement equal (all ones): equal weights, CR 0.
PairwiseMatrix equalImportanceMatrix(std::size_t order);

/// One expert's answers for the method's hierarchy: the four categories, then the indices of
/// each category (in indexIds() order within the category). A category with a single index
/// needs no block.
struct AhpQuestionnaire {
    std::string expert;
    std::string source;  // the file it came from, for messages
    PairwiseMatrix categories;                       // order 4, in Category order
    std::map<std::string, PairwiseMatrix> indices;  // keyed by category name
};

struct AhpBlockResult {
    std::string block;            // "categories" or a category name
    std::vector<std::string> elements;
    AhpResult result;
};

/// The hierarchy's weights: the category weights, the local index weights within each
/// category, and each index's global weight (category weight x local weight).
struct HierarchyWeights {
    std::vector<AhpBlockResult> blocks;
    std::map<std::string, double> categoryWeight;     // keyed by category name
    std::map<std::string, double> localIndexWeight;   // keyed by index id
    std::map<std::string, double> globalIndexWeight;  // keyed by index id; sums to 1
    bool consistent() const;
};

/// Element names of a block: the four category names for "categories", else the index ids of
/// the named category. Empty for an unknown block name.
std::vector<std::string> ahpBlockElements(const std::string& block);
/// "categories", then every category with more than one index, in Category order.
std::vector<std::string> ahpBlockNames();

/// Weights of one questionnaire.
Result<HierarchyWeights> hierarchyWeights(const AhpQuestionnaire& questionnaire,
                                          const RandomIndexTable& table);

/// Aggregates experts block by block with geometricMeanMatrix, then takes weights.
Result<HierarchyWeights> aggregateHierarchy(const std::vector<AhpQuestionnaire>& experts,
                                            const RandomIndexTable& table);

} // namespace greenrenew::core
