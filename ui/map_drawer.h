#pragma once

// Draws the map canvas's picture in worker threads, so a slow picture (a whole city takes
// seconds) never freezes the window. A new request cancels the one being drawn: the newest
// wins, and a picture comes back only for it. Two threads draw an upper and a lower half at
// once (render::drawMap looks only at what its clip shows) and the halves are joined; the
// result is the same, pixel for pixel, as one drawMap over the whole. The halves cost about
// 5 % more CPU time than one whole (benchmarks/README.md) and use a second core when free.

#include "core/analysis.h"
#include "core/model.h"
#include "ui/map_transform.h"
#include "ui/render/map_index.h"
#include "ui/render/map_renderer.h"

#include <QImage>
#include <QObject>
#include <QSize>

#include <future>
#include <memory>
#include <vector>

namespace greenrenew::ui {

/// The drawing index of a project, built in a thread of its own (a city's takes a second or
/// more); a drawing waits for it.
using MapIndexFuture = std::shared_future<std::shared_ptr<render::MapIndex>>;

/// What one picture is drawn from. The shared pointers keep the data alive while it is
/// drawn; the project's parcels and the index must not change until stop() returned (the
/// canvas stops the drawing before an edit), the analysis is not read (the options carry the
/// parcels' colours).
struct MapDrawRequest {
    std::shared_ptr<const core::Project> project;
    std::shared_ptr<const core::Analysis> analysis;
    /// Without an index every feature is looked at (the same picture, slower).
    MapIndexFuture index;
    render::MapOptions options;
    /// Size of the picture in device pixels, and device pixels per logical pixel.
    QSize pixels;
    qreal pixelRatio = 1;
    /// The view the picture shows, handed back with it.
    MapTransform transform;
    /// The canvas's count of changes to data and style when asked, handed back too.
    int generation = 0;
};

class MapDrawer : public QObject {
    Q_OBJECT

public:
    explicit MapDrawer(QObject* parent = nullptr);
    /// Cancels what is being drawn and waits for the threads.
    ~MapDrawer() override;

    /// Starts drawing REQUEST; a drawing still in progress is cancelled.
    void draw(MapDrawRequest request);
    /// Cancels the drawing in progress without waiting (a view change made it useless).
    void cancel();
    /// Cancels the drawing in progress and waits until no thread reads the project any more.
    void stop();
    /// Waits at most MS milliseconds (negative: until done) for the newest request; when it
    /// finished, its picture is delivered through drawn() before this returns true.
    bool waitFor(int ms);
    /// A requested picture has not come back yet.
    bool busy() const;
    /// Threads drawing one picture: 2 (two halves, the default) or 1.
    void setThreads(int threads) { m_threads = threads < 2 ? 1 : 2; }

    /// The whole picture of REQUEST drawn in this thread by THREADS threads (the worker's own
    /// work; tests compare it with a direct drawMap). Null when CANCEL was set meanwhile.
    static QImage drawPicture(const MapDrawRequest& request, int threads,
                              const std::atomic<bool>* cancel = nullptr);

signals:
    /// The newest request's picture is done: IMAGE shows TRANSFORM as of GENERATION.
    void drawn(const QImage& image, const MapTransform& transform, int generation);

private:
    struct Job;
    void finish(const std::shared_ptr<Job>& job);
    void reap();

    std::vector<std::shared_ptr<Job>> m_jobs;  // running, or done and not yet joined
    std::shared_ptr<Job> m_newest;
    int m_threads = 2;
};

} // namespace greenrenew::ui
