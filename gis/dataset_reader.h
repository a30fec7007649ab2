#pragma once

// Reads a data set (GeoPackage, folder of files or single file, any OGR format) into a core
// Project in one metric CRS. Layer roles come from layer names (English, Chinese, OSM-derived),
// a mapping file can name them explicitly.

#include "core/model.h"
#include "core/result.h"
#include "core/web_map_offset.h"
#include "gis/import_report.h"

#include <QMap>
#include <QString>

#include <vector>

namespace greenrenew::gis {

struct ImportOptions {
    /// role -> source layer name (or file name in a folder); empty means detect.
    QMap<QString, QString> layerForRole;
    /// role -> model field key (modelFieldsOf: "floors", "renewal_type", ...) -> the source
    /// field that holds it, for names detection does not know; unset keys are detected.
    QMap<QString, QMap<QString, QString>> fieldsForRole;
    /// Target CRS as "EPSG:n"; empty: keep a metric projected source CRS, else choose UTM.
    QString targetCrs;
    /// The CRS the data is in, for every layer of the data set ("EPSG:4524", WKT, or "LOCAL"
    /// for a local grid in metres); empty: as declared, or guessed with a warning.
    QString sourceCrs;
    /// Multiplies every coordinate before anything else (0.001 for CAD drawings in mm).
    double coordinateScale = 1.0;
    /// Without a parcel layer the street blocks become parcels; faces smaller than this
    /// (traffic islands, junction slivers) are not blocks.
    double minStreetBlockM2 = 200.0;
    /// The facilities' points are in the offset coordinates of a Chinese web map (GCJ-02 of
    /// Amap/Tencent, BD-09 of Baidu), as the user says: removed before projecting.
    core::WebMapOffset facilityOffset = core::WebMapOffset::None;
    /// GeoPackage and FlatGeobuf building and green layers are read in column batches (GDAL's
    /// Arrow stream) and validated on two threads; false reads them feature by feature like
    /// every other layer. The model and report are the same either way (a test compares them).
    bool readInBatches = true;
};

/// One layer of a data set as the layer-mapping dialog lists it.
struct LayerListing {
    QString name;          // the name ImportOptions::layerForRole takes
    QString fileName;      // the file it is in
    QString geometryType;  // "Polygon", "Point", ... ("None" for a table)
    long long features = -1;
    QString role;          // the role OPTIONS give it, or detection; empty: none
    QStringList fields;    // its attribute fields, decoded as the importer decodes them
};

/// The layers of INPUT with the role each would be read as under OPTIONS.
core::Result<std::vector<LayerListing>> listLayers(const QString& input,
                                                   const ImportOptions& options);

/// Reads INPUT into a Project (without its MethodConfig). Failures name the file and layer.
core::Result<core::Project> readDataset(const QString& input, const ImportOptions& options,
                                        ImportReport& report);

} // namespace greenrenew::gis
