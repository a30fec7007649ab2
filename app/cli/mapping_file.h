#pragma once

// The batch command's layer mapping file: a JSON object from role to source layer name,
// e.g. {"parcels": "地块", "facilities": "poi_2023"}.

#include "core/result.h"

#include <QMap>
#include <QString>

namespace greenrenew::cli {

core::Result<QMap<QString, QString>> readMappingFile(const QString& path);

} // namespace greenrenew::cli
