#pragma once

// The desktop's main window: the map in the centre, docks for the legend and the parcel
// inspector, a message bar for failures, cursor coordinates and scale in the status bar.

#include "core/analysis.h"
#include "core/model.h"
#include "gis/edit_log_store.h"

#include <QMainWindow>

#include <memory>
#include <vector>

class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QToolButton;
class QFrame;

namespace greenrenew::ui {

class AnnotationController;
class AttributeTable;
class EditController;
class ImportReportView;
class LayersWidget;
class LegendWidget;
class LoadJob;
class MapCanvas;
class OutputActions;
class ParcelInspector;
class ProjectDocument;
class RecoveryJournal;
class ScenarioPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// What to do with edits left in a recovery file when their data set is opened again.
    enum class RestoreChoice { Ask, Restore, Discard };
    void setRestoreChoice(RestoreChoice choice) { m_restoreChoice = choice; }
    /// The journal of the shown data set's edits.
    RecoveryJournal* recovery() const { return m_recovery; }

    /// Opens and analyses PATH in the background; the map shows it when done. False when a
    /// load is already running.
    bool openDataset(const QString& path);
    /// Shows an already analysed project (the loader's end, and tests).
    void setProject(std::shared_ptr<const core::Project> project,
                    std::shared_ptr<const core::Analysis> analysis, const QString& path = {});

    /// Selects the parcel whose id is PARCELID; false when no parcel has it.
    bool selectParcelById(core::FeatureId parcelId);

    MapCanvas* canvas() const { return m_canvas; }
    ParcelInspector* inspector() const { return m_inspector; }
    AttributeTable* attributeTable() const { return m_table; }
    LegendWidget* legend() const { return m_legend; }
    LayersWidget* layers() const { return m_layers; }
    ImportReportView* importReport() const { return m_importReport; }
    ScenarioPanel* scenarios() const { return m_scenarios; }
    /// The Annotate tools and the shown project's annotations (saved with the results).
    AnnotationController* annotations() const { return m_annotations; }
    /// File > Print Report… and Export Map….
    OutputActions* output() const { return m_output; }
    /// The shown project's file, its unsaved-edits flag and the question before losing them.
    ProjectDocument* document() const { return m_document; }
    /// File > Save: to the project file, or Save As when there is none yet; false when the
    /// project was not saved (failed or cancelled).
    bool saveProject();
    /// Writes the project file PATH (layers, results, the project's tables); it becomes the
    /// shown project's file. False with a message when it fails.
    bool saveProjectTo(const QString& path);
    /// Writes the shown project's results to PATH (GeoPackage, atomically); false with a
    /// message when it fails.
    bool saveResults(const QString& path);
    /// Adds a time-stamped line to the messages dock.
    void logMessage(const QString& text);
    /// Recently opened data sets, newest first (QSettings).
    static QStringList recentProjects();
    /// The editing tools and the undo stack of the shown project.
    EditController* editor() const { return m_editor; }
    /// The edit steps of the shown project since it was opened, written with the results.
    const std::vector<gis::EditLogEntry>& editLog() const { return m_editLog; }
    /// Text of the message bar; empty when it is hidden.
    QString messageText() const;

signals:
    /// A load started by openDataset() ended; OK false when a message says why.
    void loadFinished(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createEditing();
    void createDocks();
    void createStatusBar();
    QWidget* createCentralArea();
    void showMessage(const QString& text);
    void onLoadFinished();
    void onParcelSelected(int index);
    void onCursorMoved(const QPointF& mapPoint);
    void updateScale();
    void chooseDataset();
    void chooseResultsPath();
    void rememberRecent(const QString& path);
    void updateRecentMenu();
    void syncTableFromMap();
    void syncMapFromTable(const QList<int>& indices, int current);
    void offerRecovery();
    // main_window_file.cpp
    void createProjectDocument();
    void createProjectActions(QMenu* file, QAction* open);
    void newProject();
    void saveProjectAs();
    /// Before unsaved edits would be lost: true to go on (saved or discarded), false to stop.
    bool confirmUnsavedEdits();
    void updateTitle();
    // main_window_help.cpp
    void createSettingsAndHelp();
    // main_window_output.cpp
    void createAnnotating(QMenu* editMenu);
    void createOutputActions(QMenu* fileMenu);
    void openAnnotations(const QString& path);
    bool saveAnnotations(const QString& path);

    MapCanvas* m_canvas = nullptr;
    ParcelInspector* m_inspector = nullptr;
    LegendWidget* m_legend = nullptr;
    LayersWidget* m_layers = nullptr;
    AttributeTable* m_table = nullptr;
    ImportReportView* m_importReport = nullptr;
    ScenarioPanel* m_scenarios = nullptr;
    QPlainTextEdit* m_messages = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_panelsMenu = nullptr;
    bool m_syncingSelection = false;
    LoadJob* m_loadJob = nullptr;
    EditController* m_editor = nullptr;
    RecoveryJournal* m_recovery = nullptr;
    ProjectDocument* m_document = nullptr;
    AnnotationController* m_annotations = nullptr;
    OutputActions* m_output = nullptr;
    QString m_projectPath;
    RestoreChoice m_restoreChoice = RestoreChoice::Ask;
    std::vector<gis::EditLogEntry> m_editLog;
    QFrame* m_messageBar = nullptr;
    QLabel* m_messageLabel = nullptr;
    QLabel* m_coordinatesLabel = nullptr;
    QLabel* m_scaleLabel = nullptr;
    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QToolButton* m_cancelLoadButton = nullptr;

    std::shared_ptr<const core::Project> m_project;
    std::shared_ptr<const core::Analysis> m_analysis;
};

} // namespace greenrenew::ui
