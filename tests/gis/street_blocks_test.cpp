// Parcels from streets: a data set with streets and no parcel layer gets the street blocks.

#include "core/street_blocks.h"
#include "gis/dataset_reader.h"

#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include <QFile>
#include <QTemporaryDir>

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

core::Street street(std::initializer_list<core::Point> points)
{
    core::Street result;
    result.geometry.push_back(core::LineString(points));
    return result;
}

} // namespace

TEST(StreetBlocks, AHashOfStreetsEnclosesFourBlocks)
{
    // Three streets each way, 100 m apart, running 50 m past the last crossing; one cul-de-sac.
    std::vector<core::Street> streets;
    for (double at : {0.0, 100.0, 200.0}) {
        streets.push_back(street({{-50, at}, {250, at}}));
        streets.push_back(street({{at, -50}, {at, 250}}));
    }
    streets.push_back(street({{50, 0}, {50, 40}}));
    const auto blocks = core::streetBlocks(streets, 200.0);
    ASSERT_EQ(blocks.size(), 4u);
    for (const core::MultiPolygon& block : blocks) {
        EXPECT_NEAR(boost::geometry::area(block), 10000.0, 1e-6);
        EXPECT_TRUE(boost::geometry::is_valid(block));
    }
}

TEST(StreetBlocks, SmallFacesAreNotBlocks)
{
    // A triangle of 50 m2 (a traffic island) beside a 100 x 100 m block.
    std::vector<core::Street> streets = {
        street({{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}),
        street({{200, 0}, {210, 0}, {200, 10}, {200, 0}})};
    const auto blocks = core::streetBlocks(streets, 200.0);
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_NEAR(boost::geometry::area(blocks[0]), 10000.0, 1e-6);
    EXPECT_TRUE(core::streetBlocks({}, 200.0).empty());
}

TEST(StreetBlocks, DataSetWithoutParcelsGetsStreetBlocksWithANotice)
{
    QTemporaryDir dir;
    QFile file(dir.path() + QStringLiteral("/roads.geojson"));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    QByteArray features;
    for (int at : {0, 100, 200}) {
        const QByteArray y = QByteArray::number(3278000 + at);
        const QByteArray x = QByteArray::number(36400000 + at);
        features += R"({"type": "Feature", "properties": {"highway": "residential"},
            "geometry": {"type": "LineString", "coordinates": [[36399950, )" + y
                    + "], [36400250, " + y + "]]}},";
        features += R"({"type": "Feature", "properties": {"highway": "primary"},
            "geometry": {"type": "LineString", "coordinates": [[)" + x + ", 3277950], ["
                    + x + ", 3278250]]}},";
    }
    features.chop(1);
    file.write(R"({"type": "FeatureCollection", "crs": {"type": "name", "properties":
        {"name": "urn:ogc:def:crs:EPSG::4524"}}, "features": [)" + features + "]}");
    file.close();

    gis::ImportReport report;
    auto project = gis::readDataset(dir.path(), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(project.value().streets.size(), 6u);
    ASSERT_EQ(project.value().parcels.size(), 4u);
    for (const core::Parcel& parcel : project.value().parcels) {
        EXPECT_NEAR(boost::geometry::area(parcel.geometry), 10000.0, 1e-6);
        EXPECT_TRUE(parcel.typeReason.empty());
        EXPECT_EQ(parcel.attributes.at("origin"), "street_block");
    }
    bool noticed = false;
    for (const gis::ImportIssue& issue : report.issues)
        noticed = noticed || (issue.what == QStringLiteral("notice")
                              && issue.message.contains(QStringLiteral("4 street blocks")));
    EXPECT_TRUE(noticed);
}
