#pragma once

// The project's expert weights: the attribute table `gr_priority_weights` of the project
// GeoPackage, one row per category and per index (level, element, category, weight,
// global_weight, source, note), so QGIS and spreadsheets open it and the next opening of the
// project, on the desktop or in the batch command, ranks with the same weights.

#include "core/ahp.h"
#include "core/method_config.h"
#include "core/result.h"

#include <QString>

#include <optional>
#include <string>

namespace greenrenew::gis {

struct StoredPriorityWeights {
    core::HierarchyWeights weights;  // blocks stay empty: only the weights are stored
    std::string source;              // the questionnaires and experts they came from
    std::string note;                // consistency ratios of the aggregate and the experts
};

/// Replaces the rows of `gr_priority_weights` in the GeoPackage at GPKGPATH (creating the
/// table when missing) by WEIGHTS, in one SQLite transaction.
core::Result<bool> storePriorityWeights(const QString& gpkgPath,
                                        const core::HierarchyWeights& weights,
                                        const std::string& source, const std::string& note);

/// The weights stored in the project; std::nullopt when the file is not a GeoPackage or has no
/// such table. A row with an unknown element or a weight that is not a number in [0, 1] is an
/// error naming the row.
core::Result<std::optional<StoredPriorityWeights>> loadPriorityWeights(const QString& gpkgPath);

/// Applies the project's stored weights to CONFIG (core::setPriorityWeights); false when the
/// project stores none.
core::Result<bool> applyStoredPriorityWeights(core::MethodConfig& config, const QString& gpkgPath);

} // namespace greenrenew::gis
