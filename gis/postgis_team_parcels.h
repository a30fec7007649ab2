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

    /// The row of the parcel with ID (its fid), if the table has one.
    std::optional<long long> fidOf(core::FeatureId id) const;
    /// The version the designer's next edit of row FID builds on.
    long long versionOf(long long fid) const;
    void setVersion(long long fid, long long version);

    /// The change that writes AFTER over its row: the geometry when it differs from BEFORE
    /// (in the table's CRS), and the name, renewal type, planned floors and notes that
    /// differ, each into its column when the table has one.
    TeamParcelChange changeFor(const core::Parcel& before, const core::Parcel& after) const;

    /// LIKE as the row RECORD has it (geometry in the project CRS, name, type, planned floors
    /// and notes from their columns); an error names the row when its geometry is unreadable.
    core::Result<core::Parcel> parcelFromRow(const TeamRecord& record,
                                             const core::Parcel& like) const;

private:
    TeamParcels() = default;
    const std::string& columnOf(int field) const;

    std::map<core::FeatureId, long long> m_fidOfParcel;
    std::map<long long, long long> m_versionOfFid;
    std::string m_nameColumn;
    std::string m_typeColumn;
    std::string m_floorsColumn;
    std::string m_notesColumn;
    std::unique_ptr<OGRCoordinateTransformation> m_toTable;    // null: same CRS
    std::unique_ptr<OGRCoordinateTransformation> m_toProject;  // null: same CRS
};

} // namespace greenrenew::gis
