#pragma once

// Streets, parcels, facilities and the walk parameters for the walking tests. The parameters
// mirror resources/method/walking.json: core cannot read JSON, so the tests set them in code.

#include "core/model.h"

#include <boost/geometry/algorithms/correct.hpp>

#include <string>
#include <vector>

namespace greenrenew::core::test {

inline void setParameter(ParameterSet& parameters, const std::string& key, double value)
{
    SourcedValue v;
    v.value = value;
    parameters.values[key] = v;
}

/// walking.json's walk.* values, with the circles read as radii (walk.circle_mode 0).
inline void setWalkParameters(ParameterSet& parameters)
{
    setParameter(parameters, "walk.speed_m_per_min", 60);
    setParameter(parameters, "walk.steps_time_factor", 2.0);
    setParameter(parameters, "walk.snap_tolerance_m", 1.0);
    setParameter(parameters, "walk.access_snap_m", 5.0);
    setParameter(parameters, "walk.circle_mode", 0);
    setParameter(parameters, "walk.service_area_buffer_m", 50.0);
}

inline Street street(std::vector<Point> points, const std::string& highway = "residential")
{
    Street s;
    s.geometry.push_back(LineString(points.begin(), points.end()));
    s.highway = highway;
    return s;
}

/// Axis-aligned parcel [x0, x1] x [y0, y1].
inline Parcel parcel(FeatureId id, double x0, double y0, double x1, double y1)
{
    Polygon polygon;
    polygon.outer() = {Point(x0, y0), Point(x0, y1), Point(x1, y1), Point(x1, y0), Point(x0, y0)};
    boost::geometry::correct(polygon);
    Parcel p;
    p.id = id;
    p.geometry = MultiPolygon{polygon};
    return p;
}

inline Facility facility(double x, double y, const std::string& tag,
                         const std::string& category = {})
{
    Facility f;
    f.location = Point(x, y);
    f.tag = tag;
    f.category = category;
    return f;
}

} // namespace greenrenew::core::test
