#pragma once

// A small RAII layer over the reentrant GEOS C API. Internal to core: no public core header
// includes this file, so GEOS types stay out of the library's contract.
//
// One GeosContext belongs to one thread at a time (GEOS contexts are not thread-safe); every
// geometry made through a context is owned by a GeosGeometry tied to that context's handle and
// must not outlive it. Operations never throw: a GEOS failure yields an empty GeosGeometry
// and leaves GEOS's message in lastError().

#include "core/geometry.h"

#include <geos_c.h>

#include <string>
#include <vector>

namespace greenrenew::core::detail {

/// Owns one GEOS geometry; movable, not copyable. Empty when an operation failed.
class GeosGeometry {
public:
    GeosGeometry() = default;
    GeosGeometry(GEOSContextHandle_t handle, GEOSGeometry* geometry)
        : m_handle(handle), m_geometry(geometry) {}
    ~GeosGeometry();
    GeosGeometry(GeosGeometry&& other) noexcept;
    GeosGeometry& operator=(GeosGeometry&& other) noexcept;
    GeosGeometry(const GeosGeometry&) = delete;
    GeosGeometry& operator=(const GeosGeometry&) = delete;

    explicit operator bool() const { return m_geometry != nullptr; }
    const GEOSGeometry* get() const { return m_geometry; }
    /// Gives up ownership (for GEOS calls that take it, such as collection building).
    GEOSGeometry* release();

private:
    GEOSContextHandle_t m_handle = nullptr;
    GEOSGeometry* m_geometry = nullptr;
};

/// Owns a prepared geometry; the geometry it was prepared from must outlive it.
class GeosPrepared {
public:
    GeosPrepared() = default;
    GeosPrepared(GEOSContextHandle_t handle, const GEOSPreparedGeometry* prepared)
        : m_handle(handle), m_prepared(prepared) {}
    ~GeosPrepared();
    GeosPrepared(GeosPrepared&& other) noexcept;
    GeosPrepared& operator=(GeosPrepared&& other) noexcept;
    GeosPrepared(const GeosPrepared&) = delete;
    GeosPrepared& operator=(const GeosPrepared&) = delete;

    explicit operator bool() const { return m_prepared != nullptr; }
    const GEOSPreparedGeometry* get() const { return m_prepared; }

private:
    GEOSContextHandle_t m_handle = nullptr;
    const GEOSPreparedGeometry* m_prepared = nullptr;
};

/// Envelope of a GEOS geometry, for cheap overlap tests before an overlay.
struct GeosEnvelope {
    double minX = 0;
    double minY = 0;
    double maxX = 0;
    double maxY = 0;
    bool empty = true;
};

/// One GEOS context handle with the polygon operations core needs, each one robust against
/// invalid input and topology failures.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    /// GEOS's last error message in this context (empty when none occurred).
    const std::string& lastError() const { return m_lastError; }

    /// Builds a GEOS MultiPolygon from a core one as it is (possibly invalid). Rings left open
    /// are closed; rings with fewer than three distinct positions or non-finite coordinates
    /// are dropped (a dropped shell drops its polygon).
    GeosGeometry fromMultiPolygon(const MultiPolygon& multiPolygon);
    /// The polygonal parts of a geometry as a core MultiPolygon, corrected for Boost.Geometry.
    MultiPolygon toMultiPolygon(const GEOSGeometry* geometry);

    /// The geometry itself when valid, else GEOS make-valid (structure method) keeping only
    /// the polygonal parts; a bowtie becomes its two triangles, a spike disappears.
    GeosGeometry validPolygonal(GeosGeometry geometry);
    /// fromMultiPolygon() followed by validPolygonal().
    GeosGeometry validFromMultiPolygon(const MultiPolygon& multiPolygon);

    /// Polygonal intersection of two valid polygonal geometries. On a GEOS failure (a topology
    /// exception) it retries on made-valid inputs, then on buffer(0) inputs, then with a
    /// 1 micrometre precision grid; empty only if every attempt failed.
    GeosGeometry intersection(const GEOSGeometry* a, const GEOSGeometry* b);
    /// The area within `distanceM` of any of the lines, dissolved into one MultiPolygon (round
    /// caps and joins, `quadrantSegments` per quarter circle). Lines of fewer than two points
    /// are dropped; empty for no lines.
    GeosGeometry bufferLines(const std::vector<LineString>& lines, double distanceM,
                             int quadrantSegments = 8);
    /// Union of polygonal geometries (consumed), with the same fallbacks as intersection().
    GeosGeometry unionAll(std::vector<GeosGeometry> parts);

    double area(const GEOSGeometry* geometry);
    /// True when the interiors of a and b share points (DE-9IM T********), and also when GEOS
    /// fails to decide, so that callers fall back to an overlay rather than assume disjoint.
    bool interiorsIntersect(const GEOSGeometry* a, const GEOSGeometry* b);
    bool isValid(const GEOSGeometry* geometry);
    bool isEmpty(const GEOSGeometry* geometry);
    GeosEnvelope envelope(const GEOSGeometry* geometry);
    /// The rings of every polygon of a polygonal geometry, each as closed x,y pairs; with
    /// `exteriorOnly` the shells alone.
    std::vector<std::vector<double>> polygonRings(const GEOSGeometry* geometry,
                                                  bool exteriorOnly);
    GeosGeometry clone(const GEOSGeometry* geometry);

    GeosPrepared prepare(const GEOSGeometry* geometry);
    bool covers(const GeosPrepared& prepared, const GEOSGeometry* geometry);
    /// Inside without touching the boundary; GEOS's fastest prepared predicate.
    bool containsProperly(const GeosPrepared& prepared, const GEOSGeometry* geometry);
    bool intersects(const GeosPrepared& prepared, const GEOSGeometry* geometry);

private:
    static void onError(const char* message, void* userData);
    GeosGeometry wrap(GEOSGeometry* geometry) { return {m_handle, geometry}; }
    GeosGeometry polygonalParts(GeosGeometry geometry);
    GeosGeometry bufferZero(const GEOSGeometry* geometry);
    GeosGeometry makeCollection(int type, std::vector<GeosGeometry> parts);

    GEOSContextHandle_t m_handle = nullptr;
    std::string m_lastError;
};

/// This thread's own context, created on first use and finished when the thread ends.
GeosContext& threadGeosContext();

} // namespace greenrenew::core::detail
