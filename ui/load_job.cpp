#include "ui/load_job.h"

#include "core/stage_control.h"
#include "gis/project_loader.h"
#include "ui/logging.h"

#include <QThread>

#include <exception>

namespace greenrenew::ui {

LoadJob::LoadJob(QObject* parent) : QObject(parent) {}

LoadJob::~LoadJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

bool LoadJob::start(const QString& path, const gis::ImportOptions& options)
{
    if (m_thread)
        return false;
    m_cancel.store(false);
    m_result = LoadedProject();
    m_result.path = path;
    m_thread = QThread::create([this, path, options] { run(path, options); });
    // The thread object lives in the GUI thread, so this slot runs there after run() ends.
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        emit finished();
    });
    m_thread->start();
    return true;
}

void LoadJob::run(const QString& path, const gis::ImportOptions& options)
{
    // Worker thread: touch only m_result (read by the GUI thread after finished) and post
    // progress as queued calls.
    auto report = [this](const QString& step, double fraction) {
        QMetaObject::invokeMethod(
            this, [this, step, fraction] { emit progress(step, fraction); },
            Qt::QueuedConnection);
    };
    try {
        report(tr("Reading %1").arg(path), 0.0);
        gis::ImportReport importReport;
        core::Result<core::Project> project =
            gis::loadProject(path, gis::LoadOptions{options, {}}, importReport);
        m_result.report = importReport;
        if (!project) {
            const core::Error& error = project.error();
            m_result.error = QString::fromStdString(error.describe());
            if (error.path.empty())
                m_result.error = tr("%1: %2").arg(path, m_result.error);
            return;
        }

        // Reading cannot be interrupted; a cancel pressed meanwhile stops before the analysis.
        if (m_cancel.load()) {
            m_result.error = tr("%1: opening cancelled").arg(path);
            return;
        }
        core::StageControl control;
        control.cancel = &m_cancel;
        control.progress = [&report](const std::string& step, double fraction) {
            report(QString::fromStdString(step), fraction);
        };
        auto shared = std::make_shared<const core::Project>(std::move(project.value()));
        auto analysis = std::make_shared<const core::Analysis>(core::runAnalysis(*shared, control));
        if (m_cancel.load()) {
            m_result.error = tr("%1: analysis cancelled").arg(path);
            return;
        }
        m_result.project = std::move(shared);
        m_result.analysis = std::move(analysis);
        qCInfo(lcUi) << "loaded" << path << "with" << m_result.project->parcels.size()
                     << "parcels";
    } catch (const std::exception& error) {
        // A broken invariant (e.g. a method parameter missing from the resources) must not
        // take the window down; the user sees it like any other failure.
        m_result.error = tr("%1: %2").arg(path, QString::fromUtf8(error.what()));
    }
    if (!m_result.error.isEmpty())
        qCCritical(lcUi) << "cannot open" << m_result.error;
}

} // namespace greenrenew::ui
