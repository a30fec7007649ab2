#include "ui/map_canvas.h"

#include "ui/render/map_renderer.h"

#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/assign.hpp>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace greenrenew::ui {

namespace bg = boost::geometry;

namespace {
// A press that moves less than this many pixels before release is a click, not a drag.
constexpr int kClickTolerancePx = 4;
// Qt reports wheel rotation in eighths of a degree; one notch of a common mouse is 120.
constexpr double kWheelNotch = 120.0;
} // namespace

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
    m_transform.setViewportSize(size());
}

void MapCanvas::setData(std::shared_ptr<const core::Project> project,
                        std::shared_ptr<const core::Analysis> analysis)
{
    m_project = std::move(project);
    m_analysis = std::move(analysis);
    m_selected = -1;
    computeExtents();
    m_fitPending = true;
    zoomToFull();
}

namespace {
// Envelope of the outer rings (holes lie inside them). Written out because Boost's envelope
// of a multi-polygon trips GCC 12's maybe-uninitialized warning at -O3.
core::Box outerEnvelope(const core::MultiPolygon& geometry)
{
    core::Box box;
    bg::assign_inverse(box);
    for (const core::Polygon& polygon : geometry) {
        for (const core::Point& point : polygon.outer()) {
            box.min_corner().x(std::min(box.min_corner().x(), point.x()));
            box.min_corner().y(std::min(box.min_corner().y(), point.y()));
            box.max_corner().x(std::max(box.max_corner().x(), point.x()));
            box.max_corner().y(std::max(box.max_corner().y(), point.y()));
        }
    }
    return box;
}
} // namespace

void MapCanvas::computeExtents()
{
    m_parcelBoxes.clear();
    m_fullExtent = QRectF();
    if (!m_project)
        return;

    QRectF all;
    m_parcelBoxes.reserve(m_project->parcels.size());
    for (const core::Parcel& parcel : m_project->parcels) {
        const core::Box box = outerEnvelope(parcel.geometry);
        m_parcelBoxes.push_back(box);
        if (box.min_corner().x() > box.max_corner().x())
            continue;
        const QRectF rect(QPointF(box.min_corner().x(), box.min_corner().y()),
                          QPointF(box.max_corner().x(), box.max_corner().y()));
        all = all.isNull() ? rect : all.united(rect);
    }
    m_fullExtent = all;
}

int MapCanvas::parcelAt(const QPointF& mapPoint) const
{
    if (!m_project)
        return -1;
    const core::Point point(mapPoint.x(), mapPoint.y());
    for (std::size_t i = 0; i < m_project->parcels.size(); ++i) {
        if (!bg::covered_by(point, m_parcelBoxes[i]))
            continue;
        if (bg::covered_by(point, m_project->parcels[i].geometry))
            return static_cast<int>(i);
    }
    return -1;
}

void MapCanvas::setSelectedParcel(int index)
{
    const int count = m_project ? static_cast<int>(m_project->parcels.size()) : 0;
    if (index < -1 || index >= count)
        index = -1;
    m_selected = index;
    update();
    emit parcelSelected(index);
}

void MapCanvas::setLanguage(const QString& language)
{
    m_language = language;
    update();
}

void MapCanvas::zoomToFull()
{
    m_transform.setViewportSize(size());
    if (m_fullExtent.width() > 0 || m_fullExtent.height() > 0)
        m_transform.zoomToExtent(m_fullExtent, kFullExtentMargin);
    update();
    emit viewChanged();
}

void MapCanvas::zoomToSelection()
{
    if (m_selected < 0)
        return;
    const core::Box& box = m_parcelBoxes[static_cast<std::size_t>(m_selected)];
    if (box.min_corner().x() > box.max_corner().x())
        return;
    m_fitPending = false;
    m_transform.setViewportSize(size());
    m_transform.zoomToExtent(QRectF(QPointF(box.min_corner().x(), box.min_corner().y()),
                                    QPointF(box.max_corner().x(), box.max_corner().y())),
                             kSelectionMargin);
    update();
    emit viewChanged();
}

void MapCanvas::zoomIn()
{
    zoomAboutScreen(QPointF(width() / 2.0, height() / 2.0), kZoomStep);
}

void MapCanvas::zoomOut()
{
    zoomAboutScreen(QPointF(width() / 2.0, height() / 2.0), 1.0 / kZoomStep);
}

void MapCanvas::zoomAboutScreen(const QPointF& screenPoint, double factor)
{
    m_fitPending = false;
    m_transform.zoomAbout(screenPoint, factor);
    update();
    emit viewChanged();
}

void MapCanvas::panByPixels(const QPointF& deltaPx)
{
    m_fitPending = false;
    m_transform.panByPixels(deltaPx);
    update();
    emit viewChanged();
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (!m_project || !m_analysis)
        return;

    render::MapOptions options;
    options.language = m_language;
    options.legend = false;  // the legend lives in its own dock
    options.decorations = true;
    options.extent = m_transform.visibleExtent();
    options.selectedParcel = m_selected;
    painter.setRenderHint(QPainter::Antialiasing);
    render::drawMap(painter, QRectF(rect()), *m_project, *m_analysis, options);
}

void MapCanvas::resizeEvent(QResizeEvent* event)
{
    // Until the user moves the view, it keeps showing the whole data set (the first resizes
    // come while the window is laid out); afterwards it keeps centre and resolution.
    m_transform.setViewportSize(size());
    if (m_fitPending)
        zoomToFull();
    QWidget::resizeEvent(event);
    emit viewChanged();
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_lastDragPos = m_pressPos;
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    emit cursorMoved(m_transform.toMap(event->position()));
    if (!m_pressed)
        return;
    if (!m_dragging && (pos - m_pressPos).manhattanLength() >= kClickTolerancePx) {
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragging) {
        panByPixels(QPointF(pos - m_lastDragPos));
        m_lastDragPos = pos;
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (m_dragging) {
        panByPixels(QPointF(pos - m_lastDragPos));
        setCursor(Qt::OpenHandCursor);
    } else {
        setSelectedParcel(parcelAt(m_transform.toMap(event->position())));
    }
    m_pressed = false;
    m_dragging = false;
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / kWheelNotch;
    if (notches == 0) {
        event->ignore();
        return;
    }
    zoomAboutScreen(event->position(), std::pow(kZoomStep, notches));
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    const double stepX = width() * kKeyPanFraction;
    const double stepY = height() * kKeyPanFraction;
    // An arrow moves the view that way, so the content moves the opposite way.
    switch (event->key()) {
    case Qt::Key_Left:
        panByPixels(QPointF(stepX, 0));
        break;
    case Qt::Key_Right:
        panByPixels(QPointF(-stepX, 0));
        break;
    case Qt::Key_Up:
        panByPixels(QPointF(0, stepY));
        break;
    case Qt::Key_Down:
        panByPixels(QPointF(0, -stepY));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace greenrenew::ui
