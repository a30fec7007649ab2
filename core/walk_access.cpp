#include "core/walk_access.h"

#include "core/detail/geos_context.h"
#include "core/detail/walk_network.h"
#include "core/detail/walk_rules.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <limits>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace greenrenew::core {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using detail::NodeGap;
using detail::WalkNetwork;
using detail::WalkSeed;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::string trimmed(const std::string& text)
{
    const char* blanks = " \t\r\n";
    std::size_t first = text.find_first_not_of(blanks);
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

/// The texts of a facility a mapping may match, most specific first: the whole tag, each
/// "key=value" part of a ";"-joined tag, each part's value, then the category.
std::vector<std::string> matchKeys(const Facility& facility)
{
    std::vector<std::string> keys;
    std::string tag = trimmed(facility.tag);
    if (!tag.empty())
        keys.push_back(tag);
    std::vector<std::string> values;
    std::size_t start = 0;
    while (start <= tag.size() && !tag.empty()) {
        std::size_t end = tag.find(';', start);
        std::string part = trimmed(tag.substr(start, end - start));
        if (!part.empty() && part != tag)
            keys.push_back(part);
        std::size_t equals = part.find('=');
        if (equals != std::string::npos)
            values.push_back(trimmed(part.substr(equals + 1)));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    keys.insert(keys.end(), values.begin(), values.end());
    std::string category = trimmed(facility.category);
    if (!category.empty())
        keys.push_back(category);
    return keys;
}

/// Index of the mapping table by match text.
class FacilityClassifier {
public:
    explicit FacilityClassifier(const std::vector<FacilityMapping>& mappings)
    {
        for (const FacilityMapping& mapping : mappings) {
            std::vector<std::string>& types = m_typesByMatch[trimmed(mapping.match)];
            // The resource loader keys mappings by match, so one match standing for several
            // types (a hospital is also an outpatient clinic) lists them separated by commas.
            std::size_t start = 0;
            while (start <= mapping.facilityType.size()) {
                std::size_t end = mapping.facilityType.find(',', start);
                std::string type = trimmed(mapping.facilityType.substr(start, end - start));
                if (!type.empty() && std::find(types.begin(), types.end(), type) == types.end())
                    types.push_back(type);
                if (end == std::string::npos)
                    break;
                start = end + 1;
            }
        }
    }

    std::vector<std::string> typesOf(const Facility& facility) const
    {
        for (const std::string& key : matchKeys(facility)) {
            auto it = m_typesByMatch.find(key);
            if (it != m_typesByMatch.end())
                return it->second;
        }
        return {};
    }

private:
    std::map<std::string, std::vector<std::string>> m_typesByMatch;
};

/// Facility locations grouped by standard type, in type id order.
struct FacilitiesByType {
    std::vector<std::string> types;
    std::vector<std::vector<Point>> points;
    std::size_t mapped = 0;
    std::size_t unmapped = 0;
};

FacilitiesByType groupFacilities(const Project& project)
{
    FacilityClassifier classifier(project.config.facilityMappings);
    std::map<std::string, std::vector<Point>> grouped;
    FacilitiesByType result;
    for (const Facility& facility : project.facilities) {
        std::vector<std::string> types = classifier.typesOf(facility);
        (types.empty() ? result.unmapped : result.mapped) += 1;
        for (const std::string& type : types)
            grouped[type].push_back(facility.location);
    }
    for (auto& [type, points] : grouped) {
        result.types.push_back(type);
        result.points.push_back(std::move(points));
    }
    return result;
}

std::size_t workerCount(std::size_t tasks)
{
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1,
                                   std::max<std::size_t>(tasks, 1));
}

/// Runs task(i) for i in [0, count) on the worker threads, in chunks taken in turn.
template <typename Task>
void parallelFor(std::size_t count, Task task)
{
    constexpr std::size_t kChunk = 256;
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t begin = next.fetch_add(kChunk); begin < count;
             begin = next.fetch_add(kChunk))
            for (std::size_t i = begin; i < std::min(count, begin + kChunk); ++i)
                task(i);
    };
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < workerCount(count / kChunk); ++t)
        workers.emplace_back(work);
    work();
    for (std::thread& worker : workers)
        worker.join();
}

struct ParcelAccess {
    std::vector<NodeGap> points;
    bool connected = false;
    std::size_t pieceNodes = 0;
};

ParcelAccess findAccess(const WalkNetwork& network, const Parcel& parcel, double accessSnapM)
{
    ParcelAccess access;
    for (std::size_t node : network.nodesNear(parcel.geometry, accessSnapM))
        access.points.push_back({node, 0.0});
    access.connected = !access.points.empty();
    if (access.points.empty()) {
        std::optional<NodeGap> nearest = network.nearestNode(parcel.geometry);
        if (nearest)
            access.points.push_back(*nearest);
    }
    for (const NodeGap& point : access.points) {
        std::size_t piece = network.componentOf()[point.node];
        access.pieceNodes = std::max(access.pieceNodes, network.componentSizes()[piece]);
    }
    return access;
}

/// Per parcel: the straight distance from the parcel (0 inside) to the nearest of `points`,
/// or infinity beyond the bound. The distance to the parcel's envelope is a lower bound of
/// the distance to the parcel, so the k points nearest the envelope settle the answer once
/// the k-th lies beyond the best found; k grows until it does.
std::vector<double> crowflyDistances(const std::vector<Parcel>& parcels,
                                     const std::vector<Box>& envelopes,
                                     const std::vector<Point>& points, double boundM)
{
    using Entry = std::pair<Point, std::size_t>;
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < points.size(); ++i)
        entries.emplace_back(points[i], i);
    bgi::rtree<Entry, bgi::rstar<16>> tree(entries.begin(), entries.end());

    std::vector<double> distances(parcels.size(), kInfinity);
    std::vector<Entry> hits;
    std::vector<std::pair<double, std::size_t>> byEnvelope;
    for (std::size_t p = 0; p < parcels.size(); ++p) {
        if (parcels[p].geometry.empty())
            continue;
        double best = kInfinity;
        for (std::size_t k = 8;; k *= 4) {
            hits.clear();
            tree.query(bgi::nearest(envelopes[p], static_cast<unsigned>(k)),
                       std::back_inserter(hits));
            // Nearest the envelope first: the exact distance to the parcel is needed only
            // while the envelope's distance, its lower bound, is below the best so far.
            byEnvelope.clear();
            for (std::size_t h = 0; h < hits.size(); ++h)
                byEnvelope.emplace_back(bg::distance(hits[h].first, envelopes[p]), h);
            std::sort(byEnvelope.begin(), byEnvelope.end());
            for (const auto& [envelopeM, h] : byEnvelope) {
                if (envelopeM >= best)
                    break;
                best = std::min(best, bg::distance(hits[h].first, parcels[p].geometry));
            }
            double farthestM = byEnvelope.empty() ? 0.0 : byEnvelope.back().first;
            if (hits.size() < k || best == 0 || farthestM > std::min(best, boundM))
                break;
        }
        distances[p] = best <= boundM ? best : kInfinity;
    }
    return distances;
}

/// Per type, per parcel: the walk and straight distances to the nearest facility of the type.
struct TypeDistances {
    std::vector<std::vector<double>> walkM;
    std::vector<std::vector<double>> crowflyM;
};

/// Per type, per parcel: the least walk cost from any access point to any facility of the
/// type (one multi-source search per type), and the straight distance, each infinity beyond
/// the bound. Types are spread over threads. Returns false when cancelled.
bool typeDistances(const WalkNetwork& network, const FacilitiesByType& facilities,
                   const std::vector<Parcel>& parcels, const std::vector<ParcelAccess>& access,
                   double boundM, const StageControl& control, TypeDistances& result)
{
    std::size_t typeCount = facilities.types.size();
    result.walkM.assign(typeCount, std::vector<double>(access.size(), kInfinity));
    result.crowflyM.assign(typeCount, {});
    if (typeCount == 0)
        return true;
    std::vector<Box> envelopes;
    envelopes.reserve(parcels.size());
    for (const Parcel& parcel : parcels)
        envelopes.push_back(detail::envelopeOf(parcel.geometry));

    std::atomic<std::size_t> nextType{0};
    std::atomic<bool> cancelled{false};
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t typesDone = 0;
    std::size_t workersDone = 0;

    auto work = [&] {
        std::vector<double> costs;
        for (std::size_t k = nextType++; k < typeCount && !cancelled; k = nextType++) {
            try {
                network.shortestCosts(detail::facilitySeeds(network, facilities.points[k]),
                                      boundM, control.cancel, costs);
            } catch (const detail::WalkSearchCancelled&) {
                cancelled = true;
                break;
            }
            for (std::size_t p = 0; p < access.size(); ++p) {
                double best = kInfinity;
                for (const NodeGap& point : access[p].points)
                    best = std::min(best, costs[point.node] + point.gapM);
                result.walkM[k][p] = best <= boundM ? best : kInfinity;
            }
            result.crowflyM[k] =
                crowflyDistances(parcels, envelopes, facilities.points[k], boundM);
            std::lock_guard lock(mutex);
            ++typesDone;
            changed.notify_one();
        }
        std::lock_guard lock(mutex);
        ++workersDone;
        changed.notify_one();
    };

    std::size_t threadCount =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, typeCount);
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < threadCount; ++t)
        workers.emplace_back(work);

    // Progress is reported from the calling thread only, so callers need no locking of their own.
    std::unique_lock lock(mutex);
    std::size_t reported = 0;
    while (workersDone < threadCount) {
        changed.wait(lock);
        if (typesDone != reported) {
            reported = typesDone;
            lock.unlock();
            control.report("walk: shortest paths",
                           static_cast<double>(reported) / static_cast<double>(typeCount));
            lock.lock();
        }
    }
    lock.unlock();
    for (std::thread& worker : workers)
        worker.join();
    return !cancelled && !control.cancelled();
}

WalkNetworkSummary summarize(const WalkNetwork& network, const FacilitiesByType& facilities,
                             const std::vector<LifeCircle>& circles, bool timeMode,
                             double boundM)
{
    WalkNetworkSummary summary;
    summary.nodeCount = network.nodes().size();
    summary.edgeCount = network.edges().size();
    summary.lengthM = network.totalLengthM();
    summary.componentCount = network.componentSizes().size();
    summary.largestComponentNodes =
        network.componentSizes().empty() ? 0 : network.componentSizes().front();
    summary.facilitiesMapped = facilities.mapped;
    summary.facilitiesUnmapped = facilities.unmapped;
    std::set<std::string> absent;
    for (const LifeCircle& circle : circles)
        for (const std::string& type : circle.requiredTypes)
            if (!std::binary_search(facilities.types.begin(), facilities.types.end(), type))
                absent.insert(type);
    summary.requiredTypesAbsent.assign(absent.begin(), absent.end());
    summary.circleMode = timeMode ? "time" : "distance";
    summary.searchBoundM = boundM;
    summary.unelevatedLengthM = network.unelevatedLengthM();
    return summary;
}

/// Parts [begin, end] of an edge (metres from its `from` node) a walk reaches.
using EdgeSpans = std::vector<std::pair<double, double>>;

/// The reachable parts of every edge within `thresholdM` of the facilities at `points`, given
/// the node costs of a search from them.
std::vector<LineString> reachableParts(const WalkNetwork& network,
                                       const std::vector<Point>& points,
                                       const std::vector<double>& costs, double thresholdM)
{
    const std::vector<detail::WalkEdge>& edges = network.edges();
    const std::vector<Point>& nodes = network.nodes();
    // A facility reaches both ways along its own edge from where it joins it.
    std::map<std::size_t, EdgeSpans> fromFacilities;
    for (const Point& point : points) {
        std::optional<detail::EdgeProjection> projection = network.nearestEdge(point);
        if (!projection || projection->distanceM > thresholdM)
            continue;
        const detail::WalkEdge& edge = edges[projection->edge];
        double forwardPerM = edge.lengthM > 0 ? edge.costM / edge.lengthM : 1.0;
        double backwardPerM = edge.lengthM > 0 ? edge.backCostM / edge.lengthM : 1.0;
        // Before the facility the walk to it runs forwards along the edge, after it backwards.
        double leftM = thresholdM - projection->distanceM;
        fromFacilities[projection->edge].emplace_back(
            std::max(0.0, projection->alongM - leftM / forwardPerM),
            std::min(edge.lengthM, projection->alongM + leftM / backwardPerM));
    }

    std::vector<LineString> parts;
    EdgeSpans spans;
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const detail::WalkEdge& edge = edges[e];
        if (edge.lengthM <= 0)
            continue;
        spans.clear();
        // A point of the edge walks back to `from` or on to `to`, and from there to a facility.
        double forwardPerM = edge.costM / edge.lengthM;
        double backwardPerM = edge.backCostM / edge.lengthM;
        if (costs[edge.from] <= thresholdM)
            spans.emplace_back(0.0, std::min(edge.lengthM,
                                             (thresholdM - costs[edge.from]) / backwardPerM));
        if (costs[edge.to] <= thresholdM)
            spans.emplace_back(
                std::max(0.0, edge.lengthM - (thresholdM - costs[edge.to]) / forwardPerM),
                edge.lengthM);
        if (auto it = fromFacilities.find(e); it != fromFacilities.end())
            spans.insert(spans.end(), it->second.begin(), it->second.end());
        if (spans.empty())
            continue;
        std::sort(spans.begin(), spans.end());
        const Point& a = nodes[edge.from];
        const Point& b = nodes[edge.to];
        auto at = [&](double alongM) {
            double t = alongM / edge.lengthM;
            return Point(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
        };
        // Overlapping spans merge into one part.
        std::pair<double, double> current = spans.front();
        for (std::size_t k = 1; k <= spans.size(); ++k) {
            if (k < spans.size() && spans[k].first <= current.second) {
                current.second = std::max(current.second, spans[k].second);
                continue;
            }
            if (current.second > current.first)
                parts.push_back(LineString{at(current.first), at(current.second)});
            if (k < spans.size())
                current = spans[k];
        }
    }
    return parts;
}

} // namespace

namespace {

const LifeCircle& circleById(const std::vector<LifeCircle>& circles, const std::string& id)
{
    auto circle = std::find_if(circles.begin(), circles.end(),
                               [&](const LifeCircle& c) { return c.id == id; });
    if (circle == circles.end())
        throw std::invalid_argument("no life circle with id " + id);
    return *circle;
}

} // namespace

namespace {

/// One service area on a built network; false when cancelled.
bool drawServiceArea(const WalkNetwork& network, const FacilitiesByType& facilities,
                     const std::atomic<bool>* cancel, ServiceArea& area)
{
    auto found =
        std::lower_bound(facilities.types.begin(), facilities.types.end(), area.facilityType);
    if (found == facilities.types.end() || *found != area.facilityType)
        return true;
    const std::vector<Point>& points =
        facilities.points[static_cast<std::size_t>(found - facilities.types.begin())];
    std::vector<double> costs;
    try {
        network.shortestCosts(detail::facilitySeeds(network, points), area.thresholdM, cancel,
                              costs);
    } catch (const detail::WalkSearchCancelled&) {
        return false;
    }
    std::vector<LineString> parts = reachableParts(network, points, costs, area.thresholdM);
    for (const LineString& part : parts)
        area.streetLengthM += bg::length(part);
    // Each part buffered alone, then a cascaded union: GEOS buffering the whole collection at
    // once nodes every overlapping offset curve together, 40 times slower on the sample's
    // streets (66 s against 1.5 s through Shapely).
    detail::GeosContext& geos = detail::threadGeosContext();
    std::vector<detail::GeosGeometry> pieces;
    pieces.reserve(parts.size());
    for (const LineString& part : parts)
        pieces.push_back(geos.bufferLines({part}, area.bufferM));
    detail::GeosGeometry buffered = geos.unionAll(std::move(pieces));
    if (buffered)
        area.area = geos.toMultiPolygon(buffered.get());
    area.streets.assign(parts.begin(), parts.end());
    return true;
}

} // namespace

std::vector<ServiceArea> serviceAreas(const Project& project,
                                      const std::vector<ServiceAreaRequest>& requests,
                                      const StageControl& control)
{
    detail::WalkSettings settings = detail::readWalkSettings(project.config.parameters);
    double bufferM = project.config.parameters.value("walk.service_area_buffer_m");
    std::vector<ServiceArea> areas(requests.size());
    for (std::size_t k = 0; k < requests.size(); ++k) {
        areas[k].facilityType = requests[k].facilityType;
        areas[k].circleId = requests[k].circleId;
        areas[k].thresholdM = detail::circleThresholdM(
            circleById(project.config.lifeCircles, requests[k].circleId), settings);
        areas[k].bufferM = bufferM;
    }

    control.report("walk: service areas", 0.0);
    WalkNetwork network(project.streets, detail::networkOptions(project, settings));
    FacilitiesByType facilities = groupFacilities(project);
    // Areas spread over the cores; the calling thread works too and alone reports progress.
    std::vector<char> finished(requests.size(), 0);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    auto work = [&](bool reporting) {
        for (std::size_t k = next++; k < requests.size() && !stop; k = next++) {
            if (control.cancelled() || !drawServiceArea(network, facilities, control.cancel,
                                                        areas[k])) {
                stop = true;
                break;
            }
            finished[k] = 1;
            std::size_t count = ++done;
            if (reporting)
                control.report("walk: service areas", static_cast<double>(count)
                                                          / static_cast<double>(requests.size()));
        }
    };
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < workerCount(requests.size()); ++t)
        workers.emplace_back(work, false);
    work(true);
    for (std::thread& worker : workers)
        worker.join();
    control.report("walk: service areas", 1.0);

    std::vector<ServiceArea> result;
    for (std::size_t k = 0; k < requests.size(); ++k)
        if (finished[k])
            result.push_back(std::move(areas[k]));
    return result;
}

std::map<std::string, ServiceArea> serviceAreas(const Project& project, const std::string& type,
                                                const std::string& circleId,
                                                const StageControl& control)
{
    const LifeCircle& circle = circleById(project.config.lifeCircles, circleId);
    std::vector<ServiceAreaRequest> requests;
    for (const std::string& each :
         type.empty() ? circle.requiredTypes : std::vector<std::string>{type})
        requests.push_back({each, circleId});
    std::map<std::string, ServiceArea> result;
    for (ServiceArea& area : serviceAreas(project, requests, control))
        result[area.facilityType] = std::move(area);
    return result;
}

std::vector<ServiceAreaRequest> requiredServiceAreas(const MethodConfig& config)
{
    std::vector<ServiceAreaRequest> requests;
    for (const LifeCircle& circle : config.lifeCircles)
        for (const std::string& type : circle.requiredTypes)
            requests.push_back({type, circle.id});
    return requests;
}

WalkMethodNote describeWalkMethod(const Project& project)
{
    detail::WalkSettings settings = detail::readWalkSettings(project.config.parameters);
    WalkMethodNote note;
    note.circleMode = settings.timeMode ? "time" : "distance";
    for (const LifeCircle& circle : project.config.lifeCircles) {
        if (!note.circles.empty())
            note.circles += ", ";
        note.thresholdsM.push_back(detail::circleThresholdM(circle, settings));
        char threshold[32];
        std::snprintf(threshold, sizeof threshold, "%.0f m", note.thresholdsM.back());
        note.circles += circle.id + " " + threshold;
    }
    note.slopeFromDem = project.elevation != nullptr;
    if (project.elevation)
        note.dem = project.elevation->description;
    note.text = settings.timeMode
        ? "Walking circles read in minutes at the walking speed (walk.circle_mode = 1): "
        : "Walking circles read as the standard's radii in metres (GB 50180-2018, the "
          "default): ";
    note.text += note.circles + "; steps count walk.steps_time_factor; ";
    note.text += note.slopeFromDem
        ? "slope from the DEM " + note.dem + " by Tobler's hiking function (1993)."
        : "no DEM, slope not counted.";
    return note;
}

std::vector<std::string> facilityTypesOf(const Facility& facility, const MethodConfig& config)
{
    return FacilityClassifier(config.facilityMappings).typesOf(facility);
}

WalkAccessResult analyzeWalkAccess(const Project& project, const StageControl& control)
{
    detail::WalkSettings settings = detail::readWalkSettings(project.config.parameters);
    const std::vector<LifeCircle>& circles = project.config.lifeCircles;
    double boundM = 0;
    for (const LifeCircle& circle : circles)
        boundM = std::max(boundM, detail::circleThresholdM(circle, settings));

    WalkAccessResult result;
    result.parcels.resize(project.parcels.size());
    control.report("walk: network", 0.0);
    WalkNetwork network(project.streets, detail::networkOptions(project, settings));
    FacilitiesByType facilities = groupFacilities(project);
    result.network = summarize(network, facilities, circles, settings.timeMode, boundM);
    result.network.slopeFromDem = project.elevation != nullptr;
    if (project.elevation)
        result.network.demDescription = project.elevation->description;
    if (control.cancelled())
        return result;

    control.report("walk: access points", 0.0);
    std::vector<ParcelAccess> access(project.parcels.size());
    parallelFor(project.parcels.size(), [&](std::size_t p) {
        access[p] = findAccess(network, project.parcels[p], settings.accessSnapM);
    });
    if (control.cancelled())
        return result;

    TypeDistances distances;
    if (!typeDistances(network, facilities, project.parcels, access, boundM, control, distances))
        return result;

    for (std::size_t p = 0; p < project.parcels.size(); ++p) {
        WalkAccess& parcel = result.parcels[p];
        parcel.connected = access[p].connected;
        parcel.pieceNodes = access[p].pieceNodes;
        parcel.accessPoints = access[p].points.size();
        parcel.accessGapM = access[p].points.size() == 1 ? access[p].points.front().gapM : 0.0;
        for (std::size_t k = 0; k < facilities.types.size(); ++k) {
            if (distances.walkM[k][p] < kInfinity)
                parcel.distanceM[facilities.types[k]] = distances.walkM[k][p];
            if (distances.crowflyM[k][p] < kInfinity)
                parcel.crowflyM[facilities.types[k]] = distances.crowflyM[k][p];
        }
        detail::judgeCircles(circles, settings, parcel);
    }
    control.report("walk: shortest paths", 1.0);
    return result;
}

std::vector<WalkAccess> computeWalkAccess(const Project& project, const StageControl& control)
{
    return analyzeWalkAccess(project, control).parcels;
}

} // namespace greenrenew::core
