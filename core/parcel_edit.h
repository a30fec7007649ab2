#pragma once

// Editing parcels: pure geometry operations on core values (move, add and delete a vertex,
// split by a line, merge, reshape), the attribute rules that say what the new parcels inherit,
// and the topology check that keeps parcels from overlapping their neighbours or leaving
// slivers. No Qt: the desktop wraps each operation in an undo command.
//
// Every operation returns the parcels as they would be after the edit, or an Error saying why
// it was refused; nothing is changed in place. A ParcelChange then carries the edit into a
// Project and back out again (undo).

#include "core/geometry.h"
#include "core/model.h"
#include "core/result.h"

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace greenrenew::core {

/// One vertex of a parcel's geometry: polygon `polygon`, ring `ring` (-1 for the outer ring,
/// else the index of a hole) and position `vertex` in that ring (the closing repeat of the
/// first point is not addressable on its own: moving vertex 0 moves both).
struct VertexRef {
    std::size_t polygon = 0;
    int ring = -1;
    std::size_t vertex = 0;
};

/// What new parcels inherit on split and merge. The defaults follow the method: extensive
/// figures (areas, counts) split in proportion to area and add up on merge; everything else
/// is copied on split and taken from the larger part on merge.
struct AttributeRules {
    /// Attribute keys holding extensive figures. A key listed here whose value is not a number
    /// is copied like any other.
    std::set<std::string> proportionalKeys = {"area", "area_m2", "population", "households",
        "dwellings", "buildings", "building_count", "floor_area_m2", "jobs"};
    /// On merge: the renewal type (and name) of the larger part (true) or of the first (false).
    bool typeFromLargerPart = true;
};

/// Limits of the topology check, in metres and square metres of the project CRS.
struct TopologyRules {
    /// An overlap with a neighbour larger than this is an error.
    double overlapToleranceM2 = 0.01;
    /// A piece of a parcel (or a gap left to a neighbour) smaller than this is a sliver.
    double sliverAreaM2 = 1.0;
    /// Overlaps are repaired by cutting the edited parcel back to its neighbours instead of
    /// refusing the edit.
    bool repairOverlaps = false;
    /// The designer allows overlaps: the check reports but never refuses.
    bool allowOverlaps = false;
};

/// Area of a parcel geometry in square metres (holes excluded).
double parcelAreaM2(const MultiPolygon& geometry);

/// The parcel with one vertex moved to `to`. Refused when the vertex does not exist or the
/// ring would cross itself.
Result<Parcel> moveVertex(const Parcel& parcel, const VertexRef& vertex, const Point& to);
/// The parcel with a new vertex `at` inserted before position `before.vertex` of the ring
/// (so between vertex - 1 and vertex). Refused when the ring would cross itself.
Result<Parcel> insertVertex(const Parcel& parcel, const VertexRef& before, const Point& at);
/// The parcel without one vertex. Refused when the ring would keep fewer than 3 corners.
Result<Parcel> deleteVertex(const Parcel& parcel, const VertexRef& vertex);
/// The parcel with a new geometry drawn by the designer (reshape); made valid, refused when
/// nothing polygonal is left.
Result<Parcel> reshapeParcel(const Parcel& parcel, const MultiPolygon& geometry);

/// Cuts a parcel by a line drawn across it. The pieces get ids firstNewId, firstNewId + 1, ...
/// (largest piece first), sourceIds = {parcel.id}, the parcel's type and name, and attributes
/// under `rules`. Refused when the line does not cut the parcel into at least two pieces, or
/// when a piece would be a sliver (smaller than topology.sliverAreaM2).
Result<std::vector<Parcel>> splitParcel(const Parcel& parcel, const LineString& cut,
                                        FeatureId firstNewId, const AttributeRules& rules = {},
                                        const TopologyRules& topology = {});

/// Unites parcels into one with id newId and sourceIds = their ids. Refused for fewer than
/// two parcels or when they do not touch or overlap (a merge across a street is a mistake).
Result<Parcel> mergeParcels(const std::vector<Parcel>& parcels, FeatureId newId,
                            const AttributeRules& rules = {});

/// A topology problem found around one edited parcel.
struct TopologyIssue {
    enum class Kind { Overlap, Sliver, Invalid };
    Kind kind = Kind::Overlap;
    FeatureId otherId = 0;  // the neighbour concerned (Overlap), else 0
    double areaM2 = 0;
    std::string message;
};

struct TopologyReport {
    std::vector<TopologyIssue> issues;
    /// The parcel as repaired (overlaps cut away) when rules.repairOverlaps was set.
    Parcel repaired;
    bool refused = false;
    /// One line for the designer: what was found and whether it was refused or repaired.
    std::string summary() const;
};

/// Checks `edited` against `neighbours` (parcels of the project other than those replaced by
/// the edit): overlaps beyond rules.overlapToleranceM2, pieces smaller than rules.sliverAreaM2
/// and invalid geometry. Refuses (report.refused) on any issue unless the rules allow or
/// repair it.
TopologyReport checkTopology(const Parcel& edited, const std::vector<const Parcel*>& neighbours,
                             const TopologyRules& rules = {});

/// A change to a project's parcels: `before` replaced by `after`. Apply and revert are exact
/// inverses, parcel order included.
struct ParcelChange {
    std::string description;        // "split parcel 7", "move vertex of parcel 3", ...
    std::vector<Parcel> before;
    std::vector<Parcel> after;
    /// Positions the `before` parcels had in project.parcels, filled by the first apply.
    std::vector<std::size_t> beforePositions;

    /// The ids concerned on either side (the dirty parcels of the edit).
    std::vector<FeatureId> touchedIds() const;
};

/// Replaces the `before` parcels by the `after` ones (at the first before's position, else at
/// the end). Returns false, changing nothing, when a `before` parcel is not in the project.
bool applyChange(Project& project, ParcelChange& change);
/// Undoes applyChange(): the `before` parcels come back at their old positions.
bool revertChange(Project& project, const ParcelChange& change);

/// The next free parcel id (one above the largest in use).
FeatureId nextParcelId(const Project& project);

} // namespace greenrenew::core
