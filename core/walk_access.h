#pragma once

// Walking life circles: facility types each parcel cannot reach on foot within each circle,
// along the walkable streets (multi-source shortest paths), and the straight-line answer beside.

#include "core/model.h"
#include "core/stage_control.h"

#include <map>
#include <string>
#include <vector>

namespace greenrenew::core {

struct WalkAccess {
    /// Network walk distance in metres to the nearest facility of each standard type;
    /// absent when none is reachable within the largest circle.
    std::map<std::string, double> distanceM;
    /// Same by straight line from the parcel boundary.
    std::map<std::string, double> crowflyM;
    /// Required facility types missing per circle id ("5min" -> {"kindergarten", ...}).
    std::map<std::string, std::vector<std::string>> gaps;
    std::map<std::string, std::vector<std::string>> crowflyGaps;
    /// Share of required (circle, type) pairs met, 0..1.
    double walkScore = 0;
    /// False when the parcel has no access point on the walk network.
    bool connected = true;
};

/// Computes walking access for every parcel, in project order.
std::vector<WalkAccess> computeWalkAccess(const Project& project,
                                          const StageControl& control = {});

} // namespace greenrenew::core
