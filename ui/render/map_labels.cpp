#include "ui/render/map_labels.h"

#include "ui/render/map_view.h"

#include "core/envelope.h"
#include "core/label_point.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <limits>
#include <optional>

namespace greenrenew::render {

namespace {

/// Share of the parcels' extent added on each side when no extent is given.
constexpr double kExtentMargin = 0.05;
/// A label may run this many times its parcel's width before it would name a neighbour.
constexpr double kMaxLabelOverhang = 1.6;

QRectF outerBounds(const core::MultiPolygon& geometry)
{
    const std::optional<core::Box> box = core::outerEnvelope(geometry);
    if (!box)
        return {};
    return QRectF(QPointF(box->min_corner().x(), box->min_corner().y()),
                  QPointF(box->max_corner().x(), box->max_corner().y()));
}

} // namespace

QRectF mapExtent(const core::Project& project, const QRectF& requested)
{
    if (requested.isValid())
        return requested;
    QRectF bounds;
    for (const core::Parcel& parcel : project.parcels)
        bounds = bounds.united(outerBounds(parcel.geometry));
    if (bounds.isNull()) {
        for (const core::Building& building : project.buildings)
            bounds = bounds.united(outerBounds(building.footprint));
    }
    if (bounds.isNull())
        return QRectF(0, 0, 100, 100);
    const double margin = kExtentMargin * std::max({ bounds.width(), bounds.height(), 10.0 });
    return bounds.adjusted(-margin, -margin, margin, margin);
}

QString parcelLabelText(const core::Parcel& parcel, bool useIds)
{
    if (useIds || parcel.name.empty())
        return QString::number(parcel.id);
    return QString::fromStdString(parcel.name);
}

std::vector<PlacedLabel> placeParcelLabels(
    const MapView& view, const core::Project& project, const QFont& font, double halo, bool useIds)
{
    struct Candidate {
        std::size_t index;
        QRectF bounds;
    };
    std::vector<Candidate> candidates;
    const QRectF& world = view.visibleWorld();
    for (std::size_t i = 0; i < project.parcels.size(); ++i) {
        const QRectF bounds = outerBounds(project.parcels[i].geometry);
        if (!bounds.isNull() && bounds.intersects(world))
            candidates.push_back({ i, bounds });
    }
    // The largest parcels are labelled first: where labels compete, the big ones win.
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
        return a.bounds.width() * a.bounds.height() > b.bounds.width() * b.bounds.height();
    });

    const QFontMetricsF metrics(font);
    const QRectF target = view.target();
    std::vector<PlacedLabel> placed;
    for (const Candidate& candidate : candidates) {
        // Names from the data are single lines, never rich text.
        QString text = parcelLabelText(project.parcels[candidate.index], useIds);
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        const double parcelWidth = candidate.bounds.width() * view.scale();
        const double textWidth = metrics.horizontalAdvance(text);
        if (textWidth > kMaxLabelOverhang * parcelWidth)
            continue;
        // Inside the parcel, never at its envelope's centre: that lies outside an L, a U or a
        // parcel curving round a river bend (issue 10, parcel 76 of the sample).
        const std::optional<core::Point> anchor
            = core::labelPoint(project.parcels[candidate.index].geometry);
        if (!anchor)
            continue;
        const QPointF centre = view.toDevice(anchor->x(), anchor->y());
        const QRectF box(centre.x() - textWidth / 2 - halo,
            centre.y() - metrics.height() / 2 - halo, textWidth + 2 * halo,
            metrics.height() + 2 * halo);
        if (!target.contains(box))
            continue;
        const bool overlaps = std::any_of(placed.begin(), placed.end(),
            [&](const PlacedLabel& other) { return other.box.intersects(box); });
        if (overlaps)
            continue;
        placed.push_back(
            { text, box, QPointF(box.left() + halo, box.top() + halo + metrics.ascent()) });
    }
    return placed;
}

std::vector<PlacedLabel> labelsClearOf(
    std::vector<PlacedLabel> labels, const std::vector<QPainterPath>& covered)
{
    std::erase_if(labels, [&covered](const PlacedLabel& label) {
        return std::any_of(covered.begin(), covered.end(),
            [&label](const QPainterPath& area) { return area.intersects(label.box); });
    });
    return labels;
}

void drawPlacedLabels(
    QPainter& painter, const std::vector<PlacedLabel>& labels, const QFont& font, double halo)
{
    if (labels.empty())
        return;
    QPainterPath path;
    for (const PlacedLabel& label : labels)
        path.addText(label.baseline, font, label.text);
    painter.save();
    painter.setPen(QPen(Qt::white, 2 * halo, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    // The letters themselves as text, not outlines: a PDF or SVG sheet keeps them selectable
    // and searchable; only the halo is a path.
    painter.setPen(Qt::black);
    painter.setFont(font);
    for (const PlacedLabel& label : labels)
        painter.drawText(label.baseline, label.text);
    painter.restore();
}

} // namespace greenrenew::render
