#pragma once

// Team editing on the desktop: when the shown project was opened from a PostGIS schema, every
// undo step of the editing session (an edit, an undo, a redo) is queued as one team edit of the
// parcels table, and Save writes the queue, each step in its own transaction that checks the
// versions the designer started from. Steps that add or remove parcels (split, merge, draw,
// delete, or the undo of one) insert and delete rows in that same transaction; the ids of new
// parcels come from the database, so two designers never make the same one. A step that meets
// another designer's newer version is a conflict: both versions are shown and the designer
// keeps theirs or takes the other one; the one not kept stays in gr_parcel_history. Other
// designers' saves (new and deleted parcels too) are announced by the database (LISTEN/NOTIFY)
// and taken into the map for parcels this designer has not changed.

#include "core/result.h"
#include "gis/postgis_edit_session.h"
#include "gis/postgis_team_parcels.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace greenrenew::core {
struct ParcelChange;
}

namespace greenrenew::ui {

class EditSession;
class MainWindow;

class TeamEditing : public QObject {
    Q_OBJECT

public:
    /// Asked for each conflict; QUESTION describes both versions.
    using ConflictChooser = std::function<gis::TeamEditSession::Choice(const QString& question)>;

    ~TeamEditing() override;

    /// Starts team editing of the parcels of the project read from INPUT ("PG:..." or
    /// "postgis://..."), whose parcels SESSION now edits. Null with ERROR set when the
    /// database cannot be reached or the table cannot be edited.
    static std::unique_ptr<TeamEditing> start(const QString& input, EditSession* session,
                                              QString& error);

    /// Undo steps not yet saved to the database.
    int pendingEdits() const;

    /// Saves the queued edits oldest first. Conflicts are put to the chooser (a message box
    /// unless replaced); taking the other version shows it on the map. False, with the reason
    /// said through message(), when something is left unsaved.
    bool save();

    /// Takes the saves announced by other designers into the map (parcels with no unsaved
    /// edit of one's own); the number of parcels updated.
    int refresh();

    void setConflictChooser(ConflictChooser chooser) { m_chooser = std::move(chooser); }
    QString description() const { return m_description; }

signals:
    void message(const QString& text);

private:
    TeamEditing(EditSession* session, std::unique_ptr<gis::PgConnection> connection);
    void onChange(const core::ParcelChange& change, bool undone);
    bool resolveConflicts();
    /// Shows the rows RECORDS as the database holds them: parcels updated, added, removed.
    void showAsSaved(const std::vector<gis::TeamRecord>& records);
    QString describeConflict(const gis::TeamConflict& conflict) const;
    core::Result<core::FeatureId> reserveIds(int count);

    EditSession* m_session = nullptr;
    std::unique_ptr<gis::PgConnection> m_connection;  // the table and queue point into it
    std::optional<gis::PgTeamTable> m_table;
    std::optional<gis::TeamParcels> m_parcels;
    std::unique_ptr<gis::TeamEditSession> m_queue;
    ConflictChooser m_chooser;
    QString m_description;
    QTimer m_listenTimer;
    bool m_takingTheirs = false;
    core::FeatureId m_nextId = 0;  // the next id of the block reserved in the database
    long long m_idsLeft = 0;
};

/// Ends the team editing of SESSION's previous project, if any, and starts it when INPUT (the
/// project just shown) is a PostGIS input; what happens is said in WINDOW's messages. The
/// team editing belongs to SESSION.
void startTeamEditing(MainWindow& window, EditSession* session, const QString& input);

} // namespace greenrenew::ui
