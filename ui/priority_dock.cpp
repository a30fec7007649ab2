#include "ui/priority_dock.h"

#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/main_window.h"
#include "ui/map_canvas.h"
#include "ui/priority_panel.h"

#include <QDockWidget>
#include <QMenu>

namespace greenrenew::ui {

PriorityPanel* addPriorityDock(MainWindow& window, QDockWidget* beside, QMenu* panelsMenu)
{
    auto* dock = new QDockWidget(MainWindow::tr("Priorities"), &window);
    dock->setObjectName(QStringLiteral("prioritiesDock"));
    auto* panel = new PriorityPanel(dock);
    dock->setWidget(panel);
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    if (beside)
        window.tabifyDockWidget(beside, dock);
    if (beside)
        beside->raise();
    if (panelsMenu)
        panelsMenu->addAction(dock->toggleViewAction());

    EditSession* session = window.editor()->session();
    QObject::connect(session, &EditSession::edited, panel, &PriorityPanel::refreshRanking);
    QObject::connect(panel, &PriorityPanel::message, &window, &MainWindow::logMessage);
    // New weights changed the priority figures in place: everything drawn from them follows
    // (the canvas's dataChanged refreshes the attribute table and the legend's classes).
    QObject::connect(panel, &PriorityPanel::rankingChanged, window.canvas(), &MapCanvas::refresh);
    QObject::connect(panel, &PriorityPanel::parcelsActivated, &window,
                     [&window, session](const QList<core::FeatureId>& ids) {
        QList<int> indices;
        for (core::FeatureId id : ids)
            if (const int index = session->indexOf(id); index >= 0)
                indices << index;
        if (indices.isEmpty())
            return;
        window.canvas()->setSelectedParcels(indices, indices.front());
        if (indices.size() > 1)
            window.canvas()->zoomToSelection();
    });
    return panel;
}

} // namespace greenrenew::ui
