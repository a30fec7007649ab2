#pragma once

// The layers a data set offers the importer (a file, a folder of files, a zip, a PostGIS
// schema), each with its encoding decided for shapefiles, and the layer chosen for each role.
// Shared by gis/dataset_reader.cpp's listing and reading; not part of gis's interface.

#include "core/result.h"
#include "gis/dataset_reader.h"
#include "gis/encoding_detection.h"
#include "gis/import_report.h"

#include <QFileInfo>
#include <QString>

#include <gdal_priv.h>

#include <map>
#include <memory>
#include <vector>

namespace greenrenew::gis::detail {

struct SourceLayer {
    QString path;
    QString layerName;
    std::shared_ptr<GDALDataset> dataset;
    OGRLayer* layer = nullptr;
    /// Shapefiles only: the .dbf bytes and the encoding chosen from them (GDAL is told not
    /// to recode, so every string is decoded here).
    std::shared_ptr<DbfInspection> dbf;
    EncodingChoice encoding;

    bool shapefile() const { return dbf != nullptr; }
    QString fileName() const { return QFileInfo(path).fileName(); }
};

bool hasSuffix(const QString& path, const char* suffix);

/// An input error naming the operation, file and layer.
core::Error inputError(const QString& operation, const QString& path, const QString& layer,
                       const QString& message, core::ErrorKind kind = core::ErrorKind::BadInput);

/// GDAL's last message, or a plain "GDAL cannot read it" when it left none.
QString lastGdalMessage();

/// Every layer of INPUT: a file, a zip, a folder of data files, or a PostGIS address; a file
/// in a folder that cannot be opened and fits no role is a warning in REPORT.
core::Result<std::vector<SourceLayer>> openSources(const QString& input, ImportReport& report);

/// Picks the layer for each role: the user's choice, else the best name match.
core::Result<std::map<QString, const SourceLayer*>> assignRoles(
    const std::vector<SourceLayer>& layers, const ImportOptions& options, const QString& input,
    ImportReport& report);

} // namespace greenrenew::gis::detail
