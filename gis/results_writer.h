#pragma once

// Writes DIR/results.gpkg: layer `parcels` with every figure named as in the results schema
// (docs/results-schema.md), plus `facilities` and the import report.

#include "core/analysis.h"
#include "core/model.h"
#include "core/result.h"

#include <QString>

namespace greenrenew::gis {

/// Writes atomically (to a temporary file beside, then renamed).
core::Result<bool> writeResults(const core::Project& project, const core::Analysis& analysis,
                                const QString& gpkgPath);

} // namespace greenrenew::gis
