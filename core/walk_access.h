#pragma once

// Walking life circles: facility types each parcel cannot reach on foot within each circle,
// along the walkable streets (multi-source shortest paths), and the straight-line answer beside.

#include "core/model.h"
#include "core/stage_control.h"

#include <cstddef>
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
    /// False when no network node lies inside the parcel or within walk.access_snap_m of it
    /// (the nearest node then stands in, see accessGapM), or there is no network at all.
    bool connected = true;
    /// Node count of the largest connected piece of the network its access points lie on:
    /// small against WalkNetworkSummary::largestComponentNodes means an island.
    std::size_t pieceNodes = 0;
    /// Network nodes used as the parcel's ways out: those inside it or within
    /// walk.access_snap_m of its boundary, else the single nearest node.
    std::size_t accessPoints = 0;
    /// Straight gap (metres) added when the nearest node had to stand in; 0 otherwise.
    double accessGapM = 0;
};

/// What the walk network looked like, so reports can say how far to trust it.
struct WalkNetworkSummary {
    std::size_t nodeCount = 0;
    std::size_t edgeCount = 0;
    double lengthM = 0;
    /// Connected pieces of the network; more than 1 means islands no walk can leave.
    std::size_t componentCount = 0;
    std::size_t largestComponentNodes = 0;
    std::size_t facilitiesMapped = 0;    // facilities with at least one standard type
    std::size_t facilitiesUnmapped = 0;  // facilities no mapping recognises
    /// Types some circle requires but no facility of the data set provides: a gap everywhere.
    std::vector<std::string> requiredTypesAbsent;
    /// "distance" (the standard's radii, the default) or "time" (minutes at walking speed).
    std::string circleMode;
    /// The largest circle threshold in flat-equivalent metres: searches stop there.
    double searchBoundM = 0;
};

struct WalkAccessResult {
    std::vector<WalkAccess> parcels;  // in project order
    WalkNetworkSummary network;
};

/// Computes walking access for every parcel, in project order, with the network summary.
/// Reads walk.* parameters, life circles, facility types and mappings from project.config
/// (throws MissingParameter when a walk.* parameter is absent). On cancel, returns default
/// results for every parcel.
///
/// Distances are flat-equivalent metres: a metre of steps counts walk.steps_time_factor
/// metres. In distance mode a circle is met within its radius; in time mode within its
/// minutes times walk.speed_m_per_min.
WalkAccessResult analyzeWalkAccess(const Project& project, const StageControl& control = {});

/// The parcels' part of analyzeWalkAccess().
std::vector<WalkAccess> computeWalkAccess(const Project& project,
                                          const StageControl& control = {});

/// Standard facility types of one facility under `config.facilityMappings`: the first of its
/// tag, each part of a "k=v;k=v" tag, each value of those parts, and its category that some
/// mapping matches decides; every mapping with that match contributes its type, and a type
/// text may list several ids separated by commas ("primary_school,junior_middle_school").
/// Empty when nothing matches.
std::vector<std::string> facilityTypesOf(const Facility& facility, const MethodConfig& config);

} // namespace greenrenew::core
