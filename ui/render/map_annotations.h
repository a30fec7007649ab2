#pragma once

// Draws the designer's annotations over a map: plain-text labels with a halo, arrows, callout
// boxes with a leader line, and intervention symbols (a green disc with the technique's
// initials). Texts are data: drawn as single plain lines.

#include "core/annotation.h"

#include <vector>

class QPainter;
class QPainterPath;

namespace greenrenew::render {

class MapView;

/// Draws ANNOTATIONS through VIEW; UNIT is the map's symbol unit in device pixels.
void drawAnnotations(QPainter& painter, const MapView& view,
    const std::vector<core::Annotation>& annotations, double unit);

/// The device-space area that picks ANNOTATION as drawn by drawAnnotations through VIEW at
/// UNIT: the text's box, the arrow's shaft and head widened to a few units, the callout's box
/// and leader, the symbol's disc. The desktop selects annotations with it.
QPainterPath annotationShape(const MapView& view, const core::Annotation& annotation, double unit);

} // namespace greenrenew::render
