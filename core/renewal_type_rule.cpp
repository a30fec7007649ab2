#include "core/renewal_type_rule.h"

#include <boost/geometry.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string_view>

namespace greenrenew::core {

namespace bg = boost::geometry;

namespace {

/// What a keyword list is compared with: a feature's name (patterns) or its use / kind tokens
/// (whole words, e.g. the OSM building tag "apartments" or the facility kind "hotel").
enum class Subject { Name, Use };

struct KeywordRule {
    const char* list;
    RenewalType type;
    Subject subject;
};

// The first rule that matches gives an item its type. Strong historic names come first so
// that a time-honoured shop (老庙黄金) or a temple restaurant counts for the historic block it
// stands in; "former site" markers come after factory names so that a former shipyard stays a
// factory site; traditional name endings (堂, 楼, 亭 ...) come last because office blocks
// (大楼) and hotels (饭店) end in similar characters and must be caught first.
constexpr KeywordRule kKeywordRules[] = {
    {"historic.names_strong", RenewalType::HistoricBlock, Subject::Name},
    {"residential.uses", RenewalType::Residential, Subject::Use},
    {"commercial.uses", RenewalType::Commercial, Subject::Use},
    {"factory.uses", RenewalType::Factory, Subject::Use},
    {"historic.uses", RenewalType::HistoricBlock, Subject::Use},
    {"factory.names", RenewalType::Factory, Subject::Name},
    {"historic.names_former", RenewalType::HistoricBlock, Subject::Name},
    {"commercial.names", RenewalType::Commercial, Subject::Name},
    {"residential.names", RenewalType::Residential, Subject::Name},
    {"historic.names_traditional", RenewalType::HistoricBlock, Subject::Name},
};

constexpr const char* kIgnoredCategories = "ignored.facility_categories";

const std::vector<std::string> kNoKeywords;

const std::vector<std::string>& keywordList(const MethodConfig& config, const char* name)
{
    auto it = config.keywordLists.find(name);
    return it == config.keywordLists.end() ? kNoKeywords : it->second;
}

std::string asciiLower(std::string_view text)
{
    std::string lowered(text);
    for (char& c : lowered) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return lowered;
}

/// One piece of evidence inside a parcel.
struct Evidence {
    std::string label;  // what the reason names: the feature's name or its use
    double weightM2 = 0;
    bool isBuilding = false;
    std::optional<RenewalType> type;
};

/// The use tokens of a facility: its category and every value of its tag
/// ("tilezen_kind=restaurant;kind_detail=chinese" -> restaurant, chinese).
std::vector<std::string> facilityUses(const Facility& facility)
{
    std::vector<std::string> uses;
    if (!facility.category.empty())
        uses.push_back(asciiLower(facility.category));
    std::string_view tag = facility.tag;
    while (!tag.empty()) {
        const std::size_t end = std::min(tag.find(';'), tag.size());
        std::string_view part = tag.substr(0, end);
        const std::size_t equals = part.find('=');
        if (equals != std::string_view::npos)
            part = part.substr(equals + 1);
        if (!part.empty())
            uses.push_back(asciiLower(part));
        tag = end < tag.size() ? tag.substr(end + 1) : std::string_view();
    }
    return uses;
}

std::optional<RenewalType> classify(const std::string& name, const std::vector<std::string>& uses,
                                    const MethodConfig& config)
{
    for (const KeywordRule& rule : kKeywordRules) {
        for (const std::string& entry : keywordList(config, rule.list)) {
            const bool hit = rule.subject == Subject::Name
                                 ? !name.empty() && matchesKeyword(name, entry)
                                 : std::find(uses.begin(), uses.end(), asciiLower(entry))
                                       != uses.end();
            if (hit)
                return rule.type;
        }
    }
    return std::nullopt;
}

bool isIgnored(const Facility& facility, const MethodConfig& config)
{
    const std::string category = asciiLower(facility.category);
    for (const std::string& entry : keywordList(config, kIgnoredCategories)) {
        if (category == asciiLower(entry))
            return true;
    }
    return false;
}

std::optional<Point> centroidOf(const MultiPolygon& geometry)
{
    if (bg::is_empty(geometry))
        return std::nullopt;
    Point centre;
    try {
        bg::centroid(geometry, centre);
    } catch (const bg::centroid_exception&) {
        return std::nullopt;
    }
    return centre;
}

/// A parcel's geometry with its bounding box, to skip far features cheaply.
struct ParcelArea {
    const MultiPolygon& geometry;
    Box bounds;

    bool contains(const Point& point) const
    {
        return bg::covered_by(point, bounds) && bg::covered_by(point, geometry);
    }
};

/// The parcel's bounding box. Written out because bg::envelope on a multi-polygon trips GCC 12's
/// maybe-uninitialized warning at -O3, and warnings are errors.
Box boundsOf(const MultiPolygon& geometry)
{
    double minX = HUGE_VAL, minY = HUGE_VAL, maxX = -HUGE_VAL, maxY = -HUGE_VAL;
    for (const Polygon& polygon : geometry) {
        for (const Point& point : polygon.outer()) {
            minX = std::min(minX, point.x());
            minY = std::min(minY, point.y());
            maxX = std::max(maxX, point.x());
            maxY = std::max(maxY, point.y());
        }
    }
    return Box(Point(minX, minY), Point(maxX, maxY));
}

/// Centroids computed once per project, not once per parcel.
struct FeatureCentroids {
    std::vector<std::optional<Point>> buildings;
    std::vector<std::optional<Point>> green;
};

FeatureCentroids centroidsOf(const Project& project)
{
    FeatureCentroids centroids;
    for (const Building& building : project.buildings)
        centroids.buildings.push_back(centroidOf(building.footprint));
    for (const GreenSpace& space : project.green)
        centroids.green.push_back(centroidOf(space.geometry));
    return centroids;
}

std::vector<Evidence> collectEvidence(const ParcelArea& parcel, const Project& project,
                                      const FeatureCentroids& centroids, double facilityWeightM2)
{
    const MethodConfig& config = project.config;
    std::vector<Evidence> evidence;
    for (std::size_t i = 0; i < project.buildings.size(); ++i) {
        if (!centroids.buildings[i] || !parcel.contains(*centroids.buildings[i]))
            continue;
        const Building& building = project.buildings[i];
        Evidence item;
        item.isBuilding = true;
        item.weightM2 = std::abs(bg::area(building.footprint));
        item.type = classify(building.name, {asciiLower(building.use)}, config);
        item.label = !building.name.empty() ? building.name : "building=" + building.use;
        evidence.push_back(std::move(item));
    }
    for (const Facility& facility : project.facilities) {
        if (isIgnored(facility, config) || !parcel.contains(facility.location))
            continue;
        const std::vector<std::string> uses = facilityUses(facility);
        Evidence item;
        item.weightM2 = facilityWeightM2;
        item.type = classify(facility.name, uses, config);
        item.label = !facility.name.empty() ? facility.name
                     : !uses.empty()        ? uses.back()
                                            : std::string("facility");
        evidence.push_back(std::move(item));
    }
    for (std::size_t i = 0; i < project.green.size(); ++i) {
        const GreenSpace& space = project.green[i];
        if (space.name.empty() || !centroids.green[i] || !parcel.contains(*centroids.green[i]))
            continue;
        Evidence item;
        item.weightM2 = facilityWeightM2;
        item.type = classify(space.name, {}, config);
        item.label = space.name;
        evidence.push_back(std::move(item));
    }
    return evidence;
}

std::string percent(double share)
{
    return std::to_string(static_cast<int>(std::lround(share * 100.0))) + " %";
}

std::string squareMetres(double areaM2)
{
    return std::to_string(static_cast<long long>(std::llround(areaM2))) + " m²";
}

/// "a, b, c and 4 more" from the labels of the items of TYPE, heaviest first; a label that
/// occurs several times is named once with its count ("building=apartments ×3").
std::string labelsOf(const std::vector<Evidence>& evidence, RenewalType type, bool buildings)
{
    std::vector<std::pair<std::string, int>> labels;
    for (const Evidence& item : evidence) {
        if (item.type != type || item.isBuilding != buildings)
            continue;
        auto it = std::find_if(labels.begin(), labels.end(),
                               [&](const auto& entry) { return entry.first == item.label; });
        if (it == labels.end())
            labels.emplace_back(item.label, 1);
        else
            ++it->second;
    }
    constexpr std::size_t kShown = 4;
    std::string text;
    for (std::size_t i = 0; i < labels.size() && i < kShown; ++i) {
        if (i > 0)
            text += ", ";
        text += labels[i].first;
        if (labels[i].second > 1)
            text += " ×" + std::to_string(labels[i].second);
    }
    if (labels.size() > kShown)
        text += " and " + std::to_string(labels.size() - kShown) + " more";
    return text;
}

/// Plain words for what supports TYPE: footprint named by use or name, then places.
std::string explain(const std::vector<Evidence>& evidence, RenewalType type)
{
    double typedFootprintM2 = 0;
    double footprintM2 = 0;
    for (const Evidence& item : evidence) {
        if (!item.isBuilding)
            continue;
        footprintM2 += item.weightM2;
        if (item.type == type)
            typedFootprintM2 += item.weightM2;
    }
    std::string text;
    const std::string buildings = labelsOf(evidence, type, true);
    if (!buildings.empty()) {
        text += "buildings " + buildings + " (" + squareMetres(typedFootprintM2) + " of "
                + squareMetres(footprintM2) + " footprint)";
    }
    const std::string places = labelsOf(evidence, type, false);
    if (!places.empty())
        text += (text.empty() ? "" : "; ") + std::string("places ") + places;
    return text;
}

TypeSuggestion decide(const std::vector<Evidence>& evidence, double minShare)
{
    std::array<double, std::size(kAllRenewalTypes)> weightM2{};
    double totalM2 = 0;
    for (const Evidence& item : evidence) {
        // Untyped buildings dilute the shares (they are fabric whose use is unknown); untyped
        // points (toilets, parking, viewpoints) say nothing about the block and do not.
        if (item.isBuilding || item.type)
            totalM2 += item.weightM2;
        if (item.type)
            weightM2[static_cast<std::size_t>(*item.type)] += item.weightM2;
    }
    if (totalM2 <= 0) {
        return {RenewalType::Residential,
                "nothing inside to judge by (no buildings, typed facilities or named places); "
                "residential by default"};
    }

    std::array<std::size_t, std::size(kAllRenewalTypes)> order{};
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return weightM2[a] > weightM2[b]; });
    const RenewalType best = kAllRenewalTypes[order[0]];
    const double bestShare = weightM2[order[0]] / totalM2;
    const double nextShare = weightM2[order[1]] / totalM2;
    const std::string bestWords = explain(evidence, best);

    if (bestShare <= 0) {
        return {RenewalType::Residential,
                "no building use, facility or name inside points to a type; residential by "
                "default"};
    }
    if (bestShare < minShare) {
        return {RenewalType::Residential,
                "no type reaches " + percent(minShare) + " of the evidence (largest: "
                    + renewalTypeName(best) + " " + percent(bestShare) + ": " + bestWords
                    + "); residential by default"};
    }
    std::string reason = percent(bestShare) + " of the evidence: " + bestWords;
    if (nextShare > 0) {
        reason += "; next " + std::string(renewalTypeName(kAllRenewalTypes[order[1]])) + " "
                  + percent(nextShare);
    }
    return {best, reason};
}

} // namespace

bool matchesKeyword(const std::string& text, const std::string& pattern)
{
    std::string_view word = pattern;
    const bool atStart = !word.empty() && word.front() == '^';
    if (atStart)
        word.remove_prefix(1);
    const bool atEnd = !word.empty() && word.back() == '$';
    if (atEnd)
        word.remove_suffix(1);
    if (word.empty())
        return false;

    const std::string haystack = asciiLower(text);
    const std::string needle = asciiLower(word);
    if (atStart && atEnd)
        return haystack == needle;
    if (atStart)
        return haystack.starts_with(needle);
    if (atEnd)
        return haystack.ends_with(needle);
    return haystack.find(needle) != std::string::npos;
}

std::vector<TypeSuggestion> suggestRenewalTypes(const Project& project)
{
    const double facilityWeightM2 = project.config.parameters.value("rule.type.facility_weight_m2");
    const double minShare = project.config.parameters.value("rule.type.min_share");
    const FeatureCentroids centroids = centroidsOf(project);

    std::vector<TypeSuggestion> suggestions;
    suggestions.reserve(project.parcels.size());
    for (const Parcel& parcel : project.parcels) {
        if (bg::is_empty(parcel.geometry)) {
            suggestions.push_back({RenewalType::Residential,
                                   "the parcel has no geometry; residential by default"});
            continue;
        }
        const ParcelArea area{parcel.geometry, boundsOf(parcel.geometry)};
        const std::vector<Evidence> evidence =
            collectEvidence(area, project, centroids, facilityWeightM2);
        suggestions.push_back(decide(evidence, minShare));
    }
    return suggestions;
}

} // namespace greenrenew::core
