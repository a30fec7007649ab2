#pragma once

// How the user names the offset coordinates of Chinese web maps (core/web_map_offset.h) on
// the command line, in a mapping file and in messages.

#include "core/web_map_offset.h"

#include <QString>

#include <optional>

namespace greenrenew::gis {

/// "gcj02" or "bd09" (any case, "GCJ-02", "BD-09" too) and "" or "none"; nullopt otherwise.
std::optional<core::WebMapOffset> parseWebMapOffset(const QString& text);
/// "GCJ-02", "BD-09" or "none".
QString webMapOffsetName(core::WebMapOffset offset);

} // namespace greenrenew::gis
