#pragma once

// The map <-> screen transform of the map canvas: a centre in project CRS metres, a resolution
// in metres per pixel and the viewport size. Map y points up, screen y points down.

#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace greenrenew::ui {

class MapTransform {
public:
    /// Viewport size in device-independent pixels; the centre stays where it is.
    void setViewportSize(const QSizeF& sizePx);
    QSizeF viewportSize() const { return m_viewportPx; }

    void setCenter(const QPointF& centerMap) { m_centerMap = centerMap; }
    QPointF center() const { return m_centerMap; }

    /// Resolution in metres per pixel; values <= 0 are ignored.
    void setMetresPerPixel(double metresPerPixel);
    double metresPerPixel() const { return m_metresPerPixel; }

    QPointF toScreen(const QPointF& mapPoint) const;
    QPointF toMap(const QPointF& screenPoint) const;

    /// The part of the map the viewport shows, in metres, normalised (top() is the smallest y).
    QRectF visibleExtent() const;

    /// Zooms by FACTOR (> 1 zooms in) keeping the map point under SCREENPOINT where it is.
    void zoomAbout(const QPointF& screenPoint, double factor);
    /// Moves the map content by DELTAPX screen pixels (a drag to the right shows more west).
    void panByPixels(const QPointF& deltaPx);
    /// Shows EXTENT (metres) whole and centred, with MARGINFRACTION of the viewport left free
    /// on each side. An empty extent or viewport leaves the transform unchanged.
    void zoomToExtent(const QRectF& extent, double marginFraction = 0.0);

    /// Map scale 1:N for a screen of DOTSPERINCH logical dots per inch.
    double scaleDenominator(double dotsPerInch) const;

private:
    QSizeF m_viewportPx{1.0, 1.0};
    QPointF m_centerMap;
    double m_metresPerPixel = 1.0;
};

} // namespace greenrenew::ui
