#pragma once

// Writes the district's carbon summary (core::summarizeDistrict) as JSON beside the results,
// with how the walk was measured (circle mode, thresholds, speed, steps, DEM) so the figures
// can be read without the console log.

#include "core/district_summary.h"
#include "core/model.h"

#include <QString>

namespace greenrenew::cli {

/// PROJECT supplies the walk.* parameters, life circles and DEM the run used.
bool writeDistrictSummary(const QString& path, const core::DistrictSummary& summary,
                          const core::Project& project);

} // namespace greenrenew::cli
