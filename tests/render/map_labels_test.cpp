// Parcel labels on the map sheet give way to the designer's annotations: a label whose box
// touches an annotation's drawn area is left out, the others stay. Boxes and areas are in
// device pixels, chosen by hand.

#include "core/annotation.h"
#include "ui/render/map_annotations.h"
#include "ui/render/map_labels.h"
#include "ui/render/map_view.h"

#include "ui/render/theme.h"

#include <gtest/gtest.h>

#include <boost/geometry/algorithms/within.hpp>

#include <QPainterPath>

namespace greenrenew::render {
namespace {

PlacedLabel labelAt(const QString& text, const QRectF& box)
{
    return { text, box, box.bottomLeft() };
}

TEST(MapLabels, LabelsUnderAnAnnotationGiveWay)
{
    QPainterPath disc;
    disc.addEllipse(QPointF(60, 20), 10, 10); // x 50..70, y 10..30
    const std::vector<PlacedLabel> kept = labelsClearOf(
        { labelAt(QStringLiteral("A"), QRectF(40, 15, 20, 10)), // overlaps the disc's left
            labelAt(QStringLiteral("B"), QRectF(75, 15, 20, 10)), // 5 px right of it
            labelAt(QStringLiteral("C"), QRectF(200, 15, 20, 10)) },
        { disc });
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept[0].text, QStringLiteral("B"));
    EXPECT_EQ(kept[1].text, QStringLiteral("C"));
}

TEST(MapLabels, ATextAnnotationAtAParcelsCentreHidesThatParcelsLabel)
{
    // 300 m x 100 m drawn on 600 x 200 px: 2 px a metre, y up.
    const MapView view(QRectF(0, 0, 300, 100), QRectF(0, 0, 600, 200));
    core::Annotation note;
    note.kind = core::AnnotationKind::Text;
    note.position = core::Point(150, 50);
    note.text = "pocket park";
    const QPointF at = view.toDevice(150, 50);
    const QPointF far = view.toDevice(50, 50);
    const std::vector<PlacedLabel> kept = labelsClearOf(
        { labelAt(QStringLiteral("centre"), QRectF(at - QPointF(10, 5), QSizeF(20, 10))),
            labelAt(QStringLiteral("west"), QRectF(far - QPointF(10, 5), QSizeF(20, 10))) },
        { annotationShape(view, note, 1.0) });
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].text, QStringLiteral("west"));
}

/// A U of 300 x 300 m opening north, arms and base 100 m wide: its envelope's centre
/// (150, 150) lies in the notch, outside the parcel, as the sample's parcel 76 curving round
/// the river had its label in the water (issue 10).
core::Parcel uShapedParcel()
{
    core::Parcel parcel;
    parcel.id = 76;
    core::Polygon shape;
    shape.outer() = { { 0, 0 }, { 0, 300 }, { 100, 300 }, { 100, 100 }, { 200, 100 },
        { 200, 300 }, { 300, 300 }, { 300, 0 }, { 0, 0 } };
    parcel.geometry.push_back(shape);
    return parcel;
}

TEST(MapLabels, ALabelSitsInsideItsParcelNotAtItsEnvelopesCentre)
{
    core::Project project;
    project.parcels.push_back(uShapedParcel());
    // 1 px a metre; device y runs down from the top, world y up.
    const MapView view(QRectF(0, 0, 300, 300), QRectF(0, 0, 300, 300));
    const std::vector<PlacedLabel> labels
        = placeParcelLabels(view, project, mapFont(12), 1.5, true);
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(labels[0].text, QStringLiteral("76"));
    const QRectF& box = labels[0].box;
    const auto world = [](const QPointF& device) {
        return core::Point(device.x(), 300 - device.y());
    };
    const core::Polygon& shape = project.parcels[0].geometry[0];
    EXPECT_TRUE(boost::geometry::within(world(box.center()), shape))
        << box.center().x() << ", " << box.center().y();
    for (const QPointF& corner : { box.topLeft(), box.topRight(), box.bottomLeft(),
             box.bottomRight() })
        EXPECT_TRUE(boost::geometry::within(world(corner), shape))
            << corner.x() << ", " << corner.y();
}

} // namespace
} // namespace greenrenew::render
