#include "core/detail/walk_rules.h"

#include <map>
#include <optional>
#include <string>

namespace greenrenew::core::detail {

WalkSettings readWalkSettings(const ParameterSet& parameters)
{
    WalkSettings settings;
    settings.snapToleranceM = parameters.value("walk.snap_tolerance_m");
    settings.stepsFactor = parameters.value("walk.steps_time_factor");
    settings.accessSnapM = parameters.value("walk.access_snap_m");
    settings.speedMPerMin = parameters.value("walk.speed_m_per_min");
    settings.timeMode = parameters.value("walk.circle_mode") == 1.0;
    return settings;
}

WalkNetworkOptions networkOptions(const Project& project, const WalkSettings& settings)
{
    WalkNetworkOptions options;
    options.snapToleranceM = settings.snapToleranceM;
    options.stepsFactor = settings.stepsFactor;
    if (project.elevation) {
        const ParameterSet& parameters = project.config.parameters;
        options.elevation = project.elevation.get();
        options.toblerSlopeFactor = parameters.value("walk.tobler_slope_factor");
        options.toblerSlopeOffset = parameters.value("walk.tobler_slope_offset");
    }
    return options;
}

double circleThresholdM(const LifeCircle& circle, const WalkSettings& settings)
{
    return settings.timeMode ? circle.minutes * settings.speedMPerMin : circle.radiusM;
}

// Both ends of the nearest edge are seeded with the straight snap plus the walk along the
// edge, which is what a node inserted at the projected point would give them.
std::vector<WalkSeed> facilitySeeds(const WalkNetwork& network, const std::vector<Point>& points)
{
    std::vector<WalkSeed> seeds;
    for (const Point& point : points) {
        std::optional<EdgeProjection> projection = network.nearestEdge(point);
        if (!projection)
            continue;
        const WalkEdge& edge = network.edges()[projection->edge];
        const double forwardPerM = edge.lengthM > 0 ? edge.costM / edge.lengthM : 1.0;
        const double backwardPerM = edge.lengthM > 0 ? edge.backCostM / edge.lengthM : 1.0;
        seeds.push_back({edge.from, projection->distanceM + projection->alongM * forwardPerM});
        seeds.push_back({edge.to, projection->distanceM
                                      + (edge.lengthM - projection->alongM) * backwardPerM});
    }
    return seeds;
}

void judgeCircles(const std::vector<LifeCircle>& circles, const WalkSettings& settings,
                  WalkAccess& access)
{
    auto within = [](const std::map<std::string, double>& distances, const std::string& type,
                     double limitM) {
        auto it = distances.find(type);
        return it != distances.end() && it->second <= limitM;
    };
    std::size_t required = 0;
    std::size_t met = 0;
    for (const LifeCircle& circle : circles) {
        const double limitM = circleThresholdM(circle, settings);
        std::vector<std::string>& gaps = access.gaps[circle.id];
        std::vector<std::string>& crowflyGaps = access.crowflyGaps[circle.id];
        for (const std::string& type : circle.requiredTypes) {
            ++required;
            if (within(access.distanceM, type, limitM))
                ++met;
            else
                gaps.push_back(type);
            if (!within(access.crowflyM, type, limitM))
                crowflyGaps.push_back(type);
        }
    }
    // With nothing required nothing can be missing.
    access.walkScore = required == 0 ? 1.0
                                     : static_cast<double>(met) / static_cast<double>(required);
}

} // namespace greenrenew::core::detail
