// Team edits that add or remove parcels, saved from the desktop to the test server
// (desktop_team_editing.h): a draw, a split, a merge, a delete and the undo of a split each go
// to the parcels table as one transaction of inserted and deleted rows, new parcels take their
// ids from the database, a merge of a parcel a colleague changed is a conflict put to the
// designer, and a colleague's new and deleted parcels appear on the map. The parcels drawn
// here are rectangles east of the sample, so every area is width x height, checked by hand.

#include "core/parcel_edit.h"
#include "desktop_team_editing.h"
#include "ui/map_canvas.h"
#include "ui/parcel_id_source.h"

#include <boost/geometry.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <QTest>
#include <QUndoStack>

namespace greenrenew::gis {
namespace {

namespace bg = boost::geometry;
using pgtest::DesktopTeamEditingTest;

constexpr double kAreaToleranceM2 = 1e-6;

class TeamParcelRowsTest : public DesktopTeamEditingTest {
protected:
    void SetUp() override
    {
        DesktopTeamEditingTest::SetUp();
        if (HasFatalFailure())
            return;
        // Clear of the sample: 1 km east of its easternmost parcel.
        double east = -std::numeric_limits<double>::infinity();
        double south = std::numeric_limits<double>::infinity();
        for (const core::Parcel& parcel : session()->project()->parcels)
            for (const core::Polygon& polygon : parcel.geometry)
                for (const core::Point& corner : polygon.outer()) {
                    east = std::max(east, corner.x());
                    south = std::min(south, corner.y());
                }
        m_x0 = std::floor(east) + 1000;
        m_y0 = std::floor(south);
    }

    /// Draws a WIDTH x HEIGHT m rectangle DX m east of the free corner, as the draw tool
    /// makes it (its id from the database); its id.
    core::FeatureId drawRectangle(double dx, double width, double height)
    {
        const core::Result<core::FeatureId> id = ui::newParcelIds(*session(), 1);
        EXPECT_TRUE(id.ok()) << id.error().describe();
        core::Parcel parcel;
        parcel.id = id.value();
        parcel.typeReason = "drawn by the designer";
        const double x = m_x0 + dx;
        core::Polygon ring;
        bg::append(ring.outer(), core::Point(x, m_y0));
        bg::append(ring.outer(), core::Point(x, m_y0 + height));
        bg::append(ring.outer(), core::Point(x + width, m_y0 + height));
        bg::append(ring.outer(), core::Point(x + width, m_y0));
        bg::append(ring.outer(), core::Point(x, m_y0));
        bg::correct(ring);
        parcel.geometry = {ring};
        EXPECT_TRUE(session()->submit({"draw parcel", {}, {parcel}, {}}));
        return parcel.id;
    }

    /// Splits the parcel ID by the north-south line DX m east of the free corner, as the
    /// split tool does; the ids of the pieces, larger first.
    std::vector<core::FeatureId> split(core::FeatureId id, double dx)
    {
        const core::Parcel whole = parcel(session()->indexOf(id));
        const core::LineString line{{m_x0 + dx, m_y0 - 10}, {m_x0 + dx, m_y0 + 1000}};
        auto pieces = core::splitParcel(whole, line, 0);
        EXPECT_TRUE(pieces.ok()) << pieces.error().describe();
        const auto first = ui::newParcelIds(*session(), static_cast<int>(pieces.value().size()));
        std::vector<core::FeatureId> ids;
        for (core::Parcel& piece : pieces.value()) {
            piece.id = first.value() + static_cast<core::FeatureId>(ids.size());
            ids.push_back(piece.id);
        }
        EXPECT_TRUE(session()->submit({"split parcel", {whole}, pieces.value(), {}}));
        return ids;
    }

    std::string row(core::FeatureId id, const std::string& what)
    {
        return scalar("SELECT " + what + " FROM " + table() + " WHERE fid = "
                      + std::to_string(id));
    }
    /// WHAT of the versions of row ID that deletions kept in the history, oldest first.
    std::string deletedVersions(core::FeatureId id, const std::string& what)
    {
        return scalar("SELECT string_agg(" + what + ", ';' ORDER BY id) FROM " + schema()
                      + ".gr_parcel_history WHERE kind = 'deleted' AND fid = "
                      + std::to_string(id));
    }
    /// The parcel shown that was made from the parcels SOURCES.
    core::FeatureId madeFrom(const std::vector<core::FeatureId>& sources)
    {
        for (const core::Parcel& parcel : session()->project()->parcels)
            if (parcel.sourceIds == sources)
                return parcel.id;
        return -1;
    }
    double areaOf(core::FeatureId id) { return std::stod(row(id, "ST_Area(geom)")); }
    bool shown(core::FeatureId id) { return session()->indexOf(id) >= 0; }

    /// Draws a 100 x 60 m parcel and a 50 x 60 m one east of it and saves them; a colleague
    /// renames the western one to "Theirs"; the designer merges the two (not saved yet).
    void mergeAfterAColleagueRenamedTheWestPart()
    {
        west = drawRectangle(0, 100, 60);
        east = drawRectangle(100, 50, 60);
        ASSERT_TRUE(window.saveProject());
        colleagueRenames(west, 1, "Theirs");
        window.canvas()->setSelectedParcels({session()->indexOf(west), session()->indexOf(east)});
        window.editor()->mergeSelected();
        ASSERT_FALSE(shown(west) || shown(east));
        merged = madeFrom({west, east});
        ASSERT_TRUE(shown(merged));
    }

    double m_x0 = 0;
    double m_y0 = 0;
    core::FeatureId west = 0;
    core::FeatureId east = 0;
    core::FeatureId merged = 0;
};

TEST_F(TeamParcelRowsTest, SplitOfADrawnParcelIsSavedAndReopened)
{
    const long long sampleMaxFid = std::stoll(scalar("SELECT max(fid) FROM " + table()));
    const core::FeatureId drawn = drawRectangle(0, 100, 60);
    EXPECT_GT(drawn, sampleMaxFid);  // from the database's block, above every row
    ASSERT_TRUE(window.saveProject());
    EXPECT_EQ(row(drawn, "parcel_id || ' v' || gr_version"), std::to_string(drawn) + " v1");
    EXPECT_NEAR(areaOf(drawn), 100.0 * 60.0, kAreaToleranceM2);

    // A cut 40 m from the west side: 60 x 60 = 3,600 m² (first, larger) and 40 x 60 = 2,400.
    const std::vector<core::FeatureId> pieces = split(drawn, 40);
    ASSERT_EQ(pieces.size(), 2u);
    EXPECT_EQ(team->pendingEdits(), 1);
    ASSERT_TRUE(window.saveProject());
    EXPECT_EQ(row(drawn, "count(*)"), "0");
    EXPECT_EQ(deletedVersions(drawn, "'v' || version"), "v1");
    EXPECT_NEAR(areaOf(pieces[0]), 3600.0, kAreaToleranceM2);
    EXPECT_NEAR(areaOf(pieces[1]), 2400.0, kAreaToleranceM2);
    EXPECT_EQ(row(pieces[1], "gr_source_ids || ' v' || gr_version"),
              std::to_string(drawn) + " v1");

    // Read back from the database as a new session would.
    openFromPostgis();
    ASSERT_TRUE(shown(pieces[0]) && shown(pieces[1]));
    EXPECT_FALSE(shown(drawn));
    const core::Parcel& larger = parcel(session()->indexOf(pieces[0]));
    const core::Parcel& smaller = parcel(session()->indexOf(pieces[1]));
    EXPECT_NEAR(core::parcelAreaM2(larger.geometry) + core::parcelAreaM2(smaller.geometry),
                6000.0, kAreaToleranceM2);
    EXPECT_EQ(smaller.sourceIds, std::vector<core::FeatureId>{drawn});
}

TEST_F(TeamParcelRowsTest, UndoOfASavedSplitIsSavedToo)
{
    const core::FeatureId drawn = drawRectangle(0, 100, 60);
    ASSERT_TRUE(window.saveProject());
    const std::vector<core::FeatureId> pieces = split(drawn, 30);
    ASSERT_TRUE(window.saveProject());
    session()->undoStack()->undo();
    EXPECT_TRUE(shown(drawn));
    ASSERT_TRUE(window.saveProject());

    // The rectangle is back whole, as version 2 of its row (version 1 went to the history
    // when the split deleted it); the pieces are gone, each kept in the history.
    EXPECT_EQ(row(drawn, "gr_version"), "2");
    EXPECT_NEAR(areaOf(drawn), 6000.0, kAreaToleranceM2);
    EXPECT_EQ(deletedVersions(drawn, "'v' || version"), "v1");
    for (core::FeatureId piece : pieces) {
        EXPECT_EQ(row(piece, "count(*)"), "0");
        EXPECT_EQ(deletedVersions(piece, "'v' || version"), "v1");
    }
    EXPECT_EQ(team->pendingEdits(), 0);
}

TEST_F(TeamParcelRowsTest, MergeOfAColleaguesParcelKeepingMineSavesIt)
{
    ASSERT_NO_FATAL_FAILURE(mergeAfterAColleagueRenamedTheWestPart());
    QStringList questions;
    team->setConflictChooser([&](const QString& question) {
        questions << question;
        return TeamEditSession::Choice::KeepMine;
    });
    ASSERT_TRUE(window.saveProject());

    ASSERT_EQ(questions.size(), 1);
    EXPECT_TRUE(questions.front().contains(QStringLiteral("You removed this parcel")))
        << questions.front().toStdString();
    // 100 x 60 + 50 x 60 = 9,000 m², both parts gone, the colleague's rename kept.
    EXPECT_NEAR(areaOf(merged), 9000.0, kAreaToleranceM2);
    EXPECT_EQ(row(merged, "gr_source_ids"),
              std::to_string(west) + "," + std::to_string(east));
    EXPECT_EQ(row(west, "count(*)") + row(east, "count(*)"), "00");
    EXPECT_EQ(deletedVersions(west, "'v' || version || ' ' || (row_json::jsonb->>'name')"),
              "v2 Theirs");
    EXPECT_EQ(deletedVersions(east, "'v' || version"), "v1");
    EXPECT_EQ(team->pendingEdits(), 0);
}

TEST_F(TeamParcelRowsTest, MergeTakingTheirsUndoesItKeepingItInHistory)
{
    ASSERT_NO_FATAL_FAILURE(mergeAfterAColleagueRenamedTheWestPart());
    team->setConflictChooser([](const QString&) { return TeamEditSession::Choice::TakeTheirs; });
    ASSERT_TRUE(window.saveProject());

    ASSERT_TRUE(shown(west) && shown(east));
    EXPECT_FALSE(shown(merged));
    EXPECT_EQ(parcel(session()->indexOf(west)).name, "Theirs");
    EXPECT_EQ(row(merged, "count(*)"), "0");
    EXPECT_EQ(row(west, "name || ' v' || gr_version"), "Theirs v2");
    // The merge's three changes: the merged row not added, the two parts not deleted.
    EXPECT_EQ(scalar("SELECT count(*) FROM " + schema()
                     + ".gr_parcel_history WHERE kind = 'discarded' AND fid IN ("
                     + std::to_string(merged) + "," + std::to_string(west) + ","
                     + std::to_string(east) + ")"),
              "3");
    EXPECT_EQ(team->pendingEdits(), 0);
}

TEST_F(TeamParcelRowsTest, DeletedParcelLeavesTheTableForTheHistory)
{
    const long long fid = fidOf(2);
    const core::FeatureId id = parcel(2).id;
    const double area = std::stod(row(fid, "ST_Area(geom)"));
    window.canvas()->setSelectedParcels({2});
    window.editor()->deleteSelected();
    ASSERT_FALSE(shown(id));
    ASSERT_TRUE(window.saveProject());
    EXPECT_EQ(row(fid, "count(*)"), "0");
    EXPECT_NEAR(std::stod(deletedVersions(
                    fid, "ST_Area(ST_GeomFromGeoJSON(row_json::jsonb->>'geom'))::text")),
                area, kAreaToleranceM2);
}

TEST_F(TeamParcelRowsTest, ColleaguesNewAndDeletedParcelsAppear)
{
    auto other = PgConnection::open(m_location);
    ASSERT_TRUE(other.ok());
    auto colleague = PgTeamTable::open(other.value(), m_schema, QStringLiteral("parcels"));
    ASSERT_TRUE(colleague.ok()) << colleague.error().describe();
    auto block = colleague.value().reserveParcelIds(1);
    ASSERT_TRUE(block.ok()) << block.error().describe();
    TeamChange added;
    added.kind = TeamChangeKind::Insert;
    added.fid = block.value();
    added.values["parcel_id"] = std::to_string(block.value());
    added.values["name"] = "Drawn by a colleague";
    added.geometryWkt = "MULTIPOLYGON(((" + std::to_string(m_x0) + " " + std::to_string(m_y0)
                        + "," + std::to_string(m_x0 + 20) + " " + std::to_string(m_y0) + ","
                        + std::to_string(m_x0 + 20) + " " + std::to_string(m_y0 + 20) + ","
                        + std::to_string(m_x0) + " " + std::to_string(m_y0) + ")))";
    const core::FeatureId removedId = parcel(5).id;
    TeamChange removed;
    removed.kind = TeamChangeKind::Delete;
    removed.fid = fidOf(5);
    removed.baseVersion = 1;
    auto saved = colleague.value().save({added, removed});
    ASSERT_TRUE(saved.ok() && saved.value().saved());

    // Announced by NOTIFY and polled every 2 s: no action of the designer's.
    EXPECT_TRUE(QTest::qWaitFor([&] { return shown(block.value()) && !shown(removedId); },
                                10000));
    ASSERT_TRUE(shown(block.value()));
    const core::Parcel& theirs = parcel(session()->indexOf(block.value()));
    EXPECT_EQ(theirs.name, "Drawn by a colleague");
    EXPECT_NEAR(core::parcelAreaM2(theirs.geometry), 20.0 * 20.0 / 2, kAreaToleranceM2);
    EXPECT_EQ(team->pendingEdits(), 0);
}

} // namespace
} // namespace greenrenew::gis
