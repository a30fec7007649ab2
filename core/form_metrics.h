#pragma once

// Form metrics per parcel: density, FAR, green coverage and their companions, held against the
// planning controls of the parcel's renewal type (GB 50180-2018 Table 4.0.2 for residential).

#include "core/model.h"
#include "core/stage_control.h"

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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
    bool onGrossArea = true;  // the figure was measured on gross land (see FormMetrics)
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
    int buildingCount = 0;           // buildings with >= 1 mm2 inside (touching: not counted)
    int floorsEstimated = 0;         // of those, how many had floors estimated
    double meanFloors = 0;           // footprint-weighted mean floors
    double maxFloors = 0;
    double roofAreaM2 = 0;           // = footprintM2 (flat-roof assumption)
    double openSpaceShare = 0;       // 1 - buildingDensity
    /// Unset: no input layer maps paved surfaces (green spaces and centre lines only).
    std::optional<double> imperviousShare;
    double residentialFloorAreaM2 = 0;
    double populationEst = 0;
    std::string heightClass;         // control class chosen from mean floors
    std::vector<ComplianceCheck> compliance;
};

/// Computes the form metrics of every parcel, in project order (result[i] for parcels[i]),
/// in parallel over parcels. Invalid geometries are repaired (GEOS make-valid) rather than
/// rejected, so bad input never throws; a parcel without area gets zero figures. Throws
/// MissingParameter when the configuration lacks a form.* value. On cancel, the parcels not
/// reached keep default-constructed metrics.
///
/// Parameters read: form.storey_height_m, form.floor_area_per_person_m2,
/// form.default_floors.<renewal type>; controls: formControls[<renewal type name>].
/// A parcel's area counts as net land when its attribute "area_basis" is "net", else gross.
std::vector<FormMetrics> computeFormMetrics(const Project& project,
                                            const StageControl& control = {});

/// Spatial indexes over a project's buildings and green spaces, built once, so that the
/// figures of a few parcels can be recomputed after an edit without rebuilding them. The
/// project must outlive the calculator, and its buildings and green spaces must not change
/// while it lives (parcels may: compute() takes the parcel to measure). compute() may be
/// called from several threads at once.
class FormMetricsCalculator {
public:
    /// Throws MissingParameter when the configuration lacks a form.* value.
    explicit FormMetricsCalculator(const Project& project);
    ~FormMetricsCalculator();
    FormMetricsCalculator(const FormMetricsCalculator&) = delete;
    FormMetricsCalculator& operator=(const FormMetricsCalculator&) = delete;

    FormMetrics compute(const Parcel& parcel) const;
    /// Several parcels (such as an edited one and its neighbours), in parallel; result[i] for
    /// parcels[i].
    std::vector<FormMetrics> compute(const std::vector<const Parcel*>& parcels) const;
    /// All parcels of the project, in parallel, as computeFormMetrics().
    std::vector<FormMetrics> computeAll(const StageControl& control = {}) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace greenrenew::core
