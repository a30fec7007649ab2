#pragma once

// One call that the batch command and the desktop share to open a data set as a project:
// read the layers, load the method's resources (plus an optional override file) and suggest a
// renewal type for every parcel whose data did not carry one.

#include "core/model.h"
#include "core/result.h"
#include "gis/dataset_reader.h"
#include "gis/import_report.h"

#include <QString>

namespace greenrenew::gis {

struct LoadOptions {
    ImportOptions import;
    QString configOverride;  // JSON file in the resources' layout; empty for none
};

core::Result<core::Project> loadProject(const QString& input, const LoadOptions& options,
                                        ImportReport& report);

} // namespace greenrenew::gis
