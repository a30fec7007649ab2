#pragma once

// The walking stage's rules shared by the full stage (walk_access.cpp) and the incremental
// recompute after an edit (incremental_analysis.cpp), so both read parameters, seed facilities
// and judge circles the same way.

#include "core/detail/walk_network.h"
#include "core/geometry.h"
#include "core/method_config.h"
#include "core/model.h"
#include "core/walk_access.h"

#include <vector>

namespace greenrenew::core::detail {

struct WalkSettings {
    double snapToleranceM = 0;
    double stepsFactor = 1;
    double accessSnapM = 0;
    double speedMPerMin = 0;
    bool timeMode = false;
};

/// Reads the walk.* parameters; throws MissingParameter when one is absent.
WalkSettings readWalkSettings(const ParameterSet& parameters);

/// How to build the project's walk network: the settings' snap and steps factor, and, when
/// the project has a DEM, its heights and the walk.tobler_* parameters (MissingParameter when
/// one of those is absent).
WalkNetworkOptions networkOptions(const Project& project, const WalkSettings& settings);

/// A circle's threshold in flat-equivalent metres under the chosen mode.
double circleThresholdM(const LifeCircle& circle, const WalkSettings& settings);

/// Search seeds for facilities at POINTS: each joins the network at the nearest point of the
/// nearest edge; its ends are seeded with the walk from them along the edge to that point
/// (a share of the edge's cost in that direction proportional to the length) plus the
/// straight snap.
std::vector<WalkSeed> facilitySeeds(const WalkNetwork& network, const std::vector<Point>& points);

/// Fills the circle gaps and the score from the distances already in ACCESS.
void judgeCircles(const std::vector<LifeCircle>& circles, const WalkSettings& settings,
                  WalkAccess& access);

} // namespace greenrenew::core::detail
