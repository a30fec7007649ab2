#pragma once

// Writes DIR/results.gpkg: layer `parcels` with every figure named as in the results schema
// (docs/results-schema.md), plus `facilities`, optionally `service_areas`, and the import report.

#include "core/analysis.h"
#include "core/model.h"
#include "core/result.h"
#include "core/walk_access.h"

#include <QString>

#include <vector>

namespace greenrenew::gis {

/// Layers written only when asked for.
struct ResultLayers {
    /// Layer `service_areas` (core::serviceAreas), when not empty.
    std::vector<core::ServiceArea> serviceAreas;
};

/// Writes atomically and durably (gis/atomic_file.h): a temporary file beside, flushed to the
/// disk and renamed over GPKGPATH; leftovers of interrupted saves in the folder are removed.
core::Result<bool> writeResults(const core::Project& project, const core::Analysis& analysis,
                                const QString& gpkgPath, const ResultLayers& extra = {});

} // namespace greenrenew::gis
