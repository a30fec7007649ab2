#pragma once

// The method's numbers as plain values. gis/ loads them from resources/*.json (each entry with
// value, unit, year, source, note); a project may override any of them. Nothing here is a
// default in code: a missing value is an error the loader reports.

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace greenrenew::core {

enum class RenewalType;

/// One number of the method with where it comes from.
struct SourcedValue {
    double value = 0.0;
    std::string unit;
    std::optional<int> year;
    std::string source;  // standard and clause, statistical release or paper
    std::string note;    // e.g. "unverified: ..." when parameters.md marks it [M]
};

/// Thrown by ParameterSet::at() for a key no resource file provides: a broken invariant of
/// the shipped resources, caught at the application boundary.
class MissingParameter : public std::out_of_range {
public:
    explicit MissingParameter(const std::string& key)
        : std::out_of_range("missing method parameter: " + key) {}
};

/// Flat store of sourced values keyed by dotted names, e.g. "walk.speed_m_per_min".
struct ParameterSet {
    std::map<std::string, SourcedValue> values;

    const SourcedValue& at(const std::string& key) const
    {
        auto it = values.find(key);
        if (it == values.end())
            throw MissingParameter(key);
        return it->second;
    }
    double value(const std::string& key) const { return at(key).value; }
    bool contains(const std::string& key) const { return values.count(key) != 0; }
};

/// Planning control values for one renewal type and storey class (GB 50180-2018 Table 4.0.2
/// for residential blocks; regulatory-plan defaults for the other types).
struct FormControl {
    std::string heightClass;  // e.g. "multi_storey_1"
    double minMeanFloors = 0; // the class covers mean floors in [minMeanFloors, maxMeanFloors]
    double maxMeanFloors = 0;
    std::optional<double> farMin;
    std::optional<double> farMax;
    std::optional<double> densityMax;
    std::optional<double> greenMin;
    std::optional<double> heightMaxM;
    std::string source;
};

/// A walking life circle and the facility types residents should reach within it.
struct LifeCircle {
    std::string id;        // "5min", "10min", "15min"
    double radiusM = 0;    // walk distance of the standard
    double minutes = 0;
    std::vector<std::string> requiredTypes;  // standard facility type ids
    std::string source;
};

/// Maps a data set's facility category or tag to a standard facility type id.
struct FacilityMapping {
    std::string match;         // "amenity=kindergarten", "幼儿园", "daily_market", ...
    std::string facilityType;  // "kindergarten", "fresh_market", ...
};

struct FacilityType {
    std::string id;
    std::string nameEn;
    std::string nameZh;
};

/// An intervention technique of the method's Table 2 for one index.
struct InterventionSpec {
    std::string index;      // one of the 13 index ids
    std::string technique;  // stable id, e.g. "rooftop_pv"
    std::string nameEn;
    std::string nameZh;
    std::string source;
};

struct MethodConfig {
    ParameterSet parameters;
    std::map<std::string, std::vector<FormControl>> formControls;  // keyed by renewal type name
    std::vector<LifeCircle> lifeCircles;
    std::vector<FacilityType> facilityTypes;
    std::vector<FacilityMapping> facilityMappings;
    std::vector<InterventionSpec> interventions;
    /// Named keyword lists for rules that read names and tags (resources' "keyword_lists"),
    /// e.g. "historic.names_strong" -> {"豫园", "城隍", ...}.
    std::map<std::string, std::vector<std::string>> keywordLists;
};

} // namespace greenrenew::core
