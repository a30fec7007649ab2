// Times the refresh after one parcel is edited, in the desktop's two parts: what the designer
// waits for (core::IncrementalAnalysis::updateEdited: the edited parcel's form metrics, walk
// gaps, ratings and ledger; then its map colour through render::ThemeClassifier over the
// analysis, as the canvas recolours), and what follows once the edit is on screen
// (updateDistrict: every parcel re-assessed when the district's residents moved, priorities
// ranked again). Not a test: run it by hand on the generated city (README.md).
//
//   edit_refresh_benchmark DATA [--repeat N] [--edits K] [--theme far] [--csv FILE]
//                               [--csv-edited FILE]
//
// --repeat N tiles the loaded project N times in memory (tile_city.h, every layer), --edits K
// edits the first K parcels of the middle tile in turn (default 50): corner 0 of each moved
// 0.5 m east (core::moveVertex), refreshed and timed, then put back (not timed). --theme far
// colours by the graduated FAR instead of the desktop's default theme (leading category).
// --csv writes every parcel's results of the full analysis (results_csv.h), --csv-edited those
// kept by the edit path after the last edit was put back: the two files should be identical.

#include "core/analysis.h"
#include "core/incremental_analysis.h"
#include "core/parcel_edit.h"
#include "ui/render/map_theme.h"

#include "load_project.h"
#include "process_clock.h"
#include "results_csv.h"
#include "tile_city.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace core = greenrenew::core;
namespace render = greenrenew::render;

using greenrenew::bench::Clock;
using greenrenew::bench::peakMemoryMb;
using greenrenew::bench::processCpuSeconds;
using greenrenew::bench::secondsSince;

namespace {

struct Refresh {
    double cpuMs = 0;
    double wallMs = 0;
    double colourCpuMs = 0;
    double districtCpuMs = 0;
    double districtWallMs = 0;
    std::size_t recomputed = 0;
    core::FeatureId parcelId = 0;
};

struct Options {
    std::size_t repeat = 1;
    std::size_t edits = 50;
    render::MapTheme theme;
    std::string csvPath;
    std::string editedCsvPath;
};

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--repeat" && i + 1 < argc)
            options.repeat = std::max<std::size_t>(1, std::stoul(argv[++i]));
        else if (arg == "--edits" && i + 1 < argc)
            options.edits = std::max<std::size_t>(1, std::stoul(argv[++i]));
        else if (arg == "--theme" && i + 1 < argc && std::string(argv[++i]) == "far")
            options.theme = {render::ThemeKind::Metric, {}, render::ThemeMetric::Far};
        else if (arg == "--csv" && i + 1 < argc)
            options.csvPath = argv[++i];
        else if (arg == "--csv-edited" && i + 1 < argc)
            options.editedCsvPath = argv[++i];
    }
    return options;
}

// One edit refreshed as the desktop refreshes it; nullopt when the move is refused.
std::optional<Refresh> timeRefresh(core::Project& project, core::Analysis& analysis,
                                   core::IncrementalAnalysis& incremental,
                                   const render::MapTheme& theme, std::size_t position)
{
    const core::Parcel& parcel = project.parcels[position];
    if (parcel.geometry.empty() || parcel.geometry.front().outer().empty())
        return std::nullopt;
    core::Point to = parcel.geometry.front().outer().front();
    to.x(to.x() + 0.5);
    core::Result<core::Parcel> moved = core::moveVertex(parcel, {}, to);
    if (!moved)
        return std::nullopt;
    core::ParcelChange change{"move vertex", {parcel}, {moved.value()}, {}};
    if (!core::applyChange(project, change))
        return std::nullopt;

    Refresh refresh;
    refresh.parcelId = change.after.front().id;
    const auto start = Clock::now();
    const double cpuStart = processCpuSeconds();
    refresh.recomputed = incremental.updateEdited(change.touchedIds(), analysis).size();
    const double colourStart = processCpuSeconds();
    const render::ThemeClassifier classifier(theme, analysis, QStringLiteral("zh"));
    volatile QRgb colour = classifier.colorOf(position).rgb();
    (void)colour;
    refresh.colourCpuMs = (processCpuSeconds() - colourStart) * 1000;
    refresh.cpuMs = (processCpuSeconds() - cpuStart) * 1000;
    refresh.wallMs = secondsSince(start) * 1000;
    const auto districtStart = Clock::now();
    const double districtCpuStart = processCpuSeconds();
    incremental.updateDistrict(analysis);
    refresh.districtCpuMs = (processCpuSeconds() - districtCpuStart) * 1000;
    refresh.districtWallMs = secondsSince(districtStart) * 1000;

    core::revertChange(project, change);
    incremental.update(change.touchedIds(), analysis);
    return refresh;
}

void printRefresh(const char* what, const Refresh& refresh)
{
    std::printf("  %s: %.2f ms cpu / %.2f ms wall (colour %.2f ms cpu), parcel %lld, "
                "%zu parcels recomputed; then the district %.1f ms cpu / %.1f ms wall\n",
                what, refresh.cpuMs, refresh.wallMs, refresh.colourCpuMs,
                static_cast<long long>(refresh.parcelId), refresh.recomputed,
                refresh.districtCpuMs, refresh.districtWallMs);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DATA [--repeat N] [--edits K] [--theme far] "
                             "[--csv FILE] [--csv-edited FILE]\n", argv[0]);
        return 2;
    }
    const Options options = parse(argc, argv);
    std::optional<core::Project> loaded = greenrenew::bench::loadOrSay(argv[1]);
    if (!loaded)
        return 1;
    core::Project& project = *loaded;
    const std::size_t tileSize = project.parcels.size();
    if (options.repeat > 1)
        greenrenew::bench::tileProject(project, options.repeat,
                                       {.buildingsAndGreen = true, .streetsAndFacilities = true});

    auto start = Clock::now();
    double cpuStart = processCpuSeconds();
    core::Analysis analysis = core::runAnalysis(project);
    std::printf("parcels %zu buildings %zu streets %zu facilities %zu\n",
                project.parcels.size(), project.buildings.size(), project.streets.size(),
                project.facilities.size());
    std::printf("full analysis %.1f s cpu / %.1f s wall\n", processCpuSeconds() - cpuStart,
                secondsSince(start));
    if (!options.csvPath.empty() && !greenrenew::bench::writeResultsCsv(options.csvPath, analysis))
        return 1;
    start = Clock::now();
    cpuStart = processCpuSeconds();
    core::IncrementalAnalysis incremental(project);
    std::printf("editing state (indexes, walk costs) %.1f s cpu / %.1f s wall\n",
                processCpuSeconds() - cpuStart, secondsSince(start));

    const std::size_t first = (options.repeat / 2) * tileSize;
    std::vector<Refresh> refreshes;
    for (std::size_t k = 0; k < std::min(options.edits, tileSize); ++k) {
        if (auto refresh = timeRefresh(project, analysis, incremental, options.theme, first + k))
            refreshes.push_back(*refresh);
    }
    if (refreshes.empty()) {
        std::fprintf(stderr, "no edit applied\n");
        return 1;
    }
    std::sort(refreshes.begin(), refreshes.end(),
              [](const Refresh& a, const Refresh& b) { return a.cpuMs < b.cpuMs; });
    std::printf("refresh after one vertex move, %zu edits of tile %zu:\n", refreshes.size(),
                options.repeat / 2);
    printRefresh("median", refreshes[refreshes.size() / 2]);
    printRefresh("slowest", refreshes.back());
    printRefresh("slowest district update", *std::max_element(
        refreshes.begin(), refreshes.end(), [](const Refresh& a, const Refresh& b) {
            return a.districtCpuMs < b.districtCpuMs;
        }));
    std::printf("peak memory %ld MB\n", peakMemoryMb());
    if (!options.editedCsvPath.empty()
        && !greenrenew::bench::writeResultsCsv(options.editedCsvPath, analysis))
        return 1;
    return 0;
}
