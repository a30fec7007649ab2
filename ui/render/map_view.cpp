#include "ui/render/map_view.h"

#include <algorithm>

namespace greenrenew::render {

MapView::MapView(const QRectF& extent, const QRectF& target)
    : m_target(target)
{
    // A degenerate extent (one point, one vertical line) still gets a finite scale.
    const double width = std::max(extent.width(), 1e-6);
    const double height = std::max(extent.height(), 1e-6);
    m_scale = std::min(target.width() / width, target.height() / height);
    if (!(m_scale > 0))
        m_scale = 1;

    m_centreX = extent.center().x();
    m_centreY = extent.center().y();
    m_originX = target.center().x();
    m_originY = target.center().y();

    const double visibleWidth = target.width() / m_scale;
    const double visibleHeight = target.height() / m_scale;
    m_visible = QRectF(
        m_centreX - visibleWidth / 2, m_centreY - visibleHeight / 2, visibleWidth, visibleHeight);
}

MapView MapView::narrowedTo(const QRectF& device) const
{
    MapView narrowed = *this;
    const QRectF world(QPointF(m_centreX + (device.left() - m_originX) / m_scale,
                               m_centreY - (device.bottom() - m_originY) / m_scale),
                       QPointF(m_centreX + (device.right() - m_originX) / m_scale,
                               m_centreY - (device.top() - m_originY) / m_scale));
    narrowed.m_visible = m_visible.intersected(world);
    return narrowed;
}

} // namespace greenrenew::render
