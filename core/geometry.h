#pragma once

// Core geometry value types: Boost.Geometry models in metres of the project's projected CRS.
// Polygons are clockwise with closed rings (Boost.Geometry's default); importers call
// boost::geometry::correct() or build them through the GEOS wrapper, which does.

#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/multi_linestring.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/geometries/ring.hpp>

namespace greenrenew::core {

using Point = boost::geometry::model::d2::point_xy<double>;
using Ring = boost::geometry::model::ring<Point>;
using Polygon = boost::geometry::model::polygon<Point>;
using MultiPolygon = boost::geometry::model::multi_polygon<Polygon>;
using LineString = boost::geometry::model::linestring<Point>;
using MultiLineString = boost::geometry::model::multi_linestring<LineString>;
using Box = boost::geometry::model::box<Point>;

} // namespace greenrenew::core
