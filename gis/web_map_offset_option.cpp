#include "gis/web_map_offset_option.h"

namespace greenrenew::gis {

std::optional<core::WebMapOffset> parseWebMapOffset(const QString& text)
{
    QString key = text.trimmed().toLower();
    key.remove(QLatin1Char('-'));
    if (key.isEmpty() || key == QStringLiteral("none"))
        return core::WebMapOffset::None;
    if (key == QStringLiteral("gcj02"))
        return core::WebMapOffset::Gcj02;
    if (key == QStringLiteral("bd09"))
        return core::WebMapOffset::Bd09;
    return std::nullopt;
}

QString webMapOffsetName(core::WebMapOffset offset)
{
    switch (offset) {
    case core::WebMapOffset::Gcj02: return QStringLiteral("GCJ-02");
    case core::WebMapOffset::Bd09: return QStringLiteral("BD-09");
    case core::WebMapOffset::None: break;
    }
    return QStringLiteral("none");
}

} // namespace greenrenew::gis
