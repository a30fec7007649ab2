#pragma once

// Shapes and a method configuration for the form metrics tests. The configuration mirrors
// resources/method/form.json: core cannot read JSON, so the tests build it in code.

#include "core/geometry.h"
#include "core/method_config.h"
#include "core/model.h"

#include <boost/geometry/algorithms/correct.hpp>

#include <initializer_list>
#include <string>
#include <utility>

namespace greenrenew::core::test {

/// Axis-aligned rectangle [x0, x1] x [y0, y1] as a corrected polygon.
inline Polygon rectangle(double x0, double y0, double x1, double y1)
{
    Polygon polygon;
    polygon.outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
    boost::geometry::correct(polygon);
    return polygon;
}

inline MultiPolygon multi(std::initializer_list<Polygon> polygons)
{
    MultiPolygon result;
    for (const Polygon& polygon : polygons)
        result.push_back(polygon);
    boost::geometry::correct(result);
    return result;
}

/// One polygon with this outer ring exactly as given: not closed, not corrected.
inline MultiPolygon rawRing(std::initializer_list<Point> points)
{
    MultiPolygon result;
    result.emplace_back();
    result.back().outer().assign(points.begin(), points.end());
    return result;
}

inline MultiPolygon box(double x0, double y0, double x1, double y1)
{
    return multi({rectangle(x0, y0, x1, y1)});
}

inline SourcedValue sourced(double value, const std::string& unit)
{
    SourcedValue sourcedValue;
    sourcedValue.value = value;
    sourcedValue.unit = unit;
    sourcedValue.source = "test mirror of resources/method/form.json";
    return sourcedValue;
}

inline FormControl control(std::string heightClass, double minFloors, double maxFloors,
                           double farMin, double farMax, double densityMax, double greenMin,
                           double heightMaxM)
{
    FormControl formControl;
    formControl.heightClass = std::move(heightClass);
    formControl.minMeanFloors = minFloors;
    formControl.maxMeanFloors = maxFloors;
    formControl.farMin = farMin;
    formControl.farMax = farMax;
    formControl.densityMax = densityMax;
    formControl.greenMin = greenMin;
    formControl.heightMaxM = heightMaxM;
    formControl.source = "GB 50180-2018 Table 4.0.2, zone III";
    return formControl;
}

/// The form.* values and controls of resources/method/form.json.
inline MethodConfig formConfig()
{
    MethodConfig config;
    auto& values = config.parameters.values;
    values["form.storey_height_m"] = sourced(3, "m");
    values["form.floor_area_per_person_m2"] = sourced(39, "m2/person");
    values["form.default_floors.residential"] = sourced(3, "floors");
    values["form.default_floors.commercial"] = sourced(4, "floors");
    values["form.default_floors.factory"] = sourced(2, "floors");
    values["form.default_floors.historic_block"] = sourced(2, "floors");

    config.formControls["residential"] = {
        control("low_rise", 1, 3, 1.0, 1.2, 0.43, 0.30, 18),
        control("multi_storey_1", 4, 6, 1.3, 1.6, 0.32, 0.30, 27),
        control("multi_storey_2", 7, 9, 1.7, 2.1, 0.30, 0.30, 36),
        control("high_rise_1", 10, 18, 2.2, 2.8, 0.22, 0.35, 54),
        control("high_rise_2", 19, 26, 2.9, 3.1, 0.22, 0.35, 80),
    };
    FormControl commercial;
    commercial.heightClass = "all";
    commercial.minMeanFloors = 0;
    commercial.maxMeanFloors = 200;
    commercial.farMax = 4.0;
    commercial.densityMax = 0.5;
    commercial.greenMin = 0.2;
    commercial.heightMaxM = 100;
    commercial.source = "regulatory plan practice";
    config.formControls["commercial"] = {commercial};
    return config;
}

inline Parcel parcel(FeatureId id, MultiPolygon geometry,
                     RenewalType type = RenewalType::Residential)
{
    Parcel result;
    result.id = id;
    result.geometry = std::move(geometry);
    result.type = type;
    return result;
}

inline Building building(FeatureId id, MultiPolygon footprint,
                         std::optional<double> floors = std::nullopt,
                         std::optional<double> heightM = std::nullopt, std::string use = {})
{
    Building result;
    result.id = id;
    result.footprint = std::move(footprint);
    result.floors = floors;
    result.heightM = heightM;
    result.use = std::move(use);
    return result;
}

inline GreenSpace green(FeatureId id, MultiPolygon geometry)
{
    GreenSpace result;
    result.id = id;
    result.geometry = std::move(geometry);
    return result;
}

} // namespace greenrenew::core::test
