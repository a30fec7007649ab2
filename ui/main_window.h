#pragma once

// The desktop's main window: the map in the centre, docks for the legend and the parcel
// inspector, a message bar for failures, cursor coordinates and scale in the status bar.

#include "core/analysis.h"
#include "core/model.h"
#include "gis/edit_log_store.h"

#include <QMainWindow>

#include <memory>
#include <vector>

class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QFrame;

namespace greenrenew::ui {

class AttributeTable;
class EditController;
class ImportReportView;
class LayersWidget;
class LegendWidget;
class LoadJob;
class MapCanvas;
class ParcelInspector;
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
    RestoreChoice m_restoreChoice = RestoreChoice::Ask;
    std::vector<gis::EditLogEntry> m_editLog;
    QFrame* m_messageBar = nullptr;
    QLabel* m_messageLabel = nullptr;
    QLabel* m_coordinatesLabel = nullptr;
    QLabel* m_scaleLabel = nullptr;
    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;

    std::shared_ptr<const core::Project> m_project;
    std::shared_ptr<const core::Analysis> m_analysis;
};

} // namespace greenrenew::ui
