#pragma once

// Writes the district's carbon summary (core::summarizeDistrict) as JSON beside the results.

#include "core/district_summary.h"

#include <QString>

namespace greenrenew::cli {

bool writeDistrictSummary(const QString& path, const core::DistrictSummary& summary);

} // namespace greenrenew::cli
