// render::MapIndex finds the features in a view at a given size, and drawMap draws the same
// picture with it as without it; a feature smaller than a pixel is not drawn.

#include "ui/render/map_index.h"
#include "ui/render/map_renderer.h"

#include "render_fixture.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

namespace greenrenew::render {
namespace {

using test::kOriginX;
using test::kOriginY;
using test::square;

// The fixture's three 100 m parcels, a 20 m building in parcel 0, a 0.1 m one in the middle
// of parcel 1, a street along the row's middle and a facility in parcel 2.
core::Project district()
{
    core::Project project = test::threeParcels();
    core::Building large;
    large.footprint.push_back(square(kOriginX + 40, kOriginY + 40, 20));
    core::Building tiny;
    tiny.footprint.push_back(square(kOriginX + 150, kOriginY + 50, 0.1));
    project.buildings = {large, tiny};
    core::Street street;
    street.geometry.push_back({{kOriginX, kOriginY + 50}, {kOriginX + 300, kOriginY + 50}});
    project.streets = {street};
    core::Facility facility;
    facility.location = core::Point(kOriginX + 250, kOriginY + 80);
    project.facilities = {facility};
    return project;
}

QImage draw(const core::Project& project, const MapOptions& options)
{
    QImage image(900, 400, QImage::Format_ARGB32);
    image.fill(Qt::black);
    QPainter painter(&image);
    drawMap(painter, QRectF(0, 0, 900, 400), project, test::threeResults(), options);
    painter.end();
    return image;
}

TEST(MapIndexTest, FindsTheFeaturesInAViewAtLeastAGivenSize)
{
    const core::Project project = district();
    const MapIndex index(project);
    using Layer = MapIndex::Layer;
    using Found = std::vector<std::uint32_t>;
    // Inside parcel 1 only (x 110-190 m of the row).
    const QRectF middle(kOriginX + 110, kOriginY + 10, 80, 80);
    EXPECT_EQ(index.query(Layer::Parcels, middle, 0), Found{1});
    const QRectF all(kOriginX - 10, kOriginY - 10, 320, 120);
    EXPECT_EQ(index.query(Layer::Parcels, all, 50), (Found{0, 1, 2}));
    EXPECT_EQ(index.query(Layer::Parcels, all, 150), Found{});
    // The 0.1 m building counts only when any size does.
    EXPECT_EQ(index.query(Layer::Buildings, all, 1), Found{0});
    EXPECT_EQ(index.query(Layer::Buildings, all, 0), (Found{0, 1}));
    EXPECT_EQ(index.query(Layer::Buildings, middle, 0), Found{1});
    EXPECT_EQ(index.query(Layer::Streets, middle, 1), Found{0});
    // A point has no size and is found whatever the minimum.
    EXPECT_EQ(index.query(Layer::Facilities, all, 1000), Found{0});
    EXPECT_EQ(index.query(Layer::Facilities, middle, 0), Found{});
    EXPECT_EQ(index.size(Layer::Buildings), 2u);
}

TEST(MapIndexTest, DrawsTheSamePictureAsWithoutTheIndex)
{
    const core::Project project = district();
    const MapIndex index(project);
    for (const QRectF& extent : {QRectF(), QRectF(kOriginX + 100, kOriginY, 100, 100),
                                 QRectF(kOriginX + 140, kOriginY + 40, 20, 20)}) {
        MapOptions plain;
        plain.extent = extent;
        plain.legend = false;
        MapOptions indexed = plain;
        indexed.index = &index;
        EXPECT_TRUE(draw(project, plain) == draw(project, indexed))
            << extent.x() << " " << extent.width();
    }
}

TEST(MapIndexTest, LeavesOutWhatIsSmallerThanAPixel)
{
    // Whole row: 330 m over 900 px (2.727 px/m, as the fixture's hand computation with 900 x
    // 400): the 20 m building is 55 px, the 0.1 m one 0.27 px. Parcel 0's centre of the row
    // maps to x = 450 - 150 * 2.727 + 50 * 2.727 = 177, parcel 1's to 450, both at y = 200.
    const core::Project project = district();
    MapOptions options;
    options.legend = false;
    const QImage image = draw(project, options);
    EXPECT_NE(image.pixelColor(177, 200).rgb(), categoryColor(core::Category::Construction).rgb());
    // The tiny building sits at x 150-150.1 m, y 50-50.1 m: at pixel (450, 200) - 0.27 px.
    // The street runs along y = 50 m, so look just above it and beside the building, where
    // only the parcel and the skipped building could colour the pixel.
    MapOptions noStreet = options;
    noStreet.showStreets = false;
    const QImage bare = draw(project, noStreet);
    EXPECT_EQ(bare.pixelColor(450, 199).rgb(), categoryColor(core::Category::Transport).rgb());
    EXPECT_EQ(bare.pixelColor(450, 200).rgb(), categoryColor(core::Category::Transport).rgb());
}

} // namespace
} // namespace greenrenew::render
