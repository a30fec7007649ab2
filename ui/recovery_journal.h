#pragma once

// Crash recovery of an editing session. Every edit, undo and redo of the session is appended
// to a recovery file (an EditJournal) kept in the application's data folder under a name
// derived from the opened data set's path, and flushed as it is made. A clean save or a close
// without unsaved edits removes the file; when the same data set is opened again and a file is
// left over, its edits can be replayed on the project as opened.

#include "core/model.h"
#include "core/parcel_edit.h"

#include <QObject>
#include <QString>

#include <memory>

namespace greenrenew::ui {

class EditJournal;
class EditSession;
struct JournalEntry;

class RecoveryJournal : public QObject {
    Q_OBJECT

public:
    explicit RecoveryJournal(EditSession* session, QObject* parent = nullptr);
    ~RecoveryJournal() override;

    /// The recovery file of the data set at DATASETPATH (absolute path as key).
    static QString pathFor(const QString& datasetPath);

    /// Journals the session's edits of the data set at DATASETPATH from now on; the session's
    /// project, as it is now, is the state the journal replays on. An empty path stops
    /// journaling (a project shown without a file has nothing to recover onto).
    void start(const QString& datasetPath);
    /// The recovery file in use, empty when not journaling.
    QString path() const { return m_path; }
    /// Entries left in the recovery file by an earlier session.
    int pendingEntries() const;
    /// Replays the left-over entries through the session (figures follow); later edits are
    /// appended after them. Each restored edit lands on the session's undo stack as an
    /// ordinary command (a restored undo takes its command back off, leaving it to redo), so
    /// the designer can undo them one by one; the stack's clean state is the data set as
    /// opened, or the parcels as last saved when the journal starts with them. Returns the
    /// number replayed, or -1 when one no longer applies (the file is then kept, renamed with
    /// a ".failed" suffix, and the project is left as far as it got).
    int restore();
    /// Removes the left-over recovery file without replaying it.
    void discard();
    /// The session's edits were saved: the recovery file goes; the next edit starts a new one
    /// that first records the whole difference from the opened data set.
    void saved();
    /// The window closes: the recovery file goes unless edits are unsaved.
    void close();
    /// Edits not yet saved (restored ones included).
    bool hasUnsavedEdits() const;
    /// True while restore() replays the left-over edits.
    bool restoring() const { return m_restoring; }

private:
    /// How one journal entry was replayed: as an undoable step, as the saved state the undo
    /// stack starts from, outside the stack (an undo of a step made before the last save),
    /// or not at all.
    enum class Replayed { Undoable, Base, Settled, Failed };
    Replayed replay(const JournalEntry& entry);
    void onChange(const core::ParcelChange& change, bool undone);
    void removeFile();

    EditSession* m_session = nullptr;
    QString m_path;
    std::unique_ptr<EditJournal> m_journal;
    /// The project as opened: what a replay starts from.
    std::shared_ptr<const core::Project> m_opened;
    bool m_restoring = false;
    bool m_restoredUnsaved = false;
    bool m_snapshotFirst = false;
};

} // namespace greenrenew::ui
