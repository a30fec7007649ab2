// GCJ-02 and BD-09 against values published with independent implementations: the
// eviltransform project's test table (github.com/googollee/eviltransform, python/tests.py:
// WGS 84 -> GCJ-02 for points in Shanghai, Shenzhen and Beijing) and gcoord's unit tests
// (github.com/hujiulong/gcoord, test/unit/crs/GCJ02.spec.js: GCJ-02 (123, 45) to WGS 84 and
// to BD-09). Both quote latitude first; the points here are longitude first.

#include "core/web_map_offset.h"

#include <gtest/gtest.h>

namespace greenrenew::core {
namespace {

struct Published {
    LonLat wgs;
    LonLat gcj;
};

// eviltransform's (wgsLat, wgsLng, gcjLat, gcjLng) rows.
const Published kEvilTransform[] = {
    {{121.5272106, 31.1774276}, {121.531541859215, 31.17530398364597}},    // Shanghai
    {{113.912316, 22.543847}, {113.9171764808363, 22.540796131694766}},    // Shenzhen
    {{116.377817, 39.911954}, {116.38404722455657, 39.91334545536069}},    // Beijing
};

TEST(WebMapOffset, ForwardShiftMatchesThePublishedTable)
{
    for (const Published& row : kEvilTransform) {
        const LonLat gcj = wgs84ToGcj02(row.wgs);
        EXPECT_NEAR(gcj.lon, row.gcj.lon, 1e-9);
        EXPECT_NEAR(gcj.lat, row.gcj.lat, 1e-9);
    }
}

TEST(WebMapOffset, RemovalFindsThePublishedWgs84PointToAMillimetre)
{
    for (const Published& row : kEvilTransform) {
        const OffsetRemoval removed = removeWebMapOffset(row.gcj, WebMapOffset::Gcj02);
        // 1e-8 degrees is about 1 mm at these latitudes.
        EXPECT_NEAR(removed.wgs84.lon, row.wgs.lon, 1e-8);
        EXPECT_NEAR(removed.wgs84.lat, row.wgs.lat, 1e-8);
        EXPECT_LT(removed.residualM, 0.001);
    }
}

TEST(WebMapOffset, GcoordsGcj02ToWgs84AndBd09)
{
    // gcoord checks these to 5 decimals (toBeCloseTo(x, 5): |difference| < 5e-6).
    const OffsetRemoval wgs = removeWebMapOffset({123.0, 45.0}, WebMapOffset::Gcj02);
    EXPECT_NEAR(wgs.wgs84.lon, 122.99395597, 5e-6);
    EXPECT_NEAR(wgs.wgs84.lat, 44.99804071, 5e-6);
    const LonLat bd = gcj02ToBd09({123.0, 45.0});
    EXPECT_NEAR(bd.lon, 123.00636499, 5e-6);
    EXPECT_NEAR(bd.lat, 45.00636899, 5e-6);
}

TEST(WebMapOffset, Bd09RemovalLandsOnThePointGiven)
{
    // Baidu's point for the Shanghai row: the published GCJ-02 point taken on to BD-09.
    const LonLat bd = gcj02ToBd09(kEvilTransform[0].gcj);
    const OffsetRemoval removed = removeWebMapOffset(bd, WebMapOffset::Bd09);
    EXPECT_NEAR(removed.wgs84.lon, kEvilTransform[0].wgs.lon, 1e-8);
    EXPECT_NEAR(removed.wgs84.lat, kEvilTransform[0].wgs.lat, 1e-8);
    EXPECT_LT(removed.residualM, 0.001);
}

TEST(WebMapOffset, NoShiftOutsideChinaAndNoneForNone)
{
    // Prague lies outside the rectangle: the web maps leave it, and so does the removal.
    const LonLat prague{14.4, 50.1};
    EXPECT_EQ(wgs84ToGcj02(prague).lon, prague.lon);
    const OffsetRemoval removed = removeWebMapOffset(prague, WebMapOffset::Gcj02);
    EXPECT_EQ(removed.wgs84.lon, prague.lon);
    EXPECT_EQ(removed.wgs84.lat, prague.lat);
    EXPECT_EQ(removeWebMapOffset(kEvilTransform[0].gcj, WebMapOffset::None).wgs84.lon,
              kEvilTransform[0].gcj.lon);
}

} // namespace
} // namespace greenrenew::core
