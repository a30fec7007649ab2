#pragma once

// One transaction on one attribute table of a project GeoPackage (gr_scenarios,
// gr_priority_weights): open for update, find or create the table, edit, commit, or roll back
// and report. Used only inside gis .cpp files (it names GDAL types).

#include "core/result.h"
#include "gis/gdal_support.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace greenrenew::gis::detail {

/// The change made inside the transaction: std::nullopt when done, else what failed.
using TableEdit = std::function<std::optional<QString>(OGRLayer& table)>;

/// Opens the GeoPackage at PATH for update, finds TABLE or makes it with CREATE, runs EDIT in
/// one SQLite transaction and commits. A failure rolls everything back and is an Error naming
/// OPERATION, PATH, TABLE and the reason.
core::Result<bool> updateAttributeTable(const QString& path, const char* table,
                                        const char* operation,
                                        const std::function<OGRLayer*(GDALDataset&)>& create,
                                        const TableEdit& edit);

/// Deletes the rows FIDS of TABLE; the failure names the first row that could not go.
std::optional<QString> deleteRows(OGRLayer& table, const std::vector<GIntBig>& fids);

} // namespace greenrenew::gis::detail
