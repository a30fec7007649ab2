// Parcel labels on the map sheet give way to the designer's annotations: a label whose box
// touches an annotation's drawn area is left out, the others stay. Boxes and areas are in
// device pixels, chosen by hand.

#include "core/annotation.h"
#include "ui/render/map_annotations.h"
#include "ui/render/map_labels.h"
#include "ui/render/map_view.h"

#include <gtest/gtest.h>

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

} // namespace
} // namespace greenrenew::render
