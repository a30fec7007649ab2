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
    /// Whether walk costs followed a DEM's slope (Tobler), the DEM's description, and the
    /// length of ways it did not cover, costed as flat.
    bool slopeFromDem = false;
    std::string demDescription;
    double unelevatedLengthM = 0;
};

struct WalkAccessResult {
    std::vector<WalkAccess> parcels;  // in project order
    WalkNetworkSummary network;
};

/// How the walk was measured, for reports: how the circles are read and whether a DEM's
/// slope counted.
struct WalkMethodNote {
    std::string circleMode;   // "distance" (the standard's radii, the default) or "time"
    std::string circles;      // "5min 300 m, 10min 500 m, 15min 1000 m" as used
    std::vector<double> thresholdsM;  // each life circle's threshold as used, in order
    bool slopeFromDem = false;
    std::string dem;          // the DEM's description; empty without one
    /// One English sentence with all of the above.
    std::string text;
};

/// Reads walk.circle_mode, walk.speed_m_per_min, the life circles and project.elevation.
WalkMethodNote describeWalkMethod(const Project& project);

/// Computes walking access for every parcel, in project order, with the network summary.
/// Reads walk.* parameters, life circles, facility types and mappings from project.config
/// (throws MissingParameter when a walk.* parameter is absent). On cancel, returns default
/// results for every parcel.
///
/// Distances are flat-equivalent metres: a metre of steps counts walk.steps_time_factor
/// metres, and with a DEM (project.elevation) a metre of slope counts Tobler's factor, walking
/// from the parcel to the facility. In distance mode a circle is met within its radius; in
/// time mode within its minutes times walk.speed_m_per_min.
WalkAccessResult analyzeWalkAccess(const Project& project, const StageControl& control = {});

/// The parcels' part of analyzeWalkAccess().
std::vector<WalkAccess> computeWalkAccess(const Project& project,
                                          const StageControl& control = {});

/// The streets within one circle of the nearest facility of one type, and the area they serve:
/// a layer for the map (the results writer's service_areas layer).
struct ServiceArea {
    std::string facilityType;
    std::string circleId;
    /// The circle's threshold in flat-equivalent metres under walk.circle_mode.
    double thresholdM = 0;
    /// walk.service_area_buffer_m: how far either side of a reachable street the area reaches.
    double bufferM = 0;
    /// Reachable street parts (each from a node or facility to where the walk runs out), and
    /// their total length in metres.
    MultiLineString streets;
    double streetLengthM = 0;
    /// The reachable parts buffered by bufferM, dissolved; empty when no facility of the type
    /// is on the network.
    MultiPolygon area;
};

/// Service areas of facility type `type` within circle `circleId`, or of every type that
/// circle requires when `type` is empty, keyed by type. A facility joins the network as in
/// analyzeWalkAccess() (at the nearest point of the nearest edge, plus the straight snap),
/// and a street part is reachable when its walk cost from there is within the threshold.
/// Throws std::invalid_argument for an unknown circle id and MissingParameter when a walk.*
/// parameter is absent. On cancel, returns the types finished so far.
std::map<std::string, ServiceArea> serviceAreas(const Project& project, const std::string& type,
                                                const std::string& circleId,
                                                const StageControl& control = {});

/// One service area to draw: a facility type within a circle.
struct ServiceAreaRequest {
    std::string facilityType;
    std::string circleId;
};

/// The service areas asked for, in the order asked, on one network built once. A type with no
/// facility gives an empty area. Throws as the function above; on cancel, returns those
/// finished so far.
std::vector<ServiceArea> serviceAreas(const Project& project,
                                      const std::vector<ServiceAreaRequest>& requests,
                                      const StageControl& control = {});

/// Every type each circle requires, within that circle: the default set for the results.
std::vector<ServiceAreaRequest> requiredServiceAreas(const MethodConfig& config);

/// Standard facility types of one facility under `config.facilityMappings`: the first of its
/// tag, each part of a "k=v;k=v" tag, each value of those parts, and its category that some
/// mapping matches decides; every mapping with that match contributes its type, and a type
/// text may list several ids separated by commas ("primary_school,junior_middle_school").
/// Empty when nothing matches.
std::vector<std::string> facilityTypesOf(const Facility& facility, const MethodConfig& config);

} // namespace greenrenew::core
