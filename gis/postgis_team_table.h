#pragma once

// A PostGIS layer (the parcels) edited by several designers at once. Every row carries a
// version (column gr_version); an edit is saved as one transaction that first locks and checks
// the versions the designer started from, so an edit made on a version someone else has since
// replaced is detected, not written over. Every row version an edit replaces is first copied
// into the schema's gr_parcel_history table, so nothing is ever lost. Names are quoted
// identifiers and values are bound parameters: no layer or field name or value becomes SQL.

#include "core/result.h"
#include "gis/postgis_connection.h"

#include <QString>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace greenrenew::gis {

/// Field name -> value as text (std::nullopt: NULL).
using PgValues = std::map<std::string, std::optional<std::string>>;

/// One row as the database holds it.
struct TeamRecord {
    long long fid = 0;
    long long version = 0;  // 0: the row no longer exists
    PgValues values;
    std::string geometryWkt;  // empty: no geometry
};

/// What a change does to its row: rewrites some of its fields, adds it (a parcel drawn, or
/// made by a split or merge, or one brought back by an undo) or removes it.
enum class TeamChangeKind { Update, Insert, Delete };

/// One parcel's change within an edit. Update: the fields changed (others untouched) and,
/// when the shape changed, the new geometry as WKT in the layer's CRS. Insert: every field of
/// the new row and its geometry (baseVersion 0: the row must not exist yet). Delete: only fid
/// and baseVersion.
struct TeamChange {
    long long fid = 0;
    long long baseVersion = 0;  // the version the designer edited (0: no row)
    PgValues values;
    std::optional<std::string> geometryWkt;
    TeamChangeKind kind = TeamChangeKind::Update;
};

/// Whether EDIT adds or removes rows (a split, merge, draw or delete, or an undo of one).
bool changesRows(const std::vector<TeamChange>& edit);

/// How many consecutive parcel ids one request to the database reserves (see
/// PgTeamTable::reserveParcelIds).
inline constexpr long long kParcelIdBlock = 1000;

/// A change that met a newer version: the designer's and the one now in the database.
struct TeamConflict {
    TeamChange mine;
    TeamRecord theirs;
};

struct TeamSaveOutcome {
    /// Empty when the edit was saved; otherwise nothing of the edit was written.
    std::vector<TeamConflict> conflicts;
    /// fid -> version after the save (when saved; 0 for a row deleted).
    std::map<long long, long long> versions;
    bool saved() const { return conflicts.empty(); }
};

/// Called inside the save's transaction after the rows were written and before COMMIT (a
/// seam for tests that drop the connection right there).
using BeforeCommit = std::function<void()>;

class PgTeamTable {
public:
    /// Prepares TABLE of SCHEMA for team editing (adds gr_version, gr_source_ids, the
    /// sequence of new parcel ids and gr_parcel_history when missing; all idempotent) and
    /// reads its columns and their types.
    static core::Result<PgTeamTable> open(PgConnection& connection, const QString& schema,
                                          const QString& table);

    /// The row FID as it is now (version 0 when it does not exist).
    core::Result<TeamRecord> read(long long fid);

    /// Saves one edit (all its changes) in one transaction; conflicts leave the database
    /// untouched. A failure (server gone, bad value) rolls back what the server had not
    /// committed and is returned as an error naming table and feature.
    core::Result<TeamSaveOutcome> save(const std::vector<TeamChange>& edit,
                                       const BeforeCommit& beforeCommit = {});

    /// The first of kParcelIdBlock consecutive ids no other designer's session gets, for new
    /// parcels (used as both fid and parcel id of their rows); the block starts at ATLEAST or
    /// above, and above every fid of the table.
    core::Result<long long> reserveParcelIds(long long atLeast);

    /// Records a change the designer chose to drop in favour of the other version, so even
    /// the discarded version stays in gr_parcel_history.
    core::Result<bool> recordDiscarded(const TeamChange& change);

    /// The channel on which a committed save announces {"schema", "table", "fids"} (JSON).
    std::string notifyChannel() const;

    const QString& table() const { return m_table; }
    const QString& schema() const { return m_schema; }
    /// The geometry column ("" when none) and the attribute columns, in table order.
    const std::string& geometryColumn() const { return m_geometryColumn; }
    const std::vector<std::string>& columns() const { return m_columns; }
    /// The table's name quoted and qualified by its schema, for SQL.
    std::string qualifiedTable() const { return qualified(m_table.toStdString()); }
    PgConnection& connection() { return *m_connection; }

private:
    PgTeamTable() = default;
    std::string qualified(const std::string& name) const;
    core::Error error(const char* operation, std::optional<long long> fid,
                      const std::string& message) const;
    core::Result<std::vector<TeamConflict>> lockAndCheck(const std::vector<TeamChange>& edit);
    core::Result<long long> writeChange(const TeamChange& change);
    core::Result<long long> updateRow(const TeamChange& change);
    core::Result<long long> insertRow(const TeamChange& change);
    core::Result<long long> deleteRow(const TeamChange& change);
    core::Result<bool> keepInHistory(long long fid, const char* kind);
    std::string valueExpression(const std::string& column, std::size_t parameter) const;
    core::Result<bool> prepareIdSequence();

    PgConnection* m_connection = nullptr;
    QString m_schema;
    QString m_table;
    std::string m_geometryColumn;  // empty: no geometry column
    std::vector<std::string> m_columns;  // attribute columns (no fid, version or geometry)
    std::map<std::string, std::string> m_columnTypes;  // column -> its SQL data type
};

} // namespace greenrenew::gis
