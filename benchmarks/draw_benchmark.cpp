// Times the desktop's map canvas on a generated city: the first full draw of the whole city
// in a 1600 x 1000 view, then, at several scales, the frames shown while the view pans and
// zooms in (the canvas shifts and scales its pixmap) and the full redraw once the view rests.
// Loading and analysis are excluded. Not a test: run it by hand on the offscreen platform
// (README.md).
//
//   draw_benchmark DATA [--repeat N] [--steps K]
//
// --repeat N tiles the loaded project N times in memory (tile_city.h, every layer); the
// analysis is run once on DATA and its results copied to every tile, whose parcels have the
// same figures by construction. --steps K: pans and zooms per scale (default 6).

#include "core/analysis.h"
#include "ui/map_canvas.h"

#include "load_project.h"
#include "process_clock.h"
#include "tile_city.h"

#include <QApplication>
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

struct Options {
    std::size_t repeat = 1;
    int steps = 6;
};

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--repeat" && i + 1 < argc)
            options.repeat = std::stoul(argv[++i]);
        else if (arg == "--steps" && i + 1 < argc)
            options.steps = std::stoi(argv[++i]);
    }
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
    std::vector<double> movingMs;  // frames while the view moves (the pixmap stands in)
    std::vector<double> restMs;    // the full redraw once the view rests
};

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
    timings.restMs.push_back(paintMs(canvas, screen));
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
    std::printf("%9.0f m  1:%-9.0f pan: moving max %5.1f ms, redraw median %6.1f max %6.1f ms"
                " | zoom: moving max %5.1f ms, redraw median %6.1f max %6.1f ms\n",
                widthM, scale, maxOf(pan.movingMs), medianOf(pan.restMs), maxOf(pan.restMs),
                maxOf(zoom.movingMs), medianOf(zoom.restMs), maxOf(zoom.restMs));
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

    ui::MapCanvas canvas;
    canvas.resize(kViewWidth, kViewHeight);
    // The canvas stays hidden, so nothing paints it but the timed render() calls; a hidden
    // widget gets its resize event only when asked.
    QResizeEvent resized(canvas.size(), QSize());
    QCoreApplication::sendEvent(&canvas, &resized);
    QPixmap screen(kViewWidth, kViewHeight);
    const Clock::time_point setStart = Clock::now();
    canvas.setData(shared, analysis);
    const double setDataMs = secondsSince(setStart) * 1000.0;
    const double firstMs = paintMs(canvas, screen);
    std::printf("setData (index, extents) %.0f ms; first full draw %.0f ms\n", setDataMs,
                firstMs);

    const double cityWidthM = canvas.fullExtent().width();
    for (double widthM : {cityWidthM, cityWidthM / 4, 10000.0, 2500.0, 600.0, 150.0}) {
        if (widthM <= cityWidthM)
            timeScale(canvas, screen, widthM, options.steps);
    }
    std::printf("peak memory %ld MB\n", peakMemoryMb());
    return 0;
}
