#include "gis/arrow_polygon_batches.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace greenrenew::gis::detail {

namespace {

constexpr std::uint32_t kWkbPolygon = 3;
constexpr std::uint32_t kWkbMultiPolygon = 6;
constexpr unsigned char kLittleEndian = 1;

/// Reads WKB's little-endian fields, refusing to run past the end.
class WkbCursor {
public:
    explicit WkbCursor(std::span<const unsigned char> wkb)
        : m_at(wkb.data()), m_end(wkb.data() + wkb.size())
    {
    }

    bool byte(unsigned char& value) { return take(&value, 1); }
    bool count(std::uint32_t& value) { return take(&value, sizeof value); }
    bool number(double& value) { return take(&value, sizeof value); }
    bool atEnd() const { return m_at == m_end; }

private:
    bool take(void* out, std::size_t size)
    {
        if (static_cast<std::size_t>(m_end - m_at) < size)
            return false;
        // The host is little-endian (x86-64, arm64) like the WKB accepted here.
        std::memcpy(out, m_at, size);
        m_at += size;
        return true;
    }

    const unsigned char* m_at;
    const unsigned char* m_end;
};

bool plainHeader(WkbCursor& cursor, std::uint32_t expectedType)
{
    unsigned char order = 0;
    std::uint32_t type = 0;
    return cursor.byte(order) && order == kLittleEndian && cursor.count(type)
           && type == expectedType;
}

bool plainPolygon(WkbCursor& cursor, double& largest)
{
    std::uint32_t rings = 0;
    if (!plainHeader(cursor, kWkbPolygon) || !cursor.count(rings) || rings == 0)
        return false;
    for (std::uint32_t ring = 0; ring < rings; ++ring) {
        std::uint32_t points = 0;
        if (!cursor.count(points) || points == 0)
            return false;
        for (std::uint32_t i = 0; i < 2 * points; ++i) {
            double value = 0;
            if (!cursor.number(value) || !std::isfinite(value))
                return false;
            largest = std::max(largest, std::abs(value));
        }
    }
    return true;
}

} // namespace

bool plainPolygonWkb(std::span<const unsigned char> wkb, double limit)
{
    if (wkb.size() < 5 || wkb[0] != kLittleEndian)
        return false;
    std::uint32_t type = 0;
    std::memcpy(&type, wkb.data() + 1, sizeof type);
    WkbCursor cursor(wkb);
    double largest = 0;
    if (type == kWkbPolygon) {
        if (!plainPolygon(cursor, largest))
            return false;
    } else {
        std::uint32_t parts = 0;
        if (!plainHeader(cursor, kWkbMultiPolygon) || !cursor.count(parts) || parts == 0)
            return false;
        for (std::uint32_t part = 0; part < parts; ++part)
            if (!plainPolygon(cursor, largest))
                return false;
    }
    return cursor.atEnd() && largest <= limit;
}

PolygonBatches::PolygonBatches(ArrowLayerReader& reader, double limit)
    : m_reader(reader), m_limit(limit)
{
}

PolygonBatches::~PolygonBatches()
{
    if (m_current)
        for (std::future<void>& worker : m_current->workers)
            worker.wait();
}

void PolygonBatches::start(InFlight& flight)
{
    const std::size_t rows = flight.batch.size();
    flight.converted.assign(rows, std::nullopt);
    // Halves of the batch, one per core; each worker keeps to its own GEOS context.
    const std::size_t half = rows / 2;
    const std::size_t bounds[3] = {0, half, rows};
    for (int worker = 0; worker < 2; ++worker) {
        flight.workers.push_back(std::async(std::launch::async, [this, &flight, worker,
                                                                 from = bounds[worker],
                                                                 to = bounds[worker + 1]] {
            GeometryImporter& importer = m_importers[worker];
            for (std::size_t row = from; row < to; ++row) {
                const std::span<const unsigned char> wkb = flight.batch.wkb(row);
                if (plainPolygonWkb(wkb, m_limit))
                    flight.converted[row] = importer.polygonalWkb(wkb);
            }
        }));
    }
}

bool PolygonBatches::next(std::optional<ArrowBatch>& batch, Converted& converted,
                          QString& error)
{
    if (!m_current) {
        std::optional<ArrowBatch> first;
        if (!m_ended && m_readError.isEmpty())
            first = m_reader.next(m_readError);
        if (!first) {
            m_ended = true;
            error = m_readError;
            return false;
        }
        m_current.emplace(InFlight{std::move(*first), {}, {}});
        start(*m_current);
    }
    // GDAL reads the following batch here while the workers convert the current one.
    std::optional<ArrowBatch> following;
    if (m_readError.isEmpty())
        following = m_reader.next(m_readError);
    for (std::future<void>& worker : m_current->workers)
        worker.get();
    batch.emplace(std::move(m_current->batch));
    converted = std::move(m_current->converted);
    m_current.reset();
    m_ended = !following;
    if (following) {
        m_current.emplace(InFlight{std::move(*following), {}, {}});
        start(*m_current);
    }
    return true;
}

} // namespace greenrenew::gis::detail
