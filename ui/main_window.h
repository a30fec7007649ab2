#pragma once

// The desktop's main window: the map in the centre, docks for the legend and the parcel
// inspector, a message bar for failures, cursor coordinates and scale in the status bar.

#include "core/analysis.h"
#include "core/model.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QProgressBar;
class QFrame;

namespace greenrenew::ui {

class LegendWidget;
class LoadJob;
class MapCanvas;
class ParcelInspector;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

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
    /// Text of the message bar; empty when it is hidden.
    QString messageText() const;

signals:
    /// A load started by openDataset() ended; OK false when a message says why.
    void loadFinished(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createDocks();
    void createStatusBar();
    QWidget* createCentralArea();
    void showMessage(const QString& text);
    void onLoadFinished();
    void onParcelSelected(int index);
    void onCursorMoved(const QPointF& mapPoint);
    void updateScale();
    void chooseDataset();

    MapCanvas* m_canvas = nullptr;
    ParcelInspector* m_inspector = nullptr;
    LegendWidget* m_legend = nullptr;
    LoadJob* m_loadJob = nullptr;
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
