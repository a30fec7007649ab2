// The GEOS wrapper: conversion both ways, repair of invalid rings, robust overlays.

#include "core/detail/geos_context.h"

#include "form_test_support.h"

#include <boost/geometry/algorithms/area.hpp>
#include <gtest/gtest.h>

#include <thread>

namespace greenrenew::core::detail {
namespace {

using test::box;
using test::rectangle;

constexpr double kTolerance = 1e-9;

TEST(GeosContext, RoundTripKeepsHolesAndParts)
{
    // 100 x 100 minus a 20 x 20 hole (9,600) plus a separate 10 x 10 part (100): 9,700 m2.
    Polygon withHole = rectangle(0, 0, 100, 100);
    withHole.inners().push_back(rectangle(40, 40, 60, 60).outer());
    const MultiPolygon source = test::multi({withHole, rectangle(200, 0, 210, 10)});
    GeosContext geos;
    GeosGeometry geometry = geos.fromMultiPolygon(source);
    ASSERT_TRUE(geometry);
    EXPECT_TRUE(geos.isValid(geometry.get()));
    EXPECT_NEAR(geos.area(geometry.get()), 9700, kTolerance);
    const MultiPolygon back = geos.toMultiPolygon(geometry.get());
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].inners().size(), 1u);
    EXPECT_NEAR(boost::geometry::area(back), 9700, kTolerance);
}

TEST(GeosContext, BowtieIsMadeValidAsTwoTriangles)
{
    // Self-intersecting at (5, 5): triangles (0,0)-(5,5)-(0,10) and (10,0)-(10,10)-(5,5),
    // 10 x 5 / 2 = 25 m2 each.
    const MultiPolygon bowtie = test::rawRing({{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}});
    GeosContext geos;
    GeosGeometry raw = geos.fromMultiPolygon(bowtie);
    EXPECT_FALSE(geos.isValid(raw.get()));
    GeosGeometry valid = geos.validPolygonal(std::move(raw));
    EXPECT_TRUE(geos.isValid(valid.get()));
    EXPECT_NEAR(geos.area(valid.get()), 50, kTolerance);
    EXPECT_EQ(geos.toMultiPolygon(valid.get()).size(), 2u);
}

TEST(GeosContext, OpenRingsAreClosedAndDegenerateRingsDropped)
{
    MultiPolygon input = test::rawRing({{0, 0}, {0, 10}, {10, 10}, {10, 0}});  // open 10 x 10
    input.push_back(test::rawRing({{50, 50}, {60, 60}}).front());             // no area
    GeosContext geos;
    GeosGeometry geometry = geos.fromMultiPolygon(input);
    EXPECT_NEAR(geos.area(geometry.get()), 100, kTolerance);
    EXPECT_EQ(geos.toMultiPolygon(geometry.get()).size(), 1u);
}

TEST(GeosContext, IntersectionAndUnionAreas)
{
    // Squares 0..20 and 10..30 (y 0..20): intersection 10 x 20 = 200, union 400 + 400 - 200.
    GeosContext geos;
    GeosGeometry a = geos.fromMultiPolygon(box(0, 0, 20, 20));
    GeosGeometry b = geos.fromMultiPolygon(box(10, 0, 30, 20));
    EXPECT_NEAR(geos.area(geos.intersection(a.get(), b.get()).get()), 200, kTolerance);
    std::vector<GeosGeometry> parts;
    parts.push_back(std::move(a));
    parts.push_back(std::move(b));
    EXPECT_NEAR(geos.area(geos.unionAll(std::move(parts)).get()), 600, kTolerance);
}

TEST(GeosContext, TouchingIntersectionHasNoArea)
{
    // Sharing the edge x = 10 only: the intersection is a line, whose polygonal part is empty.
    GeosContext geos;
    GeosGeometry a = geos.fromMultiPolygon(box(0, 0, 10, 10));
    GeosGeometry b = geos.fromMultiPolygon(box(10, 0, 20, 10));
    GeosGeometry touching = geos.intersection(a.get(), b.get());
    ASSERT_TRUE(touching);
    EXPECT_TRUE(geos.isEmpty(touching.get()));
    EXPECT_EQ(geos.area(touching.get()), 0);
}

TEST(GeosContext, InteriorsIntersectOnlyWhenAreasOverlap)
{
    // A shared wall (x = 10) is not an overlap; a 1 m strip (x 9..10) is.
    GeosContext geos;
    GeosGeometry left = geos.fromMultiPolygon(box(0, 0, 10, 10));
    GeosGeometry touching = geos.fromMultiPolygon(box(10, 0, 20, 10));
    GeosGeometry overlapping = geos.fromMultiPolygon(box(9, 0, 20, 10));
    EXPECT_FALSE(geos.interiorsIntersect(left.get(), touching.get()));
    EXPECT_TRUE(geos.interiorsIntersect(left.get(), overlapping.get()));
}

TEST(GeosContext, PreparedPredicatesAndEnvelope)
{
    GeosContext geos;
    GeosGeometry parcel = geos.fromMultiPolygon(box(0, 0, 100, 50));
    GeosGeometry inside = geos.fromMultiPolygon(box(10, 10, 20, 20));
    GeosGeometry across = geos.fromMultiPolygon(box(90, 10, 110, 20));
    GeosGeometry away = geos.fromMultiPolygon(box(200, 10, 210, 20));
    GeosPrepared prepared = geos.prepare(parcel.get());
    EXPECT_TRUE(geos.covers(prepared, inside.get()));
    EXPECT_FALSE(geos.covers(prepared, across.get()));
    EXPECT_TRUE(geos.intersects(prepared, across.get()));
    EXPECT_FALSE(geos.intersects(prepared, away.get()));
    const GeosEnvelope envelope = geos.envelope(parcel.get());
    EXPECT_EQ(envelope.maxX, 100);
    EXPECT_EQ(envelope.maxY, 50);
    EXPECT_FALSE(envelope.empty);
}

TEST(GeosContext, EachThreadHasItsOwnContext)
{
    GeosContext* mine = &threadGeosContext();
    GeosContext* other = nullptr;
    std::thread worker([&other] { other = &threadGeosContext(); });
    worker.join();
    EXPECT_EQ(mine, &threadGeosContext());
    EXPECT_NE(mine, other);
}

} // namespace
} // namespace greenrenew::core::detail
