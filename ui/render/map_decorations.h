#pragma once

// What surrounds the map features: legend, scale bar, north arrow, CRS and attribution.
// Sizes are in "map units" of the target (one unit = the shorter target side / 800), so a
// screen canvas, a 2400 px PNG and an A4 page at 300 dpi show the same proportions.

#include "core/carbon_method.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <vector>

class QPainter;

namespace greenrenew::render {

class MapView;

/// How a legend entry is drawn.
enum class LegendSymbol { Fill, Hatch, Line, Dot, Outline };

struct LegendEntry {
    LegendSymbol symbol = LegendSymbol::Fill;
    QColor color;
    QString label;
};

/// The four carbon-source categories, in the method's order, labelled in LANGUAGE.
std::vector<LegendEntry> categoryLegend(const QString& language);

/// The largest 1, 2 or 5 x 10^n metres not above MAX_METRES (at least 1 m).
double niceScaleLength(double maxMetres);

/// Device pixels of one map unit: SYMBOLSCALE when positive, else derived from TARGET.
double mapUnit(const QRectF& target, double symbolScale = 0);

/// Size of the framed box drawLegend draws for ENTRIES under TITLE.
QSizeF legendSize(double unit, const QString& title, const std::vector<LegendEntry>& entries);
/// Draws ENTRIES under TITLE in a framed box at the top-left of TARGET; returns the box.
QRectF drawLegend(QPainter& painter, const QRectF& target, double unit, const QString& title,
    const std::vector<LegendEntry>& entries);
/// Draws the legend's box with its top-left corner at TOPLEFT (outside a map); returns it.
QRectF drawLegendAt(QPainter& painter, const QPointF& topLeft, double unit, const QString& title,
    const std::vector<LegendEntry>& entries);
/// A map and its legend side by side or one above the other, neither covering the other.
struct MapBesideLegend {
    QRectF map;
    QRectF legend;
};
/// Splits AREA into a map of EXTENT (metres, aspect kept) and a LEGEND-sized box GAP away:
/// the legend at the top left beside the map or at the left under it, whichever draws the
/// extent larger (beside on a tie), so that the legend covers none of the map's data.
MapBesideLegend placeLegendOutside(
    const QRectF& area, const QRectF& extent, const QSizeF& legend, double gap);

/// Draws a scale bar of a nice round length at the bottom-left of the view's target.
void drawScaleBar(QPainter& painter, const MapView& view, double unit);
/// Draws a north arrow at the top-right of TARGET (the map is always north-up).
void drawNorthArrow(QPainter& painter, const QRectF& target, double unit);
/// Draws the CRS name and the data attribution at the bottom-right of TARGET.
void drawAttribution(QPainter& painter, const QRectF& target, double unit, const QString& crsName,
    const QString& attribution, const QString& language);

} // namespace greenrenew::render
