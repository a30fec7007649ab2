#include "core/street_blocks.h"

#include "core/detail/geos_context.h"

namespace greenrenew::core {

namespace {

GEOSGeometry* lineFrom(GEOSContextHandle_t handle, const LineString& line)
{
    GEOSCoordSequence* sequence =
        GEOSCoordSeq_create_r(handle, static_cast<unsigned>(line.size()), 2);
    for (std::size_t i = 0; i < line.size(); ++i)
        GEOSCoordSeq_setXY_r(handle, sequence, static_cast<unsigned>(i), line[i].x(),
                             line[i].y());
    return GEOSGeom_createLineString_r(handle, sequence);
}

} // namespace

std::vector<MultiPolygon> streetBlocks(const std::vector<Street>& streets, double minAreaM2)
{
    detail::GeosContext& geos = detail::threadGeosContext();
    GEOSContextHandle_t handle = geos.handle();
    std::vector<GEOSGeometry*> lines;
    for (const Street& street : streets) {
        for (const LineString& line : street.geometry) {
            if (line.size() >= 2)
                lines.push_back(lineFrom(handle, line));
        }
    }
    if (lines.empty())
        return {};
    detail::GeosGeometry network(
        handle, GEOSGeom_createCollection_r(handle, GEOS_MULTILINESTRING, lines.data(),
                                            static_cast<unsigned>(lines.size())));
    // Polygonize needs lines that meet only at their ends: the union nodes every crossing.
    detail::GeosGeometry noded(handle, GEOSUnaryUnion_r(handle, network.get()));
    if (!noded)
        return {};
    const GEOSGeometry* input[] = {noded.get()};
    detail::GeosGeometry faces(handle, GEOSPolygonize_r(handle, input, 1));
    if (!faces)
        return {};

    std::vector<MultiPolygon> blocks;
    const int count = GEOSGetNumGeometries_r(handle, faces.get());
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry* face = GEOSGetGeometryN_r(handle, faces.get(), i);
        if (geos.area(face) < minAreaM2)
            continue;
        MultiPolygon block = geos.toMultiPolygon(face);
        if (!block.empty())
            blocks.push_back(std::move(block));
    }
    return blocks;
}

} // namespace greenrenew::core
