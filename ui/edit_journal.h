#pragma once

// The recovery journal: every change applied or reverted in an editing session is appended to
// a file at once (one JSON object a line, flushed), so a crash or a kill loses no edit. On the
// next start the journal is replayed on the project as it was opened.

#include "core/model.h"
#include "core/parcel_edit.h"

#include <QFile>
#include <QString>

#include <vector>

namespace greenrenew::ui {

/// One journaled step: CHANGE applied (UNDONE false) or reverted.
struct JournalEntry {
    core::ParcelChange change;
    bool undone = false;
};

class EditJournal {
public:
    /// Appends to PATH (created when missing).
    explicit EditJournal(const QString& path);

    /// Records CHANGE as applied (UNDONE false) or reverted; false when the file cannot be
    /// written.
    bool record(const core::ParcelChange& change, bool undone);

    /// Replays the journal at PATH on PROJECT; returns the number of entries replayed, or -1
    /// when an entry does not apply (the project is then left as far as it got).
    static int replay(const QString& path, core::Project& project);

    /// The whole entries of the journal at PATH, in order; a last line cut short by a crash
    /// is left out. Empty when the file is missing.
    static std::vector<JournalEntry> read(const QString& path);

private:
    QFile m_file;
};

} // namespace greenrenew::ui
