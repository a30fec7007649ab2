#pragma once

// Two designers on one PostGIS project, one of them in the desktop: the sample is copied into a
// schema of the test server (scripts/pg-test-server.sh) and opened in the main window as the
// "PG:" input File > Open from PostGIS… gives; a colleague edits the same rows through a
// second connection.

#include "../gis/postgis_test_support.h"
#include "gis/postgis_project.h"
#include "gis/postgis_team_table.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/main_window.h"
#include "ui/team_editing.h"

#include <QSignalSpy>

namespace greenrenew::gis::pgtest {

class DesktopTeamEditingTest : public SampleInPostgisTest {
protected:
    void SetUp() override
    {
        SampleInPostgisTest::SetUp();
        if (HasFatalFailure())
            return;
        openFromPostgis();
    }

    /// Opens the test's schema in the window, as File > Open from PostGIS… does.
    void openFromPostgis()
    {
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

    std::string schema() { return quotedSchema(); }
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

} // namespace greenrenew::gis::pgtest
