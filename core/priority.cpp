#include "core/priority.h"

#include "core/ahp.h"
#include "core/analysis.h"
#include "core/parcel_neighbours.h"
#include "core/scenario.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <utility>

namespace greenrenew::core {

namespace {

constexpr Category kCategories[] = {Category::Construction, Category::Transport,
                                    Category::Greening, Category::Waste};

double largest(const std::vector<double>& values)
{
    double top = 0;
    for (double value : values)
        top = std::max(top, value);
    return top;
}

double shareOf(double value, double top)
{
    return top > 0 ? value / top : 0.0;
}

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::vector<double> neighbourScores(const std::vector<double>& scores,
                                    const std::vector<std::vector<std::size_t>>& neighbours)
{
    std::vector<double> sums(scores.size(), 0.0);
    for (std::size_t i = 0; i < scores.size() && i < neighbours.size(); ++i)
        for (std::size_t j : neighbours[i])
            sums[i] += scores[j];
    return sums;
}

} // namespace

PriorityWeights PriorityWeights::fromParameters(const ParameterSet& parameters)
{
    std::map<Category, double> categoryWeight;
    double categoryTotal = 0;
    for (Category category : kCategories) {
        categoryWeight[category] =
            parameters.value(std::string("priority.weight.category.") + categoryName(category));
        categoryTotal += categoryWeight[category];
    }
    std::map<Category, double> localTotal;
    std::map<std::string, double> local;
    for (const std::string& index : indexIds()) {
        local[index] = parameters.value("priority.weight.index." + index);
        localTotal[indexCategory(index)] += local[index];
    }

    PriorityWeights weights;
    for (const std::string& index : indexIds()) {
        const Category category = indexCategory(index);
        weights.globalIndexWeight[index] = shareOf(categoryWeight[category], categoryTotal) *
                                           shareOf(local[index], localTotal[category]);
    }
    weights.seriousScore = parameters.value("priority.rating_score.serious");
    weights.mediumScore = parameters.value("priority.rating_score.medium");
    weights.slightScore = parameters.value("priority.rating_score.slight");
    return weights;
}

double PriorityWeights::ratingScore(Rating rating) const
{
    switch (rating) {
    case Rating::Serious: return seriousScore;
    case Rating::Medium: return mediumScore;
    case Rating::Slight: return slightScore;
    case Rating::NotAssessed: return 0.0;
    }
    return 0.0;
}

void setPriorityWeights(ParameterSet& parameters, const HierarchyWeights& weights,
                        const std::string& source, const std::string& note)
{
    for (const auto& [category, weight] : weights.categoryWeight)
        parameters.values["priority.weight.category." + category] =
            {weight, "AHP weight among the 4 categories", std::nullopt, source, note};
    for (const auto& [index, weight] : weights.localIndexWeight)
        parameters.values["priority.weight.index." + index] =
            {weight, "AHP local weight within its category", std::nullopt, source, note};
}

double priorityScore(const CarbonAssessment& assessment, const PriorityWeights& weights)
{
    double score = 0;
    for (const IndexRating& rating : assessment.ratings) {
        auto weight = weights.globalIndexWeight.find(rating.index);
        if (weight != weights.globalIndexWeight.end())
            score += weight->second * weights.ratingScore(rating.rating);
    }
    return score;
}

double assessedWeightShare(const CarbonAssessment& assessment, const PriorityWeights& weights)
{
    double share = 0;
    for (const IndexRating& rating : assessment.ratings) {
        auto weight = weights.globalIndexWeight.find(rating.index);
        if (weight != weights.globalIndexWeight.end() && rating.rating != Rating::NotAssessed)
            share += weight->second;
    }
    return share;
}

std::vector<std::vector<std::size_t>> parcelNeighbours(const Project& project, double gapM)
{
    return ParcelNeighbours(project, gapM).lists();
}

DemonstrationRule DemonstrationRule::fromParameters(const ParameterSet& parameters)
{
    DemonstrationRule rule;
    rule.weightPriority = parameters.value("priority.demo.weight_priority");
    rule.weightReduction = parameters.value("priority.demo.weight_reduction");
    rule.weightNeighbours = parameters.value("priority.demo.weight_neighbours");
    rule.neighbourGapM = parameters.value("priority.demo.neighbour_gap_m");
    rule.clusterMinShare = parameters.value("priority.demo.cluster_min_score_share");
    return rule;
}

DemonstrationSuggestion suggestDemonstration(
    const Project& project, const std::vector<double>& scores,
    const std::vector<double>& reductionsT,
    const std::vector<std::vector<std::size_t>>& neighbours, const DemonstrationRule& rule)
{
    DemonstrationSuggestion suggestion;
    const std::size_t n = std::min({project.parcels.size(), scores.size(), reductionsT.size()});
    const std::vector<double> around = neighbourScores(scores, neighbours);
    const double topScore = largest(scores);
    const double topReduction = largest(reductionsT);
    const double topAround = largest(around);

    std::size_t seed = n;
    double best = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double value = rule.weightPriority * shareOf(scores[i], topScore) +
                             rule.weightReduction * shareOf(reductionsT[i], topReduction) +
                             rule.weightNeighbours * shareOf(around[i], topAround);
        if (value > best) {  // strict: the first parcel in project order wins a tie
            best = value;
            seed = i;
        }
    }
    if (seed == n) {
        suggestion.reasoning = "no parcel has a priority score or an achievable reduction above 0";
        return suggestion;
    }

    suggestion.found = true;
    suggestion.seedParcelId = project.parcels[seed].id;
    suggestion.seedValue = best;
    suggestion.clusterParcelIds.push_back(project.parcels[seed].id);
    suggestion.clusterReductionT = reductionsT[seed];
    std::size_t joined = 0;
    if (seed < neighbours.size()) {
        for (std::size_t j : neighbours[seed]) {
            if (j < n && scores[j] >= rule.clusterMinShare * scores[seed]) {
                suggestion.clusterParcelIds.push_back(project.parcels[j].id);
                suggestion.clusterReductionT += reductionsT[j];
                ++joined;
            }
        }
    }
    const std::size_t neighbourCount = seed < neighbours.size() ? neighbours[seed].size() : 0;
    suggestion.seedScore = scores[seed];
    suggestion.topScore = topScore;
    suggestion.seedReductionT = reductionsT[seed];
    suggestion.topReductionT = topReduction;
    suggestion.seedNeighbourScore = around[seed];
    suggestion.topNeighbourScore = topAround;
    suggestion.neighbourCount = neighbourCount;
    suggestion.joinedCount = joined;
    suggestion.reasoning =
        "parcel " + std::to_string(suggestion.seedParcelId) + " has the highest demonstration "
        "value " + fixed(best, 3) + " = " + fixed(rule.weightPriority, 2) + " x priority " +
        fixed(scores[seed], 3) + "/" + fixed(topScore, 3) + " + " +
        fixed(rule.weightReduction, 2) + " x achievable reduction " +
        fixed(reductionsT[seed], 1) + "/" + fixed(topReduction, 1) + " tCO2e/yr + " +
        fixed(rule.weightNeighbours, 2) + " x neighbours' priority " + fixed(around[seed], 3) +
        "/" + fixed(topAround, 3) + " (" + std::to_string(neighbourCount) +
        " parcels within " + fixed(rule.neighbourGapM, 0) + " m); " + std::to_string(joined) +
        " of them score at least " + fixed(rule.clusterMinShare * 100.0, 0) +
        " % of it and join the cluster, which can save " +
        fixed(suggestion.clusterReductionT, 1) + " tCO2e/yr";
    return suggestion;
}

void rankPriorities(const Project& project, Analysis& analysis)
{
    const double gapM = DemonstrationRule::fromParameters(project.config.parameters).neighbourGapM;
    rankPriorities(project, analysis, parcelNeighbours(project, gapM));
}

void rankPriorities(const Project& project, Analysis& analysis,
                    const std::vector<std::vector<std::size_t>>& neighbours)
{
    const ParameterSet& parameters = project.config.parameters;
    const PriorityWeights weights = PriorityWeights::fromParameters(parameters);
    const DemonstrationRule rule = DemonstrationRule::fromParameters(parameters);

    const std::size_t n = analysis.parcels.size();
    std::vector<double> scores(n);
    std::vector<double> reductions(n);
    for (std::size_t i = 0; i < n; ++i) {
        scores[i] = priorityScore(analysis.parcels[i].carbon, weights);
        reductions[i] = achievableReductionT(analysis.parcels[i].carbon);
        analysis.parcels[i].priorityScore = scores[i];
    }

    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (scores[a] != scores[b])
            return scores[a] > scores[b];
        return reductions[a] > reductions[b];
    });
    for (std::size_t rank = 0; rank < n; ++rank)
        analysis.parcels[order[rank]].priorityRank = static_cast<int>(rank + 1);

    analysis.demonstration = suggestDemonstration(
        project, scores, reductions, neighbours, rule);
}

} // namespace greenrenew::core
