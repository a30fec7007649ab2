#include "core/detail/geos_context.h"

#include "core/detail/simple_shell.h"

#include <boost/geometry/algorithms/correct.hpp>

#include <cmath>
#include <utility>

namespace greenrenew::core::detail {

namespace {

// The last-resort overlay snaps to this grid (metres): a micrometre changes no reported area
// at the precision anyone plans with, yet removes the near-coincident vertices that make
// floating-point noding fail.
constexpr double kFallbackGridM = 1e-6;

bool isPolygonalType(int type)
{
    return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON;
}

// Fills buffer with a ring's x,y pairs, closed; false when the ring cannot form an area.
bool ringCoordinates(const Ring& ring, std::vector<double>& buffer)
{
    buffer.clear();
    for (const Point& point : ring) {
        if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
            return false;
        buffer.push_back(point.x());
        buffer.push_back(point.y());
    }
    if (buffer.size() < 2)
        return false;
    const bool closed = buffer[0] == buffer[buffer.size() - 2]
        && buffer[1] == buffer[buffer.size() - 1];
    if (!closed) {
        buffer.push_back(buffer[0]);
        buffer.push_back(buffer[1]);
    }
    // A closed ring needs four positions (three distinct) to enclose any area.
    return buffer.size() >= 8;
}

} // namespace

GeosGeometry::~GeosGeometry()
{
    if (m_geometry)
        GEOSGeom_destroy_r(m_handle, m_geometry);
}

GeosGeometry::GeosGeometry(GeosGeometry&& other) noexcept
    : m_handle(other.m_handle), m_geometry(std::exchange(other.m_geometry, nullptr))
{
}

GeosGeometry& GeosGeometry::operator=(GeosGeometry&& other) noexcept
{
    if (this != &other) {
        if (m_geometry)
            GEOSGeom_destroy_r(m_handle, m_geometry);
        m_handle = other.m_handle;
        m_geometry = std::exchange(other.m_geometry, nullptr);
    }
    return *this;
}

GEOSGeometry* GeosGeometry::release()
{
    return std::exchange(m_geometry, nullptr);
}

GeosPrepared::~GeosPrepared()
{
    if (m_prepared)
        GEOSPreparedGeom_destroy_r(m_handle, m_prepared);
}

GeosPrepared::GeosPrepared(GeosPrepared&& other) noexcept
    : m_handle(other.m_handle), m_prepared(std::exchange(other.m_prepared, nullptr))
{
}

GeosPrepared& GeosPrepared::operator=(GeosPrepared&& other) noexcept
{
    if (this != &other) {
        if (m_prepared)
            GEOSPreparedGeom_destroy_r(m_handle, m_prepared);
        m_handle = other.m_handle;
        m_prepared = std::exchange(other.m_prepared, nullptr);
    }
    return *this;
}

GeosContext::GeosContext() : m_handle(GEOS_init_r())
{
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::onError, this);
}

GeosContext::~GeosContext()
{
    GEOS_finish_r(m_handle);
}

void GeosContext::onError(const char* message, void* userData)
{
    static_cast<GeosContext*>(userData)->m_lastError = message ? message : "";
}

GeosGeometry GeosContext::fromMultiPolygon(const MultiPolygon& multiPolygon)
{
    std::vector<GeosGeometry> polygons;
    std::vector<double> buffer;
    for (const Polygon& polygon : multiPolygon) {
        if (!ringCoordinates(polygon.outer(), buffer))
            continue;
        GEOSCoordSequence* shellSeq = GEOSCoordSeq_copyFromBuffer_r(
            m_handle, buffer.data(), static_cast<unsigned>(buffer.size() / 2), 0, 0);
        GEOSGeometry* shell = GEOSGeom_createLinearRing_r(m_handle, shellSeq);
        if (!shell)
            continue;
        std::vector<GEOSGeometry*> holes;
        for (const Ring& inner : polygon.inners()) {
            if (!ringCoordinates(inner, buffer))
                continue;
            GEOSCoordSequence* holeSeq = GEOSCoordSeq_copyFromBuffer_r(
                m_handle, buffer.data(), static_cast<unsigned>(buffer.size() / 2), 0, 0);
            if (GEOSGeometry* hole = GEOSGeom_createLinearRing_r(m_handle, holeSeq))
                holes.push_back(hole);
        }
        GEOSGeometry* made = GEOSGeom_createPolygon_r(m_handle, shell, holes.data(),
                                                      static_cast<unsigned>(holes.size()));
        if (made)
            polygons.push_back(wrap(made));
    }
    return makeCollection(GEOS_MULTIPOLYGON, std::move(polygons));
}

GeosGeometry GeosContext::bufferLines(const std::vector<LineString>& lines, double distanceM,
                                      int quadrantSegments)
{
    std::vector<GeosGeometry> parts;
    std::vector<double> coordinates;
    for (const LineString& line : lines) {
        if (line.size() < 2)
            continue;
        coordinates.clear();
        for (const Point& p : line) {
            coordinates.push_back(p.x());
            coordinates.push_back(p.y());
        }
        GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(
            m_handle, coordinates.data(), static_cast<unsigned>(line.size()), 0, 0);
        if (GEOSGeometry* geometry = GEOSGeom_createLineString_r(m_handle, sequence))
            parts.push_back(wrap(geometry));
    }
    if (parts.empty())
        return wrap(GEOSGeom_createEmptyCollection_r(m_handle, GEOS_MULTIPOLYGON));
    GeosGeometry collection = makeCollection(GEOS_MULTILINESTRING, std::move(parts));
    if (!collection)
        return collection;
    // GEOS buffers a collection as a whole, so the result is already dissolved.
    return polygonalParts(
        wrap(GEOSBuffer_r(m_handle, collection.get(), distanceM, quadrantSegments)));
}

GeosGeometry GeosContext::makeCollection(int type, std::vector<GeosGeometry> parts)
{
    if (parts.empty())
        return wrap(GEOSGeom_createEmptyCollection_r(m_handle, type));
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (GeosGeometry& part : parts)
        raw.push_back(part.release());
    return wrap(GEOSGeom_createCollection_r(m_handle, type, raw.data(),
                                            static_cast<unsigned>(raw.size())));
}

MultiPolygon GeosContext::toMultiPolygon(const GEOSGeometry* geometry)
{
    MultiPolygon result;
    if (!geometry)
        return result;
    const int type = GEOSGeomTypeId_r(m_handle, geometry);
    if (type == GEOS_POLYGON) {
        const GEOSGeometry* shell = GEOSGetExteriorRing_r(m_handle, geometry);
        if (!shell || GEOSisEmpty_r(m_handle, geometry) == 1)
            return result;
        auto readRing = [this](const GEOSGeometry* ring, Ring& out) {
            const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(m_handle, ring);
            unsigned size = 0;
            GEOSCoordSeq_getSize_r(m_handle, seq, &size);
            std::vector<double> buffer(2 * static_cast<std::size_t>(size));
            GEOSCoordSeq_copyToBuffer_r(m_handle, seq, buffer.data(), 0, 0);
            for (unsigned i = 0; i < size; ++i)
                out.emplace_back(buffer[2 * i], buffer[2 * i + 1]);
        };
        Polygon polygon;
        readRing(shell, polygon.outer());
        const int holes = GEOSGetNumInteriorRings_r(m_handle, geometry);
        for (int i = 0; i < holes; ++i) {
            polygon.inners().emplace_back();
            readRing(GEOSGetInteriorRingN_r(m_handle, geometry, i), polygon.inners().back());
        }
        result.push_back(std::move(polygon));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int count = GEOSGetNumGeometries_r(m_handle, geometry);
        for (int i = 0; i < count; ++i) {
            MultiPolygon part = toMultiPolygon(GEOSGetGeometryN_r(m_handle, geometry, i));
            result.insert(result.end(), part.begin(), part.end());
        }
    }
    boost::geometry::correct(result);
    return result;
}

GeosGeometry GeosContext::polygonalParts(GeosGeometry geometry)
{
    if (!geometry)
        return geometry;
    const int type = GEOSGeomTypeId_r(m_handle, geometry.get());
    if (isPolygonalType(type))
        return geometry;
    std::vector<GeosGeometry> polygons;
    if (type == GEOS_GEOMETRYCOLLECTION) {
        const int count = GEOSGetNumGeometries_r(m_handle, geometry.get());
        for (int i = 0; i < count; ++i) {
            const GEOSGeometry* part = GEOSGetGeometryN_r(m_handle, geometry.get(), i);
            const int partType = GEOSGeomTypeId_r(m_handle, part);
            if (partType == GEOS_POLYGON) {
                polygons.push_back(clone(part));
            } else if (partType == GEOS_MULTIPOLYGON) {
                const int inner = GEOSGetNumGeometries_r(m_handle, part);
                for (int j = 0; j < inner; ++j)
                    polygons.push_back(clone(GEOSGetGeometryN_r(m_handle, part, j)));
            }
        }
    }
    return makeCollection(GEOS_MULTIPOLYGON, std::move(polygons));
}

GeosGeometry GeosContext::validPolygonal(GeosGeometry geometry)
{
    if (!geometry || isValid(geometry.get()))
        return geometry;
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(m_handle);
    GEOSMakeValidParams_setMethod_r(m_handle, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(m_handle, params, 0);
    GeosGeometry valid = wrap(GEOSMakeValidWithParams_r(m_handle, geometry.get(), params));
    GEOSMakeValidParams_destroy_r(m_handle, params);
    if (!valid)
        valid = bufferZero(geometry.get());
    return polygonalParts(std::move(valid));
}

GeosGeometry GeosContext::validFromMultiPolygon(const MultiPolygon& multiPolygon)
{
    // Most footprints are small simple shells: proving that directly is far cheaper than
    // GEOS's validity check, which stays for everything else.
    if (isClearlySimpleShell(multiPolygon))
        return fromMultiPolygon(multiPolygon);
    return validPolygonal(fromMultiPolygon(multiPolygon));
}

GeosGeometry GeosContext::bufferZero(const GEOSGeometry* geometry)
{
    return wrap(GEOSBuffer_r(m_handle, geometry, 0.0, 8));
}

GeosGeometry GeosContext::intersection(const GEOSGeometry* a, const GEOSGeometry* b)
{
    if (GeosGeometry result = wrap(GEOSIntersection_r(m_handle, a, b)))
        return polygonalParts(std::move(result));

    GeosGeometry validA = validPolygonal(clone(a));
    GeosGeometry validB = validPolygonal(clone(b));
    if (validA && validB) {
        if (GeosGeometry result = wrap(GEOSIntersection_r(m_handle, validA.get(), validB.get())))
            return polygonalParts(std::move(result));
    }

    GeosGeometry bufferedA = bufferZero(a);
    GeosGeometry bufferedB = bufferZero(b);
    if (bufferedA && bufferedB) {
        GEOSGeometry* raw = GEOSIntersection_r(m_handle, bufferedA.get(), bufferedB.get());
        if (!raw)
            raw = GEOSIntersectionPrec_r(m_handle, bufferedA.get(), bufferedB.get(),
                                         kFallbackGridM);
        if (raw)
            return polygonalParts(wrap(raw));
    }
    return {};
}

GeosGeometry GeosContext::unionAll(std::vector<GeosGeometry> parts)
{
    GeosGeometry collection = makeCollection(GEOS_GEOMETRYCOLLECTION, std::move(parts));
    if (!collection)
        return collection;
    if (GeosGeometry result = wrap(GEOSUnaryUnion_r(m_handle, collection.get())))
        return polygonalParts(std::move(result));

    GeosGeometry buffered = bufferZero(collection.get());
    if (buffered)
        return polygonalParts(std::move(buffered));
    return polygonalParts(wrap(GEOSUnaryUnionPrec_r(m_handle, collection.get(),
                                                    kFallbackGridM)));
}

double GeosContext::area(const GEOSGeometry* geometry)
{
    double value = 0;
    if (!geometry || GEOSArea_r(m_handle, geometry, &value) != 1)
        return 0;
    return value;
}

bool GeosContext::interiorsIntersect(const GEOSGeometry* a, const GEOSGeometry* b)
{
    return GEOSRelatePattern_r(m_handle, a, b, "T********") != 0;
}

bool GeosContext::isValid(const GEOSGeometry* geometry)
{
    return geometry && GEOSisValid_r(m_handle, geometry) == 1;
}

bool GeosContext::isEmpty(const GEOSGeometry* geometry)
{
    return !geometry || GEOSisEmpty_r(m_handle, geometry) != 0;
}

GeosEnvelope GeosContext::envelope(const GEOSGeometry* geometry)
{
    GeosEnvelope box;
    if (isEmpty(geometry))
        return box;
    GEOSGeom_getXMin_r(m_handle, geometry, &box.minX);
    GEOSGeom_getYMin_r(m_handle, geometry, &box.minY);
    GEOSGeom_getXMax_r(m_handle, geometry, &box.maxX);
    GEOSGeom_getYMax_r(m_handle, geometry, &box.maxY);
    box.empty = false;
    return box;
}

std::vector<std::vector<double>> GeosContext::polygonRings(const GEOSGeometry* geometry,
                                                          bool exteriorOnly)
{
    std::vector<std::vector<double>> rings;
    auto addRing = [this, &rings](const GEOSGeometry* ring) {
        const GEOSCoordSequence* sequence = ring ? GEOSGeom_getCoordSeq_r(m_handle, ring)
                                                 : nullptr;
        unsigned size = 0;
        if (!sequence || GEOSCoordSeq_getSize_r(m_handle, sequence, &size) != 1 || size == 0)
            return;
        std::vector<double>& buffer = rings.emplace_back(2 * static_cast<std::size_t>(size));
        GEOSCoordSeq_copyToBuffer_r(m_handle, sequence, buffer.data(), 0, 0);
    };
    auto addPolygon = [&](const GEOSGeometry* polygon) {
        if (GEOSisEmpty_r(m_handle, polygon) != 0)
            return;
        addRing(GEOSGetExteriorRing_r(m_handle, polygon));
        if (exteriorOnly)
            return;
        const int holes = GEOSGetNumInteriorRings_r(m_handle, polygon);
        for (int i = 0; i < holes; ++i)
            addRing(GEOSGetInteriorRingN_r(m_handle, polygon, i));
    };
    if (!geometry)
        return rings;
    if (GEOSGeomTypeId_r(m_handle, geometry) == GEOS_POLYGON) {
        addPolygon(geometry);
    } else if (isPolygonalType(GEOSGeomTypeId_r(m_handle, geometry))) {
        const int count = GEOSGetNumGeometries_r(m_handle, geometry);
        for (int i = 0; i < count; ++i)
            addPolygon(GEOSGetGeometryN_r(m_handle, geometry, i));
    }
    return rings;
}

GeosGeometry GeosContext::clone(const GEOSGeometry* geometry)
{
    return wrap(geometry ? GEOSGeom_clone_r(m_handle, geometry) : nullptr);
}

GeosPrepared GeosContext::prepare(const GEOSGeometry* geometry)
{
    return {m_handle, geometry ? GEOSPrepare_r(m_handle, geometry) : nullptr};
}

bool GeosContext::covers(const GeosPrepared& prepared, const GEOSGeometry* geometry)
{
    return prepared && geometry && GEOSPreparedCovers_r(m_handle, prepared.get(), geometry) == 1;
}

bool GeosContext::containsProperly(const GeosPrepared& prepared, const GEOSGeometry* geometry)
{
    return prepared && geometry
        && GEOSPreparedContainsProperly_r(m_handle, prepared.get(), geometry) == 1;
}

bool GeosContext::intersects(const GeosPrepared& prepared, const GEOSGeometry* geometry)
{
    return prepared && geometry
        && GEOSPreparedIntersects_r(m_handle, prepared.get(), geometry) == 1;
}

GeosContext& threadGeosContext()
{
    thread_local GeosContext context;
    return context;
}

} // namespace greenrenew::core::detail
