#include "core/web_map_offset.h"

#include <cmath>
#include <numbers>

namespace greenrenew::core {

namespace {

using std::numbers::pi;

// The reconstruction's constants: the Krasovsky 1940 ellipsoid (semi-major axis in metres,
// first eccentricity squared) and the longitude/latitude rectangle it is applied in.
constexpr double kKrasovskyA = 6378245.0;
constexpr double kKrasovskyE2 = 0.00669342162296594323;
constexpr double kWestLon = 72.004;
constexpr double kEastLon = 137.8347;
constexpr double kSouthLat = 0.8293;
constexpr double kNorthLat = 55.8271;
// BD-09 on top of GCJ-02: a shift of the origin and a small radius/angle wobble whose
// frequency is 3000 / 180 radians per degree.
constexpr double kBdShiftLon = 0.0065;
constexpr double kBdShiftLat = 0.006;
constexpr double kBdFrequency = pi * 3000.0 / 180.0;
constexpr double kBdRadiusWobble = 0.00002;
constexpr double kBdAngleWobble = 0.000003;
// The inversion stops when the forward shift lands within this many degrees (about 0.01 mm),
// or after this many steps (it converges in under ten in the whole rectangle).
constexpr double kConvergedDeg = 1e-10;
constexpr int kMaxSteps = 50;
constexpr double kEarthRadiusM = 6371008.8;  // mean radius, for the residual's length

/// The sine terms common to both components, in the reconstruction's units.
double waves(double along, double across)
{
    return (20.0 * std::sin(6.0 * pi * along) + 20.0 * std::sin(2.0 * pi * along)) * 2.0 / 3.0
           + across;
}

/// Northward shift (before scaling to degrees) at X, Y degrees from (105 E, 35 N).
double latitudeShift(double x, double y)
{
    double shift = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y
                   + 0.2 * std::sqrt(std::abs(x));
    shift += (20.0 * std::sin(pi * y) + 40.0 * std::sin(pi * y / 3.0)) * 2.0 / 3.0;
    shift += (160.0 * std::sin(pi * y / 12.0) + 320.0 * std::sin(pi * y / 30.0)) * 2.0 / 3.0;
    return waves(x, shift);
}

/// Eastward shift (before scaling to degrees) at X, Y degrees from (105 E, 35 N).
double longitudeShift(double x, double y)
{
    double shift = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y
                   + 0.1 * std::sqrt(std::abs(x));
    shift += (20.0 * std::sin(pi * x) + 40.0 * std::sin(pi * x / 3.0)) * 2.0 / 3.0;
    shift += (150.0 * std::sin(pi * x / 12.0) + 300.0 * std::sin(pi * x / 30.0)) * 2.0 / 3.0;
    return waves(x, shift);
}

double distanceM(LonLat a, LonLat b)
{
    const double meanLat = (a.lat + b.lat) / 2.0 * pi / 180.0;
    const double east = (a.lon - b.lon) * pi / 180.0 * std::cos(meanLat);
    const double north = (a.lat - b.lat) * pi / 180.0;
    return kEarthRadiusM * std::hypot(east, north);
}

} // namespace

bool insideOffsetArea(LonLat point)
{
    return point.lon >= kWestLon && point.lon <= kEastLon && point.lat >= kSouthLat
           && point.lat <= kNorthLat;
}

LonLat wgs84ToGcj02(LonLat wgs)
{
    if (!insideOffsetArea(wgs))
        return wgs;
    const double x = wgs.lon - 105.0;
    const double y = wgs.lat - 35.0;
    const double latRad = wgs.lat * pi / 180.0;
    const double w = 1.0 - kKrasovskyE2 * std::sin(latRad) * std::sin(latRad);
    // Metres of the shift to degrees: meridian and parallel radii of curvature.
    const double meridianRadius = kKrasovskyA * (1.0 - kKrasovskyE2) / (w * std::sqrt(w));
    const double parallelRadius = kKrasovskyA / std::sqrt(w) * std::cos(latRad);
    return {wgs.lon + longitudeShift(x, y) * 180.0 / (parallelRadius * pi),
            wgs.lat + latitudeShift(x, y) * 180.0 / (meridianRadius * pi)};
}

LonLat gcj02ToBd09(LonLat gcj)
{
    const double radius = std::hypot(gcj.lon, gcj.lat)
                          + kBdRadiusWobble * std::sin(gcj.lat * kBdFrequency);
    const double angle = std::atan2(gcj.lat, gcj.lon)
                         + kBdAngleWobble * std::cos(gcj.lon * kBdFrequency);
    return {radius * std::cos(angle) + kBdShiftLon, radius * std::sin(angle) + kBdShiftLat};
}

LonLat bd09ToGcj02(LonLat bd)
{
    const double x = bd.lon - kBdShiftLon;
    const double y = bd.lat - kBdShiftLat;
    const double radius = std::hypot(x, y) - kBdRadiusWobble * std::sin(y * kBdFrequency);
    const double angle = std::atan2(y, x) - kBdAngleWobble * std::cos(x * kBdFrequency);
    return {radius * std::cos(angle), radius * std::sin(angle)};
}

OffsetRemoval removeWebMapOffset(LonLat point, WebMapOffset offset)
{
    if (offset == WebMapOffset::None)
        return {point, 0.0};
    // The forward shift into the given system; BD-09's closed-form inverse is itself only
    // close, so the iteration aims at the point as given, in its own system.
    const auto forward = [offset](LonLat wgs) {
        const LonLat gcj = wgs84ToGcj02(wgs);
        return offset == WebMapOffset::Bd09 ? gcj02ToBd09(gcj) : gcj;
    };
    LonLat wgs = offset == WebMapOffset::Bd09 ? bd09ToGcj02(point) : point;
    LonLat landed = forward(wgs);
    for (int step = 0; step < kMaxSteps; ++step) {
        if (std::abs(landed.lon - point.lon) < kConvergedDeg
            && std::abs(landed.lat - point.lat) < kConvergedDeg)
            break;
        wgs.lon -= landed.lon - point.lon;
        wgs.lat -= landed.lat - point.lat;
        landed = forward(wgs);
    }
    return {wgs, distanceM(landed, point)};
}

} // namespace greenrenew::core
