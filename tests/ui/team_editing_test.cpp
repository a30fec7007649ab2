// Team edits of existing parcels from the desktop (desktop_team_editing.h): the window's Save
// writes each undo step as one checked transaction, puts a conflict to the designer with both
// versions, and keeps the version not chosen in gr_parcel_history; a colleague's save appears
// on the map by itself. Edits that add or remove parcels: team_parcel_rows_test.cpp.

#include "core/parcel_attributes.h"
#include "desktop_team_editing.h"
#include "ui/project_document.h"

#include <boost/geometry.hpp>

#include <QSignalSpy>
#include <QTest>

namespace greenrenew::gis {
namespace {

namespace bg = boost::geometry;
using pgtest::DesktopTeamEditingTest;

TEST_F(DesktopTeamEditingTest, ConflictIsAskedWithBothVersionsAndKeepingMineSavesIt)
{
    const long long fid = fidOf(0);
    ASSERT_TRUE(session()->setField(0, core::ParcelField::Name, QStringLiteral("Mine")));
    EXPECT_EQ(team->pendingEdits(), 1);
    colleagueRenames(fid, 1, "Theirs");

    QStringList questions;
    team->setConflictChooser([&](const QString& question) {
        questions << question;
        return TeamEditSession::Choice::KeepMine;
    });
    ASSERT_TRUE(window.saveProject());
    ASSERT_EQ(questions.size(), 1);
    EXPECT_TRUE(questions.front().contains(QStringLiteral("yours: Mine; theirs: Theirs")))
        << questions.front().toStdString();
    EXPECT_EQ(scalar("SELECT name FROM " + table() + " WHERE fid = " + std::to_string(fid)),
              "Mine");
    // 1 as copied, 2 the colleague's, 3 mine on top of it.
    EXPECT_EQ(scalar("SELECT gr_version FROM " + table() + " WHERE fid = "
                     + std::to_string(fid)), "3");
    EXPECT_EQ(scalar("SELECT count(*) FROM " + schema()
                     + ".gr_parcel_history WHERE fid = " + std::to_string(fid)
                     + " AND kind = 'replaced' AND row_json LIKE '%Theirs%'"), "1");
    EXPECT_EQ(team->pendingEdits(), 0);
    EXPECT_FALSE(window.document()->isModified());

    // A second edit of the same parcel builds on the version just saved: no conflict.
    ASSERT_TRUE(session()->setField(0, core::ParcelField::Notes, QStringLiteral("kept")));
    ASSERT_TRUE(session()->setField(0, core::ParcelField::Name, QStringLiteral("Mine again")));
    ASSERT_TRUE(window.saveProject());
    EXPECT_EQ(questions.size(), 1);
    EXPECT_EQ(scalar("SELECT gr_version FROM " + table() + " WHERE fid = "
                     + std::to_string(fid)), "4");
}

TEST_F(DesktopTeamEditingTest, TakingTheirsShowsTheirVersionAndKeepsMineInTheHistory)
{
    const long long fid = fidOf(1);
    ASSERT_TRUE(session()->setField(1, core::ParcelField::Name, QStringLiteral("Mine")));
    colleagueRenames(fid, 1, "Theirs");
    team->setConflictChooser([](const QString&) { return TeamEditSession::Choice::TakeTheirs; });
    ASSERT_TRUE(window.saveProject());
    EXPECT_EQ(parcel(1).name, "Theirs");
    EXPECT_EQ(scalar("SELECT gr_version FROM " + table() + " WHERE fid = "
                     + std::to_string(fid)), "2");
    EXPECT_EQ(scalar("SELECT count(*) FROM " + schema()
                     + ".gr_parcel_history WHERE fid = " + std::to_string(fid)
                     + " AND kind = 'discarded' AND row_json LIKE '%Mine%'"), "1");
}

TEST_F(DesktopTeamEditingTest, ColleaguesSaveAppearsOnTheMapByItself)
{
    const long long fid = fidOf(2);
    colleagueRenames(fid, 1, "From a colleague");
    // Announced by NOTIFY and polled every 2 s: no action of the designer's.
    EXPECT_TRUE(QTest::qWaitFor([&] { return parcel(2).name == "From a colleague"; }, 10000));
    EXPECT_EQ(team->pendingEdits(), 0);
}

TEST_F(DesktopTeamEditingTest, MovedShapeIsSavedInPlace)
{
    const long long fid = fidOf(3);
    const std::string where = " FROM " + table() + " WHERE fid = " + std::to_string(fid);
    const double xmin = std::stod(scalar("SELECT ST_XMin(geom)" + where));
    const double area = std::stod(scalar("SELECT ST_Area(geom)" + where));
    core::Parcel moved = parcel(3);
    bg::strategy::transform::translate_transformer<double, 2, 2> east(1.0, 0.0);
    core::MultiPolygon shifted;
    bg::transform(moved.geometry, shifted, east);
    moved.geometry = shifted;
    ASSERT_TRUE(session()->submit({"move parcel east", {parcel(3)}, {moved}, {}}));
    ASSERT_TRUE(window.saveProject());
    // The sample is in EPSG:32651 (metres) and so is the project: 1 m east, area unchanged.
    EXPECT_NEAR(std::stod(scalar("SELECT ST_XMin(geom)" + where)), xmin + 1.0, 1e-6);
    EXPECT_NEAR(std::stod(scalar("SELECT ST_Area(geom)" + where)), area, 1e-6);
}

} // namespace
} // namespace greenrenew::gis
