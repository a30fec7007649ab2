#pragma once

// The batch command's mapping file: a JSON object from role to source layer name, and under
// "fields" from role to model field to source field, for names detection does not know, e.g.
// {"parcels": "地块", "buildings": "bldg", "fields": {"buildings": {"floors": "LYR_CS"}}}.
// The model fields of each role are gis::modelFieldsOf's keys.

#include "core/result.h"
#include "gis/dataset_reader.h"

#include <QString>

namespace greenrenew::cli {

/// Sets OPTIONS' layerForRole and fieldsForRole from the mapping file at PATH; an unknown role
/// or field key, or a value that is not a string, is an error naming the file and the key.
core::Result<bool> readMappingFile(const QString& path, gis::ImportOptions& options);

} // namespace greenrenew::cli
