#pragma once

// Polygon layers read through the Arrow stream with their geometries validated on two
// threads: while two workers convert one batch (each with its own GEOS context), the calling
// thread reads the next from GDAL. Internal to gis.

#include "gis/arrow_layer_reader.h"
#include "gis/geometry_import.h"

#include <future>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace greenrenew::gis::detail {

/// True when WKB is a little-endian 2D Polygon or MultiPolygon with no empty part, finite
/// coordinates and none beyond LIMIT in magnitude: the geometries the feature path would
/// hand to GeometryImporter::polygonal() unchanged (no curves, Z, reprojection or warning).
bool plainPolygonWkb(std::span<const unsigned char> wkb, double limit);

class PolygonBatches {
public:
    /// One result per row, in the layer's order; nullopt for a row the caller takes through
    /// the feature path (not plain WKB, or GEOS could not read it).
    using Converted = std::vector<std::optional<Imported<core::MultiPolygon>>>;

    /// Converts only rows whose WKB is plain within LIMIT (see plainPolygonWkb).
    PolygonBatches(ArrowLayerReader& reader, double limit);
    ~PolygonBatches();
    PolygonBatches(const PolygonBatches&) = delete;
    PolygonBatches& operator=(const PolygonBatches&) = delete;

    /// The next batch and its converted geometries; false at the end or on a read failure
    /// (described in ERROR, empty at a normal end).
    bool next(std::optional<ArrowBatch>& batch, Converted& converted, QString& error);

private:
    struct InFlight {
        ArrowBatch batch;
        Converted converted;
        std::vector<std::future<void>> workers;
    };
    void start(InFlight& flight);

    ArrowLayerReader& m_reader;
    double m_limit;
    GeometryImporter m_importers[2];
    std::optional<InFlight> m_current;
    QString m_readError;
    bool m_ended = false;
};

} // namespace greenrenew::gis::detail
