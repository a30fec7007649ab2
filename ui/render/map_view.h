#pragma once

// The mapping from project CRS metres to device coordinates for one drawn map: the extent
// fitted into the target rectangle with its aspect kept, y up, centred.

#include <QPointF>
#include <QRectF>

namespace greenrenew::render {

class MapView {
public:
    /// Fits EXTENT (x right, y up, metres; top() is the smallest y) into TARGET.
    MapView(const QRectF& extent, const QRectF& target);

    QPointF toDevice(double x, double y) const
    {
        return { m_originX + (x - m_centreX) * m_scale, m_originY - (y - m_centreY) * m_scale };
    }
    /// Device pixels per metre.
    double scale() const { return m_scale; }
    const QRectF& target() const { return m_target; }
    /// The part of the world the whole target shows (wider than the extent on one axis).
    const QRectF& visibleWorld() const { return m_visible; }
    /// The same mapping, with the visible world narrowed to what DEVICE (a rectangle of the
    /// target) shows: features outside it are not looked at, the picture inside is the same.
    MapView narrowedTo(const QRectF& device) const;

private:
    QRectF m_target;
    double m_scale = 1;
    double m_centreX = 0;
    double m_centreY = 0;
    double m_originX = 0;
    double m_originY = 0;
    QRectF m_visible;
};

} // namespace greenrenew::render
