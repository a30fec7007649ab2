#pragma once

// The project model: every layer in one metric CRS. Plain values, no Qt, no GDAL.

#include "core/elevation_grid.h"
#include "core/geometry.h"
#include "core/method_config.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace greenrenew::core {

using FeatureId = std::int64_t;

enum class RenewalType { Residential, Commercial, Factory, HistoricBlock };

/// Stable snake_case name of a renewal type ("residential", "historic_block", ...).
const char* renewalTypeName(RenewalType type);
/// Parses a stable name; std::nullopt when the text names no type.
std::optional<RenewalType> renewalTypeFromName(const std::string& name);
inline constexpr RenewalType kAllRenewalTypes[] = {RenewalType::Residential,
    RenewalType::Commercial, RenewalType::Factory, RenewalType::HistoricBlock};

/// Source attributes of a feature as text, keyed by the source field name.
using Attributes = std::map<std::string, std::string>;

struct Parcel {
    FeatureId id = 0;
    MultiPolygon geometry;
    RenewalType type = RenewalType::Residential;
    std::string name;
    /// The parcel's code in the designer's data (a regulatory plan's DKBH, 地块编号), kept as
    /// written so results join back to the source; empty when the data has none.
    std::string code;
    /// Why the renewal type was chosen (a rule's explanation or "set by the designer").
    std::string typeReason;
    Attributes attributes;
    /// Parcels this one came from after a split or merge; empty for imported parcels.
    std::vector<FeatureId> sourceIds;
};

struct Building {
    FeatureId id = 0;
    MultiPolygon footprint;
    std::optional<double> floors;   // above-ground storeys as recorded in the data
    std::optional<double> heightM;  // height in metres as recorded in the data
    std::string use;                // OSM building tag or a land-use text
    std::string name;
};

struct GreenSpace {
    FeatureId id = 0;
    MultiPolygon geometry;
    std::string kind;  // park, grass, forest, garden, ...
    std::string name;
};

struct Street {
    FeatureId id = 0;
    MultiLineString geometry;
    std::string highway;  // OSM highway class where known
    bool walkable = true;
    std::string name;
};

struct Facility {
    FeatureId id = 0;
    Point location;
    std::string category;  // the data set's own category (OSM tag value, POI class, ...)
    std::string tag;       // a more specific tag, e.g. "amenity=kindergarten"
    std::string name;
};

struct Project {
    /// The metric CRS of every layer, as WKT (core only carries it; gis interprets it).
    std::string crsWkt;
    std::string crsName;
    std::string attribution;  // data attribution shown on maps and reports
    std::vector<Parcel> parcels;
    std::vector<Building> buildings;
    std::vector<GreenSpace> green;
    std::vector<Street> streets;
    std::vector<Facility> facilities;
    /// Ground heights from a user-supplied DEM; when set, walk times follow the slope.
    std::shared_ptr<const ElevationGrid> elevation;
    MethodConfig config;
};

} // namespace greenrenew::core
