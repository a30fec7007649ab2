#include "gis/arrow_layer_reader.h"

#include "gis/field_detection.h"

#include <ogr_recordbatch.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace greenrenew::gis::detail {

namespace {

// Rows per batch: small enough that the first batch (read before anything overlaps it) is a
// fraction of a second, large enough that handing batches between threads costs nothing.
constexpr int kRowsPerBatch = 16384;

void releaseArray(ArrowArray* array)
{
    if (array && array->release)
        array->release(array);
}

bool validBit(const ArrowArray& array, std::size_t row)
{
    const auto* bits = static_cast<const std::uint8_t*>(array.buffers[0]);
    if (!bits)
        return true;
    const std::size_t at = static_cast<std::size_t>(array.offset) + row;
    return (bits[at / 8] >> (at % 8)) & 1;
}

template <typename T>
T valueAt(const ArrowArray& array, std::size_t row)
{
    return static_cast<const T*>(array.buffers[1])[static_cast<std::size_t>(array.offset) + row];
}

/// The bytes of row ROW of a utf8 ('u') or binary ('z') array, 32-bit offsets.
std::span<const unsigned char> bytesAt(const ArrowArray& array, std::size_t row)
{
    const auto* offsets = static_cast<const std::int32_t*>(array.buffers[1]);
    const auto* data = static_cast<const unsigned char*>(array.buffers[2]);
    const std::size_t at = static_cast<std::size_t>(array.offset) + row;
    return {data + offsets[at], static_cast<std::size_t>(offsets[at + 1] - offsets[at])};
}

/// Formats whose values read here exactly as OGRFeature gives them; a text column of reals
/// is not among them (GDAL's own formatting of doubles would have to be copied).
bool readableAsText(char format)
{
    return format == 'u' || format == 'i' || format == 'l';
}

bool readableAsNumber(char format)
{
    return format == 'u' || format == 'i' || format == 'l' || format == 'g';
}

/// Arrow's one-letter formats only ("tdD" for a date is not read here).
char simpleFormat(const ArrowSchema& schema)
{
    return std::strlen(schema.format) == 1 ? schema.format[0] : 0;
}

} // namespace

ArrowBatch::ArrowBatch(std::unique_ptr<ArrowArray> array, std::vector<Column> fieldColumns,
                       const ArrowArray* fids, const ArrowArray* geometries)
    : m_array(std::move(array)), m_fieldColumns(std::move(fieldColumns)), m_fids(fids),
      m_geometries(geometries)
{
}

ArrowBatch::~ArrowBatch()
{
    releaseArray(m_array.get());
}

ArrowBatch::ArrowBatch(ArrowBatch&&) noexcept = default;

ArrowBatch& ArrowBatch::operator=(ArrowBatch&& other) noexcept
{
    if (this != &other) {
        releaseArray(m_array.get());
        m_array = std::move(other.m_array);
        m_fieldColumns = std::move(other.m_fieldColumns);
        m_fids = other.m_fids;
        m_geometries = other.m_geometries;
    }
    return *this;
}

std::size_t ArrowBatch::size() const
{
    return static_cast<std::size_t>(m_array->length);
}

long long ArrowBatch::fid(std::size_t row) const
{
    return valueAt<std::int64_t>(*m_fids, row);
}

std::span<const unsigned char> ArrowBatch::wkb(std::size_t row) const
{
    if (!validBit(*m_geometries, row))
        return {};
    return bytesAt(*m_geometries, row);
}

const ArrowBatch::Column* ArrowBatch::column(int field) const
{
    if (field < 0 || static_cast<std::size_t>(field) >= m_fieldColumns.size()
        || !m_fieldColumns[static_cast<std::size_t>(field)].array)
        return nullptr;
    return &m_fieldColumns[static_cast<std::size_t>(field)];
}

bool ArrowBatch::isNull(std::size_t row, int field) const
{
    const Column* values = column(field);
    return !values || !validBit(*values->array, row);
}

QString ArrowBatch::text(std::size_t row, int field) const
{
    if (isNull(row, field))
        return {};
    const Column& values = *column(field);
    if (values.format == 'i')
        return QString::number(valueAt<std::int32_t>(*values.array, row));
    if (values.format == 'l')
        return QString::number(static_cast<qlonglong>(valueAt<std::int64_t>(*values.array, row)));
    const std::span<const unsigned char> bytes = bytesAt(*values.array, row);
    // GetFieldAsString hands a C string: text after an embedded NUL is not part of it.
    const auto* chars = reinterpret_cast<const char*>(bytes.data());
    return QString::fromUtf8(chars, static_cast<qsizetype>(strnlen(chars, bytes.size())));
}

std::optional<double> ArrowBatch::number(std::size_t row, int field) const
{
    if (isNull(row, field))
        return std::nullopt;
    const Column& values = *column(field);
    double value = 0;
    if (values.format == 'i')
        value = valueAt<std::int32_t>(*values.array, row);
    else if (values.format == 'l')
        value = static_cast<double>(valueAt<std::int64_t>(*values.array, row));
    else if (values.format == 'g')
        value = valueAt<double>(*values.array, row);
    else
        return parseLeadingNumber(text(row, field));
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

struct ArrowLayerReader::Impl {
    OGRLayer& layer;
    ArrowArrayStream stream{};
    int fidChild = -1;
    int geometryChild = -1;
    std::vector<std::pair<int, int>> fieldChildren;  // OGR field index, Arrow child index
    std::vector<ArrowBatch::Column> columnTemplate;   // formats, by OGR field index

    explicit Impl(OGRLayer& source) : layer(source) {}
    ~Impl()
    {
        if (stream.release)
            stream.release(&stream);
        layer.SetIgnoredFields(nullptr);
        layer.ResetReading();
    }

    /// Finds the id, geometry and field columns in the stream's schema; false with WHY when
    /// one is missing or of a type not read here.
    bool mapSchema(const std::vector<int>& textFields, const std::vector<int>& numberFields,
                   QString& why)
    {
        ArrowSchema schema{};
        if (stream.get_schema(&stream, &schema) != 0) {
            why = QStringLiteral("no Arrow schema");
            return false;
        }
        const bool mapped = mapChildren(schema, textFields, numberFields, why);
        schema.release(&schema);
        return mapped;
    }

    bool mapChildren(const ArrowSchema& schema, const std::vector<int>& textFields,
                     const std::vector<int>& numberFields, QString& why)
    {
        const std::string fidName =
            *layer.GetFIDColumn() ? layer.GetFIDColumn() : std::string("OGC_FID");
        const std::string geometryName =
            *layer.GetGeometryColumn() ? layer.GetGeometryColumn() : std::string("wkb_geometry");
        OGRFeatureDefn* definition = layer.GetLayerDefn();
        columnTemplate.assign(static_cast<std::size_t>(definition->GetFieldCount()), {});
        for (int child = 0; child < schema.n_children; ++child) {
            const ArrowSchema& column = *schema.children[child];
            const char format = simpleFormat(column);
            if (column.name == fidName && format == 'l' && fidChild < 0) {
                fidChild = child;
                continue;
            }
            if (column.name == geometryName && format == 'z') {
                geometryChild = child;
                continue;
            }
            const int field = definition->GetFieldIndex(column.name);
            if (field < 0)
                continue;
            fieldChildren.emplace_back(field, child);
            columnTemplate[static_cast<std::size_t>(field)].format = format;
        }
        if (fidChild < 0 || geometryChild < 0) {
            why = QStringLiteral("no feature id or WKB geometry column in the Arrow stream");
            return false;
        }
        return formatsReadable(textFields, readableAsText, why)
               && formatsReadable(numberFields, readableAsNumber, why);
    }

    bool formatsReadable(const std::vector<int>& fields, bool (*readable)(char), QString& why)
    {
        for (int field : fields) {
            if (field < 0)
                continue;
            if (!readable(columnTemplate[static_cast<std::size_t>(field)].format)) {
                why = QStringLiteral("field %1 is of a type read feature by feature")
                          .arg(QString::fromUtf8(
                              layer.GetLayerDefn()->GetFieldDefn(field)->GetNameRef()));
                return false;
            }
        }
        return true;
    }
};

ArrowLayerReader::ArrowLayerReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

ArrowLayerReader::~ArrowLayerReader() = default;

std::unique_ptr<ArrowLayerReader> ArrowLayerReader::open(OGRLayer& layer,
                                                         const std::vector<int>& textFields,
                                                         const std::vector<int>& numberFields,
                                                         QString& why)
{
    OGRFeatureDefn* definition = layer.GetLayerDefn();
    if (!layer.TestCapability(OLCFastGetArrowStream)) {
        why = QStringLiteral("the driver has no fast Arrow stream");
        return nullptr;
    }
    if (definition->GetGeomFieldCount() != 1) {
        why = QStringLiteral("the layer has %1 geometry columns")
                  .arg(definition->GetGeomFieldCount());
        return nullptr;
    }
    // Only the columns read are fetched: the others would be decoded for nothing.
    std::vector<bool> wanted(static_cast<std::size_t>(definition->GetFieldCount()), false);
    for (const std::vector<int>* fields : {&textFields, &numberFields})
        for (int field : *fields)
            if (field >= 0 && field < definition->GetFieldCount())
                wanted[static_cast<std::size_t>(field)] = true;
    CPLStringList ignored;
    ignored.AddString("OGR_STYLE");
    for (int field = 0; field < definition->GetFieldCount(); ++field)
        if (!wanted[static_cast<std::size_t>(field)])
            ignored.AddString(definition->GetFieldDefn(field)->GetNameRef());

    auto impl = std::make_unique<Impl>(layer);
    layer.SetIgnoredFields(const_cast<const char**>(ignored.List()));
    layer.ResetReading();
    CPLStringList options;
    options.SetNameValue("INCLUDE_FID", "YES");
    options.SetNameValue("MAX_FEATURES_IN_BATCH", std::to_string(kRowsPerBatch).c_str());
    if (!layer.GetArrowStream(&impl->stream, options.List())) {
        why = QStringLiteral("GDAL gave no Arrow stream: %1")
                  .arg(QString::fromUtf8(CPLGetLastErrorMsg()));
        return nullptr;
    }
    if (!impl->mapSchema(textFields, numberFields, why))
        return nullptr;
    return std::unique_ptr<ArrowLayerReader>(new ArrowLayerReader(std::move(impl)));
}

std::optional<ArrowBatch> ArrowLayerReader::next(QString& error)
{
    auto array = std::make_unique<ArrowArray>();
    std::memset(array.get(), 0, sizeof(ArrowArray));
    ArrowArrayStream& stream = m_impl->stream;
    if (stream.get_next(&stream, array.get()) != 0) {
        const char* message = stream.get_last_error(&stream);
        error = message ? QString::fromUtf8(message) : QStringLiteral("Arrow stream failed");
        return std::nullopt;
    }
    if (!array->release)
        return std::nullopt;
    std::vector<ArrowBatch::Column> columns = m_impl->columnTemplate;
    for (const auto& [field, child] : m_impl->fieldChildren)
        columns[static_cast<std::size_t>(field)].array = array->children[child];
    const ArrowArray* fids = array->children[m_impl->fidChild];
    const ArrowArray* geometries = array->children[m_impl->geometryChild];
    return ArrowBatch(std::move(array), std::move(columns), fids, geometries);
}

} // namespace greenrenew::gis::detail
