#include "gis/geometry_import.h"

#include <QStringList>

#include <geos_c.h>
#include <ogr_geometry.h>

#include <boost/geometry/algorithms/correct.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace greenrenew::gis::detail {

namespace {

void collectGeosMessage(const char* message, void* userData)
{
    auto* text = static_cast<QString*>(userData);
    *text = QString::fromUtf8(message);
}

QString formatArea(double areaM2)
{
    return QString::number(areaM2, 'f', 1);
}

} // namespace

struct GeometryImporter::Impl {
    GEOSContextHandle_t context = GEOS_init_r();
    GEOSWKBReader* wkbReader = nullptr;  // made on first use by polygonalWkb
    QString lastGeosMessage;

    Impl()
    {
        GEOSContext_setErrorMessageHandler_r(context, collectGeosMessage, &lastGeosMessage);
        GEOSContext_setNoticeMessageHandler_r(context, nullptr, nullptr);
    }
    ~Impl()
    {
        if (wkbReader)
            GEOSWKBReader_destroy_r(context, wkbReader);
        GEOS_finish_r(context);
    }

    struct GeomDeleter {
        GEOSContextHandle_t context;
        void operator()(GEOSGeometry* geometry) const { GEOSGeom_destroy_r(context, geometry); }
    };
    using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

    GeomPtr wrap(GEOSGeometry* geometry) { return GeomPtr(geometry, GeomDeleter{context}); }

    GeomPtr fromOgr(const OGRGeometry& geometry)
    {
        const size_t size = geometry.WkbSize();
        std::vector<unsigned char> wkb(size);
        if (geometry.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso) != OGRERR_NONE)
            return wrap(nullptr);
        GEOSWKBReader* reader = GEOSWKBReader_create_r(context);
        GEOSGeometry* result = GEOSWKBReader_read_r(context, reader, wkb.data(), size);
        GEOSWKBReader_destroy_r(context, reader);
        return wrap(result);
    }

    GEOSGeometry* ringFromBoost(const core::Ring& ring)
    {
        GEOSCoordSequence* sequence =
            GEOSCoordSeq_create_r(context, static_cast<unsigned>(ring.size()), 2);
        for (std::size_t i = 0; i < ring.size(); ++i)
            GEOSCoordSeq_setXY_r(context, sequence, static_cast<unsigned>(i), ring[i].x(),
                                 ring[i].y());
        return GEOSGeom_createLinearRing_r(context, sequence);
    }

    GeomPtr fromBoost(const core::MultiPolygon& multi)
    {
        std::vector<GEOSGeometry*> polygons;
        for (const core::Polygon& polygon : multi) {
            std::vector<GEOSGeometry*> holes;
            for (const core::Ring& hole : polygon.inners())
                holes.push_back(ringFromBoost(hole));
            polygons.push_back(GEOSGeom_createPolygon_r(context, ringFromBoost(polygon.outer()),
                                                        holes.data(),
                                                        static_cast<unsigned>(holes.size())));
        }
        return wrap(GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, polygons.data(),
                                                static_cast<unsigned>(polygons.size())));
    }

    /// Only the polygonal parts of GEOMETRY (make-valid may return lines and points beside).
    GeomPtr polygonalParts(const GEOSGeometry* geometry)
    {
        std::vector<GEOSGeometry*> parts;
        collectPolygons(geometry, parts);
        return wrap(GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, parts.data(),
                                                static_cast<unsigned>(parts.size())));
    }

    void collectPolygons(const GEOSGeometry* geometry, std::vector<GEOSGeometry*>& parts)
    {
        const int type = GEOSGeomTypeId_r(context, geometry);
        if (type == GEOS_POLYGON) {
            if (!GEOSisEmpty_r(context, geometry))
                parts.push_back(GEOSGeom_clone_r(context, geometry));
            return;
        }
        if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
            const int count = GEOSGetNumGeometries_r(context, geometry);
            for (int i = 0; i < count; ++i)
                collectPolygons(GEOSGetGeometryN_r(context, geometry, i), parts);
        }
    }

    bool readRing(const GEOSGeometry* ring, core::Ring& out)
    {
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(context, ring);
        unsigned int size = 0;
        if (!sequence || !GEOSCoordSeq_getSize_r(context, sequence, &size))
            return false;
        // Copied out in one call, then moved into the ring: a call per point cost a tenth of
        // a large import.
        std::vector<double> xy(2 * static_cast<std::size_t>(size));
        if (size > 0
            && !GEOSCoordSeq_copyToBuffer_r(context, sequence, xy.data(), 0, 0))
            return false;
        out.reserve(size);
        for (unsigned int i = 0; i < size; ++i)
            out.emplace_back(xy[2 * i], xy[2 * i + 1]);
        return true;
    }

    std::optional<core::MultiPolygon> toMultiPolygon(const GEOSGeometry* multi)
    {
        core::MultiPolygon result;
        const int count = GEOSGetNumGeometries_r(context, multi);
        for (int i = 0; i < count; ++i) {
            const GEOSGeometry* polygon = GEOSGetGeometryN_r(context, multi, i);
            core::Polygon out;
            if (!readRing(GEOSGetExteriorRing_r(context, polygon), out.outer()))
                return std::nullopt;
            const int holes = GEOSGetNumInteriorRings_r(context, polygon);
            for (int h = 0; h < holes; ++h) {
                core::Ring hole;
                if (!readRing(GEOSGetInteriorRingN_r(context, polygon, h), hole))
                    return std::nullopt;
                out.inners().push_back(std::move(hole));
            }
            result.push_back(std::move(out));
        }
        boost::geometry::correct(result);
        return result;
    }

    /// Make-valid with the "structure" method: a bow-tie becomes both of its lobes, where
    /// buffer(0) or the linework method on overlapping shells can drop or keep the wrong parts.
    GeomPtr makeValid(const GEOSGeometry* geometry)
    {
        GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(context);
        GEOSMakeValidParams_setMethod_r(context, params, GEOS_MAKE_VALID_STRUCTURE);
        GEOSMakeValidParams_setKeepCollapsed_r(context, params, 0);
        GEOSGeometry* result = GEOSMakeValidWithParams_r(context, geometry, params);
        GEOSMakeValidParams_destroy_r(context, params);
        return wrap(result);
    }

    /// Rebuilds which rings are shells and which are holes from containment alone: a ring
    /// inside an odd number of the record's other rings is a hole of the smallest one around
    /// it. Shapefiles whose holes are wound like shells (or GeoJSON-wound shapefiles) read as
    /// nested shells or holes outside their shell; this restores the intended polygon.
    GeomPtr rebuildByContainment(const GEOSGeometry* multi)
    {
        std::vector<GeomPtr> rings;
        const int count = GEOSGetNumGeometries_r(context, multi);
        for (int i = 0; i < count; ++i) {
            const GEOSGeometry* polygon = GEOSGetGeometryN_r(context, multi, i);
            const GEOSGeometry* exterior = GEOSGetExteriorRing_r(context, polygon);
            rings.push_back(wrap(GEOSGeom_clone_r(context, exterior)));
            const int holes = GEOSGetNumInteriorRings_r(context, polygon);
            for (int h = 0; h < holes; ++h)
                rings.push_back(
                    wrap(GEOSGeom_clone_r(context, GEOSGetInteriorRingN_r(context, polygon, h))));
        }
        struct Disc {
            GeomPtr filled;
            double area = 0;
            std::size_t ring = 0;
            int depth = 0;
            int parent = -1;
        };
        std::vector<Disc> discs;
        for (std::size_t i = 0; i < rings.size(); ++i) {
            if (!rings[i])
                return wrap(nullptr);
            Disc disc{wrap(GEOSGeom_createPolygon_r(
                          context, GEOSGeom_clone_r(context, rings[i].get()), nullptr, 0)),
                      0, i, 0, -1};
            if (!disc.filled || !GEOSArea_r(context, disc.filled.get(), &disc.area))
                return wrap(nullptr);
            discs.push_back(std::move(disc));
        }
        std::sort(discs.begin(), discs.end(),
                  [](const Disc& a, const Disc& b) { return a.area > b.area; });
        for (std::size_t i = 0; i < discs.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                if (GEOSContains_r(context, discs[j].filled.get(), discs[i].filled.get()) == 1) {
                    ++discs[i].depth;
                    // Larger rings come first, so the last container found is the innermost.
                    discs[i].parent = static_cast<int>(j);
                }
            }
        }
        std::vector<GEOSGeometry*> polygons;
        for (std::size_t i = 0; i < discs.size(); ++i) {
            if (discs[i].depth % 2 != 0)
                continue;
            std::vector<GEOSGeometry*> holes;
            for (std::size_t h = 0; h < discs.size(); ++h) {
                if (discs[h].depth % 2 == 1 && discs[h].parent == static_cast<int>(i))
                    holes.push_back(GEOSGeom_clone_r(context, rings[discs[h].ring].get()));
            }
            polygons.push_back(GEOSGeom_createPolygon_r(
                context, GEOSGeom_clone_r(context, rings[discs[i].ring].get()), holes.data(),
                static_cast<unsigned>(holes.size())));
        }
        return wrap(GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, polygons.data(),
                                                static_cast<unsigned>(polygons.size())));
    }

    /// A valid polygonal GEOS geometry for GEOMETRY, with what was done to get it.
    GeomPtr validPolygonal(const OGRGeometry& geometry, QString& repair, QString& skipped)
    {
        GeomPtr raw = fromOgr(geometry);
        if (!raw) {
            // GEOS refuses rings that do not close; closing them is a repair worth reporting.
            std::unique_ptr<OGRGeometry> closed(geometry.clone());
            closed->closeRings();
            raw = fromOgr(*closed);
            if (!raw) {
                skipped = QStringLiteral("unreadable geometry: %1").arg(lastGeosMessage);
                return raw;
            }
            repair = QStringLiteral("closed unclosed rings");
        }
        return validParts(raw.get(), repair, skipped);
    }

    /// The valid polygonal parts of RAW, with what was done to get them.
    GeomPtr validParts(const GEOSGeometry* raw, QString& repair, QString& skipped)
    {
        GeomPtr parts = polygonalParts(raw);
        if (!parts || GEOSisEmpty_r(context, parts.get())) {
            skipped = QStringLiteral("no polygon in the geometry");
            return wrap(nullptr);
        }
        if (GEOSisValid_r(context, parts.get()) == 1)
            return parts;

        char* reasonText = GEOSisValidReason_r(context, parts.get());
        const QString reason = reasonText ? QString::fromUtf8(reasonText) : QString();
        GEOSFree_r(context, reasonText);
        double areaBefore = 0;
        GEOSArea_r(context, parts.get(), &areaBefore);

        GeomPtr rebuilt = rebuildByContainment(parts.get());
        if (rebuilt && GEOSisValid_r(context, rebuilt.get()) == 1) {
            double areaAfter = 0;
            GEOSArea_r(context, rebuilt.get(), &areaAfter);
            const QString change =
                QStringLiteral("invalid (%1), ring orientation corrected (holes found by "
                               "containment): area %2 m2 -> %3 m2")
                    .arg(reason, formatArea(std::abs(areaBefore)), formatArea(areaAfter));
            repair = repair.isEmpty() ? change : repair + QStringLiteral("; ") + change;
            return rebuilt;
        }
        GeomPtr valid = makeValid(parts.get());
        GeomPtr validParts = valid ? polygonalParts(valid.get()) : wrap(nullptr);
        if (!validParts || GEOSisEmpty_r(context, validParts.get())) {
            skipped = QStringLiteral("invalid (%1) and nothing polygonal left after make-valid")
                          .arg(reason);
            return wrap(nullptr);
        }
        double areaAfter = 0;
        GEOSArea_r(context, validParts.get(), &areaAfter);
        const QString change =
            QStringLiteral("invalid (%1), made valid: %2 part(s), area %3 m2 -> %4 m2")
                .arg(reason)
                .arg(GEOSGetNumGeometries_r(context, validParts.get()))
                .arg(formatArea(std::abs(areaBefore)), formatArea(areaAfter));
        repair = repair.isEmpty() ? change : repair + QStringLiteral("; ") + change;
        return validParts;
    }
};

GeometryImporter::GeometryImporter() : m_impl(new Impl) {}

GeometryImporter::~GeometryImporter()
{
    delete m_impl;
}

Imported<core::MultiPolygon> GeometryImporter::polygonal(const OGRGeometry& geometry)
{
    Imported<core::MultiPolygon> result;
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbLineString || type == wkbMultiLineString) {
        result.skipped = QStringLiteral("a %1, not a polygon: not imported (close it in CAD or "
                                        "convert lines to polygons)")
                             .arg(QString::fromUtf8(geometry.getGeometryName()));
        return result;
    }
    if (type != wkbPolygon && type != wkbMultiPolygon && type != wkbGeometryCollection) {
        result.skipped = QStringLiteral("a %1, not a polygon: not imported")
                             .arg(QString::fromUtf8(geometry.getGeometryName()));
        return result;
    }
    Impl::GeomPtr valid = m_impl->validPolygonal(geometry, result.repair, result.skipped);
    if (!valid)
        return result;
    if (type == wkbGeometryCollection) {
        int others = 0;
        for (const OGRGeometry* part : *geometry.toGeometryCollection()) {
            const OGRwkbGeometryType partType = wkbFlatten(part->getGeometryType());
            others += partType != wkbPolygon && partType != wkbMultiPolygon;
        }
        const QString taken = QStringLiteral("polygon taken out of a GeometryCollection, %1 "
                                             "other part(s) dropped")
                                  .arg(others);
        result.repair = result.repair.isEmpty() ? taken : taken + QStringLiteral("; ")
                                                                  + result.repair;
    }
    result.geometry = m_impl->toMultiPolygon(valid.get());
    if (!result.geometry)
        result.skipped = QStringLiteral("coordinates could not be read");
    return result;
}

std::optional<Imported<core::MultiPolygon>> GeometryImporter::polygonalWkb(
    std::span<const unsigned char> wkb)
{
    if (!m_impl->wkbReader)
        m_impl->wkbReader = GEOSWKBReader_create_r(m_impl->context);
    Impl::GeomPtr raw =
        m_impl->wrap(GEOSWKBReader_read_r(m_impl->context, m_impl->wkbReader, wkb.data(),
                                          wkb.size()));
    if (!raw)
        return std::nullopt;
    Imported<core::MultiPolygon> result;
    // A valid polygon or multipolygon without empty parts is its own polygonal parts: taken
    // as read, without the copy validParts makes of each polygon.
    Impl::GeomPtr valid = GEOSisValid_r(m_impl->context, raw.get()) == 1
                              ? std::move(raw)
                              : m_impl->validParts(raw.get(), result.repair, result.skipped);
    if (!valid)
        return result;
    result.geometry = m_impl->toMultiPolygon(valid.get());
    if (!result.geometry)
        result.skipped = QStringLiteral("coordinates could not be read");
    return result;
}

Imported<core::MultiLineString> GeometryImporter::linear(const OGRGeometry& geometry)
{
    Imported<core::MultiLineString> result;
    core::MultiLineString lines;
    auto addLine = [&lines](const OGRLineString& line) {
        if (line.getNumPoints() < 2)
            return;
        core::LineString out;
        out.reserve(static_cast<std::size_t>(line.getNumPoints()));
        for (int i = 0; i < line.getNumPoints(); ++i)
            out.emplace_back(line.getX(i), line.getY(i));
        lines.push_back(std::move(out));
    };
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbLineString) {
        addLine(*geometry.toLineString());
    } else if (type == wkbMultiLineString || type == wkbGeometryCollection) {
        for (const OGRGeometry* part : *geometry.toGeometryCollection()) {
            if (wkbFlatten(part->getGeometryType()) == wkbLineString)
                addLine(*part->toLineString());
        }
    } else {
        result.skipped = QStringLiteral("not a line (%1)")
                             .arg(QString::fromUtf8(geometry.getGeometryName()));
        return result;
    }
    if (lines.empty()) {
        result.skipped = QStringLiteral("no line with two or more points");
        return result;
    }
    result.geometry = std::move(lines);
    return result;
}

Imported<core::Point> GeometryImporter::point(const OGRGeometry& geometry)
{
    Imported<core::Point> result;
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPoint) {
        const OGRPoint* p = geometry.toPoint();
        result.geometry = core::Point(p->getX(), p->getY());
        return result;
    }
    Impl::GeomPtr source = m_impl->fromOgr(geometry);
    if (source && (type == wkbPolygon || type == wkbMultiPolygon)
        && GEOSisValid_r(m_impl->context, source.get()) != 1) {
        source = m_impl->makeValid(source.get());
        result.repair = QStringLiteral("invalid polygon made valid before taking its point");
    }
    Impl::GeomPtr surfacePoint =
        source ? m_impl->wrap(GEOSPointOnSurface_r(m_impl->context, source.get()))
               : m_impl->wrap(nullptr);
    double x = 0;
    double y = 0;
    if (!surfacePoint || GEOSisEmpty_r(m_impl->context, surfacePoint.get())
        || !GEOSGeomGetX_r(m_impl->context, surfacePoint.get(), &x)
        || !GEOSGeomGetY_r(m_impl->context, surfacePoint.get(), &y)) {
        result.skipped = QStringLiteral("no representative point");
        return result;
    }
    result.geometry = core::Point(x, y);
    return result;
}

std::vector<Overlap> GeometryImporter::overlaps(
    const std::vector<const core::MultiPolygon*>& shapes, QString& failure)
{
    GEOSContextHandle_t context = m_impl->context;
    std::vector<Impl::GeomPtr> geometries;
    std::vector<double> areas(shapes.size(), 0.0);
    std::vector<std::size_t> indices(shapes.size());
    GEOSSTRtree* tree = GEOSSTRtree_create_r(context, 10);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        indices[i] = i;
        geometries.push_back(m_impl->fromBoost(*shapes[i]));
        if (!geometries[i])
            continue;
        GEOSArea_r(context, geometries[i].get(), &areas[i]);
        GEOSSTRtree_insert_r(context, tree, geometries[i].get(), &indices[i]);
    }

    struct Query {
        std::size_t self = 0;
        std::vector<std::size_t> found;
    };
    std::vector<Overlap> result;
    QStringList failedPairs;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        if (!geometries[i])
            continue;
        Query query{i, {}};
        GEOSSTRtree_query_r(
            context, tree, geometries[i].get(),
            [](void* item, void* data) {
                auto* q = static_cast<Query*>(data);
                const std::size_t j = *static_cast<std::size_t*>(item);
                if (j > q->self)
                    q->found.push_back(j);
            },
            &query);
        std::sort(query.found.begin(), query.found.end());
        for (std::size_t j : query.found) {
            const GEOSGeometry* a = geometries[i].get();
            const GEOSGeometry* b = geometries[j].get();
            Impl::GeomPtr shared = m_impl->wrap(GEOSIntersection_r(context, a, b));
            if (!shared)
                shared = m_impl->wrap(GEOSIntersectionPrec_r(context, a, b, 0.001));
            double area = 0;
            if (!shared || !GEOSArea_r(context, shared.get(), &area)) {
                failedPairs << QStringLiteral("%1 and %2").arg(i).arg(j);
                continue;
            }
            // Neighbours that only touch share a line: no area.
            if (area <= 1e-6)
                continue;
            const bool duplicate = area >= 0.99 * std::max(areas[i], areas[j]);
            result.push_back({i, j, area, duplicate});
        }
    }
    GEOSSTRtree_destroy_r(context, tree);
    if (!failedPairs.isEmpty())
        failure = QStringLiteral("overlap check failed for parcel pairs (positions in the "
                                 "layer) %1: %2")
                      .arg(failedPairs.join(QStringLiteral(", ")), m_impl->lastGeosMessage);
    return result;
}

} // namespace greenrenew::gis::detail
