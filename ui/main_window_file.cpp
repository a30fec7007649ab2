#include "ui/main_window.h"

#include "gis/edit_log_store.h"
#include "gis/project_file.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/main_window_settings.h"
#include "ui/project_document.h"
#include "ui/recovery_journal.h"
#include "ui/scenario_panel.h"
#include "ui/team_editing.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

// The main window's project file: New, Save, Save As, the title with its "*" for unsaved
// edits, and the question asked before unsaved edits would be lost.

namespace greenrenew::ui {

using namespace window_settings;

void MainWindow::createProjectDocument()
{
    m_document = new ProjectDocument(this);
    connect(m_document, &ProjectDocument::changed, this, &MainWindow::updateTitle);
    // Undo back to the saved state clears the "*" again: the undo stack's clean state is the
    // project as last saved (or opened).
    const auto refresh = [this] { m_document->setModified(m_recovery->hasUnsavedEdits()); };
    connect(m_editor->session()->undoStack(), &QUndoStack::indexChanged, this, refresh);
    connect(m_editor->session()->undoStack(), &QUndoStack::cleanChanged, this, refresh);
}

void MainWindow::createProjectActions(QMenu* file, QAction* open)
{
    auto* newProject = new QAction(tr("&New"), this);
    newProject->setShortcut(QKeySequence::New);
    newProject->setStatusTip(tr("Close the shown project and start with an empty map"));
    connect(newProject, &QAction::triggered, this, &MainWindow::newProject);
    file->insertAction(open, newProject);

    QAction* save = file->addAction(tr("&Save"), this, [this] { saveProject(); });
    save->setShortcut(QKeySequence::Save);
    QAction* saveAs = file->addAction(tr("Save &As…"), this, &MainWindow::saveProjectAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
}

void MainWindow::newProject()
{
    if (!confirmUnsavedEdits())
        return;
    setProject(nullptr, nullptr);
    logMessage(tr("New project: open a data set or a folder of layers to fill it"));
}

bool MainWindow::confirmUnsavedEdits()
{
    if (!m_project || !m_recovery->hasUnsavedEdits())
        return true;
    switch (m_document->askAboutUnsavedEdits()) {
    case ProjectDocument::UnsavedChoice::Save:
        return saveProject();
    case ProjectDocument::UnsavedChoice::Discard:
        // Asked and answered: the next start must not offer these edits back.
        m_recovery->discard();
        logMessage(tr("Unsaved edits of %1 discarded").arg(m_document->displayName()));
        return true;
    case ProjectDocument::UnsavedChoice::Cancel:
        break;
    }
    return false;
}

bool MainWindow::saveProject()
{
    if (auto* team = m_editor->session()->findChild<TeamEditing*>()) {
        if (!team->save())
            return false;
        m_recovery->saved();
        m_recovery->start(m_document->sourcePath());
        m_document->setModified(false);
        logMessage(tr("Edits saved to PostGIS (%1)").arg(team->description()));
        return true;
    }
    if (m_document->filePath().isEmpty()) {
        saveProjectAs();
        return !m_document->filePath().isEmpty();
    }
    return saveProjectTo(m_document->filePath());
}

void MainWindow::saveProjectAs()
{
    if (!m_project || !m_analysis) {
        showMessage(tr("Nothing to save: open a data set first."));
        return;
    }
    QSettings settings;
    const QString suggested =
        QFileInfo(settings.value(kLastDirKey).toString(),
                  QFileInfo(m_document->sourcePath()).completeBaseName()
                      + QStringLiteral(".gpkg")).filePath();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the project as"), suggested, tr("GreenRenew project (*.gpkg)"));
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirKey, QFileInfo(path).absolutePath());
    saveProjectTo(path.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive)
                      ? path
                      : path + QStringLiteral(".gpkg"));
}

bool MainWindow::saveProjectTo(const QString& path)
{
    if (!m_project || !m_analysis) {
        showMessage(tr("Nothing to save: open a data set first."));
        return false;
    }
    // The project's own tables (settings, scenarios, annotations) come from the file it was
    // last saved to, else from the data set it was read from.
    const QString tablesFrom =
        m_document->filePath().isEmpty() ? m_document->sourcePath() : m_document->filePath();
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const core::Result<bool> written =
        gis::writeProjectFile(*m_project, *m_analysis, path, tablesFrom);
    QApplication::restoreOverrideCursor();
    if (!written) {
        showMessage(tr("Cannot save the project: %1")
                        .arg(QString::fromStdString(written.error().describe())));
        return false;
    }
    const core::Result<bool> logged = gis::writeEditLog(path, m_editLog);
    if (!logged)
        showMessage(tr("The project is saved, its edit log is not: %1")
                        .arg(QString::fromStdString(logged.error().describe())));
    // From now on the saved file is what a recovery replays onto.
    m_recovery->saved();
    m_recovery->start(path);
    m_document->reset(path, path);
    m_scenarios->setProject(path, m_analysis);
    rememberRecent(path);
    logMessage(tr("Project saved to %1").arg(path));
    statusBar()->showMessage(tr("Project saved to %1").arg(path), 10000);
    return true;
}

void MainWindow::updateTitle()
{
    if (!m_project) {
        setWindowTitle(tr("GreenRenew"));
        return;
    }
    setWindowTitle(tr("%1%2 – GreenRenew")
                       .arg(m_document->displayName(),
                            m_document->isModified() ? QStringLiteral("*") : QString()));
}

} // namespace greenrenew::ui
