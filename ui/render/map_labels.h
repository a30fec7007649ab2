#pragma once

// Parcel labels that never overlap: placed largest parcel first at the parcel's pole of
// inaccessibility (a point well inside it), each one left out when its box would touch a label
// already placed or leave the map.

#include "core/model.h"

#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;
class QPainterPath;

namespace greenrenew::render {

class MapView;

struct PlacedLabel {
    QString text;
    QRectF box; // device units, the text's extent including its halo
    QPointF baseline; // where the text starts
};

/// The extent a map shows: REQUESTED when valid, else the parcels' extent (the buildings' when
/// there are no parcels) with a 5% margin.
QRectF mapExtent(const core::Project& project, const QRectF& requested = {});

/// Text of a parcel's label: its id when USEIDS or when it has no name, else its name.
QString parcelLabelText(const core::Parcel& parcel, bool useIds);

/// Places one label per parcel in VIEW with FONT (pixel sized), halo HALO pixels wide.
std::vector<PlacedLabel> placeParcelLabels(
    const MapView& view, const core::Project& project, const QFont& font, double halo, bool useIds);

/// LABELS without those whose box touches one of COVERED (device-space areas): the designer
/// placed the annotations there, so a parcel label under one gives way to it.
std::vector<PlacedLabel> labelsClearOf(
    std::vector<PlacedLabel> labels, const std::vector<QPainterPath>& covered);

/// Draws LABELS in black with a white halo, so they read over every fill.
void drawPlacedLabels(
    QPainter& painter, const std::vector<PlacedLabel>& labels, const QFont& font, double halo);

} // namespace greenrenew::render
