#pragma once

// Renewal priority per parcel (docs/priorities.md, "Priority"): the ratings weighted by the AHP
// weights of resources/method/priorities.json (or of experts' questionnaires), parcels ranked,
// and a suggested demonstration parcel with the parcels around it.

#include "core/carbon_method.h"
#include "core/model.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace greenrenew::core {

struct Analysis;
struct HierarchyWeights;

struct PriorityWeights {
    std::map<std::string, double> globalIndexWeight;  // keyed by index id; sums to 1
    double seriousScore = 0;
    double mediumScore = 0;
    double slightScore = 0;

    /// Reads priority.weight.category.<category>, priority.weight.index.<index> (the local
    /// weight within its category) and priority.rating_score.<rating>. Category weights and the
    /// local weights of each category are normalised to sum to 1, so a project may override
    /// one judgement without rebalancing the rest. Throws MissingParameter.
    static PriorityWeights fromParameters(const ParameterSet& parameters);
    double ratingScore(Rating rating) const;
};

/// Writes an AHP's weights into PARAMETERS as priority.weight.category.<category> and
/// priority.weight.index.<index> (local weights), each naming SOURCE and NOTE, so that
/// rankPriorities and every later re-ranking (an edit) use them.
void setPriorityWeights(ParameterSet& parameters, const HierarchyWeights& weights,
                        const std::string& source, const std::string& note);

/// Sum over indices of global weight x rating score; not-assessed indices add nothing.
double priorityScore(const CarbonAssessment& assessment, const PriorityWeights& weights);
/// The share of the total weight whose indices were assessed (0..1): how far to trust a score.
double assessedWeightShare(const CarbonAssessment& assessment, const PriorityWeights& weights);

/// Positions of parcels within gapM of each other (envelope test first, then the geometry's
/// distance), so parcels across a lane count as neighbours (ParcelNeighbours, found afresh).
std::vector<std::vector<std::size_t>> parcelNeighbours(const Project& project, double gapM);

struct DemonstrationSuggestion {
    bool found = false;
    FeatureId seedParcelId = 0;
    std::vector<FeatureId> clusterParcelIds;  // the seed first, then its neighbours joining it
    double clusterReductionT = 0;  // achievable reduction of the cluster, tCO2e per year
    double seedValue = 0;          // the demonstration value that chose the seed
    std::string reasoning;         // the numbers behind the choice, in English
    // The same numbers as figures, so a report can say them in its own language.
    double seedScore = 0, topScore = 0;              // priority score: seed's and largest
    double seedReductionT = 0, topReductionT = 0;    // achievable reduction, tCO2e per year
    double seedNeighbourScore = 0, topNeighbourScore = 0; // neighbours' priority score
    std::size_t neighbourCount = 0;  // parcels within the rule's gap of the seed
    std::size_t joinedCount = 0;     // of them, those joining the cluster
};

struct DemonstrationRule {
    double weightPriority = 0;   // priority.demo.weight_priority
    double weightReduction = 0;  // priority.demo.weight_reduction
    double weightNeighbours = 0; // priority.demo.weight_neighbours
    double neighbourGapM = 0;    // priority.demo.neighbour_gap_m
    double clusterMinShare = 0;  // priority.demo.cluster_min_score_share
    static DemonstrationRule fromParameters(const ParameterSet& parameters);
};

/// Chooses the parcel with the highest demonstration value: weighted sum of its priority score,
/// its achievable reduction and its neighbours' priority scores, each divided by the largest
/// among parcels. The cluster adds the neighbours whose score is at least clusterMinShare of
/// the seed's. scores, reductions and neighbours are by parcel position.
DemonstrationSuggestion suggestDemonstration(
    const Project& project, const std::vector<double>& scores,
    const std::vector<double>& reductionsT,
    const std::vector<std::vector<std::size_t>>& neighbours, const DemonstrationRule& rule);

/// Fills ParcelResult::priorityScore and priorityRank (1 = first; ties broken by achievable
/// reduction, then project order) and Analysis::demonstration. Throws MissingParameter.
void rankPriorities(const Project& project, Analysis& analysis);
/// The same with every parcel's neighbours at priority.demo.neighbour_gap_m given (as
/// ParcelNeighbours keeps them through edits), instead of found again.
void rankPriorities(const Project& project, Analysis& analysis,
                    const std::vector<std::vector<std::size_t>>& neighbours);

} // namespace greenrenew::core
