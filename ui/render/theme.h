#pragma once

// The shared look of maps and report pages: category colours, the names shown for categories
// and renewal types in Chinese and English, and the fonts that carry both scripts.

#include "core/carbon_method.h"
#include "core/model.h"

#include <QColor>
#include <QFont>
#include <QString>

#include <array>

namespace greenrenew::render {

/// The font family used for all text; it carries Latin and Han glyphs, so mixed labels never
/// fall back to boxes (fonts-wqy-microhei).
inline constexpr char kCjkFamily[] = "WenQuanYi Micro Hei";

inline constexpr std::array<core::Category, 4> kAllCategories = { core::Category::Construction,
    core::Category::Transport, core::Category::Greening, core::Category::Waste };

/// True for "en" (any case); every other language code shows Chinese.
bool isEnglish(const QString& language);
/// ZH or EN by LANGUAGE.
QString pick(const QString& language, const QString& zh, const QString& en);

/// Renewal type name on screen: 老旧居住区 / Old residential area, ...
QString renewalTypeLabel(core::RenewalType type, const QString& language);

/// True when the font database has kCjkFamily; without it Chinese text shows as boxes.
bool cjkFontAvailable();
/// kCjkFamily at PIXELS pixel height (device units of the painter it is used with).
QFont mapFont(double pixels, bool bold = false);
/// kCjkFamily at POINTS points, for paged output where the device has a physical resolution.
QFont pageFont(double points, bool bold = false);

/// Fill of a parcel the analysis has no result for.
QColor notAnalysedColor();

} // namespace greenrenew::render
