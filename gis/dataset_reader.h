#pragma once

// Reads a data set (GeoPackage, folder of files or single file, any OGR format) into a core
// Project in one metric CRS. Layer roles come from layer names (English, Chinese, OSM-derived),
// a mapping file can name them explicitly.

#include "core/model.h"
#include "core/result.h"
#include "gis/import_report.h"

#include <QMap>
#include <QString>

namespace greenrenew::gis {

struct ImportOptions {
    /// role -> source layer name (or file name in a folder); empty means detect.
    QMap<QString, QString> layerForRole;
    /// Target CRS as "EPSG:n"; empty: keep a metric projected source CRS, else choose UTM.
    QString targetCrs;
};

/// Reads INPUT into a Project (without its MethodConfig). Failures name the file and layer.
core::Result<core::Project> readDataset(const QString& input, const ImportOptions& options,
                                        ImportReport& report);

} // namespace greenrenew::gis
