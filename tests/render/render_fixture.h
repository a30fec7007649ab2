#pragma once

// A tiny district built in code: three 100 m square parcels in a row, west to east, at
// realistic projected coordinates (UTM-like eastings and northings), with known figures.

#include "core/analysis.h"
#include "core/model.h"

#include <string>

namespace greenrenew::render::test {

inline constexpr double kOriginX = 500000;
inline constexpr double kOriginY = 3450000;
inline constexpr double kSide = 100;

inline core::Polygon square(double x, double y, double side)
{
    // Clockwise, closed: Boost.Geometry's default orientation.
    core::Polygon polygon;
    polygon.outer()
        = { { x, y }, { x, y + side }, { x + side, y + side }, { x + side, y }, { x, y } };
    return polygon;
}

inline core::ParcelResult result(
    core::Category leading, double areaM2, double density, double far, double green, double totalT)
{
    core::ParcelResult r;
    r.form.areaM2 = areaM2;
    r.form.buildingDensity = density;
    r.form.far = far;
    r.form.greenCoverage = green;
    r.carbon.leading = leading;
    r.carbon.ledger.constructionT = totalT;
    return r;
}

/// Parcels 0, 1, 2 lead with construction, transport and greening; waste leads nowhere.
inline core::Project threeParcels()
{
    core::Project project;
    project.crsName = "WGS 84 / UTM zone 51N";
    project.attribution = "© OpenStreetMap contributors, ODbL";
    const core::RenewalType types[] = { core::RenewalType::Residential,
        core::RenewalType::Residential, core::RenewalType::HistoricBlock };
    const char* names[] = { "石库门里弄", "Bund row", "豫园" };
    for (int i = 0; i < 3; ++i) {
        core::Parcel parcel;
        parcel.id = 101 + i;
        parcel.type = types[i];
        parcel.name = names[i];
        parcel.geometry.push_back(square(kOriginX + i * kSide, kOriginY, kSide));
        project.parcels.push_back(parcel);
    }
    return project;
}

inline core::Analysis threeResults()
{
    core::Analysis analysis;
    analysis.parcels = { result(core::Category::Construction, 10000, 0.5, 2.0, 0.1, 120.0),
        result(core::Category::Transport, 10000, 0.3, 0.9, 0.3, 40.0),
        result(core::Category::Greening, 10000, 0.2, 0.6, 0.5, -5.0) };
    return analysis;
}

} // namespace greenrenew::render::test
