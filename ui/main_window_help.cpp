#include "ui/main_window.h"

#include "ui/help_viewer.h"
#include "ui/preferences_dialog.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>

// The main window's Settings and Help menus.

namespace greenrenew::ui {

void MainWindow::createSettingsAndHelp()
{
    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QAction* preferences = settings->addAction(tr("&Preferences…"), this, [this] {
        PreferencesDialog dialog(this);
        dialog.exec();
    });
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(tr("&User Guide"), this, [this] {
        auto* viewer = new HelpViewer(this);
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->show();
    });
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About GreenRenew"), this, [this] {
        QMessageBox::about(
            this, tr("About GreenRenew"),
            tr("<p><b>GreenRenew</b>: planning the green, low-carbon micro-renewal of old city "
               "districts.</p><p>Licensed under the GPL, version 3 or later. Sample data "
               "© OpenStreetMap contributors (ODbL).</p>"));
    });
}

} // namespace greenrenew::ui
