#pragma once

// Hooks that let a test (or a person at a terminal) drive the desktop without a mouse: a
// scripted editing session applied once the data set is loaded, and a dump of the parcels as
// they then are, in full precision, so two runs can be compared by value.

#include "core/model.h"

#include <QString>

namespace greenrenew::ui {
class MainWindow;
}

namespace greenrenew::desktop {

/// Applies COUNT edits through the window's editing session, one per parcel in order
/// (move a vertex, insert a vertex, rename, again and again), then undoes the last, redoes
/// it and undoes it again, so the journal holds edits, undos and a redo. Returns the number
/// of edits that applied.
int applyScriptedEdits(ui::MainWindow& window, int count);

/// Writes one line per parcel (id, geometry as WKT with 17 significant digits, type, name,
/// sources, attributes) to PATH, atomically. False when it cannot be written.
bool dumpParcels(const core::Project& project, const QString& path);

} // namespace greenrenew::desktop
