#include "ui/recovery_journal.h"

#include "ui/edit_commands.h"
#include "ui/edit_journal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUndoStack>

namespace greenrenew::ui {

namespace {

// The description of the journal entry that brings the opened parcels to the saved ones.
const std::string kSavedStateDescription = "state as saved";

} // namespace

RecoveryJournal::RecoveryJournal(EditSession* session, QObject* parent)
    : QObject(parent), m_session(session)
{
    connect(m_session, &EditSession::changeMade, this, &RecoveryJournal::onChange);
}

RecoveryJournal::~RecoveryJournal() = default;

QString RecoveryJournal::pathFor(const QString& datasetPath)
{
    // Kept beside the user's data rather than in it: the data set's folder may be read-only
    // (a shared drive, the bundled sample), the application's data folder is always writable.
    const QString key = QFileInfo(datasetPath).absoluteFilePath();
    const QByteArray hash =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                        + QStringLiteral("/recovery");
    return dir + QLatin1Char('/') + QFileInfo(datasetPath).completeBaseName()
           + QLatin1Char('-') + QString::fromLatin1(hash) + QStringLiteral(".journal");
}

void RecoveryJournal::start(const QString& datasetPath)
{
    m_journal.reset();
    m_restoredUnsaved = false;
    m_snapshotFirst = false;
    m_path = datasetPath.isEmpty() ? QString() : pathFor(datasetPath);
    m_opened = m_session->project() ? std::make_shared<const core::Project>(
                                          *m_session->project())
                                    : nullptr;
}

int RecoveryJournal::pendingEntries() const
{
    if (m_path.isEmpty())
        return 0;
    return static_cast<int>(EditJournal::read(m_path).size());
}

int RecoveryJournal::restore()
{
    if (m_path.isEmpty())
        return 0;
    std::vector<JournalEntry> entries = EditJournal::read(m_path);
    int replayed = 0;
    bool settledEdits = false;
    m_restoring = true;
    for (const JournalEntry& entry : entries) {
        const Replayed step = replay(entry);
        if (step == Replayed::Failed) {
            m_restoring = false;
            // Kept for a person to look at; a fresh journal starts for this session.
            QFile::remove(m_path + QStringLiteral(".failed"));
            QFile::rename(m_path, m_path + QStringLiteral(".failed"));
            m_restoredUnsaved = replayed > 0;
            m_snapshotFirst = replayed > 0;
            return -1;
        }
        settledEdits = settledEdits || step == Replayed::Settled;
        ++replayed;
    }
    m_restoring = false;
    // Restored steps on the undo stack leave it away from its clean state, which is the data
    // set as opened (or as last saved); only steps outside the stack need the flag.
    m_restoredUnsaved = settledEdits;
    return replayed;
}

RecoveryJournal::Replayed RecoveryJournal::replay(const JournalEntry& entry)
{
    if (!entry.undone && entry.change.description == kSavedStateDescription) {
        // The parcels as last saved: the base the designer's undo stops at.
        core::ParcelChange saved = entry.change;
        return m_session->apply(saved) ? Replayed::Base : Replayed::Failed;
    }
    if (!entry.undone)
        return m_session->submit(entry.change) ? Replayed::Undoable : Replayed::Failed;

    // An undo of the session that wrote the journal: the step on top of the rebuilt stack, or
    // one made before the last save, which this stack never held.
    QUndoStack* stack = m_session->undoStack();
    const auto* top = stack->canUndo() ? dynamic_cast<const ParcelChangeCommand*>(
                                             stack->command(stack->index() - 1))
                                       : nullptr;
    if (top && top->change().description == entry.change.description
        && top->change().touchedIds() == entry.change.touchedIds()) {
        stack->undo();
        return m_session->lastStepSucceeded() ? Replayed::Undoable : Replayed::Failed;
    }
    return m_session->revert(entry.change) ? Replayed::Settled : Replayed::Failed;
}

void RecoveryJournal::discard()
{
    m_journal.reset();
    removeFile();
}

void RecoveryJournal::saved()
{
    m_session->undoStack()->setClean();
    m_restoredUnsaved = false;
    m_journal.reset();
    removeFile();
    // The saved results hold the edits so far, the data set does not: a later replay must
    // first bring the opened parcels to the saved ones.
    m_snapshotFirst = true;
}

void RecoveryJournal::close()
{
    if (!hasUnsavedEdits())
        discard();
    m_journal.reset();
}

bool RecoveryJournal::hasUnsavedEdits() const
{
    return m_restoredUnsaved || !m_session->undoStack()->isClean();
}

void RecoveryJournal::onChange(const core::ParcelChange& change, bool undone)
{
    if (m_restoring || m_path.isEmpty())
        return;
    if (!m_journal) {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        m_journal = std::make_unique<EditJournal>(m_path);
    }
    if (m_snapshotFirst && m_opened) {
        // One entry replacing every opened parcel by the parcels as they were saved: this
        // change is already applied, so it is taken back out of the current state.
        core::Project before = *m_session->project();
        core::ParcelChange redone = change;
        const bool stepped = undone ? core::applyChange(before, redone)
                                    : core::revertChange(before, change);
        if (stepped) {
            core::ParcelChange saved{kSavedStateDescription, m_opened->parcels, before.parcels,
                                     {}};
            m_journal->record(saved, false);
        }
        m_snapshotFirst = false;
    }
    m_journal->record(change, undone);
}

void RecoveryJournal::removeFile()
{
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

} // namespace greenrenew::ui
