#pragma once

// The bridge between the desktop's parcels (core, in the project's metric CRS, keyed by parcel
// id) and the rows of a team's parcels table in PostGIS (keyed by fid, in the table's CRS, each
// with the gr_version the designer's edits build on). It turns an edited parcel into the
// TeamChange that writes it, and another designer's row into a parcel the desktop can show.

#include "core/model.h"
#include "core/result.h"
#include "gis/postgis_team_table.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class OGRCoordinateTransformation;

namespace greenrenew::gis {

/// A parcel's edit in team terms: the change to save, and the fields the table has no column
/// for (kept in the desktop only).
struct TeamParcelChange {
    std::optional<TeamChange> change;  // nothing: the parcel is not a row of the table
    std::vector<std::string> fieldsWithoutColumn;
};

class TeamParcels {
public:
    ~TeamParcels();
    TeamParcels(TeamParcels&&) noexcept;
    TeamParcels& operator=(TeamParcels&&) noexcept;

    /// Reads fid, parcel id and version of every row of TABLE, and the CRS of its geometry;
    /// PROJECTCRSWKT is the CRS the desktop's parcels are in.
    static core::Result<TeamParcels> read(PgTeamTable& table, const std::string& projectCrsWkt);

    /// The row of the parcel with ID (its fid), if the table has one (or had one: a row
    /// deleted keeps its fid, which an undo of the deletion brings back).
    std::optional<long long> fidOf(core::FeatureId id) const;
    /// The parcel whose row is FID, if known.
    std::optional<core::FeatureId> parcelOf(long long fid) const;
    /// The parcel id that row RECORD stands for: its id column's whole number, else its fid.
    core::FeatureId parcelIdOf(const TeamRecord& record) const;
    /// Records that the parcel ID is (or will be, once saved) the row FID.
    void addRow(core::FeatureId id, long long fid);
    /// The lowest id a new parcel may take: above every parcel id and fid read.
    long long idFloor() const { return m_idFloor; }
    /// The version the designer's next edit of row FID builds on.
    long long versionOf(long long fid) const;
    void setVersion(long long fid, long long version);

    /// The change that writes AFTER over its row: the geometry when it differs from BEFORE
    /// (in the table's CRS), and the name, renewal type, planned floors and notes that
    /// differ, each into its column when the table has one.
    TeamParcelChange changeFor(const core::Parcel& before, const core::Parcel& after) const;

    /// The change that adds PARCEL as a row (a parcel drawn, made by a split or merge, or
    /// brought back by an undo): fid (the parcel's earlier row, else its id, which the
    /// database allocated), its id, name, type, type reason, planned floors, notes, the ids it
    /// came from (gr_source_ids) and every attribute the table has a column for.
    TeamChange insertFor(const core::Parcel& parcel) const;
    /// The change that removes PARCEL's row, built on the version last read or saved;
    /// nothing when the parcel has no row.
    std::optional<TeamChange> deleteFor(const core::Parcel& parcel) const;

    /// A parcel the desktop has not got yet (another designer's new row), as loading the
    /// table would read it; an error names the row when its geometry is unreadable.
    core::Result<core::Parcel> parcelFromNewRow(const TeamRecord& record) const;

    /// LIKE as the row RECORD has it (geometry in the project CRS, name, type, planned floors
    /// and notes from their columns); an error names the row when its geometry is unreadable.
    core::Result<core::Parcel> parcelFromRow(const TeamRecord& record,
                                             const core::Parcel& like) const;

private:
    TeamParcels() = default;
    const std::string& columnOf(int field) const;

    std::map<core::FeatureId, long long> m_fidOfParcel;
    std::map<long long, core::FeatureId> m_parcelOfFid;
    long long m_idFloor = 1;
    std::string m_idColumn;  // empty when the fid is the parcel id
    std::string m_reasonColumn;
    std::vector<std::string> m_columns;
    std::map<long long, long long> m_versionOfFid;
    std::string m_nameColumn;
    std::string m_typeColumn;
    std::string m_floorsColumn;
    std::string m_notesColumn;
    std::unique_ptr<OGRCoordinateTransformation> m_toTable;    // null: same CRS
    std::unique_ptr<OGRCoordinateTransformation> m_toProject;  // null: same CRS
};

} // namespace greenrenew::gis
