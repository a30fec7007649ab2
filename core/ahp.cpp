#include "core/ahp.h"

#include "core/carbon_method.h"

#include <cmath>
#include <algorithm>

namespace greenrenew::core {

namespace {

// Power iteration stops when no weight moves by more than this between steps; far below the
// two or three decimals anyone reads from a questionnaire.
constexpr double kConvergence = 1e-12;
// A positive reciprocal matrix is primitive, so the iteration converges (Perron-Frobenius);
// the cap only guards against a non-finite input slipping through.
constexpr int kMaxIterations = 10000;

constexpr Category kCategories[] = {Category::Construction, Category::Transport,
                                    Category::Greening, Category::Waste};

Error ahpError(const std::string& message)
{
    return Error{ErrorKind::BadInput, "AHP", {}, {}, std::nullopt, message};
}

std::string cellName(std::size_t row, std::size_t column)
{
    return "row " + std::to_string(row + 1) + ", column " + std::to_string(column + 1);
}

std::vector<double> multiply(const PairwiseMatrix& matrix, const std::vector<double>& vector)
{
    std::vector<double> product(matrix.size(), 0.0);
    for (std::size_t i = 0; i < matrix.size(); ++i)
        for (std::size_t j = 0; j < matrix.size(); ++j)
            product[i] += matrix[i][j] * vector[j];
    return product;
}

double sum(const std::vector<double>& values)
{
    double total = 0;
    for (double value : values)
        total += value;
    return total;
}

} // namespace

RandomIndexTable RandomIndexTable::fromParameters(const ParameterSet& parameters)
{
    RandomIndexTable table;
    const std::string prefix = "ahp.random_index.";
    for (const auto& [key, value] : parameters.values) {
        if (key.rfind(prefix, 0) != 0)
            continue;
        const std::string order = key.substr(prefix.size());
        if (!order.empty() && order.find_first_not_of("0123456789") == std::string::npos)
            table.byOrder[std::stoul(order)] = value.value;
    }
    table.crThreshold = parameters.value("ahp.cr_threshold");
    return table;
}

Result<bool> validatePairwiseMatrix(const PairwiseMatrix& matrix, double reciprocalTolerance)
{
    const std::size_t n = matrix.size();
    if (n == 0)
        return ahpError("the matrix is empty");
    for (std::size_t i = 0; i < n; ++i) {
        if (matrix[i].size() != n)
            return ahpError("row " + std::to_string(i + 1) + " has " +
                            std::to_string(matrix[i].size()) + " cells, expected " +
                            std::to_string(n));
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            const double a = matrix[i][j];
            if (!std::isfinite(a) || a <= 0)
                return ahpError(cellName(i, j) + ": judgements must be positive numbers");
            if (i == j && std::abs(a - 1.0) > reciprocalTolerance)
                return ahpError(cellName(i, j) + ": the diagonal must be 1");
            if (std::abs(a * matrix[j][i] - 1.0) > reciprocalTolerance)
                return ahpError(cellName(i, j) + " and " + cellName(j, i) +
                                " are not reciprocal");
        }
    }
    return true;
}

Result<AhpResult> ahpWeights(const PairwiseMatrix& matrix, const RandomIndexTable& table)
{
    Result<bool> valid = validatePairwiseMatrix(matrix);
    if (!valid)
        return valid.error();
    const std::size_t n = matrix.size();
    AhpResult result;

    // Power iteration (Saaty 1980, section 2.1): w_{k+1} = A w_k / sum(A w_k), from equal
    // weights, until the weights stop moving.
    std::vector<double> weights(n, 1.0 / static_cast<double>(n));
    for (result.iterations = 1; result.iterations <= kMaxIterations; ++result.iterations) {
        std::vector<double> next = multiply(matrix, weights);
        const double total = sum(next);
        double change = 0;
        for (std::size_t i = 0; i < n; ++i) {
            next[i] /= total;
            change = std::max(change, std::abs(next[i] - weights[i]));
        }
        weights = std::move(next);
        if (change < kConvergence)
            break;
    }

    // lambda_max = sum_i (A w)_i / w_i / n, exact at the eigenvector (and its average otherwise).
    const std::vector<double> product = multiply(matrix, weights);
    double lambda = 0;
    for (std::size_t i = 0; i < n; ++i)
        lambda += product[i] / weights[i];
    result.lambdaMax = lambda / static_cast<double>(n);
    result.weights = std::move(weights);

    if (n <= 2)
        return result;
    // Rounding can put lambda_max a hair under n for a consistent matrix; CI is never negative.
    result.consistencyIndex =
        std::max(0.0, (result.lambdaMax - static_cast<double>(n)) / static_cast<double>(n - 1));
    auto ri = table.byOrder.find(n);
    if (ri == table.byOrder.end())
        return ahpError("no random consistency index for a matrix of order " +
                        std::to_string(n) + " in the resources (ahp.random_index." +
                        std::to_string(n) + ")");
    result.consistencyRatio = ri->second > 0 ? result.consistencyIndex / ri->second : 0.0;
    result.consistent = result.consistencyRatio <= table.crThreshold;
    return result;
}

Result<PairwiseMatrix> geometricMeanMatrix(const std::vector<PairwiseMatrix>& matrices)
{
    if (matrices.empty())
        return ahpError("no matrices to aggregate");
    const std::size_t n = matrices.front().size();
    PairwiseMatrix mean(n, std::vector<double>(n, 0.0));
    for (std::size_t k = 0; k < matrices.size(); ++k) {
        Result<bool> valid = validatePairwiseMatrix(matrices[k]);
        if (!valid)
            return ahpError("matrix " + std::to_string(k + 1) + ": " + valid.error().message);
        if (matrices[k].size() != n)
            return ahpError("matrix " + std::to_string(k + 1) + " has order " +
                            std::to_string(matrices[k].size()) + ", expected " +
                            std::to_string(n));
        // Summing logarithms keeps the product of many large judgements in range.
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                mean[i][j] += std::log(matrices[k][i][j]);
    }
    const double count = static_cast<double>(matrices.size());
    for (auto& row : mean)
        for (double& cell : row)
            cell = std::exp(cell / count);
    return mean;
}

PairwiseMatrix equalImportanceMatrix(std::size_t order)
{
    return PairwiseMatrix(order, std::vector<double>(order, 1.0));
}

bool HierarchyWeights::consistent() const
{
    for (const AhpBlockResult& block : blocks)
        if (!block.result.consistent)
            return false;
    return true;
}

std::vector<std::string> ahpBlockElements(const std::string& block)
{
    std::vector<std::string> elements;
    if (block == "categories") {
        for (Category category : kCategories)
            elements.emplace_back(categoryName(category));
        return elements;
    }
    for (const std::string& index : indexIds())
        if (block == categoryName(indexCategory(index)))
            elements.push_back(index);
    return elements;
}

std::vector<std::string> ahpBlockNames()
{
    std::vector<std::string> names{"categories"};
    for (Category category : kCategories)
        if (ahpBlockElements(categoryName(category)).size() > 1)
            names.emplace_back(categoryName(category));
    return names;
}

Result<HierarchyWeights> hierarchyWeights(const AhpQuestionnaire& questionnaire,
                                          const RandomIndexTable& table)
{
    HierarchyWeights weights;
    for (const std::string& block : ahpBlockNames()) {
        const std::vector<std::string> elements = ahpBlockElements(block);
        const PairwiseMatrix* matrix = &questionnaire.categories;
        if (block != "categories") {
            auto it = questionnaire.indices.find(block);
            if (it == questionnaire.indices.end())
                return ahpError(questionnaire.source + ": no block for " + block);
            matrix = &it->second;
        }
        if (matrix->size() != elements.size())
            return ahpError(questionnaire.source + ", block " + block + ": " +
                            std::to_string(matrix->size()) + " elements, expected " +
                            std::to_string(elements.size()));
        Result<AhpResult> result = ahpWeights(*matrix, table);
        if (!result)
            return ahpError(questionnaire.source + ", block " + block + ": " +
                            result.error().message);
        weights.blocks.push_back({block, elements, result.value()});
    }

    const AhpBlockResult& top = weights.blocks.front();
    for (std::size_t i = 0; i < top.elements.size(); ++i)
        weights.categoryWeight[top.elements[i]] = top.result.weights[i];
    for (const std::string& index : indexIds())
        weights.localIndexWeight[index] = 1.0;  // a category's only index takes all its weight
    for (std::size_t b = 1; b < weights.blocks.size(); ++b) {
        const AhpBlockResult& block = weights.blocks[b];
        for (std::size_t i = 0; i < block.elements.size(); ++i)
            weights.localIndexWeight[block.elements[i]] = block.result.weights[i];
    }
    for (const std::string& index : indexIds())
        weights.globalIndexWeight[index] =
            weights.categoryWeight[categoryName(indexCategory(index))] *
            weights.localIndexWeight[index];
    return weights;
}

Result<HierarchyWeights> aggregateHierarchy(const std::vector<AhpQuestionnaire>& experts,
                                            const RandomIndexTable& table)
{
    if (experts.empty())
        return ahpError("no questionnaires to aggregate");
    AhpQuestionnaire group;
    group.expert = "geometric mean of " + std::to_string(experts.size()) + " experts";
    group.source = group.expert;
    for (const std::string& block : ahpBlockNames()) {
        std::vector<PairwiseMatrix> matrices;
        for (const AhpQuestionnaire& expert : experts) {
            if (block == "categories") {
                matrices.push_back(expert.categories);
                continue;
            }
            auto it = expert.indices.find(block);
            if (it == expert.indices.end())
                return ahpError(expert.source + ": no block for " + block);
            matrices.push_back(it->second);
        }
        Result<PairwiseMatrix> mean = geometricMeanMatrix(matrices);
        if (!mean)
            return ahpError("block " + block + ": " + mean.error().message);
        if (block == "categories")
            group.categories = mean.value();
        else
            group.indices[block] = mean.value();
    }
    return hierarchyWeights(group, table);
}

} // namespace greenrenew::core
