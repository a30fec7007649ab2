#include "ui/main_window.h"

#include "ui/annotation_layer.h"
#include "ui/annotation_tool.h"
#include "ui/map_canvas.h"
#include "ui/report_output.h"

#include <QFileInfo>
#include <QMenu>
#include <QStatusBar>
#include <QToolBar>

// The main window's annotations (the Annotate tools, saved with the results) and what it
// sends to paper (Print Report…, Export Map…).

namespace greenrenew::ui {

void MainWindow::createAnnotating(QMenu* editMenu)
{
    m_annotations = new AnnotationController(m_canvas, m_editor, this);
    QToolBar* toolbar = addToolBar(tr("Annotate"));
    toolbar->setObjectName(QStringLiteral("annotateToolBar"));
    m_annotations->addActions(editMenu->addMenu(tr("&Annotate")), toolbar);
    connect(m_annotations, &AnnotationController::message, this, &MainWindow::showMessage);
}

void MainWindow::createOutputActions(QMenu* fileMenu)
{
    m_output = new OutputActions(
        this, m_canvas, [this] { return m_annotations->layer()->annotations(); },
        [this] {
            return m_projectPath.isEmpty() ? tr("GreenRenew")
                                           : QFileInfo(m_projectPath).completeBaseName();
        },
        this);
    m_output->addActions(fileMenu);
    connect(m_output, &OutputActions::failed, this, &MainWindow::showMessage);
    connect(m_output, &OutputActions::message, this, [this](const QString& text) {
        logMessage(text);
        statusBar()->showMessage(text, 10000);
    });
}

void MainWindow::openAnnotations(const QString& path)
{
    m_projectPath = path;
    const core::Result<bool> read = m_annotations->layer()->load(path);
    if (!read)
        showMessage(tr("The map's annotations could not be read: %1")
                        .arg(QString::fromStdString(read.error().describe())));
}

bool MainWindow::saveAnnotations(const QString& path)
{
    const core::Result<bool> written =
        m_annotations->layer()->save(path, m_project ? m_project->crsWkt : std::string());
    if (!written)
        showMessage(tr("The results are saved, the map's annotations are not: %1")
                        .arg(QString::fromStdString(written.error().describe())));
    return written.ok();
}

} // namespace greenrenew::ui
