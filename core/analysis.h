#pragma once

// The analysis pipeline: form -> walking -> ratings, ledger, interventions -> priorities.

#include "core/carbon_method.h"
#include "core/form_metrics.h"
#include "core/model.h"
#include "core/priority.h"
#include "core/stage_control.h"
#include "core/walk_access.h"

#include <vector>

namespace greenrenew::core {

struct ParcelResult {
    FeatureId parcelId = 0;
    FormMetrics form;
    WalkAccess walk;
    CarbonAssessment carbon;
    double priorityScore = 0;
    int priorityRank = 0;
};

struct Analysis {
    std::vector<ParcelResult> parcels;  // in project parcel order
    DemonstrationSuggestion demonstration;  // filled by rankPriorities
};

/// Runs every stage over all parcels.
Analysis runAnalysis(const Project& project, const StageControl& control = {});

} // namespace greenrenew::core
