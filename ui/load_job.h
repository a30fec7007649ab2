#pragma once

// Opens a data set and analyses it on a worker thread: gis::loadProject (layers, method
// resources, suggested renewal types) then core::runAnalysis. Signals arrive on the GUI thread.

#include "core/analysis.h"
#include "core/model.h"
#include "gis/dataset_reader.h"
#include "gis/import_report.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace greenrenew::ui {

/// What a finished load hands over; project and analysis are null when it failed.
struct LoadedProject {
    QString path;
    std::shared_ptr<const core::Project> project;
    std::shared_ptr<const core::Analysis> analysis;
    gis::ImportReport report;
    QString error;  // names the file and the problem when the load failed
};

class LoadJob : public QObject {
    Q_OBJECT

public:
    explicit LoadJob(QObject* parent = nullptr);
    ~LoadJob() override;

    /// Starts loading PATH (with the layer roles, CRS and offsets of OPTIONS); false (and
    /// nothing started) while another load runs.
    bool start(const QString& path, const gis::ImportOptions& options = {});
    bool isRunning() const { return m_thread != nullptr; }
    /// Asks the running analysis to stop between parcels; finished() still follows.
    void cancel() { m_cancel.store(true); }
    /// True when cancel() was called during the last load.
    bool wasCancelled() const { return m_cancel.load(); }

    /// The outcome of the last load, valid once finished() was emitted.
    const LoadedProject& result() const { return m_result; }

signals:
    /// STEP's share done, 0..1.
    void progress(const QString& step, double fraction);
    void finished();

private:
    void run(const QString& path, const gis::ImportOptions& options);

    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    LoadedProject m_result;
};

} // namespace greenrenew::ui
