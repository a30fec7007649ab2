#include "ui/render/map_decorations.h"

#include "ui/render/map_renderer.h"
#include "ui/render/map_view.h"
#include "ui/render/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace greenrenew::render {

namespace {

const QColor kFrameColor(0x40, 0x40, 0x40);
const QColor kPanelColor(255, 255, 255, 230);

/// Text drawn plain (never as markup) with its top-left at POS.
void drawPlainText(QPainter& painter, const QPointF& pos, const QString& text)
{
    const QFontMetricsF metrics(painter.font());
    painter.drawText(QPointF(pos.x(), pos.y() + metrics.ascent()), text);
}

QString lengthLabel(double metres)
{
    if (metres >= 1000)
        return QString::number(metres / 1000, 'g', 4) + QStringLiteral(" km");
    return QString::number(metres, 'g', 6) + QStringLiteral(" m");
}

void drawLegendSymbol(QPainter& painter, const QRectF& box, const LegendEntry& entry, double unit)
{
    painter.save();
    switch (entry.symbol) {
    case LegendSymbol::Fill:
        painter.setPen(QPen(kFrameColor, 0.6 * unit));
        painter.setBrush(entry.color);
        painter.drawRect(box);
        break;
    case LegendSymbol::Hatch:
        painter.setPen(QPen(entry.color.darker(140), 0.6 * unit));
        painter.setBrush(entry.color);
        painter.drawRect(box);
        break;
    case LegendSymbol::Line:
        painter.setPen(QPen(entry.color, 2 * unit, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(
            QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
        break;
    case LegendSymbol::Dot:
        painter.setPen(QPen(Qt::white, 0.6 * unit));
        painter.setBrush(entry.color);
        painter.drawEllipse(box.center(), 2.4 * unit, 2.4 * unit);
        break;
    case LegendSymbol::Outline:
        painter.setPen(QPen(entry.color, 2 * unit));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(box.adjusted(unit, unit, -unit, -unit));
        break;
    }
    painter.restore();
}

} // namespace

std::vector<LegendEntry> categoryLegend(const QString& language)
{
    std::vector<LegendEntry> entries;
    for (core::Category category : kAllCategories)
        entries.push_back(
            { LegendSymbol::Fill, categoryColor(category), categoryLabel(category, language) });
    return entries;
}

double niceScaleLength(double maxMetres)
{
    if (!(maxMetres >= 1))
        return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double step : { 5.0, 2.0, 1.0 }) {
        // The tolerance keeps 1000 from coming out as 500 through rounding in log10.
        if (step * decade <= maxMetres * (1 + 1e-9))
            return step * decade;
    }
    return decade;
}

double mapUnit(const QRectF& target, double symbolScale)
{
    if (symbolScale > 0)
        return symbolScale;
    return std::max(0.5, std::min(target.width(), target.height()) / 800.0);
}

namespace {

// The legend's measures, in map units.
constexpr double kLegendPad = 8;
constexpr double kLegendSwatch = 14;
constexpr double kLegendRow = 20;
constexpr double kLegendTitlePx = 14;
constexpr double kLegendEntryPx = 12.5;

} // namespace

QSizeF legendSize(double unit, const QString& title, const std::vector<LegendEntry>& entries)
{
    const QFontMetricsF titleMetrics(mapFont(kLegendTitlePx * unit, true));
    const QFontMetricsF entryMetrics(mapFont(kLegendEntryPx * unit));
    double textWidth = titleMetrics.horizontalAdvance(title);
    for (const LegendEntry& entry : entries)
        textWidth = std::max(textWidth,
            (kLegendSwatch + 6) * unit + entryMetrics.horizontalAdvance(entry.label));
    const double titleHeight = titleMetrics.height() + 4 * unit;
    return QSizeF(textWidth + 2 * kLegendPad * unit,
        titleHeight + entries.size() * kLegendRow * unit + (2 * kLegendPad - 4) * unit);
}

QRectF drawLegend(QPainter& painter, const QRectF& target, double unit, const QString& title,
    const std::vector<LegendEntry>& entries)
{
    return drawLegendAt(
        painter, target.topLeft() + QPointF(10 * unit, 10 * unit), unit, title, entries);
}

QRectF drawLegendAt(QPainter& painter, const QPointF& topLeft, double unit, const QString& title,
    const std::vector<LegendEntry>& entries)
{
    const double pad = kLegendPad * unit;
    const double swatch = kLegendSwatch * unit;
    const double rowHeight = kLegendRow * unit;
    const QFont titleFont = mapFont(kLegendTitlePx * unit, true);
    const QFont entryFont = mapFont(kLegendEntryPx * unit);
    const QFontMetricsF entryMetrics(entryFont);
    const double titleHeight = QFontMetricsF(titleFont).height() + 4 * unit;
    const QRectF box(topLeft, legendSize(unit, title, entries));

    painter.save();
    painter.setPen(QPen(kFrameColor, 0.8 * unit));
    painter.setBrush(kPanelColor);
    painter.drawRect(box);

    painter.setPen(Qt::black);
    painter.setFont(titleFont);
    drawPlainText(painter, QPointF(box.left() + pad, box.top() + pad), title);

    painter.setFont(entryFont);
    double y = box.top() + pad + titleHeight;
    for (const LegendEntry& entry : entries) {
        const QRectF symbolBox(
            box.left() + pad, y + (rowHeight - swatch) / 2 - 2 * unit, swatch, swatch);
        drawLegendSymbol(painter, symbolBox, entry, unit);
        painter.setPen(Qt::black);
        const double textTop = symbolBox.center().y() - entryMetrics.height() / 2;
        drawPlainText(painter, QPointF(symbolBox.right() + 6 * unit, textTop), entry.label);
        y += rowHeight;
    }
    painter.restore();
    return box;
}

MapBesideLegend placeLegendOutside(
    const QRectF& area, const QRectF& extent, const QSizeF& legend, double gap)
{
    const auto scaleIn = [&extent](const QRectF& map) {
        return std::min(map.width() / std::max(extent.width(), 1e-6),
            map.height() / std::max(extent.height(), 1e-6));
    };
    const MapBesideLegend beside { area.adjusted(legend.width() + gap, 0, 0, 0),
        QRectF(area.topLeft(), legend) };
    const QRectF below = area.adjusted(0, 0, 0, -(legend.height() + gap));
    const MapBesideLegend under { below,
        QRectF(QPointF(area.left(), below.bottom() + gap), legend) };
    return scaleIn(under.map) > scaleIn(beside.map) ? under : beside;
}

void drawScaleBar(QPainter& painter, const MapView& view, double unit)
{
    const QRectF& target = view.target();
    const double metres = niceScaleLength(target.width() * 0.2 / view.scale());
    const double length = metres * view.scale();
    const double barHeight = 5 * unit;
    const QFont font = mapFont(11.5 * unit);
    const QFontMetricsF metrics(font);

    const QPointF origin(target.left() + 16 * unit, target.bottom() - 16 * unit - barHeight);
    const QString endLabel = lengthLabel(metres);
    const QRectF panel(origin.x() - 6 * unit, origin.y() - metrics.height() - 8 * unit,
        length + metrics.horizontalAdvance(endLabel) / 2 + 12 * unit,
        metrics.height() + barHeight + 14 * unit);

    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(kPanelColor);
    painter.drawRect(panel);

    // Two halves, dark and light, so the half length reads off the bar too.
    painter.setPen(QPen(Qt::black, 0.8 * unit));
    painter.setBrush(Qt::black);
    painter.drawRect(QRectF(origin.x(), origin.y(), length / 2, barHeight));
    painter.setBrush(Qt::white);
    painter.drawRect(QRectF(origin.x() + length / 2, origin.y(), length / 2, barHeight));

    painter.setFont(font);
    const double labelTop = origin.y() - metrics.height() - 2 * unit;
    drawPlainText(painter,
        QPointF(origin.x() - metrics.horizontalAdvance(QStringLiteral("0")) / 2, labelTop),
        QStringLiteral("0"));
    drawPlainText(painter,
        QPointF(origin.x() + length - metrics.horizontalAdvance(endLabel) / 2, labelTop), endLabel);
    painter.restore();
}

void drawNorthArrow(QPainter& painter, const QRectF& target, double unit)
{
    const double height = 34 * unit;
    const double halfWidth = 10 * unit;
    const QFont font = mapFont(14 * unit, true);
    const QFontMetricsF metrics(font);
    const QPointF tip(target.right() - 26 * unit, target.top() + 16 * unit + metrics.height());

    QPainterPath left;
    left.moveTo(tip);
    left.lineTo(tip.x() - halfWidth, tip.y() + height);
    left.lineTo(tip.x(), tip.y() + height * 0.72);
    left.closeSubpath();
    QPainterPath right;
    right.moveTo(tip);
    right.lineTo(tip.x() + halfWidth, tip.y() + height);
    right.lineTo(tip.x(), tip.y() + height * 0.72);
    right.closeSubpath();

    painter.save();
    painter.setPen(QPen(Qt::black, 0.8 * unit));
    painter.setBrush(Qt::black);
    painter.drawPath(left);
    painter.setBrush(Qt::white);
    painter.drawPath(right);
    painter.setFont(font);
    const QString north = QStringLiteral("N");
    drawPlainText(painter,
        QPointF(
            tip.x() - metrics.horizontalAdvance(north) / 2, tip.y() - metrics.height() - 2 * unit),
        north);
    painter.restore();
}

void drawAttribution(QPainter& painter, const QRectF& target, double unit, const QString& crsName,
    const QString& attribution, const QString& language)
{
    const QFont font = mapFont(10.5 * unit);
    const QFontMetricsF metrics(font);
    QStringList lines;
    if (!crsName.isEmpty())
        lines << pick(language, QStringLiteral("坐标系: "), QStringLiteral("CRS: ")) + crsName;
    if (!attribution.isEmpty())
        lines << attribution;
    if (lines.isEmpty())
        return;

    // Long names are cut with an ellipsis rather than run past the map.
    const double maxWidth = target.width() * 0.55;
    double width = 0;
    for (QString& line : lines) {
        line = metrics.elidedText(line, Qt::ElideRight, maxWidth);
        width = std::max(width, metrics.horizontalAdvance(line));
    }
    const double pad = 4 * unit;
    const double lineHeight = metrics.height();
    const QRectF panel(target.right() - width - 2 * pad - 6 * unit,
        target.bottom() - lines.size() * lineHeight - 2 * pad - 6 * unit, width + 2 * pad,
        lines.size() * lineHeight + 2 * pad);

    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(kPanelColor);
    painter.drawRect(panel);
    painter.setPen(QColor(0x30, 0x30, 0x30));
    painter.setFont(font);
    double y = panel.top() + pad;
    for (const QString& line : lines) {
        drawPlainText(
            painter, QPointF(panel.right() - pad - metrics.horizontalAdvance(line), y), line);
        y += lineHeight;
    }
    painter.restore();
}

} // namespace greenrenew::render
