// Several designers on one PostGIS project: two sessions edit the same parcel of the real
// sample, the second save is refused as a conflict showing both versions, the designer keeps
// theirs and nothing is lost; a hostile layer and field name inject nothing; a connection
// dropped in the middle of a save leaves the database as it was and the edit in memory.

#include "gis/postgis_edit_session.h"
#include "gis/postgis_project.h"
#include "postgis_test_support.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QTemporaryDir>

namespace greenrenew::gis {
namespace {

using pgtest::kSamplePath;
using pgtest::PostgisTest;

class TeamEditingTest : public pgtest::SampleInPostgisTest {
protected:
    PgConnection secondConnection()
    {
        auto other = PgConnection::open(m_location);
        EXPECT_TRUE(other.ok());
        return std::move(other.value());
    }
};

TeamChange renameParcel(long long fid, long long baseVersion, const std::string& name)
{
    TeamChange change;
    change.fid = fid;
    change.baseVersion = baseVersion;
    change.values["name"] = name;
    return change;
}

TEST_F(TeamEditingTest, SecondSaveOfTheSameParcelIsAConflictShowingBothVersions)
{
    PgConnection otherConnection = secondConnection();
    auto mine = PgTeamTable::open(connection(), m_schema, QStringLiteral("parcels"));
    auto theirs = PgTeamTable::open(otherConnection, m_schema, QStringLiteral("parcels"));
    ASSERT_TRUE(mine.ok()) << mine.error().describe();
    ASSERT_TRUE(theirs.ok()) << theirs.error().describe();

    // Both designers start from parcel 1 at version 1 (the export's default); its name is
    // NULL in the sample (ogrinfo -where fid=1).
    auto start = mine.value().read(1);
    ASSERT_TRUE(start.ok());
    EXPECT_EQ(start.value().version, 1);
    EXPECT_FALSE(start.value().values.at("name").has_value());

    TeamEditSession theirSession(theirs.value());
    theirSession.add({renameParcel(1, 1, "外滩源 A")});
    auto theirSave = theirSession.saveAll();
    ASSERT_TRUE(theirSave.ok()) << theirSave.error().describe();
    ASSERT_TRUE(theirSave.value().saved());
    EXPECT_EQ(theirSave.value().versions.at(1), 2);

    TeamEditSession mySession(mine.value());
    mySession.add({renameParcel(1, 1, "Bund block 1")});
    auto mySave = mySession.saveAll();
    ASSERT_TRUE(mySave.ok()) << mySave.error().describe();
    ASSERT_EQ(mySave.value().conflicts.size(), 1u);
    const TeamConflict& conflict = mySave.value().conflicts.front();
    EXPECT_EQ(conflict.mine.values.at("name").value_or(""), "Bund block 1");
    EXPECT_EQ(conflict.theirs.version, 2);
    EXPECT_EQ(conflict.theirs.values.at("name").value_or(""), "外滩源 A");
    // Refused whole: their name stands, and my edit is still queued.
    EXPECT_EQ(scalar("SELECT name FROM " + quotedSchema() + ".parcels WHERE fid = 1"),
              "外滩源 A");
    EXPECT_EQ(mySession.pending().size(), 1u);

    // The designer keeps their own name: saved on top of version 2, theirs kept in history.
    ASSERT_TRUE(mySession.resolve(1, TeamEditSession::Choice::KeepMine).ok());
    auto resolved = mySession.saveAll();
    ASSERT_TRUE(resolved.ok()) << resolved.error().describe();
    ASSERT_TRUE(resolved.value().saved());
    EXPECT_EQ(resolved.value().versions.at(1), 3);
    EXPECT_TRUE(mySession.pending().empty());
    EXPECT_EQ(scalar("SELECT name FROM " + quotedSchema() + ".parcels WHERE fid = 1"),
              "Bund block 1");
    // Nothing lost: versions 1 (NULL name) and 2 (their name) are in the history.
    EXPECT_EQ(scalar("SELECT string_agg(version || '=' || coalesce(row_json::jsonb->>'name', "
                     "'NULL'), ';' ORDER BY version) FROM "
                     + quotedSchema() + ".gr_parcel_history WHERE fid = 1"),
              "1=NULL;2=外滩源 A");
}

TEST_F(TeamEditingTest, TakingTheirVersionRecordsMineAsDiscarded)
{
    PgConnection otherConnection = secondConnection();
    auto mine = PgTeamTable::open(connection(), m_schema, QStringLiteral("parcels"));
    auto theirs = PgTeamTable::open(otherConnection, m_schema, QStringLiteral("parcels"));
    ASSERT_TRUE(mine.ok() && theirs.ok());
    ASSERT_TRUE(theirs.value().save({renameParcel(2, 1, "theirs")}).ok());
    TeamEditSession mySession(mine.value());
    mySession.add({renameParcel(2, 1, "mine")});
    ASSERT_EQ(mySession.saveAll().value().conflicts.size(), 1u);
    ASSERT_TRUE(mySession.resolve(2, TeamEditSession::Choice::TakeTheirs).ok());
    EXPECT_TRUE(mySession.pending().empty());
    EXPECT_EQ(scalar("SELECT name || ' v' || gr_version FROM " + quotedSchema()
                     + ".parcels WHERE fid = 2"),
              "theirs v2");
    EXPECT_EQ(scalar("SELECT kind || ':' || (row_json::jsonb->'values'->>'name') FROM "
                     + quotedSchema() + ".gr_parcel_history WHERE fid = 2 AND kind = "
                                        "'discarded'"),
              "discarded:mine");
}

TEST_F(TeamEditingTest, ConnectionDroppedBeforeCommitLeavesDatabaseAsItWasAndEditInMemory)
{
    PgConnection killer = secondConnection();
    auto table = PgTeamTable::open(connection(), m_schema, QStringLiteral("parcels"));
    ASSERT_TRUE(table.ok());
    TeamEditSession session(table.value());
    TeamChange change = renameParcel(3, 1, "saved after reconnect");
    change.geometryWkt = "MULTIPOLYGON(((355400 3458300,355500 3458300,355500 3458400,"
                         "355400 3458300)))";
    session.add({change});

    const int victim = connection().backendPid();
    auto dropped = session.saveAll([&] {
        // Rows written, COMMIT not yet sent: the server process goes away right here (the
        // call returns once it has gone, so this is no race).
        killer.exec("terminate", "SELECT pg_terminate_backend($1, 10000)",
                    {std::to_string(victim)});
    });
    ASSERT_FALSE(dropped.ok());
    EXPECT_EQ(dropped.error().operation, "commit save");
    EXPECT_FALSE(connection().alive());

    // The database: parcel 3 untouched (version 1, sample name NULL, area unchanged), no
    // history row; the edit: still queued with its values.
    auto rows = killer.exec("check", "SELECT gr_version, coalesce(name, 'NULL'), "
                                     "round(ST_Area(geom)) FROM " + quotedSchema()
                                     + ".parcels WHERE fid = 3");
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows.value().front().at(0).value_or(""), "1");
    EXPECT_EQ(rows.value().front().at(1).value_or(""), "NULL");
    EXPECT_NE(rows.value().front().at(2).value_or(""), "5000");
    auto history = killer.exec("check", "SELECT count(*) FROM " + quotedSchema()
                                            + ".gr_parcel_history");
    EXPECT_EQ(history.value().front().at(0).value_or(""), "0");
    ASSERT_EQ(session.pending().size(), 1u);
    EXPECT_EQ(session.pending().front().front().values.at("name").value_or(""),
              "saved after reconnect");

    // Reconnected, the same queue saves; the triangle's area is 100 x 100 / 2 = 5000 m².
    ASSERT_TRUE(connection().reconnect().ok());
    auto saved = session.saveAll();
    ASSERT_TRUE(saved.ok()) << saved.error().describe();
    EXPECT_TRUE(saved.value().saved());
    EXPECT_EQ(scalar("SELECT name || ' v' || gr_version || ' ' || round(ST_Area(geom)) FROM "
                     + quotedSchema() + ".parcels WHERE fid = 3"),
              "saved after reconnect v2 5000");
}

TEST_F(TeamEditingTest, OthersSeeACommittedSaveAnnouncedAndNotARolledBackOne)
{
    PgConnection otherConnection = secondConnection();
    auto mine = PgTeamTable::open(connection(), m_schema, QStringLiteral("parcels"));
    auto theirs = PgTeamTable::open(otherConnection, m_schema, QStringLiteral("parcels"));
    ASSERT_TRUE(mine.ok() && theirs.ok());
    ASSERT_TRUE(connection().listen(mine.value().notifyChannel()).ok());

    // A conflicting save writes nothing and announces nothing.
    ASSERT_TRUE(theirs.value().save({renameParcel(4, 1, "first")}).ok());
    ASSERT_FALSE(theirs.value().save({renameParcel(4, 1, "stale")}).value().saved());
    ASSERT_TRUE(theirs.value().save({renameParcel(4, 2, "second"), renameParcel(5, 1, "x")})
                    .value()
                    .saved());

    // NOTIFY is delivered at COMMIT, before the saving call returns: no wait is needed.
    ASSERT_TRUE(connection().exec("round trip", "SELECT 1").ok());
    // One channel serves every project (PgTeamTable::notifyChannel), so tests running beside
    // this one announce their saves on it too: only this schema's payloads count here.
    const std::string schema = m_schema.toStdString();
    std::vector<std::string> payloads;
    for (const std::string& payload : connection().takeNotifications())
        if (payload.find("\"schema\":\"" + schema + "\"") != std::string::npos)
            payloads.push_back(payload);
    ASSERT_EQ(payloads.size(), 2u);
    EXPECT_EQ(payloads[0],
              "{\"fids\":[4],\"schema\":\"" + schema + "\",\"table\":\"parcels\"}");
    EXPECT_EQ(payloads[1],
              "{\"fids\":[4,5],\"schema\":\"" + schema + "\",\"table\":\"parcels\"}");
    // Refreshing from the announcement shows their committed name.
    EXPECT_EQ(mine.value().read(4).value().values.at("name").value_or(""), "second");
}

/// A GeoPackage with one polygon layer whose layer and field names are SQL.
QString hostileGeoPackage(const QTemporaryDir& dir, const char* layerName, const char* field)
{
    const QString path = dir.filePath(QStringLiteral("hostile.gpkg"));
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    std::unique_ptr<GDALDataset> dataset(
        driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(32651);
    OGRLayer* layer = dataset->CreateLayer(layerName, &srs, wkbPolygon, nullptr);
    OGRFieldDefn definition(field, OFTString);
    layer->CreateField(&definition);
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetField(0, "before");
    OGRGeometry* geometry = nullptr;
    OGRGeometryFactory::createFromWkt("POLYGON((0 0,10 0,10 10,0 0))", &srs, &geometry);
    feature.SetGeometryDirectly(geometry);
    EXPECT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    return path;
}

TEST_F(PostgisTest, HostileLayerAndFieldNamesAndValuesInjectNothing)
{
    const char* layerName = "parcels\"; DROP TABLE spatial_ref_sys; --";
    const char* field = "name'); DELETE FROM \"x\"; --";
    QTemporaryDir dir;
    auto exported = exportGeoPackageToPostgis(hostileGeoPackage(dir, layerName, field),
                                              connection(), m_schema);
    ASSERT_TRUE(exported.ok()) << exported.error().describe();
    ASSERT_EQ(exported.value().tables.size(), 1);
    EXPECT_EQ(exported.value().tables.front().toStdString(), layerName);

    auto table = PgTeamTable::open(connection(), m_schema, QString::fromUtf8(layerName));
    ASSERT_TRUE(table.ok()) << table.error().describe();
    const std::string value = "x'); DROP SCHEMA public CASCADE; --";
    TeamChange change;
    change.fid = 1;
    change.baseVersion = 1;
    change.values[field] = value;
    auto saved = table.value().save({change});
    ASSERT_TRUE(saved.ok()) << saved.error().describe();

    // Stored as plain text, and the tables named in the SQL fragments are still there.
    auto read = table.value().read(1);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.value().values.at(field).value_or(""), value);
    auto rows = connection().exec("check", "SELECT count(*) FROM spatial_ref_sys");
    ASSERT_TRUE(rows.ok());
    EXPECT_GT(std::stoi(rows.value().front().at(0).value_or("0")), 1000);
    auto tables = postgisTables(connection(), m_schema);
    ASSERT_TRUE(tables.ok());
    EXPECT_TRUE(tables.value().contains(QString::fromUtf8(layerName)));
}

} // namespace
} // namespace greenrenew::gis
