// Times the desktop's map canvas on a generated city: the first full draw of the whole city
// in a 1600 x 1000 view, then, at several scales, the frames shown while the view pans and
// zooms in (the canvas shifts and scales its picture) and the redraw once the view rests.
// Each redraw gives two figures: how long the paint held the UI thread (the canvas waits at
// most MapCanvas::kDrawWaitMs for the picture drawn in worker threads), and how long until
// the new picture was shown. Loading and analysis are excluded. Not a test: run it by hand on
// the offscreen platform (README.md).
//
//   draw_benchmark DATA [--repeat N] [--steps K] [--modes background,ui-thread]
//
// --repeat N tiles the loaded project N times in memory (tile_city.h, every layer); the
// analysis is run once on DATA and its results copied to every tile, whose parcels have the
// same figures by construction. --steps K: pans and zooms per scale (default 6). --modes: the
// ways of drawing timed in turn: background (the canvas's own: two worker threads, a half
// each), background-1 (one worker thread), ui-thread (one thread, each paint waits for its
// picture: as before the canvas drew in the background).

#include "core/analysis.h"
#include "ui/map_canvas.h"

#include "load_project.h"
#include "process_clock.h"
#include "tile_city.h"

#include <QApplication>
#include <QEventLoop>
#include <QKeyEvent>
#include <QPixmap>
#include <QResizeEvent>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace core = greenrenew::core;
namespace ui = greenrenew::ui;

using greenrenew::bench::Clock;
using greenrenew::bench::peakMemoryMb;
using greenrenew::bench::secondsSince;

namespace {

constexpr int kViewWidth = 1600;
constexpr int kViewHeight = 1000;

struct Mode {
    std::string name;
    int threads = 2;
    int waitMs = ui::MapCanvas::kDrawWaitMs;
};

struct Options {
    std::size_t repeat = 1;
    int steps = 6;
    std::vector<Mode> modes;
};

std::optional<Mode> modeNamed(const std::string& name)
{
    if (name == "background")
        return Mode{name, 2, ui::MapCanvas::kDrawWaitMs};
    if (name == "background-1")
        return Mode{name, 1, ui::MapCanvas::kDrawWaitMs};
    if (name == "ui-thread")
        return Mode{name, 1, -1};
    return std::nullopt;
}

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--repeat" && i + 1 < argc)
            options.repeat = std::stoul(argv[++i]);
        else if (arg == "--steps" && i + 1 < argc)
            options.steps = std::stoi(argv[++i]);
        else if (arg == "--modes" && i + 1 < argc) {
            std::string list = argv[++i];
            for (std::size_t start = 0; start <= list.size();) {
                const std::size_t comma = std::min(list.find(',', start), list.size());
                if (std::optional<Mode> mode = modeNamed(list.substr(start, comma - start)))
                    options.modes.push_back(*mode);
                else
                    std::fprintf(stderr, "unknown mode in %s\n", list.c_str());
                start = comma + 1;
            }
        }
    }
    if (options.modes.empty())
        options.modes.push_back(*modeNamed("background"));
    return options;
}

/// The sample's results repeated for each tile, ids offset as tileProject offsets them.
core::Analysis tiledAnalysis(const core::Analysis& sample, std::size_t tiles)
{
    core::Analysis analysis = sample;
    analysis.parcels.reserve(sample.parcels.size() * tiles);
    const core::FeatureId stride = 10'000'000;
    for (std::size_t t = 1; t < tiles; ++t) {
        for (core::ParcelResult result : sample.parcels) {
            result.parcelId += static_cast<core::FeatureId>(t) * stride;
            analysis.parcels.push_back(std::move(result));
        }
    }
    return analysis;
}

/// Paints the canvas once as the screen would, in milliseconds of wall time.
double paintMs(ui::MapCanvas& canvas, QPixmap& screen)
{
    const Clock::time_point start = Clock::now();
    canvas.render(&screen);
    return secondsSince(start) * 1000.0;
}

struct Timings {
    std::vector<double> movingMs;  // frames while the view moves (the picture stands in)
    std::vector<double> blockedMs; // the paint once the view rests (UI thread held)
    std::vector<double> shownMs;   // from that paint until the new picture is shown
    std::vector<double> cpuMs;     // CPU time of the process (every thread) meanwhile
};

/// Runs the event loop (asleep between events, so the UI thread takes no CPU from the
/// drawing) until the canvas shows the picture it is drawing; the time since START in ms.
double untilShown(ui::MapCanvas& canvas, Clock::time_point start)
{
    if (canvas.drawing()) {
        QEventLoop loop;
        QObject::connect(&canvas, &ui::MapCanvas::drawn, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return secondsSince(start) * 1000.0;
}

void pressKey(ui::MapCanvas& canvas, Qt::Key key)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
    QCoreApplication::sendEvent(&canvas, &press);
}

/// One move (KEY), the frame drawn while it moves, then the redraw after the rest delay.
void timeMove(ui::MapCanvas& canvas, QPixmap& screen, Qt::Key key, Timings& timings)
{
    pressKey(canvas, key);
    timings.movingMs.push_back(paintMs(canvas, screen));
    QTest::qWait(ui::MapCanvas::kRedrawDelayMs + 20);
    const int drawsBefore = canvas.fullDrawCount();
    const double cpuStart = greenrenew::bench::processCpuSeconds();
    const Clock::time_point start = Clock::now();
    timings.blockedMs.push_back(paintMs(canvas, screen));
    timings.shownMs.push_back(untilShown(canvas, start));
    timings.cpuMs.push_back((greenrenew::bench::processCpuSeconds() - cpuStart) * 1000);
    if (canvas.fullDrawCount() == drawsBefore)
        std::fprintf(stderr, "warning: no full redraw after the view rested\n");
}

double maxOf(const std::vector<double>& values)
{
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// Pans (arrow keys, a quarter view each) and zooms in (+ key) around a view WIDTHM wide.
void timeScale(ui::MapCanvas& canvas, QPixmap& screen, double widthM, int steps)
{
    const QRectF full = canvas.fullExtent();
    const double heightM = widthM * kViewHeight / kViewWidth;
    canvas.zoomToExtent(QRectF(full.center().x() - widthM / 2, full.center().y() - heightM / 2,
                               widthM, heightM));
    QTest::qWait(ui::MapCanvas::kRedrawDelayMs + 20);
    paintMs(canvas, screen);
    untilShown(canvas, Clock::now());
    const double scale = canvas.transform().scaleDenominator(canvas.logicalDpiX());

    Timings pan;
    const Qt::Key keys[] = {Qt::Key_Right, Qt::Key_Down, Qt::Key_Left, Qt::Key_Up};
    for (int i = 0; i < steps; ++i)
        timeMove(canvas, screen, keys[i % 4], pan);
    Timings zoom;
    for (int i = 0; i < steps; ++i) {
        timeMove(canvas, screen, Qt::Key_Plus, zoom);
        timeMove(canvas, screen, Qt::Key_Minus, zoom);
    }
    Timings all = pan;
    const auto append = [](std::vector<double>& to, const std::vector<double>& from) {
        to.insert(to.end(), from.begin(), from.end());
    };
    append(all.movingMs, zoom.movingMs);
    append(all.blockedMs, zoom.blockedMs);
    append(all.shownMs, zoom.shownMs);
    append(all.cpuMs, zoom.cpuMs);
    std::printf("%9.0f m  1:%-9.0f moving max %5.1f ms | rest: UI thread median %6.1f max %6.1f"
                " ms, picture shown median %7.1f max %7.1f ms (pan %7.1f, zoom %7.1f),"
                " CPU median %7.1f ms\n",
                widthM, scale, maxOf(all.movingMs), medianOf(all.blockedMs),
                maxOf(all.blockedMs), medianOf(all.shownMs), maxOf(all.shownMs),
                medianOf(pan.shownMs), medianOf(zoom.shownMs), medianOf(all.cpuMs));
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
    if (argc < 2) {
        std::fprintf(stderr, "usage: draw_benchmark DATA [--repeat N] [--steps K]\n");
        return 2;
    }
    const Options options = parse(argc, argv);

    std::optional<core::Project> loaded = greenrenew::bench::loadOrSay(argv[1]);
    if (!loaded)
        return 1;
    core::Project project = std::move(*loaded);
    const core::Analysis sample = core::runAnalysis(project);
    greenrenew::bench::tileProject(project, options.repeat,
                                   {.buildingsAndGreen = true, .streetsAndFacilities = true});
    auto shared = std::make_shared<const core::Project>(std::move(project));
    auto analysis = std::make_shared<const core::Analysis>(tiledAnalysis(sample, options.repeat));
    std::printf("%zu tiles: %zu parcels, %zu buildings, %zu green spaces, %zu streets, "
                "%zu facilities; view %d x %d\n",
                options.repeat, shared->parcels.size(), shared->buildings.size(),
                shared->green.size(), shared->streets.size(), shared->facilities.size(),
                kViewWidth, kViewHeight);

    for (const Mode& mode : options.modes) {
        ui::MapCanvas canvas;
        canvas.setDrawThreads(mode.threads);
        canvas.setDrawWaitMs(mode.waitMs);
        canvas.resize(kViewWidth, kViewHeight);
        // The canvas stays hidden, so nothing paints it but the timed render() calls; a
        // hidden widget gets its resize event only when asked.
        QResizeEvent resized(canvas.size(), QSize());
        QCoreApplication::sendEvent(&canvas, &resized);
        QPixmap screen(kViewWidth, kViewHeight);
        std::printf("mode %s: %d thread(s), a paint waits %d ms for the picture (-1: always)\n",
                    mode.name.c_str(), mode.threads, mode.waitMs);
        const Clock::time_point setStart = Clock::now();
        canvas.setData(shared, analysis);
        const double setDataMs = secondsSince(setStart) * 1000.0;
        const double cpuStart = greenrenew::bench::processCpuSeconds();
        const Clock::time_point firstStart = Clock::now();
        const double firstBlockedMs = paintMs(canvas, screen);
        const double firstShownMs = untilShown(canvas, firstStart);
        const double firstCpuMs = (greenrenew::bench::processCpuSeconds() - cpuStart) * 1000;
        std::printf("setData (index, extents) %.0f ms; first full draw: UI thread %.0f ms, "
                    "picture shown %.0f ms (CPU %.0f ms)\n",
                    setDataMs, firstBlockedMs, firstShownMs, firstCpuMs);

        const double cityWidthM = canvas.fullExtent().width();
        for (double widthM : {cityWidthM, cityWidthM / 4, 10000.0, 2500.0, 600.0, 150.0}) {
            if (widthM <= cityWidthM)
                timeScale(canvas, screen, widthM, options.steps);
        }
    }
    std::printf("peak memory %ld MB\n", peakMemoryMb());
    return 0;
}
