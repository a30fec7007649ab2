// Times the form metrics stage on a data set, and the recompute of one edited parcel with its
// neighbours. Not a test: run it by hand on a city from generate_city.py (see README.md).
//
//   form_metrics_benchmark DATA [--repeat N] [--csv OUT.csv] [--residential]
//
// --residential types every parcel residential (as reference_form_metrics.py assumes for
// parcels without a renewal_type), so default floors agree in a cross-check. --repeat N tiles
// the loaded parcels, buildings and green spaces N times in memory as generate_city.py does on
// disk (tile_city.h), so the 1,000-tile city needs no GeoPackage.

#include "core/envelope.h"
#include "core/form_metrics.h"
#include "gis/project_loader.h"

#include "process_clock.h"
#include "tile_city.h"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

using greenrenew::bench::peakMemoryMb;
using greenrenew::bench::processCpuSeconds;
using greenrenew::bench::secondsSince;

namespace {

void writeCsv(const std::string& path, const core::Project& project,
              const std::vector<core::FormMetrics>& metrics)
{
    std::ofstream out(path);
    out.precision(12);
    out << "parcel_id,area_m2,n_buildings,floors_estimated,footprint_m2,gross_floor_area_m2,"
           "green_m2,building_density,far,far_recorded_only,green_coverage\n";
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        const core::FormMetrics& m = metrics[i];
        out << project.parcels[i].id << ',' << m.areaM2 << ',' << m.buildingCount << ','
            << m.floorsEstimated << ',' << m.footprintM2 << ',' << m.grossFloorAreaM2 << ','
            << m.greenM2 << ',' << m.buildingDensity << ',' << m.far << ','
            << m.farRecordedOnly << ',' << m.greenCoverage << '\n';
    }
}

using ParcelIndex = boost::geometry::index::rtree<std::pair<core::Box, std::size_t>,
                                                   boost::geometry::index::rstar<16>>;

// An empty parcel gets a degenerate box at the origin: the benchmark's tiles have none.
core::Box boxOf(const core::MultiPolygon& geometry)
{
    return core::outerEnvelope(geometry).value_or(core::Box());
}

// The parcel envelopes an editing session keeps to find an edit's neighbours.
ParcelIndex indexParcels(const core::Project& project)
{
    std::vector<std::pair<core::Box, std::size_t>> entries;
    for (std::size_t i = 0; i < project.parcels.size(); ++i)
        entries.emplace_back(boxOf(project.parcels[i].geometry), i);
    return ParcelIndex(entries.begin(), entries.end());
}

struct EditTiming {
    double wallMs = 0;
    double cpuMs = 0;
    std::size_t parcels = 0;
};

// Recomputes parcel `edited` (its geometry nudged 0.5 m east, as after a vertex edit) and
// every parcel whose envelope touches the edited one's.
EditTiming timeEdit(const core::Project& project, const ParcelIndex& index,
                    const core::FormMetricsCalculator& calculator, std::size_t edited)
{
    core::Parcel changed = project.parcels[edited];
    for (core::Point& point : changed.geometry.front().outer())
        point.x(point.x() + 0.5);

    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = processCpuSeconds();
    std::vector<std::pair<core::Box, std::size_t>> neighbours;
    index.query(boost::geometry::index::intersects(boxOf(changed.geometry)),
                std::back_inserter(neighbours));
    std::vector<const core::Parcel*> stale{&changed};
    for (const auto& [box, i] : neighbours)
        if (i != edited)
            stale.push_back(&project.parcels[i]);
    calculator.compute(stale);
    EditTiming timing;
    timing.parcels = stale.size();
    timing.wallMs = secondsSince(start) * 1000;
    timing.cpuMs = (processCpuSeconds() - cpuStart) * 1000;
    return timing;
}

// Edits each parcel of the middle tile in turn (at most 200) and prints the median and the
// slowest.
void timeEdits(const core::Project& project, const core::FormMetricsCalculator& calculator,
               std::size_t tileSize)
{
    const ParcelIndex index = indexParcels(project);
    const std::size_t tiles = project.parcels.size() / tileSize;
    const std::size_t middleTile = tiles / 2;
    std::vector<EditTiming> timings;
    for (std::size_t k = 0; k < std::min<std::size_t>(tileSize, 200); ++k)
        timings.push_back(timeEdit(project, index, calculator, middleTile * tileSize + k));
    std::sort(timings.begin(), timings.end(),
              [](const EditTiming& a, const EditTiming& b) { return a.cpuMs < b.cpuMs; });
    const EditTiming& median = timings[timings.size() / 2];
    const EditTiming& slowest = timings.back();
    std::printf("edit (each of %zu parcels of tile %zu in turn, with its envelope neighbours): "
                "median %.2f ms cpu / %.2f ms wall (%zu parcels), slowest %.2f ms cpu / %.2f ms "
                "wall (%zu parcels)\n", timings.size(), middleTile, median.cpuMs,
                median.wallMs, median.parcels, slowest.cpuMs, slowest.wallMs, slowest.parcels);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DATA [--repeat N] [--csv OUT.csv] [--residential]\n",
                     argv[0]);
        return 2;
    }
    std::string csvPath;
    bool allResidential = false;
    std::size_t repeat = 1;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--csv" && i + 1 < argc)
            csvPath = argv[++i];
        else if (arg == "--residential")
            allResidential = true;
        else if (arg == "--repeat" && i + 1 < argc)
            repeat = std::max<std::size_t>(1, std::stoul(argv[++i]));
    }

    const auto loadStart = std::chrono::steady_clock::now();
    gis::ImportReport report;
    core::Result<core::Project> loaded = gis::loadProject(QString::fromLocal8Bit(argv[1]),
                                                          gis::LoadOptions{}, report);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().describe().c_str());
        return 1;
    }
    core::Project& project = loaded.value();
    if (repeat > 1)
        greenrenew::bench::tileProject(project, repeat, {.buildingsAndGreen = true});
    if (allResidential) {
        for (core::Parcel& parcel : project.parcels)
            parcel.type = core::RenewalType::Residential;
    }
    const double loadSeconds = secondsSince(loadStart);

    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = processCpuSeconds();
    const std::vector<core::FormMetrics> metrics = core::computeFormMetrics(project);
    const double computeSeconds = secondsSince(start);
    const double computeCpuSeconds = processCpuSeconds() - cpuStart;

    const auto indexStart = std::chrono::steady_clock::now();
    const core::FormMetricsCalculator calculator(project);
    const double indexSeconds = secondsSince(indexStart);

    std::printf("parcels %zu buildings %zu green %zu\n", project.parcels.size(),
                project.buildings.size(), project.green.size());
    std::printf("load %.2f s, form metrics %.3f s wall / %.3f s cpu (indexes alone %.3f s), "
                "peak memory %ld MB\n", loadSeconds, computeSeconds, computeCpuSeconds,
                indexSeconds, peakMemoryMb());
    timeEdits(project, calculator, project.parcels.size() / repeat);
    if (!csvPath.empty())
        writeCsv(csvPath, project, metrics);
    return 0;
}
