#include "ui/main_window.h"

#include "gis/atomic_file.h"
#include "gis/project_file.h"
#include "gis/results_writer.h"
#include "ui/attribute_table.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/import_report_view.h"
#include "ui/layer_mapping_dialog.h"
#include "ui/layers_widget.h"
#include "ui/legend_widget.h"
#include "ui/load_job.h"
#include "ui/main_window_settings.h"
#include "ui/map_canvas.h"
#include "ui/parcel_inspector.h"
#include "ui/priority_panel.h"
#include "ui/project_document.h"
#include "ui/recovery_journal.h"
#include "ui/scenario_panel.h"
#include "ui/team_editing.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>

// The main window's project handling: open (in the background), show, recover unsaved edits,
// recent projects and saving the results.

namespace greenrenew::ui {

using namespace window_settings;

namespace {

// Temporary copies left in FOLDER by saves killed before their rename, removed; the line
// that says so, empty when there were none.
QString interruptedSavesRemoved(const QString& folder)
{
    const QStringList removed = gis::removeInterruptedSaves(folder);
    return removed.isEmpty() ? QString()
                             : MainWindow::tr("Removed %1, left by a save that was interrupted")
                                   .arg(removed.join(QStringLiteral(", ")));
}

} // namespace

void MainWindow::chooseDataset()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a data set"), settings.value(kLastDirKey).toString(),
        tr("GIS data (*.gpkg *.shp *.geojson *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirKey, QFileInfo(path).absolutePath());
    openDataset(path);
}

bool MainWindow::openDataset(const QString& path)
{
    // The layer roles, CRS and offsets set for this data set in the mapping dialog.
    if (m_loadJob->isRunning() || !confirmUnsavedEdits()
        || !m_loadJob->start(path, rememberedImportOptions(path)))
        return false;
    m_messageBar->hide();
    m_progressLabel->setText(tr("Opening %1").arg(path));
    m_progressBar->setValue(0);
    m_progressLabel->show();
    m_progressBar->show();
    m_cancelLoadButton->setEnabled(true);
    m_cancelLoadButton->show();
    QApplication::setOverrideCursor(Qt::BusyCursor);
    return true;
}

void MainWindow::onLoadFinished()
{
    QApplication::restoreOverrideCursor();
    m_progressLabel->hide();
    m_progressBar->hide();
    m_cancelLoadButton->hide();
    const LoadedProject& result = m_loadJob->result();
    m_importReport->setReport(result.report);
    if (!result.project && m_loadJob->wasCancelled()) {
        // Asked for, so no alarm: the shown project stays as it was.
        logMessage(tr("Opening %1 cancelled").arg(result.path));
        statusBar()->showMessage(tr("Opening cancelled"), 10000);
        emit loadFinished(false);
        return;
    }
    if (!result.project || !result.analysis) {
        showMessage(tr("Cannot open %1: %2").arg(result.path, result.error));
        emit loadFinished(false);
        return;
    }
    setProject(result.project, result.analysis, result.path);
    rememberRecent(result.path);
    logMessage(tr("Opened %1: %2 parcels, %3 buildings, %4 import issues")
                   .arg(result.path)
                   .arg(result.project->parcels.size())
                   .arg(result.project->buildings.size())
                   .arg(result.report.issues.size()));
    statusBar()->showMessage(tr("Opened %1: %n parcel(s)", nullptr,
                                static_cast<int>(result.project->parcels.size()))
                                 .arg(QFileInfo(result.path).fileName()),
                             10000);
    emit loadFinished(true);
}

void MainWindow::setProject(std::shared_ptr<const core::Project> project,
                            std::shared_ptr<const core::Analysis> analysis, const QString& path)
{
    m_project = std::move(project);
    m_analysis = std::move(analysis);
    m_editLog.clear();
    if (m_project && m_analysis) {
        // The map and the inspector show the editing session's copy, which edits change.
        m_editor->session()->setProject(*m_project, *m_analysis);
        m_project = m_editor->session()->project();
        m_analysis = m_editor->session()->analysis();
        startTeamEditing(*this, m_editor->session(), path);
        m_recovery->start(path);
        offerRecovery();
        if (!path.isEmpty()) {
            if (const QString removed = interruptedSavesRemoved(QFileInfo(path).absolutePath());
                !removed.isEmpty())
                logMessage(removed);
        }
    } else {
        startTeamEditing(*this, m_editor->session(), {});
        m_recovery->start({});
    }
    m_inspector->showNothing();
    m_canvas->setData(m_project, m_analysis);
    m_table->setData(m_project, m_analysis);
    m_legend->setAnalysis(m_analysis);
    m_layers->setProject(m_project.get());
    m_scenarios->setProject(path, m_analysis);
    if (m_project && m_analysis)
        findChild<PriorityPanel*>()->setProject(path, m_editor->session()->project(),
                                                m_editor->session()->analysis());
    else
        findChild<PriorityPanel*>()->setProject({}, nullptr, nullptr);
    openAnnotations(path);
    if (!m_scenarios->scenarioNames().isEmpty())
        m_scenarios->parentWidget()->raise();  // its dock: the project's plans come first
    // A GreenRenew project file saves back to itself; any other data set is saved as a new
    // project file (Save As), so the user's own data stays as it was.
    m_document->reset(gis::isProjectFile(path) ? path : QString(), path);
    m_document->setModified(m_project && m_recovery->hasUnsavedEdits());  // restored edits
}

void MainWindow::offerRecovery()
{
    const int pending = m_recovery->pendingEntries();
    if (pending == 0)
        return;
    RestoreChoice choice = m_restoreChoice;
    if (choice == RestoreChoice::Ask) {
        const auto answer = QMessageBox::question(
            this, tr("Restore unsaved edits"),
            tr("%n edit step(s) of this data set were not saved when GreenRenew last closed "
               "(a crash or a kill). Restore them?", nullptr, pending),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        choice = answer == QMessageBox::Yes ? RestoreChoice::Restore : RestoreChoice::Discard;
    }
    if (choice == RestoreChoice::Discard) {
        m_recovery->discard();
        logMessage(tr("Discarded %n unsaved edit step(s)", nullptr, pending));
        return;
    }
    const int restored = m_recovery->restore();
    if (restored < 0)
        showMessage(tr("Some unsaved edits could not be restored: the data set changed since. "
                       "The recovery file is kept as %1.failed").arg(m_recovery->path()));
    else
        logMessage(tr("Restored %n unsaved edit step(s)", nullptr, restored));
}

QStringList MainWindow::recentProjects()
{
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::rememberRecent(const QString& path)
{
    QStringList recent = recentProjects();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kRecentCount)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentProjects();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            openDataset(path);
        })->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseResultsPath()
{
    if (!m_project || !m_analysis) {
        showMessage(tr("Nothing to save: open a data set first."));
        return;
    }
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save results as"), settings.value(kLastDirKey).toString(),
        tr("GeoPackage (*.gpkg)"));
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirKey, QFileInfo(path).absolutePath());
    saveResults(path.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive)
                    ? path
                    : path + QStringLiteral(".gpkg"));
}

bool MainWindow::saveResults(const QString& path)
{
    if (!m_project || !m_analysis)
        return false;
    if (const QString removed = interruptedSavesRemoved(QFileInfo(path).absolutePath());
        !removed.isEmpty())
        logMessage(removed);
    m_editor->session()->finishPendingUpdates();
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const core::Result<bool> written = gis::writeResults(*m_project, *m_analysis, path);
    QApplication::restoreOverrideCursor();
    if (!written) {
        showMessage(tr("Cannot save the results: %1")
                        .arg(QString::fromStdString(written.error().describe())));
        return false;
    }
    m_recovery->saved();
    const core::Result<bool> logged = gis::writeEditLog(path, m_editLog);
    if (!logged)
        showMessage(tr("The results are saved, their edit log is not: %1")
                        .arg(QString::fromStdString(logged.error().describe())));
    saveAnnotations(path);
    logMessage(tr("Results written to %1").arg(path));
    statusBar()->showMessage(tr("Results written to %1").arg(path), 10000);
    return true;
}

} // namespace greenrenew::ui
