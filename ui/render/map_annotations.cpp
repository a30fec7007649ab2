#include "ui/render/map_annotations.h"

#include "ui/render/map_view.h"
#include "ui/render/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace greenrenew::render {

namespace {

const QColor kInk(0x1F, 0x1F, 0x1F);
const QColor kSymbol(0x2E, 0x8B, 0x57);

QString singleLine(const std::string& text)
{
    QString line = QString::fromStdString(text);
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line;
}

void drawHaloText(
    QPainter& painter, const QPointF& baseline, const QFont& font, const QString& text, double unit)
{
    QPainterPath path;
    path.addText(baseline, font, text);
    painter.setPen(QPen(Qt::white, 2.4 * unit, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    // The letters as text over their outlined halo, so an exported PDF or SVG can be searched.
    painter.setPen(kInk);
    painter.setFont(font);
    painter.drawText(baseline, text);
}

void drawArrow(QPainter& painter, const QPointF& tail, const QPointF& head, double unit)
{
    painter.setPen(QPen(kInk, 1.4 * unit, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(tail, head);
    const double angle = std::atan2(head.y() - tail.y(), head.x() - tail.x());
    const double length = 8 * unit;
    QPolygonF tip;
    tip << head << head - QPointF(std::cos(angle - 0.4), std::sin(angle - 0.4)) * length
        << head - QPointF(std::cos(angle + 0.4), std::sin(angle + 0.4)) * length;
    painter.setPen(Qt::NoPen);
    painter.setBrush(kInk);
    painter.drawPolygon(tip);
}

/// "rooftop_pv" -> "RP": the initials of the technique id's words.
QString initials(const std::string& technique)
{
    QString result;
    for (const QString& word : QString::fromStdString(technique).split(QLatin1Char('_'))) {
        if (!word.isEmpty() && result.size() < 2)
            result += word.front().toUpper();
    }
    return result.isEmpty() ? QStringLiteral("?") : result;
}

QFont annotationFont(double unit) { return mapFont(11 * unit); }

double symbolRadius(double unit) { return 7 * unit; }

/// The text of a plain label, its baseline at AT.
QRectF textBox(const QPointF& at, const QFontMetricsF& metrics, const QString& text)
{
    return QRectF(at.x(), at.y() - metrics.ascent(), metrics.horizontalAdvance(text),
        metrics.height());
}

/// A callout's framed box; its bottom-left corner at AT.
QRectF calloutBox(const QPointF& at, const QFontMetricsF& metrics, const QString& text,
    double unit)
{
    const double pad = 3 * unit;
    return QRectF(at.x(), at.y() - metrics.height() - 2 * pad,
        metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + 2 * pad);
}

/// Where an arrow's label sits: beside its tail.
QPointF arrowLabelAt(const QPointF& tail, double unit)
{
    return tail + QPointF(2 * unit, -2 * unit);
}

} // namespace

void drawAnnotations(QPainter& painter, const MapView& view,
    const std::vector<core::Annotation>& annotations, double unit)
{
    const QFont font = annotationFont(unit);
    const QFontMetricsF metrics(font);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const core::Annotation& annotation : annotations) {
        const QPointF at = view.toDevice(annotation.position.x(), annotation.position.y());
        const QPointF target = view.toDevice(annotation.target.x(), annotation.target.y());
        const QString text = singleLine(annotation.text);
        switch (annotation.kind) {
        case core::AnnotationKind::Text:
            drawHaloText(painter, at, font, text, unit);
            break;
        case core::AnnotationKind::Arrow:
            drawArrow(painter, at, target, unit);
            if (!text.isEmpty())
                drawHaloText(painter, arrowLabelAt(at, unit), font, text, unit);
            break;
        case core::AnnotationKind::Callout: {
            const QRectF box = calloutBox(at, metrics, text, unit);
            painter.setPen(QPen(kInk, 0.9 * unit));
            painter.drawLine(box.center(), target);
            painter.setBrush(Qt::white);
            painter.drawRect(box);
            painter.setPen(kInk);
            painter.setFont(font);
            painter.drawText(box, Qt::AlignCenter | Qt::TextSingleLine, text);
            break;
        }
        case core::AnnotationKind::Intervention: {
            const double radius = symbolRadius(unit);
            painter.setPen(QPen(Qt::white, 1.2 * unit));
            painter.setBrush(kSymbol);
            painter.drawEllipse(at, radius, radius);
            painter.setPen(Qt::white);
            painter.setFont(mapFont(8 * unit, true));
            painter.drawText(QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius),
                Qt::AlignCenter | Qt::TextSingleLine, initials(annotation.text));
            break;
        }
        }
    }
    painter.restore();
}

QPainterPath annotationShape(const MapView& view, const core::Annotation& annotation, double unit)
{
    const QFontMetricsF metrics(annotationFont(unit));
    const QPointF at = view.toDevice(annotation.position.x(), annotation.position.y());
    const QPointF target = view.toDevice(annotation.target.x(), annotation.target.y());
    const QString text = singleLine(annotation.text);
    // Lines are thin; a click within a few units of them still picks them.
    QPainterPathStroker stroker;
    stroker.setWidth(8 * unit);
    stroker.setCapStyle(Qt::RoundCap);
    QPainterPath line;
    QPainterPath shape;
    shape.setFillRule(Qt::WindingFill);
    switch (annotation.kind) {
    case core::AnnotationKind::Text:
        shape.addRect(textBox(at, metrics, text));
        break;
    case core::AnnotationKind::Arrow:
        line.moveTo(at);
        line.lineTo(target);
        shape.addPath(stroker.createStroke(line));
        if (!text.isEmpty())
            shape.addRect(textBox(arrowLabelAt(at, unit), metrics, text));
        break;
    case core::AnnotationKind::Callout: {
        const QRectF box = calloutBox(at, metrics, text, unit);
        line.moveTo(box.center());
        line.lineTo(target);
        shape.addPath(stroker.createStroke(line));
        shape.addRect(box);
        break;
    }
    case core::AnnotationKind::Intervention: {
        const double radius = symbolRadius(unit);
        shape.addEllipse(at, radius, radius);
        break;
    }
    }
    return shape;
}

} // namespace greenrenew::render
