#include "ui/render/report_charts.h"

#include "ui/render/report_page.h"
#include "ui/render/theme.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace greenrenew::render {

namespace {

const QColor kAxis(0x60, 0x60, 0x60);
const QColor kGrid(0xE0, 0xE0, 0xE0);

/// Draws TEXT on one line inside RECT, cut with an ellipsis.
void drawCell(QPainter& painter, const PageFrame& frame, const QRectF& rect, const QString& text,
    Qt::Alignment align)
{
    QString line = text;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    painter.drawText(rect, align | Qt::AlignVCenter | Qt::TextSingleLine,
        frame.metrics(painter.font()).elidedText(line, Qt::ElideRight, rect.width()));
}

double drawTitle(
    QPainter& painter, const PageFrame& frame, const QRectF& rect, const QString& title)
{
    painter.setFont(pageFont(9.5, true));
    painter.setPen(Qt::black);
    // A title that explains its colours (the limits chart's) is wider than a half-page chart:
    // it wraps to a second line rather than being cut in the middle of the explanation.
    const QFontMetricsF metrics = frame.metrics(painter.font());
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const QRectF twoLines(rect.left(), rect.top(), rect.width(), metrics.height() * 2);
    const double height = std::min(metrics.boundingRect(twoLines, flags, title).height(),
        twoLines.height());
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), height), flags, title);
    return rect.top() + height + frame.mm(1.5);
}

} // namespace

QColor ratingColor(core::Rating rating)
{
    switch (rating) {
    case core::Rating::Serious:
        return QColor(0xC0, 0x39, 0x2B);
    case core::Rating::Medium:
        return QColor(0xF3, 0x9C, 0x12);
    case core::Rating::Slight:
        return QColor(0x9A, 0xCD, 0x32);
    case core::Rating::NotAssessed:
        break;
    }
    return QColor(0xC8, 0xC8, 0xC8);
}

QColor limitShareColor(double value, double limit, core::LimitBound bound, double mediumMargin)
{
    return ratingColor(core::rateAgainstLimit(value, limit, bound, mediumMargin));
}

double drawBarChart(const PageFrame& frame, const QRectF& rect, const QString& title,
    const std::vector<ChartBar>& bars)
{
    QPainter& p = frame.painter;
    p.save();
    double y = drawTitle(p, frame, rect, title);
    const QFont font = pageFont(8);
    p.setFont(font);
    const double rowHeight
        = std::min(frame.mm(7), (rect.bottom() - y) / std::max<std::size_t>(1, bars.size()));
    const double labelWidth = rect.width() * 0.3;
    const double valueWidth = rect.width() * 0.16;
    const double plotLeft = rect.left() + labelWidth + frame.mm(1);
    const double plotWidth = rect.width() - labelWidth - valueWidth - frame.mm(2);

    double low = 0;
    double high = 0;
    for (const ChartBar& bar : bars) {
        low = std::min({ low, bar.value, bar.limit.value_or(0) });
        high = std::max({ high, bar.value, bar.limit.value_or(0) });
    }
    if (high - low <= 0)
        high = low + 1;
    const auto xOf
        = [&](double value) { return plotLeft + (value - low) / (high - low) * plotWidth; };

    const double top = y;
    for (const ChartBar& bar : bars) {
        const QRectF row(rect.left(), y, rect.width(), rowHeight);
        p.setPen(Qt::black);
        drawCell(p, frame, QRectF(row.left(), y, labelWidth, rowHeight), bar.label, Qt::AlignLeft);
        const double x0 = xOf(0);
        const double x1 = xOf(bar.value);
        p.setPen(Qt::NoPen);
        p.setBrush(bar.color);
        p.drawRect(QRectF(QPointF(std::min(x0, x1), y + rowHeight * 0.2),
            QPointF(std::max(x0, x1), y + rowHeight * 0.8)));
        if (bar.limit) {
            const double xl = xOf(*bar.limit);
            p.setPen(QPen(Qt::black, frame.mm(0.5)));
            p.drawLine(QPointF(xl, y + rowHeight * 0.05), QPointF(xl, y + rowHeight * 0.95));
        }
        p.setPen(Qt::black);
        const QString text
            = bar.valueText.isEmpty() ? QString::number(bar.value, 'f', 1) : bar.valueText;
        drawCell(p, frame, QRectF(rect.right() - valueWidth, y, valueWidth, rowHeight), text,
            Qt::AlignRight);
        y += rowHeight;
    }
    // The zero axis, so signs read at a glance.
    p.setPen(QPen(kAxis, frame.mm(0.25)));
    p.drawLine(QPointF(xOf(0), top), QPointF(xOf(0), y));
    p.restore();
    return y + frame.mm(2);
}

double drawStackedChart(const PageFrame& frame, const QRectF& rect, const QString& title,
    const std::vector<ChartSeries>& series, const std::vector<StackedRow>& rows)
{
    QPainter& p = frame.painter;
    p.save();
    double y = drawTitle(p, frame, rect, title);
    const QFont font = pageFont(8);
    p.setFont(font);
    const double lineHeight = frame.metrics(font).height();

    // Legend on one line: swatch and name per series.
    double x = rect.left();
    for (const ChartSeries& entry : series) {
        const double swatch = lineHeight * 0.7;
        p.setPen(Qt::NoPen);
        p.setBrush(entry.color);
        p.drawRect(QRectF(x, y + (lineHeight - swatch) / 2, swatch, swatch));
        p.setPen(Qt::black);
        const double width = frame.metrics(font).horizontalAdvance(entry.name);
        p.drawText(QRectF(x + swatch * 1.4, y, width + frame.mm(1), lineHeight),
            Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, entry.name);
        x += swatch * 1.4 + width + frame.mm(4);
    }
    y += lineHeight + frame.mm(1.5);

    int most = 1;
    for (const StackedRow& row : rows)
        most = std::max(most, std::accumulate(row.counts.begin(), row.counts.end(), 0));
    const double rowHeight
        = std::min(frame.mm(8), (rect.bottom() - y) / std::max<std::size_t>(1, rows.size()));
    const double labelWidth = rect.width() * 0.3;
    const double countWidth = rect.width() * 0.08;
    const double plotLeft = rect.left() + labelWidth + frame.mm(1);
    const double plotWidth = rect.width() - labelWidth - countWidth - frame.mm(2);
    for (const StackedRow& row : rows) {
        p.setPen(Qt::black);
        drawCell(p, frame, QRectF(rect.left(), y, labelWidth, rowHeight), row.label, Qt::AlignLeft);
        double left = plotLeft;
        int total = 0;
        for (std::size_t i = 0; i < row.counts.size() && i < series.size(); ++i) {
            const double width = plotWidth * row.counts[i] / most;
            p.setPen(Qt::NoPen);
            p.setBrush(series[i].color);
            p.drawRect(QRectF(left, y + rowHeight * 0.15, width, rowHeight * 0.7));
            left += width;
            total += row.counts[i];
        }
        p.setPen(Qt::black);
        drawCell(p, frame, QRectF(rect.right() - countWidth, y, countWidth, rowHeight),
            QString::number(total), Qt::AlignRight);
        y += rowHeight;
    }
    p.setPen(QPen(kGrid, frame.mm(0.2)));
    p.drawLine(QPointF(plotLeft, rect.top()), QPointF(plotLeft, y));
    p.restore();
    return y + frame.mm(2);
}

} // namespace greenrenew::render
