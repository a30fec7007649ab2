#pragma once

// Reads a GeoPackage or FlatGeobuf layer in column batches through GDAL's Arrow C stream
// interface (RFC 86, GDAL 3.6): feature ids, WKB geometries and the attribute columns asked
// for, without an OGRFeature per row. Internal to gis: the header names OGR types, so only
// gis .cpp files include it.

#include <QString>

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <vector>

class OGRLayer;
struct ArrowArray;

namespace greenrenew::gis::detail {

/// One batch of rows. Values read as the feature path reads them: text() as
/// OGRFeature::GetFieldAsString decoded from UTF-8, number() as GetFieldAsDouble for numeric
/// columns and the leading number of a text column.
class ArrowBatch {
public:
    struct Column {
        const ArrowArray* array = nullptr;
        char format = 0;  // Arrow format letter: 'i' int32, 'l' int64, 'g' double, 'u' utf8
    };

    ArrowBatch(std::unique_ptr<ArrowArray> array, std::vector<Column> fieldColumns,
               const ArrowArray* fids, const ArrowArray* geometries);
    ~ArrowBatch();
    ArrowBatch(ArrowBatch&&) noexcept;
    ArrowBatch& operator=(ArrowBatch&&) noexcept;

    std::size_t size() const;
    long long fid(std::size_t row) const;
    /// The row's geometry as WKB; empty when it has none.
    std::span<const unsigned char> wkb(std::size_t row) const;
    /// FIELD is the OGR field index asked for when the reader was opened; -1 reads as null.
    bool isNull(std::size_t row, int field) const;
    QString text(std::size_t row, int field) const;
    std::optional<double> number(std::size_t row, int field) const;

private:
    const Column* column(int field) const;

    std::unique_ptr<ArrowArray> m_array;
    std::vector<Column> m_fieldColumns;  // by OGR field index; array null when not read
    const ArrowArray* m_fids = nullptr;
    const ArrowArray* m_geometries = nullptr;
};

/// A row of a batch, read through the same calls as an OGRFeature in dataset_reader.cpp.
struct ArrowRow {
    const ArrowBatch& batch;
    std::size_t row;
};

class ArrowLayerReader {
public:
    /// A reader of LAYER's ids, geometries and the fields TEXT_FIELDS and NUMBER_FIELDS (OGR
    /// field indices; -1 ignored), or null with the reason in WHY when the layer is not read
    /// this way: a driver without a fast Arrow stream, more than one geometry column, or a
    /// column whose values this reader would not give exactly as the feature path does.
    /// Other fields are ignored (OGRLayer::SetIgnoredFields) until the reader is destroyed.
    static std::unique_ptr<ArrowLayerReader> open(OGRLayer& layer,
                                                  const std::vector<int>& textFields,
                                                  const std::vector<int>& numberFields,
                                                  QString& why);
    ~ArrowLayerReader();
    ArrowLayerReader(const ArrowLayerReader&) = delete;
    ArrowLayerReader& operator=(const ArrowLayerReader&) = delete;

    /// The next batch; nullopt at the end, or on a failure described in ERROR.
    std::optional<ArrowBatch> next(QString& error);

private:
    struct Impl;
    explicit ArrowLayerReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace greenrenew::gis::detail
