#pragma once

// Wiring of the Priorities dock into the main window, kept out of the window's own files:
// the dock follows the editing session's project, ranks again after every edit, redraws the
// map, table and legend when new weights re-rank the parcels, and selects on the map the
// parcels the designer picks in it.

class QDockWidget;
class QMenu;

namespace greenrenew::ui {

class MainWindow;
class PriorityPanel;

/// Adds the Priorities dock to WINDOW tabbed with BESIDE and lists it in PANELSMENU.
PriorityPanel* addPriorityDock(MainWindow& window, QDockWidget* beside, QMenu* panelsMenu);

} // namespace greenrenew::ui
