#include "ui/main_window.h"

#include "ui/attribute_table.h"
#include "ui/import_report_view.h"
#include "ui/layers_widget.h"
#include "ui/legend_widget.h"
#include "ui/load_job.h"
#include "ui/map_canvas.h"
#include "ui/parcel_inspector.h"
#include "ui/scenario_panel.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

// The main window's docks (layers, legend, parcel, attribute table, import report, messages,
// scenarios) and its status bar.

namespace greenrenew::ui {

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
    QDockWidget* scenariosDock = dock(tr("Scenarios"), QStringLiteral("scenariosDock"),
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

void MainWindow::createStatusBar()
{
    m_progressLabel = new QLabel(this);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setRange(0, 100);
    m_progressBar->setMaximumWidth(200);
    m_cancelLoadButton = new QToolButton(this);
    m_cancelLoadButton->setObjectName(QStringLiteral("cancelLoadButton"));
    m_cancelLoadButton->setText(tr("Cancel"));
    m_cancelLoadButton->setToolTip(tr("Stop opening the data set"));
    connect(m_cancelLoadButton, &QToolButton::clicked, this, [this] {
        m_loadJob->cancel();
        m_progressLabel->setText(tr("Cancelling…"));
        m_cancelLoadButton->setEnabled(false);
    });
    m_progressLabel->hide();
    m_progressBar->hide();
    m_cancelLoadButton->hide();
    m_coordinatesLabel = new QLabel(this);
    m_coordinatesLabel->setMinimumWidth(260);
    m_scaleLabel = new QLabel(this);
    m_scaleLabel->setMinimumWidth(110);
    statusBar()->addWidget(m_progressLabel);
    statusBar()->addWidget(m_progressBar);
    statusBar()->addWidget(m_cancelLoadButton);
    statusBar()->addPermanentWidget(m_coordinatesLabel);
    statusBar()->addPermanentWidget(m_scaleLabel);
}

} // namespace greenrenew::ui
