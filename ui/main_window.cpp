#include "ui/main_window.h"

#include "ui/attribute_table.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/load_job.h"
#include "ui/main_window_settings.h"
#include "ui/map_canvas.h"
#include "ui/parcel_inspector.h"
#include "ui/priority_dock.h"
#include "ui/project_document.h"
#include "ui/recovery_journal.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSettings>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

// The window's frame: construction, the message bar, the status bar's readouts and selection
// sync. Docks, menus and project handling live in main_window_{docks,actions,project}.cpp.

namespace greenrenew::ui {

using namespace window_settings;

namespace {
constexpr int kDefaultWidth = 1400;
constexpr int kDefaultHeight = 900;
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("GreenRenew"));
    m_loadJob = new LoadJob(this);
    connect(m_loadJob, &LoadJob::finished, this, &MainWindow::onLoadFinished);
    connect(m_loadJob, &LoadJob::progress, this, [this](const QString& step, double fraction) {
        m_progressLabel->setText(step);
        m_progressBar->setValue(static_cast<int>(std::lround(fraction * 100)));
    });

    setCentralWidget(createCentralArea());
    createDocks();
    createActions();
    createEditing();
    // The priorities panel re-ranks after each edit, so it needs the editing session.
    addPriorityDock(*this, findChild<QDockWidget*>(QStringLiteral("parcelDock")),
                    m_panelsMenu);
    createProjectDocument();
    createSettingsAndHelp();
    createStatusBar();

    resize(kDefaultWidth, kDefaultHeight);
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
}

MainWindow::~MainWindow()
{
    // The children go after this body: the editing session's undo stack, cleared as it is
    // deleted, says its index changed, which must not reach the slots of a window gone by then.
    if (m_editor)
        m_editor->session()->undoStack()->disconnect(this);
    if (m_document)
        m_document->disconnect(this);
}

QWidget* MainWindow::createCentralArea()
{
    auto* area = new QWidget(this);
    auto* layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // A message bar above the map rather than a modal box: the window stays usable and the
    // text stays readable while the user decides what to open next.
    m_messageBar = new QFrame(area);
    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    m_messageBar->setStyleSheet(QStringLiteral(
        "#messageBar { background: #fbe3e1; border-bottom: 1px solid #d9534f; }"));
    auto* barLayout = new QHBoxLayout(m_messageBar);
    barLayout->setContentsMargins(8, 4, 4, 4);
    m_messageLabel = new QLabel(m_messageBar);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(m_messageBar);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, m_messageBar, &QWidget::hide);
    barLayout->addWidget(m_messageLabel, 1);
    barLayout->addWidget(close);
    m_messageBar->hide();

    m_canvas = new MapCanvas(area);
    connect(m_canvas, &MapCanvas::parcelSelected, this, &MainWindow::onParcelSelected);
    connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::onCursorMoved);
    connect(m_canvas, &MapCanvas::viewChanged, this, &MainWindow::updateScale);

    layout->addWidget(m_messageBar);
    layout->addWidget(m_canvas, 1);
    return area;
}

bool MainWindow::selectParcelById(core::FeatureId parcelId)
{
    if (!m_project)
        return false;
    for (std::size_t i = 0; i < m_project->parcels.size(); ++i) {
        if (m_project->parcels[i].id == parcelId) {
            m_canvas->setSelectedParcel(static_cast<int>(i));
            return true;
        }
    }
    return false;
}

void MainWindow::showMessage(const QString& text)
{
    m_messageLabel->setText(text);
    m_messageBar->show();
    logMessage(text);
}

void MainWindow::logMessage(const QString& text)
{
    m_messages->appendPlainText(QStringLiteral("%1  %2").arg(
        QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat), text));
}

void MainWindow::syncTableFromMap()
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    m_table->selectParcels(m_canvas->selectedParcels(), m_canvas->selectedParcel());
    m_syncingSelection = false;
}

void MainWindow::syncMapFromTable(const QList<int>& indices, int current)
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    m_canvas->setSelectedParcels(indices, current);
    m_syncingSelection = false;
}

QString MainWindow::messageText() const
{
    return m_messageBar->isHidden() ? QString() : m_messageLabel->text();
}

void MainWindow::onParcelSelected(int index)
{
    if (!m_project || !m_analysis || index < 0) {
        m_inspector->showNothing();
        return;
    }
    m_inspector->showParcel(*m_project, *m_analysis, index);
}

void MainWindow::onCursorMoved(const QPointF& mapPoint)
{
    const QLocale locale;
    m_coordinatesLabel->setText(tr("E %1  N %2 m")
                                    .arg(locale.toString(mapPoint.x(), 'f', 1),
                                         locale.toString(mapPoint.y(), 'f', 1)));
    if (m_project && !m_project->crsName.empty())
        m_coordinatesLabel->setToolTip(QString::fromStdString(m_project->crsName));
}

void MainWindow::updateScale()
{
    const double denominator = m_canvas->transform().scaleDenominator(logicalDpiX());
    m_scaleLabel->setText(
        tr("Scale 1:%1").arg(QLocale().toString(std::round(denominator), 'f', 0)));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmUnsavedEdits()) {
        event->ignore();
        return;
    }
    if (m_loadJob->isRunning())
        m_loadJob->cancel();
    // Unsaved edits stay in the recovery file: the next start offers them again.
    m_recovery->close();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    QMainWindow::closeEvent(event);
}

} // namespace greenrenew::ui
