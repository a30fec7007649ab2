#include "ui/render/theme.h"

#include "ui/render/map_renderer.h"

#include <QFontDatabase>

namespace greenrenew::render {

namespace {

struct CategoryStyle {
    core::Category category;
    // Okabe-Ito colours: distinct under the common colour-vision deficiencies and in greyscale
    // print, which matters because the map is the report's main figure.
    QRgb color;
    const char* zh;
    const char* en;
};

constexpr CategoryStyle kCategoryStyles[] = {
    { core::Category::Construction, qRgb(0xD5, 0x5E, 0x00), "建设", "Construction" },
    { core::Category::Transport, qRgb(0x00, 0x72, 0xB2), "交通", "Transport" },
    { core::Category::Greening, qRgb(0x00, 0x9E, 0x73), "绿化 (碳汇)", "Greening (sinks)" },
    { core::Category::Waste, qRgb(0xCC, 0x79, 0xA7), "废弃物", "Waste" },
    // A parcel that neither emits nor absorbs: near white, apart from the grey of "no value".
    { core::Category::None, qRgb(0xF7, 0xF4, 0xEA), "无排放无碳汇",
        "None (no emissions or sink)" },
};

struct TypeStyle {
    core::RenewalType type;
    const char* zh;
    const char* en;
};

constexpr TypeStyle kTypeStyles[] = {
    { core::RenewalType::Residential, "老旧居住区", "Old residential area" },
    { core::RenewalType::Commercial, "旧商业区", "Old commercial area" },
    { core::RenewalType::Factory, "旧厂区", "Old factory area" },
    { core::RenewalType::HistoricBlock, "历史街区", "Historic block" },
};

const CategoryStyle& styleOf(core::Category category)
{
    for (const CategoryStyle& style : kCategoryStyles) {
        if (style.category == category)
            return style;
    }
    return kCategoryStyles[0];
}

} // namespace

bool isEnglish(const QString& language)
{
    return language.compare(QStringLiteral("en"), Qt::CaseInsensitive) == 0;
}

QString pick(const QString& language, const QString& zh, const QString& en)
{
    return isEnglish(language) ? en : zh;
}

QColor categoryColor(core::Category category) { return QColor(styleOf(category).color); }

QString categoryLabel(core::Category category, const QString& language)
{
    const CategoryStyle& style = styleOf(category);
    return isEnglish(language) ? QString::fromUtf8(style.en) : QString::fromUtf8(style.zh);
}

QString renewalTypeLabel(core::RenewalType type, const QString& language)
{
    for (const TypeStyle& style : kTypeStyles) {
        if (style.type == type)
            return isEnglish(language) ? QString::fromUtf8(style.en) : QString::fromUtf8(style.zh);
    }
    return QString::fromUtf8(core::renewalTypeName(type));
}

bool cjkFontAvailable()
{
    return QFontDatabase::families().contains(QString::fromLatin1(kCjkFamily));
}

QFont mapFont(double pixels, bool bold)
{
    QFont font(QString::fromLatin1(kCjkFamily));
    font.setPixelSize(qMax(1, qRound(pixels)));
    font.setBold(bold);
    return font;
}

QFont pageFont(double points, bool bold)
{
    QFont font(QString::fromLatin1(kCjkFamily));
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

QColor notAnalysedColor() { return QColor(0xD9, 0xD9, 0xD9); }

} // namespace greenrenew::render
