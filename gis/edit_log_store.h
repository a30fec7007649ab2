#pragma once

// The edit log of a project: one row per edit step (time, parcels, action, what changed),
// written as the attribute table `gr_edit_log` (no geometry) of a results GeoPackage, where
// QGIS lists it as a table beside the layers.

#include "core/model.h"
#include "core/result.h"

#include <QString>

#include <string>
#include <vector>

namespace greenrenew::gis {

struct EditLogEntry {
    std::string timeUtc;                 // ISO 8601, UTC, milliseconds
    std::vector<core::FeatureId> parcelIds;  // every parcel the step touched, before and after
    std::string action;                  // "edit", "undo", "redo" or "restore"
    std::string description;             // what changed, as the undo stack names it
};

/// Replaces the table `gr_edit_log` of the GeoPackage at GPKGPATH by ENTRIES, in one SQLite
/// transaction (the file keeps the old table or gets the new one whole).
core::Result<bool> writeEditLog(const QString& gpkgPath, const std::vector<EditLogEntry>& entries);

} // namespace greenrenew::gis
