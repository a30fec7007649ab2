#include "ui/main_window.h"

#include "ui/attribute_table.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/editing_rules_dialog.h"
#include "ui/layer_mapping_dialog.h"
#include "ui/layers_widget.h"
#include "ui/main_window_settings.h"
#include "ui/map_canvas.h"
#include "ui/postgis_dialog.h"
#include "ui/parcel_inspector.h"
#include "ui/recovery_journal.h"
#include "ui/scenario_panel.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QMenuBar>
#include <QSettings>
#include <QToolBar>

// The main window's menus, shortcuts and the editing toolbar.

namespace greenrenew::ui {

using namespace window_settings;

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseDataset);
    open->setShortcut(QKeySequence::Open);
    QAction* openFolder = file->addAction(tr("Open &Folder…"), this, [this] {
        QSettings settings;
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Open a folder of layers"), settings.value(kLastDirKey).toString());
        if (dir.isEmpty())
            return;
        settings.setValue(kLastDirKey, dir);
        openDataset(dir);
    });
    openFolder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    file->addAction(tr("Open with &Layer Mapping…"), this, [this] {
        QSettings settings;
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a data set and say what its layers are"),
            settings.value(kLastDirKey).toString(),
            tr("GIS data (*.gpkg *.shp *.geojson *.json *.fgb *.kml *.csv *.zip);;All files (*)"));
        if (path.isEmpty())
            return;
        LayerMappingDialog dialog(path, rememberedImportOptions(path), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        rememberImportOptions(path, dialog.options());
        openDataset(path);
    });
    file->addAction(tr("Open from &PostGIS…"), this, [this] {
        PostgisDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            openDataset(dialog.datasetInput());
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    createProjectActions(file, open);
    file->addAction(tr("Save &Results As…"), this, &MainWindow::chooseResultsPath);
    file->addAction(tr("Import Scenario File…"), this,
                    [this] { m_scenarios->chooseAndImport(); });
    file->addSeparator();
    createOutputActions(file);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* full = view->addAction(tr("Zoom to &Full"), m_canvas, &MapCanvas::zoomToFull);
    full->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    QAction* toSelection =
        view->addAction(tr("Zoom to &Selection"), m_canvas, &MapCanvas::zoomToSelection);
    toSelection->setShortcut(QKeySequence(tr("Ctrl+J")));
    QAction* zoomIn = view->addAction(tr("Zoom &In"), m_canvas, &MapCanvas::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction* zoomOut = view->addAction(tr("Zoom &Out"), m_canvas, &MapCanvas::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    view->addAction(tr("Zoom to &Layer"), this,
                    [this] { m_canvas->zoomToLayer(m_layers->currentLayer()); });
    view->addSeparator();
    view->addMenu(m_panelsMenu);
}

void MainWindow::createEditing()
{
    m_editor = new EditController(m_canvas, this);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QToolBar* toolbar = addToolBar(tr("Editing"));
    toolbar->setObjectName(QStringLiteral("editToolBar"));
    m_editor->addActions(edit, toolbar);
    readEditingRules(m_editor->topologyRules(), m_editor->attributeRules());
    QAction* rules = edit->addAction(tr("Editing &Rules…"), this, [this] {
        EditingRulesDialog dialog(m_editor->topologyRules(), m_editor->attributeRules(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        dialog.apply(m_editor->topologyRules(), m_editor->attributeRules());
        rememberEditingRules(m_editor->topologyRules(), m_editor->attributeRules());
    });
    rules->setObjectName(QStringLiteral("editingRulesAction"));
    createAnnotating(edit);
    connect(m_editor, &EditController::message, this, &MainWindow::showMessage);
    m_table->setEditSession(m_editor->session());
    m_inspector->setEditSession(m_editor->session());
    m_recovery = new RecoveryJournal(m_editor->session(), this);
    connect(m_editor->session(), &EditSession::changeMade, this,
            [this](const core::ParcelChange& change, bool undone) {
        const char* action = m_recovery->restoring() ? (undone ? "restore revert" : "restore")
                                                     : (undone ? "revert" : "apply");
        m_editLog.push_back({QDateTime::currentDateTimeUtc()
                                 .toString(Qt::ISODateWithMs).toStdString(),
                             change.touchedIds(), action, change.description});
    });
    connect(m_editor->session(), &EditSession::edited, this, [this] {
        const int selected = m_canvas->selectedParcel();
        if (selected >= static_cast<int>(m_project->parcels.size()))
            m_canvas->setSelectedParcel(-1);
        else
            onParcelSelected(selected);
    });
}

} // namespace greenrenew::ui
