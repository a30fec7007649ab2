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
    m_restoring = true;
    for (JournalEntry& entry : entries) {
        const bool ok = entry.undone ? m_session->revert(entry.change)
                                     : m_session->apply(entry.change);
        if (!ok) {
            m_restoring = false;
            // Kept for a person to look at; a fresh journal starts for this session.
            QFile::remove(m_path + QStringLiteral(".failed"));
            QFile::rename(m_path, m_path + QStringLiteral(".failed"));
            m_restoredUnsaved = replayed > 0;
            m_snapshotFirst = replayed > 0;
            return -1;
        }
        ++replayed;
    }
    m_restoring = false;
    m_restoredUnsaved = replayed > 0;
    return replayed;
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
            core::ParcelChange saved{"state as saved", m_opened->parcels, before.parcels, {}};
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
