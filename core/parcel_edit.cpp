#include "core/parcel_edit.h"

#include "core/detail/geos_context.h"

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/is_valid.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <utility>

namespace greenrenew::core {

namespace bg = boost::geometry;
using detail::GeosContext;
using detail::GeosGeometry;

namespace {

Error refusal(const std::string& operation, FeatureId parcelId, const std::string& message)
{
    Error error;
    error.kind = ErrorKind::BadUsage;
    error.operation = operation;
    error.featureId = parcelId;
    error.message = message;
    return error;
}

Ring* ringOf(MultiPolygon& geometry, const VertexRef& ref)
{
    if (ref.polygon >= geometry.size())
        return nullptr;
    Polygon& polygon = geometry[ref.polygon];
    if (ref.ring < 0)
        return &polygon.outer();
    if (static_cast<std::size_t>(ref.ring) >= polygon.inners().size())
        return nullptr;
    return &polygon.inners()[static_cast<std::size_t>(ref.ring)];
}

// Corners of a closed ring: its size without the closing repeat.
std::size_t cornerCount(const Ring& ring)
{
    return ring.size() < 2 ? ring.size() : ring.size() - 1;
}

// Rewrites the closing point after the first one changed or the ring was edited.
void closeRing(Ring& ring)
{
    if (ring.size() >= 2)
        ring.back() = ring.front();
}

Result<Parcel> validated(Parcel parcel, const std::string& operation)
{
    bg::correct(parcel.geometry);
    std::string reason;
    if (!bg::is_valid(parcel.geometry, reason))
        return refusal(operation, parcel.id, "the boundary would be invalid: " + reason);
    return parcel;
}

std::optional<double> numberOf(const std::string& text)
{
    double value = 0;
    const char* end = text.data() + text.size();
    auto [last, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || last != end || text.empty())
        return std::nullopt;
    return value;
}

// Shortest text that reads back as the same double, so shares add up exactly where they can.
std::string numberText(double value)
{
    char buffer[64];
    auto [last, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, last) : std::to_string(value);
}

Attributes splitAttributes(const Attributes& attributes, double share,
                           const AttributeRules& rules)
{
    Attributes result = attributes;
    for (auto& [key, value] : result) {
        if (!rules.proportionalKeys.count(key))
            continue;
        if (std::optional<double> number = numberOf(value))
            value = numberText(*number * share);
    }
    return result;
}

GeosGeometry lineGeometry(GeosContext& context, const LineString& line)
{
    GEOSContextHandle_t handle = context.handle();
    GEOSCoordSequence* sequence =
        GEOSCoordSeq_create_r(handle, static_cast<unsigned>(line.size()), 2);
    for (std::size_t i = 0; i < line.size(); ++i) {
        GEOSCoordSeq_setXY_r(handle, sequence, static_cast<unsigned>(i), line[i].x(),
                             line[i].y());
    }
    return {handle, GEOSGeom_createLineString_r(handle, sequence)};
}

// The pieces of `area` cut along `line`: the faces of the noded boundary and line that lie
// inside the area (holes of the area are faces too, and are dropped).
std::vector<MultiPolygon> cutPieces(GeosContext& context, const GEOSGeometry* area,
                                    const LineString& line)
{
    GEOSContextHandle_t handle = context.handle();
    GeosGeometry boundary(handle, GEOSBoundary_r(handle, area));
    GeosGeometry cut = lineGeometry(context, line);
    if (!boundary || !cut)
        return {};
    GeosGeometry noded(handle, GEOSUnion_r(handle, boundary.get(), cut.get()));
    if (!noded)
        return {};
    const GEOSGeometry* inputs[] = {noded.get()};
    GeosGeometry faces(handle, GEOSPolygonize_r(handle, inputs, 1));
    if (!faces)
        return {};
    std::vector<MultiPolygon> pieces;
    const int count = GEOSGetNumGeometries_r(handle, faces.get());
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry* face = GEOSGetGeometryN_r(handle, faces.get(), i);
        GeosGeometry inside(handle, GEOSPointOnSurface_r(handle, face));
        if (inside && GEOSContains_r(handle, area, inside.get()) == 1)
            pieces.push_back(context.toMultiPolygon(face));
    }
    return pieces;
}

} // namespace

double parcelAreaM2(const MultiPolygon& geometry)
{
    return std::abs(bg::area(geometry));
}

Result<Parcel> moveVertex(const Parcel& parcel, const VertexRef& vertex, const Point& to)
{
    Parcel moved = parcel;
    Ring* ring = ringOf(moved.geometry, vertex);
    if (!ring || vertex.vertex >= cornerCount(*ring))
        return refusal("move vertex", parcel.id, "no such vertex");
    (*ring)[vertex.vertex] = to;
    if (vertex.vertex == 0)
        closeRing(*ring);
    return validated(std::move(moved), "move vertex");
}

Result<Parcel> insertVertex(const Parcel& parcel, const VertexRef& before, const Point& at)
{
    Parcel grown = parcel;
    Ring* ring = ringOf(grown.geometry, before);
    if (!ring || before.vertex > cornerCount(*ring))
        return refusal("add vertex", parcel.id, "no such edge");
    // Inserting before position 0 means on the closing edge: append before the repeat.
    const std::size_t position = before.vertex == 0 ? cornerCount(*ring) : before.vertex;
    ring->insert(ring->begin() + static_cast<std::ptrdiff_t>(position), at);
    return validated(std::move(grown), "add vertex");
}

Result<Parcel> deleteVertex(const Parcel& parcel, const VertexRef& vertex)
{
    Parcel shrunk = parcel;
    Ring* ring = ringOf(shrunk.geometry, vertex);
    if (!ring || vertex.vertex >= cornerCount(*ring))
        return refusal("delete vertex", parcel.id, "no such vertex");
    if (cornerCount(*ring) <= 3)
        return refusal("delete vertex", parcel.id, "a ring keeps at least three corners");
    ring->erase(ring->begin() + static_cast<std::ptrdiff_t>(vertex.vertex));
    if (vertex.vertex == 0)
        closeRing(*ring);
    return validated(std::move(shrunk), "delete vertex");
}

Result<Parcel> reshapeParcel(const Parcel& parcel, const MultiPolygon& geometry)
{
    GeosContext& context = detail::threadGeosContext();
    GeosGeometry valid = context.validFromMultiPolygon(geometry);
    Parcel reshaped = parcel;
    reshaped.geometry = valid ? context.toMultiPolygon(valid.get()) : MultiPolygon{};
    if (parcelAreaM2(reshaped.geometry) <= 0)
        return refusal("reshape", parcel.id, "the new boundary encloses no area");
    return reshaped;
}

Result<std::vector<Parcel>> splitParcel(const Parcel& parcel, const LineString& cut,
                                        FeatureId firstNewId, const AttributeRules& rules,
                                        const TopologyRules& topology)
{
    if (cut.size() < 2)
        return refusal("split", parcel.id, "the cut line needs two points");
    GeosContext& context = detail::threadGeosContext();
    GeosGeometry area = context.validFromMultiPolygon(parcel.geometry);
    if (!area)
        return refusal("split", parcel.id, "the parcel has no area");
    std::vector<MultiPolygon> pieces = cutPieces(context, area.get(), cut);
    if (pieces.size() < 2)
        return refusal("split", parcel.id, "the line does not cross the parcel from side to side");

    std::vector<std::pair<double, std::size_t>> bySize;
    double totalM2 = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const double areaM2 = parcelAreaM2(pieces[i]);
        if (areaM2 < topology.sliverAreaM2) {
            return refusal("split", parcel.id,
                           "a piece of " + numberText(areaM2) + " m2 would be a sliver");
        }
        bySize.emplace_back(-areaM2, i);
        totalM2 += areaM2;
    }
    std::sort(bySize.begin(), bySize.end());

    std::vector<Parcel> result;
    for (const auto& [negativeAreaM2, i] : bySize) {
        Parcel piece;
        piece.id = firstNewId + static_cast<FeatureId>(result.size());
        piece.geometry = pieces[i];
        piece.type = parcel.type;
        piece.name = parcel.name;
        piece.typeReason = parcel.typeReason;
        piece.attributes = splitAttributes(parcel.attributes, -negativeAreaM2 / totalM2, rules);
        piece.sourceIds = {parcel.id};
        result.push_back(std::move(piece));
    }
    return result;
}

Result<Parcel> mergeParcels(const std::vector<Parcel>& parcels, FeatureId newId,
                            const AttributeRules& rules)
{
    if (parcels.size() < 2)
        return refusal("merge", newId, "select at least two parcels");
    GeosContext& context = detail::threadGeosContext();
    std::vector<GeosGeometry> parts;
    std::size_t chosen = 0;
    double chosenM2 = -1;
    for (std::size_t i = 0; i < parcels.size(); ++i) {
        parts.push_back(context.validFromMultiPolygon(parcels[i].geometry));
        const double areaM2 = parcelAreaM2(parcels[i].geometry);
        if (rules.typeFromLargerPart ? areaM2 > chosenM2 : i == 0) {
            chosen = i;
            chosenM2 = areaM2;
        }
    }
    std::size_t inputPolygons = 0;
    for (const Parcel& parcel : parcels)
        inputPolygons = std::max(inputPolygons, parcel.geometry.size());
    GeosGeometry united = context.unionAll(std::move(parts));
    MultiPolygon geometry = united ? context.toMultiPolygon(united.get()) : MultiPolygon{};
    if (geometry.empty())
        return refusal("merge", newId, "the union failed: " + context.lastError());
    if (geometry.size() > inputPolygons)
        return refusal("merge", newId, "the parcels share no edge");

    const Parcel& main = parcels[chosen];
    Parcel merged;
    merged.id = newId;
    merged.geometry = std::move(geometry);
    merged.type = main.type;
    merged.name = main.name;
    merged.typeReason = "merged: renewal type of parcel " + std::to_string(main.id);
    merged.attributes = main.attributes;
    for (const Parcel& parcel : parcels) {
        merged.sourceIds.push_back(parcel.id);
        for (const auto& [key, value] : parcel.attributes)
            merged.attributes.emplace(key, value);  // keys only other parts have
    }
    for (const std::string& key : rules.proportionalKeys) {
        double sum = 0;
        bool numeric = true;
        bool present = false;
        for (const Parcel& parcel : parcels) {
            auto it = parcel.attributes.find(key);
            if (it == parcel.attributes.end())
                continue;
            present = true;
            std::optional<double> number = numberOf(it->second);
            numeric = numeric && number.has_value();
            sum += number.value_or(0);
        }
        if (present && numeric)
            merged.attributes[key] = numberText(sum);
    }
    return merged;
}

std::string TopologyReport::summary() const
{
    if (issues.empty())
        return {};
    std::string text;
    for (const TopologyIssue& issue : issues)
        text += (text.empty() ? "" : "; ") + issue.message;
    if (refused)
        return "refused: " + text;
    return text;
}

TopologyReport checkTopology(const Parcel& edited, const std::vector<const Parcel*>& neighbours,
                             const TopologyRules& rules)
{
    TopologyReport report;
    report.repaired = edited;
    GeosContext& context = detail::threadGeosContext();
    GeosGeometry shape = context.fromMultiPolygon(edited.geometry);
    if (!shape || !context.isValid(shape.get())) {
        report.issues.push_back({TopologyIssue::Kind::Invalid, 0, 0,
                                 "parcel " + std::to_string(edited.id) + " is invalid"});
        report.refused = true;
        return report;
    }

    std::vector<GeosGeometry> overlapping;
    for (const Parcel* neighbour : neighbours) {
        GeosGeometry other = context.validFromMultiPolygon(neighbour->geometry);
        if (!other || !context.interiorsIntersect(shape.get(), other.get()))
            continue;
        GeosGeometry common = context.intersection(shape.get(), other.get());
        const double areaM2 = common ? context.area(common.get()) : 0;
        if (areaM2 <= rules.overlapToleranceM2)
            continue;
        report.issues.push_back({TopologyIssue::Kind::Overlap, neighbour->id, areaM2,
                                 "overlaps parcel " + std::to_string(neighbour->id) + " by "
                                     + numberText(std::round(areaM2 * 100) / 100) + " m2"});
        overlapping.push_back(std::move(other));
    }

    if (!overlapping.empty() && rules.repairOverlaps) {
        GeosGeometry others = context.unionAll(std::move(overlapping));
        GEOSContextHandle_t handle = context.handle();
        GeosGeometry rest(handle, GEOSDifference_r(handle, shape.get(), others.get()));
        report.repaired.geometry = rest ? context.toMultiPolygon(rest.get()) : MultiPolygon{};
        for (TopologyIssue& issue : report.issues)
            issue.message += " (cut back)";
    }

    for (const Polygon& piece : report.repaired.geometry) {
        const double areaM2 = std::abs(bg::area(piece));
        if (areaM2 < rules.sliverAreaM2) {
            report.issues.push_back({TopologyIssue::Kind::Sliver, 0, areaM2,
                                     "leaves a sliver of " + numberText(areaM2) + " m2"});
        }
    }

    for (const TopologyIssue& issue : report.issues) {
        const bool overlap = issue.kind == TopologyIssue::Kind::Overlap;
        if (!overlap || (!rules.repairOverlaps && !rules.allowOverlaps))
            report.refused = true;
    }
    if (report.repaired.geometry.empty())
        report.refused = true;
    return report;
}

std::vector<FeatureId> ParcelChange::touchedIds() const
{
    std::vector<FeatureId> ids;
    for (const Parcel& parcel : before)
        ids.push_back(parcel.id);
    for (const Parcel& parcel : after)
        ids.push_back(parcel.id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

namespace {

std::optional<std::size_t> positionOf(const Project& project, FeatureId id)
{
    for (std::size_t i = 0; i < project.parcels.size(); ++i)
        if (project.parcels[i].id == id)
            return i;
    return std::nullopt;
}

// Removes the parcels with these ids; returns the position of the first removed (or the end).
std::size_t removeParcels(Project& project, const std::vector<Parcel>& parcels)
{
    std::size_t first = project.parcels.size();
    for (const Parcel& parcel : parcels) {
        std::optional<std::size_t> position = positionOf(project, parcel.id);
        if (!position)
            continue;
        first = std::min(first, *position);
        project.parcels.erase(project.parcels.begin() + static_cast<std::ptrdiff_t>(*position));
    }
    return std::min(first, project.parcels.size());
}

} // namespace

bool applyChange(Project& project, ParcelChange& change)
{
    std::vector<std::size_t> positions;
    for (const Parcel& parcel : change.before) {
        std::optional<std::size_t> position = positionOf(project, parcel.id);
        if (!position)
            return false;
        positions.push_back(*position);
    }
    change.beforePositions = positions;
    const std::size_t at = change.before.empty() ? project.parcels.size()
                                                 : removeParcels(project, change.before);
    project.parcels.insert(project.parcels.begin() + static_cast<std::ptrdiff_t>(at),
                           change.after.begin(), change.after.end());
    return true;
}

bool revertChange(Project& project, const ParcelChange& change)
{
    if (change.beforePositions.size() != change.before.size())
        return false;
    for (const Parcel& parcel : change.after)
        if (!positionOf(project, parcel.id))
            return false;
    removeParcels(project, change.after);
    std::vector<std::size_t> order(change.before.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return change.beforePositions[a] < change.beforePositions[b];
    });
    for (std::size_t i : order) {
        const std::size_t at = std::min(change.beforePositions[i], project.parcels.size());
        project.parcels.insert(project.parcels.begin() + static_cast<std::ptrdiff_t>(at),
                               change.before[i]);
    }
    return true;
}

FeatureId nextParcelId(const Project& project)
{
    FeatureId largest = 0;
    for (const Parcel& parcel : project.parcels)
        largest = std::max(largest, parcel.id);
    return largest + 1;
}

} // namespace greenrenew::core
