#pragma once

// Figures the report aggregates: one row per renewal type, area-weighted as planners read
// district figures (a large parcel weighs more than a small one).

#include "core/analysis.h"
#include "core/model.h"

#include <QString>

#include <string>
#include <vector>

namespace greenrenew::render {

struct TypeSummary {
    core::RenewalType type = core::RenewalType::Residential;
    int parcelCount = 0;
    double areaM2 = 0;
    double buildingDensity = 0; // sum of footprints / sum of areas
    double far = 0; // sum of floor areas / sum of areas
    double greenCoverage = 0; // sum of green areas / sum of areas
    core::CarbonLedger ledger; // tCO2e per year, summed
};

/// One summary per renewal type in kAllRenewalTypes order (types without parcels included),
/// over the parcels the analysis has results for.
std::vector<TypeSummary> summarizeByType(
    const core::Project& project, const core::Analysis& analysis);
/// The district as a whole, built the same way as one type's summary.
TypeSummary summarizeAll(const std::vector<TypeSummary>& byType);

/// The amount LEDGER books for CATEGORY, tCO2e per year.
double ledgerAmount(const core::CarbonLedger& ledger, core::Category category);

/// Circle ids for the gap columns: the configured life circles, or 5/10/15 min when none.
std::vector<std::string> circleIds(const core::Project& project);
/// Number of required facility types missing in CIRCLE for one parcel.
int gapCount(const core::WalkAccess& walk, const std::string& circle);

/// How the walk was measured, one sentence in LANGUAGE: circles read as the standard's radii
/// in metres or in minutes (with the thresholds used), the walking speed, the steps factor and
/// whether slope came from a DEM (its file). Empty when the method has no walk parameters.
QString walkMethodStatement(const core::Project& project, const QString& language);

} // namespace greenrenew::render
