// Two designers on one PostGIS project, one of them in the desktop: the sample is copied into a
// schema of the test server (scripts/pg-test-server.sh) and opened in the main window as the
// "PG:" input File > Open from PostGIS… gives; a colleague edits the same rows through a
// second connection. The window's Save writes each undo step as one checked transaction,
// puts a conflict to the designer with both versions, and keeps the version not chosen in
// gr_parcel_history; a colleague's save appears on the map by itself.

#include "../gis/postgis_test_support.h"
#include "core/parcel_attributes.h"
#include "gis/postgis_project.h"
#include "gis/postgis_team_table.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/main_window.h"
#include "ui/project_document.h"
#include "ui/team_editing.h"

#include <boost/geometry.hpp>

#include <QSignalSpy>
#include <QTest>

namespace greenrenew::gis {
namespace {

namespace bg = boost::geometry;
using pgtest::kSamplePath;
using pgtest::PostgisTest;

class DesktopTeamEditingTest : public PostgisTest {
protected:
    void SetUp() override
    {
        PostgisTest::SetUp();
        if (HasFatalFailure())
            return;
        ASSERT_TRUE(exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath), connection(),
                                              m_schema).ok());
        QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
        ASSERT_TRUE(window.openDataset(
            QStringLiteral("PG:service=%1 schemas=%2").arg(m_location.service, m_schema)));
        ASSERT_TRUE(loaded.wait(120000));
        ASSERT_TRUE(loaded.at(0).at(0).toBool()) << window.messageText().toStdString();
        team = session()->findChild<ui::TeamEditing*>();
        ASSERT_NE(team, nullptr) << "opened from PostGIS without team editing";
    }

    ui::EditSession* session() { return window.editor()->session(); }
    const core::Parcel& parcel(int index) { return session()->project()->parcels.at(index); }

    std::string scalar(const std::string& sql)
    {
        auto rows = connection().exec("test query", sql);
        EXPECT_TRUE(rows.ok()) << rows.error().describe();
        return rows.ok() && !rows.value().empty() ? rows.value().front().at(0).value_or("NULL")
                                                  : std::string("none");
    }
    std::string schema() { return connection().quoteIdentifier(m_schema.toStdString()); }
    std::string table() { return schema() + ".parcels"; }
    long long fidOf(int index)
    {
        return std::stoll(scalar("SELECT fid FROM " + table()
                                 + " WHERE parcel_id = " + std::to_string(parcel(index).id)));
    }

    /// The colleague renames row FID, built on version BASE.
    void colleagueRenames(long long fid, long long base, const std::string& name)
    {
        auto other = PgConnection::open(m_location);
        ASSERT_TRUE(other.ok());
        auto colleague = PgTeamTable::open(other.value(), m_schema, QStringLiteral("parcels"));
        ASSERT_TRUE(colleague.ok()) << colleague.error().describe();
        TeamChange change;
        change.fid = fid;
        change.baseVersion = base;
        change.values["name"] = name;
        auto saved = colleague.value().save({change});
        ASSERT_TRUE(saved.ok() && saved.value().saved());
    }

    ui::MainWindow window;
    ui::TeamEditing* team = nullptr;
};

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

TEST_F(DesktopTeamEditingTest, EditThatAddsParcelsIsKeptLocallyAndSaidSo)
{
    QSignalSpy said(team, &ui::TeamEditing::message);
    core::Parcel renumbered = parcel(4);
    renumbered.id = 999999;
    ASSERT_TRUE(session()->submit({"split parcel", {parcel(4)}, {renumbered}, {}}));
    EXPECT_EQ(team->editsKeptLocally(), 1);
    EXPECT_EQ(team->pendingEdits(), 0);
    ASSERT_EQ(said.size(), 1);
    EXPECT_TRUE(said.at(0).at(0).toString().contains(QStringLiteral("Save the project as")));
}

} // namespace
} // namespace greenrenew::gis
