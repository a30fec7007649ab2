#pragma once

// What every report page shares (the painter, the content area, the language) and the pieces
// more than one page draws: headings, paragraphs, and the atlas page of one parcel.

#include "core/analysis.h"
#include "core/model.h"

#include <QFont>
#include <QFontMetricsF>
#include <QRectF>
#include <QString>

#include <cstddef>
#include <functional>

class QPainter;
class QPaintDevice;

namespace greenrenew::render {

/// Paper size of one map symbol unit: legend text comes out near 9 pt.
inline constexpr double kSymbolUnitMm = 0.25;

struct PageFrame {
    QPainter& painter;
    QPaintDevice& device;
    QRectF content; // the page inside its margins, device units
    QString language;

    /// Device units of MILLIMETRES on paper.
    double mm(double millimetres) const;
    /// Metrics on the page's device: point sizes there are at its resolution, not the screen's.
    QFontMetricsF metrics(const QFont& font) const { return QFontMetricsF(font, &device); }
    QString tr(const char* zh, const char* en) const;
};

/// Draws a section heading (one line, cut with an ellipsis) at Y; returns the y below it.
double drawHeading(const PageFrame& frame, const QString& text, double y);
/// Draws wrapped plain text at Y across the content width; returns the y below it.
double drawParagraph(const PageFrame& frame, const QString& text, double y, const QFont& font);

/// Pages the atlas entry of parcel INDEX takes: one, and one more for each further page its
/// interventions continue on.
int parcelPageCount(const PageFrame& frame, const core::Project& project,
    const core::Analysis& analysis, std::size_t index);

/// Draws the atlas page of parcel INDEX: its map in context, its figures against their limits,
/// its walking gaps, the 13 ratings and every intervention with its effect; NEWPAGE starts
/// each of the parcelPageCount() - 1 continuation pages.
void drawParcelPage(const PageFrame& frame, const core::Project& project,
    const core::Analysis& analysis, std::size_t index, const std::function<void()>& newPage);

} // namespace greenrenew::render
