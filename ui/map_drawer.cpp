#include "ui/map_drawer.h"

#include <QPainter>

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

namespace greenrenew::ui {

struct MapDrawer::Job {
    MapDrawRequest request;
    int threads = 2;
    std::atomic<bool> cancel{false};
    std::mutex mutex;
    std::condition_variable doneChanged;
    bool done = false;  // under mutex
    QImage image;       // under mutex until done; null when cancelled
    bool delivered = false;  // UI thread only
    std::thread thread;
};

MapDrawer::MapDrawer(QObject* parent) : QObject(parent) {}

MapDrawer::~MapDrawer()
{
    stop();
}

QImage MapDrawer::drawPicture(const MapDrawRequest& request, int threads,
                              const std::atomic<bool>* cancel)
{
    QImage image(request.pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(request.pixelRatio);
    image.fill(Qt::white);
    if (!request.project || !request.analysis || image.isNull())
        return image;
    const QRectF target(QPointF(0, 0), QSizeF(request.pixels) / request.pixelRatio);
    render::MapOptions options = request.options;
    options.cancel = cancel;
    // The index may still be being built: the drawing waits for it here, off the UI thread.
    const std::shared_ptr<render::MapIndex> index =
        request.index.valid() ? request.index.get() : nullptr;
    options.index = index.get();
    const auto paint = [&](QImage& onto, const QRectF& clip) {
        QPainter painter(&onto);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setClipRect(clip);
        render::drawMap(painter, target, *request.project, *request.analysis, options);
    };

    const int split = request.pixels.height() / 2;
    if (threads < 2 || split < 1) {
        paint(image, target);
    } else {
        // Each half in its own picture (a picture takes one painter at a time), the lower
        // one's rows copied over afterwards.
        const double splitLogical = split / request.pixelRatio;
        QImage lower(image.size(), image.format());
        lower.setDevicePixelRatio(request.pixelRatio);
        lower.fill(Qt::white);
        std::thread other([&] {
            paint(lower, QRectF(0, splitLogical, target.width(), target.height() - splitLogical));
        });
        paint(image, QRectF(0, 0, target.width(), splitLogical));
        other.join();
        for (int y = split; y < image.height(); ++y)
            std::memcpy(image.scanLine(y), lower.constScanLine(y),
                        static_cast<std::size_t>(image.bytesPerLine()));
    }
    if (cancel && cancel->load())
        return {};
    return image;
}

void MapDrawer::draw(MapDrawRequest request)
{
    reap();
    cancel();
    auto job = std::make_shared<Job>();
    job->request = std::move(request);
    job->threads = m_threads;
    m_newest = job;
    m_jobs.push_back(job);
    job->thread = std::thread([this, job] {
        QImage image = drawPicture(job->request, job->threads, &job->cancel);
        {
            std::lock_guard<std::mutex> lock(job->mutex);
            job->image = std::move(image);
            job->done = true;
        }
        job->doneChanged.notify_all();
        // The drawer outlives the thread (its destructor joins), so the call is safe to post.
        QMetaObject::invokeMethod(this, [this, job] { finish(job); }, Qt::QueuedConnection);
    });
}

void MapDrawer::cancel()
{
    if (m_newest)
        m_newest->cancel = true;
    m_newest.reset();
}

void MapDrawer::stop()
{
    cancel();
    for (const std::shared_ptr<Job>& job : m_jobs)
        job->cancel = true;
    for (const std::shared_ptr<Job>& job : m_jobs) {
        if (job->thread.joinable())
            job->thread.join();
    }
    m_jobs.clear();
}

bool MapDrawer::busy() const
{
    return m_newest && !m_newest->delivered;
}

bool MapDrawer::waitFor(int ms)
{
    const std::shared_ptr<Job> job = m_newest;
    if (!job)
        return false;
    if (job->delivered)
        return true;
    {
        std::unique_lock<std::mutex> lock(job->mutex);
        const auto done = [&] { return job->done; };
        if (ms < 0)
            job->doneChanged.wait(lock, done);
        else if (!job->doneChanged.wait_for(lock, std::chrono::milliseconds(ms), done))
            return false;
    }
    finish(job);
    return job->delivered;
}

void MapDrawer::finish(const std::shared_ptr<Job>& job)
{
    if (job == m_newest && !job->delivered) {
        QImage image;
        {
            std::lock_guard<std::mutex> lock(job->mutex);
            image = job->image;
        }
        if (!image.isNull()) {
            job->delivered = true;
            emit drawn(image, job->request.transform, job->request.generation);
        }
    }
    reap();
}

void MapDrawer::reap()
{
    std::erase_if(m_jobs, [](const std::shared_ptr<Job>& job) {
        {
            std::lock_guard<std::mutex> lock(job->mutex);
            if (!job->done)
                return false;
        }
        // Done: the thread only posts its call to finish() now, so joining is brief.
        if (job->thread.joinable())
            job->thread.join();
        return true;
    });
}

} // namespace greenrenew::ui
