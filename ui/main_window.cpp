#include "ui/main_window.h"

#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "gis/results_writer.h"
#include "ui/attribute_table.h"
#include "ui/import_report_view.h"
#include "ui/layers_widget.h"
#include "ui/legend_widget.h"
#include "ui/load_job.h"
#include "ui/map_canvas.h"
#include "ui/parcel_inspector.h"
#include "ui/recovery_journal.h"
#include "ui/scenario_panel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace greenrenew::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kLastDirKey = QStringLiteral("mainWindow/lastOpenDir");
const QString kRecentKey = QStringLiteral("mainWindow/recentProjects");
constexpr int kRecentCount = 8;
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
    createStatusBar();

    resize(kDefaultWidth, kDefaultHeight);
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
}

MainWindow::~MainWindow() = default;

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

void MainWindow::createDocks()
{
    const auto dock = [this](const QString& title, const QString& name, QWidget* content,
                             Qt::DockWidgetArea area) {
        auto* widget = new QDockWidget(title, this);
        widget->setObjectName(name);
        content->setParent(widget);
        widget->setWidget(content);
        addDockWidget(area, widget);
        return widget;
    };

    m_layers = new LayersWidget;
    QDockWidget* layersDock =
        dock(tr("Layers"), QStringLiteral("layersDock"), m_layers, Qt::LeftDockWidgetArea);
    connect(m_layers, &LayersWidget::layerToggled, m_canvas, &MapCanvas::setLayerVisible);
    connect(m_layers, &LayersWidget::zoomToLayerRequested, m_canvas, &MapCanvas::zoomToLayer);

    m_legend = new LegendWidget;
    QDockWidget* legendDock =
        dock(tr("Legend"), QStringLiteral("legendDock"), m_legend, Qt::LeftDockWidgetArea);
    connect(m_legend, &LegendWidget::themeChanged, m_canvas, &MapCanvas::setTheme);

    m_inspector = new ParcelInspector;
    QDockWidget* inspectorDock =
        dock(tr("Parcel"), QStringLiteral("parcelDock"), m_inspector, Qt::RightDockWidgetArea);

    m_table = new AttributeTable;
    QDockWidget* tableDock = dock(tr("Attribute table"), QStringLiteral("tableDock"), m_table,
                                  Qt::BottomDockWidgetArea);
    connect(m_table, &AttributeTable::selectionChanged, this, &MainWindow::syncMapFromTable);
    connect(m_canvas, &MapCanvas::selectionChanged, this, &MainWindow::syncTableFromMap);
    connect(m_canvas, &MapCanvas::dataChanged, this, [this] {
        // An edit changed the parcels: the table and the graduated classes follow.
        m_table->setData(m_project, m_analysis);
        m_legend->setAnalysis(m_analysis);
        m_layers->setProject(m_project.get());
        syncTableFromMap();
    });

    m_importReport = new ImportReportView;
    QDockWidget* importDock = dock(tr("Import report"), QStringLiteral("importDock"),
                                   m_importReport, Qt::BottomDockWidgetArea);
    m_messages = new QPlainTextEdit;
    m_messages->setReadOnly(true);
    m_messages->setMaximumBlockCount(5000);
    QDockWidget* messagesDock = dock(tr("Messages"), QStringLiteral("messagesDock"), m_messages,
                                     Qt::BottomDockWidgetArea);
    m_scenarios = new ScenarioPanel;
    QDockWidget* scenariosDock = dock(tr("Scenarios / 情景"), QStringLiteral("scenariosDock"),
                                      m_scenarios, Qt::BottomDockWidgetArea);
    connect(m_scenarios, &ScenarioPanel::message, this, &MainWindow::logMessage);
    tabifyDockWidget(tableDock, importDock);
    tabifyDockWidget(importDock, messagesDock);
    tabifyDockWidget(messagesDock, scenariosDock);
    tableDock->raise();

    splitDockWidget(layersDock, legendDock, Qt::Vertical);
    resizeDocks({layersDock, inspectorDock}, {240, 420}, Qt::Horizontal);
    resizeDocks({layersDock, legendDock}, {170, 400}, Qt::Vertical);
    resizeDocks({tableDock}, {230}, Qt::Vertical);

    m_panelsMenu = new QMenu(tr("&Panels"), this);
    for (QDockWidget* widget :
         {layersDock, legendDock, inspectorDock, tableDock, importDock, messagesDock,
          scenariosDock})
        m_panelsMenu->addAction(widget->toggleViewAction());
}

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
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    QAction* saveAs =
        file->addAction(tr("Save Results &As…"), this, &MainWindow::chooseResultsPath);
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addAction(tr("Import Scenario File… / 导入情景文件…"), this,
                    [this] { m_scenarios->chooseAndImport(); });
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
    connect(m_editor, &EditController::message, this, &MainWindow::showMessage);
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

void MainWindow::createStatusBar()
{
    m_progressLabel = new QLabel(this);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setRange(0, 100);
    m_progressBar->setMaximumWidth(200);
    m_progressLabel->hide();
    m_progressBar->hide();
    m_coordinatesLabel = new QLabel(this);
    m_coordinatesLabel->setMinimumWidth(260);
    m_scaleLabel = new QLabel(this);
    m_scaleLabel->setMinimumWidth(110);
    statusBar()->addWidget(m_progressLabel);
    statusBar()->addWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_coordinatesLabel);
    statusBar()->addPermanentWidget(m_scaleLabel);
}

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
    if (!m_loadJob->start(path))
        return false;
    m_messageBar->hide();
    m_progressLabel->setText(tr("Opening %1").arg(path));
    m_progressBar->setValue(0);
    m_progressLabel->show();
    m_progressBar->show();
    QApplication::setOverrideCursor(Qt::BusyCursor);
    return true;
}

void MainWindow::onLoadFinished()
{
    QApplication::restoreOverrideCursor();
    m_progressLabel->hide();
    m_progressBar->hide();
    const LoadedProject& result = m_loadJob->result();
    m_importReport->setReport(result.report);
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
        m_recovery->start(path);
        offerRecovery();
    } else {
        m_recovery->start({});
    }
    m_inspector->showNothing();
    m_canvas->setData(m_project, m_analysis);
    m_table->setData(m_project, m_analysis);
    m_legend->setAnalysis(m_analysis);
    m_layers->setProject(m_project.get());
    m_scenarios->setProject(path, m_analysis);
    if (!m_scenarios->scenarioNames().isEmpty())
        m_scenarios->parentWidget()->raise();  // its dock: the project's plans come first
    setWindowTitle(path.isEmpty() ? tr("GreenRenew")
                                  : tr("%1 – GreenRenew").arg(QFileInfo(path).fileName()));
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
    logMessage(tr("Results written to %1").arg(path));
    statusBar()->showMessage(tr("Results written to %1").arg(path), 10000);
    return true;
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
