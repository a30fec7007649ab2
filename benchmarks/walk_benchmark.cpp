// Times the walking stage on a data set. Not a test: run it by hand on a city from
// generate_city.py (see README.md).
//
//   walk_benchmark DATA [--repeat N] [--csv OUT.csv]
//
// --repeat N tiles the loaded data N times in memory on a square grid, the way generate_city.py
// does on disk (each copy shifted by the data's extent plus 50 m, ids offset), so the
// 1,000-tile city can be timed without writing a GeoPackage of that size. The CSV has the
// columns of reference_walk_networkx.py: parcel_index, parcel_id, type, network_m, crowfly_m.

#include "core/walk_access.h"

#include "load_project.h"
#include "process_clock.h"
#include "tile_city.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace core = greenrenew::core;

using greenrenew::bench::Clock;
using greenrenew::bench::peakMemoryMb;
using greenrenew::bench::processCpuSeconds;
using greenrenew::bench::secondsSince;

namespace {

void writeCsv(const std::string& path, const core::Project& project,
              const core::WalkAccessResult& result)
{
    std::ofstream out(path);
    out.precision(12);
    out << "parcel_index,parcel_id,type,network_m,crowfly_m\n";
    for (std::size_t i = 0; i < result.parcels.size(); ++i) {
        const core::WalkAccess& access = result.parcels[i];
        std::set<std::string> types;
        for (const auto& [type, distance] : access.distanceM)
            types.insert(type);
        for (const auto& [type, distance] : access.crowflyM)
            types.insert(type);
        for (const std::string& type : types) {
            out << i << ',' << project.parcels[i].id << ',' << type << ',';
            if (auto it = access.distanceM.find(type); it != access.distanceM.end())
                out << it->second;
            out << ',';
            if (auto it = access.crowflyM.find(type); it != access.crowflyM.end())
                out << it->second;
            out << '\n';
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DATA [--repeat N] [--csv OUT.csv]\n", argv[0]);
        return 2;
    }
    std::string csvPath;
    std::size_t repeat = 1;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--csv" && i + 1 < argc)
            csvPath = argv[++i];
        else if (arg == "--repeat" && i + 1 < argc)
            repeat = std::max<std::size_t>(1, std::stoul(argv[++i]));
    }

    const auto loadStart = Clock::now();
    std::optional<core::Project> loaded = greenrenew::bench::loadOrSay(argv[1]);
    if (!loaded)
        return 1;
    core::Project& project = *loaded;
    if (repeat > 1)
        greenrenew::bench::tileProject(project, repeat, {.streetsAndFacilities = true});
    const double loadSeconds = secondsSince(loadStart);

    // Phase times from the stage's own progress reports: the first report of a step marks
    // its start.
    struct Phase {
        std::string step;
        double startS = 0;
        double cpuStartS = 0;
    };
    std::vector<Phase> phases;
    const auto start = Clock::now();
    core::StageControl control;
    control.progress = [&](const std::string& step, double) {
        if (phases.empty() || phases.back().step != step)
            phases.push_back({step, secondsSince(start), processCpuSeconds()});
    };
    const double cpuStart = processCpuSeconds();
    const core::WalkAccessResult result = core::analyzeWalkAccess(project, control);
    const double seconds = secondsSince(start);
    const double cpuSeconds = processCpuSeconds() - cpuStart;

    std::size_t gapCount = 0;
    std::size_t crowflyGapCount = 0;
    std::size_t differing = 0;
    for (const core::WalkAccess& access : result.parcels) {
        for (const auto& [circle, gaps] : access.gaps)
            gapCount += gaps.size();
        for (const auto& [circle, gaps] : access.crowflyGaps)
            crowflyGapCount += gaps.size();
        if (access.gaps != access.crowflyGaps)
            ++differing;
    }
    std::set<std::string> required;
    for (const core::LifeCircle& circle : project.config.lifeCircles)
        required.insert(circle.requiredTypes.begin(), circle.requiredTypes.end());

    const core::WalkNetworkSummary& net = result.network;
    std::printf("parcels %zu streets %zu facilities %zu (mapped %zu), required types %zu\n",
                project.parcels.size(), project.streets.size(), project.facilities.size(),
                net.facilitiesMapped, required.size());
    std::printf("network: %zu nodes, %zu edges, %.0f m, %zu pieces\n", net.nodeCount,
                net.edgeCount, net.lengthM, net.componentCount);
    std::printf("load %.2f s; walk %.3f s wall / %.3f s cpu, peak memory %ld MB\n", loadSeconds,
                seconds, cpuSeconds, peakMemoryMb());
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const double end = i + 1 < phases.size() ? phases[i + 1].startS : seconds;
        const double cpuEnd = i + 1 < phases.size() ? phases[i + 1].cpuStartS
                                                    : cpuStart + cpuSeconds;
        std::printf("  %-28s %.3f s wall / %.3f s cpu\n", phases[i].step.c_str(),
                    end - phases[i].startS, cpuEnd - phases[i].cpuStartS);
    }
    std::printf("gaps: network %zu, straight line %zu; parcels whose gaps differ %zu\n",
                gapCount, crowflyGapCount, differing);
    if (!csvPath.empty())
        writeCsv(csvPath, project, result);
    return 0;
}
