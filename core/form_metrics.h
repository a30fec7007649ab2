#pragma once

// Form metrics per parcel: density, FAR, green coverage and their companions, held against the
// planning controls of the parcel's renewal type (GB 50180-2018 Table 4.0.2 for residential).

#include "core/model.h"
#include "core/stage_control.h"

#include <map>
#include <optional>
#include <string>

namespace greenrenew::core {

/// One figure held against one control value.
struct ComplianceCheck {
    std::string figure;    // "far", "building_density", "green_coverage", "height"
    std::string bound;     // "min" or "max"
    double limit = 0;
    double value = 0;
    bool ok = true;
    double margin = 0;     // value - limit for "min", limit - value for "max" (negative = fails)
    std::string source;
};

struct FormMetrics {
    double areaM2 = 0;               // parcel area, holes excluded
    bool grossArea = true;           // street blocks measured to centre lines are gross land
    double footprintM2 = 0;          // union of footprint parts inside the parcel
    double buildingDensity = 0;      // footprintM2 / areaM2
    double grossFloorAreaM2 = 0;     // sum(footprint part inside x floors)
    double far = 0;                  // grossFloorAreaM2 / areaM2
    /// FAR from buildings with recorded floors only (estimated ones count 0); comparable with
    /// references that use only recorded floors.
    double farRecordedOnly = 0;
    double greenM2 = 0;              // union of green parts inside the parcel
    double greenCoverage = 0;        // greenM2 / areaM2
    int buildingCount = 0;           // buildings with a part inside the parcel
    int floorsEstimated = 0;         // of those, how many had floors estimated
    double meanFloors = 0;           // footprint-weighted mean floors
    double maxFloors = 0;
    double roofAreaM2 = 0;           // = footprintM2 (flat-roof assumption)
    double openSpaceShare = 0;       // 1 - buildingDensity
    std::optional<double> imperviousShare;
    double residentialFloorAreaM2 = 0;
    double populationEst = 0;
    std::string heightClass;         // control class chosen from mean floors
    std::vector<ComplianceCheck> compliance;
};

/// Computes the form metrics of every parcel, in project order (result[i] for parcels[i]).
std::vector<FormMetrics> computeFormMetrics(const Project& project,
                                            const StageControl& control = {});

} // namespace greenrenew::core
