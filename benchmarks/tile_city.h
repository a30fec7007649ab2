#pragma once

// Tiles a loaded project in memory, the way generate_city.py tiles a GeoPackage on disk, so
// the benchmarks can time the 1,000-tile city without writing a GeoPackage of that size.
// Shared by the benchmarks (header only: they are single-file programs).

#include "core/model.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace greenrenew::bench {

/// Which layers a benchmark reads: those are copied, the others emptied to save memory.
struct TiledLayers {
    bool buildingsAndGreen = false;
    bool streetsAndFacilities = false;
};

namespace detail {

struct Extent {
    double minX = 1e300;
    double minY = 1e300;
    double maxX = -1e300;
    double maxY = -1e300;

    void add(const core::Point& p)
    {
        minX = std::min(minX, p.x());
        minY = std::min(minY, p.y());
        maxX = std::max(maxX, p.x());
        maxY = std::max(maxY, p.y());
    }
    void add(const core::MultiPolygon& area)
    {
        for (const core::Polygon& polygon : area)
            for (const core::Point& p : polygon.outer())
                add(p);
    }
};

inline Extent extentOf(const core::Project& project, TiledLayers layers)
{
    Extent extent;
    for (const core::Parcel& parcel : project.parcels)
        extent.add(parcel.geometry);
    if (layers.buildingsAndGreen) {
        for (const core::Building& building : project.buildings)
            extent.add(building.footprint);
        for (const core::GreenSpace& green : project.green)
            extent.add(green.geometry);
    }
    if (layers.streetsAndFacilities) {
        for (const core::Street& street : project.streets)
            for (const core::LineString& line : street.geometry)
                for (const core::Point& p : line)
                    extent.add(p);
        for (const core::Facility& facility : project.facilities)
            extent.add(facility.location);
    }
    return extent;
}

inline core::Point shifted(const core::Point& p, double dx, double dy)
{
    return core::Point(p.x() + dx, p.y() + dy);
}

inline void shift(core::MultiPolygon& area, double dx, double dy)
{
    for (core::Polygon& polygon : area) {
        for (core::Point& p : polygon.outer())
            p = shifted(p, dx, dy);
        for (core::Ring& ring : polygon.inners())
            for (core::Point& p : ring)
                p = shifted(p, dx, dy);
    }
}

// Appends `tiles - 1` shifted copies of `features` (the originals are tile 0).
template <typename Feature, typename Shift>
void appendCopies(std::vector<Feature>& features, std::size_t tiles, std::size_t columns,
                  double stepX, double stepY, Shift shiftFeature)
{
    const std::vector<Feature> originals = features;
    features.reserve(originals.size() * tiles);
    const core::FeatureId stride = 10'000'000;
    for (std::size_t t = 1; t < tiles; ++t) {
        const double dx = static_cast<double>(t % columns) * stepX;
        const double dy = static_cast<double>(t / columns) * stepY;
        for (Feature feature : originals) {
            shiftFeature(feature, dx, dy);
            feature.id += static_cast<core::FeatureId>(t) * stride;
            features.push_back(std::move(feature));
        }
    }
}

} // namespace detail

/// Copies the chosen layers (parcels always) `tiles` times on a square grid of
/// ceil(sqrt(tiles)) columns, each copy shifted by the extent of those layers plus 50 m and
/// its ids offset by 10,000,000 per tile; tiles never overlap, so every parcel of a copy has
/// the figures of its original. Layers not chosen are emptied.
inline void tileProject(core::Project& project, std::size_t tiles, TiledLayers layers)
{
    const detail::Extent extent = detail::extentOf(project, layers);
    const double stepX = extent.maxX - extent.minX + 50.0;
    const double stepY = extent.maxY - extent.minY + 50.0;
    const auto columns = static_cast<std::size_t>(std::ceil(std::sqrt(double(tiles))));
    auto copies = [&](auto& features, auto shiftFeature) {
        detail::appendCopies(features, tiles, columns, stepX, stepY, shiftFeature);
    };
    copies(project.parcels, [](core::Parcel& parcel, double dx, double dy) {
        detail::shift(parcel.geometry, dx, dy);
    });
    if (layers.buildingsAndGreen) {
        copies(project.buildings, [](core::Building& building, double dx, double dy) {
            detail::shift(building.footprint, dx, dy);
        });
        copies(project.green, [](core::GreenSpace& green, double dx, double dy) {
            detail::shift(green.geometry, dx, dy);
        });
    } else {
        project.buildings.clear();
        project.green.clear();
    }
    if (layers.streetsAndFacilities) {
        copies(project.streets, [](core::Street& street, double dx, double dy) {
            for (core::LineString& line : street.geometry)
                for (core::Point& p : line)
                    p = detail::shifted(p, dx, dy);
        });
        copies(project.facilities, [](core::Facility& facility, double dx, double dy) {
            facility.location = detail::shifted(facility.location, dx, dy);
        });
    } else {
        project.streets.clear();
        project.facilities.clear();
    }
}

} // namespace greenrenew::bench
