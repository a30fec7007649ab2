// Team edits that add and remove rows of the real sample's parcels table on the test server:
// the ids two sessions reserve for new parcels never meet, a split (one row deleted, two
// inserted) whose connection drops before COMMIT leaves the table whole and the edit queued,
// and hostile field names and values in a new row inject nothing.

#include "gis/postgis_edit_session.h"
#include "gis/postgis_project.h"
#include "postgis_test_support.h"

namespace greenrenew::gis {
namespace {

using pgtest::kSamplePath;
using pgtest::PostgisTest;

class TeamEditingRowsTest : public pgtest::SampleInPostgisTest {
protected:
    std::string parcels() { return quotedSchema() + ".parcels"; }
};

/// A new row FID: a 10 m square whose south-west corner is (X, Y).
TeamChange squareRow(long long fid, double x, double y)
{
    TeamChange change;
    change.kind = TeamChangeKind::Insert;
    change.fid = fid;
    change.values["parcel_id"] = std::to_string(fid);
    change.values[kSourceIdsColumn] = "3";
    const std::string sw = std::to_string(x) + " " + std::to_string(y);
    change.geometryWkt = "MULTIPOLYGON(((" + sw + "," + std::to_string(x) + " "
                         + std::to_string(y + 10) + "," + std::to_string(x + 10) + " "
                         + std::to_string(y + 10) + "," + std::to_string(x + 10) + " "
                         + std::to_string(y) + "," + sw + ")))";
    return change;
}

TEST_F(TeamEditingRowsTest, IdBlocksOfTwoSessionsNeverOverlapAndStartAboveEveryRow)
{
    auto other = PgConnection::open(m_location);
    ASSERT_TRUE(other.ok());
    auto mine = PgTeamTable::open(connection(), m_schema, QStringLiteral("parcels"));
    auto theirs = PgTeamTable::open(other.value(), m_schema, QStringLiteral("parcels"));
    ASSERT_TRUE(mine.ok() && theirs.ok());
    const long long maxFid = std::stoll(scalar("SELECT max(fid) FROM " + parcels()));

    auto first = mine.value().reserveParcelIds(1);
    auto second = theirs.value().reserveParcelIds(1);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_GT(first.value(), maxFid);
    EXPECT_GE(std::llabs(second.value() - first.value()), kParcelIdBlock);
    // A floor above the sequence moves it up: ids of rows another tool added stay free.
    auto raised = mine.value().reserveParcelIds(5'000'000);
    ASSERT_TRUE(raised.ok());
    EXPECT_EQ(raised.value(), 5'000'000);
    auto after = theirs.value().reserveParcelIds(1);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after.value(), 5'000'000 + kParcelIdBlock);
}

TEST_F(TeamEditingRowsTest, ConnectionDroppedDuringASplitLeavesTheTableWholeAndTheSplitQueued)
{
    auto killerConnection = PgConnection::open(m_location);
    ASSERT_TRUE(killerConnection.ok());
    PgConnection& killer = killerConnection.value();
    auto table = PgTeamTable::open(connection(), m_schema, QStringLiteral("parcels"));
    ASSERT_TRUE(table.ok());
    auto ids = table.value().reserveParcelIds(1);
    ASSERT_TRUE(ids.ok());
    const long long a = ids.value();
    const long long b = a + 1;
    TeamChange removed;
    removed.kind = TeamChangeKind::Delete;
    removed.fid = 3;
    removed.baseVersion = 1;
    TeamEditSession session(table.value());
    session.add({removed, squareRow(a, 355400, 3458300), squareRow(b, 355410, 3458300)});

    const int victim = connection().backendPid();
    auto dropped = session.saveAll([&] {
        killer.exec("terminate", "SELECT pg_terminate_backend($1, 10000)",
                    {std::to_string(victim)});
    });
    ASSERT_FALSE(dropped.ok());
    EXPECT_EQ(dropped.error().operation, "commit save");

    // Row 3 still there as version 1, neither new row, nothing in the history; the split
    // still queued whole.
    const std::string where = " FROM " + parcels() + " WHERE fid IN (3, " + std::to_string(a)
                              + ", " + std::to_string(b) + ")";
    EXPECT_EQ(scalar(killer, "SELECT string_agg(fid || ' v' || gr_version, ';')" + where),
              "3 v1");
    EXPECT_EQ(scalar(killer, "SELECT count(*) FROM " + quotedSchema() + ".gr_parcel_history"),
              "0");
    ASSERT_EQ(session.pending().size(), 1u);
    EXPECT_EQ(session.pending().front().size(), 3u);

    // Reconnected, the same queue saves: row 3 gone to the history, two 10 x 10 m squares.
    ASSERT_TRUE(connection().reconnect().ok());
    auto saved = session.saveAll();
    ASSERT_TRUE(saved.ok()) << saved.error().describe();
    EXPECT_EQ(scalar("SELECT string_agg(fid || ' v' || gr_version || ' '"
                                   " || round(ST_Area(geom)) || ' from ' || gr_source_ids, ';'"
                                   " ORDER BY fid)" + where),
              std::to_string(a) + " v1 100 from 3;" + std::to_string(b) + " v1 100 from 3");
    EXPECT_EQ(scalar("SELECT kind || ' v' || version FROM " + quotedSchema()
                     + ".gr_parcel_history WHERE fid = 3"),
              "deleted v1");
    EXPECT_TRUE(session.pending().empty());
}

TEST_F(PostgisTest, HostileFieldNameAndValueOfANewRowInjectNothing)
{
    auto exported = exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath), connection(),
                                              m_schema);
    ASSERT_TRUE(exported.ok()) << exported.error().describe();
    const std::string field = "name\"); DROP TABLE spatial_ref_sys; --";
    const std::string self = connection().quoteIdentifier(m_schema.toStdString()) + ".parcels";
    ASSERT_TRUE(connection().exec("add column", "ALTER TABLE " + self + " ADD COLUMN "
                                                    + connection().quoteIdentifier(field)
                                                    + " text").ok());
    auto table = PgTeamTable::open(connection(), m_schema, QStringLiteral("parcels"));
    ASSERT_TRUE(table.ok()) << table.error().describe();
    auto id = table.value().reserveParcelIds(1);
    ASSERT_TRUE(id.ok());
    TeamChange added = squareRow(id.value(), 355400, 3458300);
    const std::string value = "x'); DELETE FROM parcels; --";
    added.values[field] = value;
    auto saved = table.value().save({added});
    ASSERT_TRUE(saved.ok()) << saved.error().describe();

    auto read = table.value().read(id.value());
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.value().values.at(field).value_or(""), value);
    auto srs = connection().exec("check", "SELECT count(*) FROM spatial_ref_sys");
    ASSERT_TRUE(srs.ok());
    EXPECT_GT(std::stoi(srs.value().front().at(0).value_or("0")), 1000);
    auto rows = connection().exec("check", "SELECT count(*) > 1 FROM " + self);
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows.value().front().at(0).value_or(""), "t");
}

} // namespace
} // namespace greenrenew::gis
