#include "ui/map_transform.h"

#include <algorithm>

namespace greenrenew::ui {

namespace {
constexpr double kMetresPerInch = 0.0254;
}

void MapTransform::setViewportSize(const QSizeF& sizePx)
{
    if (sizePx.width() > 0 && sizePx.height() > 0)
        m_viewportPx = sizePx;
}

void MapTransform::setMetresPerPixel(double metresPerPixel)
{
    if (metresPerPixel > 0)
        m_metresPerPixel = metresPerPixel;
}

QPointF MapTransform::toScreen(const QPointF& mapPoint) const
{
    const double x = m_viewportPx.width() / 2 + (mapPoint.x() - m_centerMap.x()) / m_metresPerPixel;
    const double y =
        m_viewportPx.height() / 2 - (mapPoint.y() - m_centerMap.y()) / m_metresPerPixel;
    return {x, y};
}

QPointF MapTransform::toMap(const QPointF& screenPoint) const
{
    const double x =
        m_centerMap.x() + (screenPoint.x() - m_viewportPx.width() / 2) * m_metresPerPixel;
    const double y =
        m_centerMap.y() - (screenPoint.y() - m_viewportPx.height() / 2) * m_metresPerPixel;
    return {x, y};
}

QRectF MapTransform::visibleExtent() const
{
    const double width = m_viewportPx.width() * m_metresPerPixel;
    const double height = m_viewportPx.height() * m_metresPerPixel;
    return {m_centerMap.x() - width / 2, m_centerMap.y() - height / 2, width, height};
}

void MapTransform::zoomAbout(const QPointF& screenPoint, double factor)
{
    if (factor <= 0)
        return;
    const QPointF anchor = toMap(screenPoint);
    m_metresPerPixel /= factor;
    // Move the centre so that the anchor maps back onto the same screen point.
    const QPointF drift = toMap(screenPoint) - anchor;
    m_centerMap -= drift;
}

void MapTransform::panByPixels(const QPointF& deltaPx)
{
    m_centerMap.rx() -= deltaPx.x() * m_metresPerPixel;
    m_centerMap.ry() += deltaPx.y() * m_metresPerPixel;
}

void MapTransform::zoomToExtent(const QRectF& extent, double marginFraction)
{
    const QRectF box = extent.normalized();
    if (box.width() <= 0 && box.height() <= 0)
        return;
    const double usable = std::max(0.05, 1.0 - 2 * marginFraction);
    const double byWidth = box.width() / (m_viewportPx.width() * usable);
    const double byHeight = box.height() / (m_viewportPx.height() * usable);
    m_metresPerPixel = std::max(byWidth, byHeight);
    m_centerMap = box.center();
}

double MapTransform::scaleDenominator(double dotsPerInch) const
{
    return m_metresPerPixel * dotsPerInch / kMetresPerInch;
}

} // namespace greenrenew::ui
