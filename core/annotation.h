#pragma once

// Annotations the designer places on the map: text, arrows, callouts and intervention symbols,
// positioned in the project CRS (metres), so they stay put when the map is zoomed or printed.

#include "core/geometry.h"

#include <cstdint>
#include <string>

namespace greenrenew::core {

enum class AnnotationKind { Text, Arrow, Callout, Intervention };

struct Annotation {
    std::int64_t id = 0;
    AnnotationKind kind = AnnotationKind::Text;
    Point position; // text anchor, arrow tail, callout box, symbol centre
    Point target; // arrow head and callout leader end; unused for Text and Intervention
    std::string text; // label; for Intervention the technique id (e.g. "rooftop_pv")
};

} // namespace greenrenew::core
