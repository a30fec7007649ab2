#pragma once

// A small project built in code for the widget tests: three 100 m x 100 m parcels side by
// side along x (0..300 m, y 0..100 m), with hand-set results.

#include "core/analysis.h"
#include "core/model.h"

#include <memory>

namespace greenrenew::ui::test {

struct TestData {
    std::shared_ptr<const core::Project> project;
    std::shared_ptr<const core::Analysis> analysis;
};

inline core::MultiPolygon square(double x0, double y0, double side)
{
    core::Polygon polygon;
    // Clockwise, closed: Boost.Geometry's default orientation.
    polygon.outer() = {{x0, y0}, {x0, y0 + side}, {x0 + side, y0 + side}, {x0 + side, y0},
                       {x0, y0}};
    return core::MultiPolygon{polygon};
}

inline TestData makeThreeParcels()
{
    auto project = std::make_shared<core::Project>();
    auto analysis = std::make_shared<core::Analysis>();
    const core::RenewalType types[] = {core::RenewalType::Residential,
        core::RenewalType::Commercial, core::RenewalType::HistoricBlock};
    for (int i = 0; i < 3; ++i) {
        core::Parcel parcel;
        parcel.id = 101 + i;
        parcel.name = "地块 " + std::to_string(i + 1);
        parcel.geometry = square(100.0 * i, 0, 100);
        parcel.type = types[i];
        project->parcels.push_back(parcel);

        core::ParcelResult result;
        result.parcelId = parcel.id;
        // 100 m x 100 m; the second parcel gets a distinct figure to tell them apart.
        result.form.areaM2 = i == 1 ? 12345 : 10000;
        result.form.buildingDensity = 0.25;
        result.form.far = 1.5;
        result.carbon.leading = core::Category::Transport;
        analysis->parcels.push_back(result);
    }
    return {project, analysis};
}

} // namespace greenrenew::ui::test
