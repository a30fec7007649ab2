// Times gis::readDataset on a data set: every layer read, reprojected when needed, validated
// with GEOS (repaired where invalid) and converted into the in-memory model. Not a test: run it
// by hand through benchmarks/import_benchmark.sh, which also times ogr2ogr on the same layer.
//
//   import_benchmark DATA [--layer-for-role buildings=NAME ...]

#include "gis/dataset_reader.h"

#include "process_clock.h"

#include <cstdio>

namespace gis = greenrenew::gis;

using greenrenew::bench::peakMemoryMb;
using greenrenew::bench::processCpuSeconds;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: import_benchmark DATA\n");
        return 2;
    }
    const QString input = QString::fromLocal8Bit(argv[1]);
    gis::ImportOptions options;
    gis::ImportReport report;

    const auto wallStart = greenrenew::bench::Clock::now();
    const double cpuStart = processCpuSeconds();
    auto project = gis::readDataset(input, options, report);
    const double wall = greenrenew::bench::secondsSince(wallStart);
    const double cpu = processCpuSeconds() - cpuStart;
    if (!project) {
        std::fprintf(stderr, "%s\n", project.error().describe().c_str());
        return 1;
    }
    for (const gis::LayerImport& layer : report.layers)
        std::printf("%-10s read %lld, repaired %lld, skipped %lld\n",
                    qUtf8Printable(layer.role), layer.read, layer.repaired, layer.skipped);
    std::printf("model: %zu parcels, %zu buildings\n", project.value().parcels.size(),
                project.value().buildings.size());
    std::printf("readDataset: wall %.2f s, CPU %.2f s, peak RSS %ld MB\n", wall, cpu,
                peakMemoryMb());
    return 0;
}
