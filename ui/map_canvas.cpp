#include "ui/map_canvas.h"

#include "ui/map_drawer.h"
#include "ui/render/map_decorations.h"
#include "ui/render/map_index.h"
#include "ui/render/map_renderer.h"
#include "ui/render/map_view.h"

#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/assign.hpp>
#include <boost/geometry/algorithms/intersects.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace greenrenew::ui {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {
// A press that moves less than this many pixels before release is a click, not a drag.
constexpr int kClickTolerancePx = 4;
// Qt reports wheel rotation in eighths of a degree; one notch of a common mouse is 120.
constexpr double kWheelNotch = 120.0;
const QColor kSelectedOuter(0x00, 0x00, 0x00);
const QColor kSelectedInner(0xFF, 0xD4, 0x00);
const QColor kBoxPen(0x1F, 0x5F, 0xBF);

bool emptyBox(const core::Box& box)
{
    return box.min_corner().x() > box.max_corner().x();
}

QRectF toRect(const core::Box& box)
{
    return QRectF(QPointF(box.min_corner().x(), box.min_corner().y()),
                  QPointF(box.max_corner().x(), box.max_corner().y()));
}

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

// Bounds of many points without QRectF's null-rectangle special cases.
struct Extent {
    double minX = HUGE_VAL, minY = HUGE_VAL, maxX = -HUGE_VAL, maxY = -HUGE_VAL;
    void add(const core::Point& point)
    {
        minX = std::min(minX, point.x());
        minY = std::min(minY, point.y());
        maxX = std::max(maxX, point.x());
        maxY = std::max(maxY, point.y());
    }
    template <typename Points> void addAll(const Points& points)
    {
        for (const core::Point& point : points)
            add(point);
    }
    QRectF rect() const
    {
        return minX > maxX ? QRectF() : QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
    }
};

bool sameView(const MapTransform& a, const MapTransform& b)
{
    return a.center() == b.center() && a.metresPerPixel() == b.metresPerPixel()
        && a.viewportSize() == b.viewportSize();
}
} // namespace

struct MapCanvas::Index {
    using Entry = std::pair<core::Box, int>;
    bgi::rtree<Entry, bgi::quadratic<16>> tree;
};

MapCanvas::MapCanvas(QWidget* parent)
    : QWidget(parent), m_index(std::make_unique<Index>()), m_drawer(std::make_unique<MapDrawer>())
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
    m_transform.setViewportSize(size());
    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(kRedrawDelayMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, [this] {
        // Drawing starts as soon as the view rests, not at the next paint.
        if (isVisible())
            requestPicture();
        update();
    });
    connect(m_drawer.get(), &MapDrawer::drawn, this, &MapCanvas::takePicture);
}

MapCanvas::~MapCanvas()
{
    m_drawer->stop();
}

void MapCanvas::setData(std::shared_ptr<const core::Project> project,
                        std::shared_ptr<const core::Analysis> analysis)
{
    m_drawer->cancel();  // the drawing keeps the old project alive until it stops
    m_project = std::move(project);
    m_analysis = std::move(analysis);
    m_selected = -1;
    m_selection.clear();
    computeExtents();
    m_cache = QImage();  // the last project's picture would stand in for this one
    m_drawIndex = {};
    if (m_project) {
        // Off the UI thread: the window answers while a city's index is built (a second or
        // more); the first drawing waits for it in its worker.
        m_drawIndex = std::async(std::launch::async, [project = m_project] {
                          return std::make_shared<render::MapIndex>(*project);
                      }).share();
    }
    invalidateCache();
    m_fitPending = true;
    zoomToFull();
}

void MapCanvas::computeExtents()
{
    m_parcelBoxes.clear();
    m_fullExtent = QRectF();
    m_index->tree.clear();
    if (!m_project)
        return;

    Extent all;
    std::vector<Index::Entry> entries;
    m_parcelBoxes.reserve(m_project->parcels.size());
    for (std::size_t i = 0; i < m_project->parcels.size(); ++i) {
        const core::Box box = outerEnvelope(m_project->parcels[i].geometry);
        m_parcelBoxes.push_back(box);
        if (emptyBox(box))
            continue;
        all.add(box.min_corner());
        all.add(box.max_corner());
        entries.emplace_back(box, static_cast<int>(i));
    }
    // Bulk loading (the packing constructor) builds a better tree than inserting one by one.
    m_index->tree = bgi::rtree<Index::Entry, bgi::quadratic<16>>(entries);
    m_fullExtent = all.rect();
}

QRectF MapCanvas::layerExtent(Layer layer) const
{
    if (!m_project)
        return {};
    Extent extent;
    switch (layer) {
    case Layer::Parcels: return m_fullExtent;
    case Layer::Buildings:
        for (const core::Building& building : m_project->buildings)
            for (const core::Polygon& polygon : building.footprint)
                extent.addAll(polygon.outer());
        break;
    case Layer::Green:
        for (const core::GreenSpace& green : m_project->green)
            for (const core::Polygon& polygon : green.geometry)
                extent.addAll(polygon.outer());
        break;
    case Layer::Streets:
        for (const core::Street& street : m_project->streets)
            for (const core::LineString& line : street.geometry)
                extent.addAll(line);
        break;
    case Layer::Facilities:
        for (const core::Facility& facility : m_project->facilities)
            extent.add(facility.location);
        break;
    }
    return extent.rect();
}

int MapCanvas::parcelAt(const QPointF& mapPoint) const
{
    if (!m_project)
        return -1;
    const core::Point point(mapPoint.x(), mapPoint.y());
    std::vector<Index::Entry> hits;
    m_index->tree.query(bgi::contains(point), std::back_inserter(hits));
    // Lowest index first, so overlapping parcels answer the same way every time.
    std::sort(hits.begin(), hits.end(),
              [](const Index::Entry& a, const Index::Entry& b) { return a.second < b.second; });
    for (const Index::Entry& hit : hits) {
        if (bg::covered_by(point, m_project->parcels[static_cast<std::size_t>(hit.second)]
                                      .geometry))
            return hit.second;
    }
    return -1;
}

QList<int> MapCanvas::parcelsIn(const QRectF& mapRect) const
{
    QList<int> result;
    if (!m_project)
        return result;
    const QRectF rect = mapRect.normalized();
    const core::Box box(core::Point(rect.left(), rect.top()),
                        core::Point(rect.right(), rect.bottom()));
    std::vector<Index::Entry> hits;
    m_index->tree.query(bgi::intersects(box), std::back_inserter(hits));
    for (const Index::Entry& hit : hits) {
        const core::MultiPolygon& geometry =
            m_project->parcels[static_cast<std::size_t>(hit.second)].geometry;
        if (bg::intersects(box, geometry))
            result.push_back(hit.second);
    }
    std::sort(result.begin(), result.end());
    return result;
}

void MapCanvas::setSelectedParcel(int index)
{
    setSelectedParcels(index < 0 ? QList<int>() : QList<int>{index}, index);
}

void MapCanvas::setSelectedParcels(const QList<int>& indices, int primary)
{
    const int count = m_project ? static_cast<int>(m_project->parcels.size()) : 0;
    QList<int> valid;
    for (int index : indices) {
        if (index >= 0 && index < count)
            valid.push_back(index);
    }
    std::sort(valid.begin(), valid.end());
    valid.erase(std::unique(valid.begin(), valid.end()), valid.end());
    if (!valid.contains(primary))
        primary = valid.isEmpty() ? -1 : valid.front();
    m_selection = valid;
    m_selected = primary;
    update();
    emit selectionChanged();
    emit parcelSelected(primary);
}

void MapCanvas::setTheme(const render::MapTheme& theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    invalidateCache();
}

void MapCanvas::setLayerVisible(Layer layer, bool visible)
{
    bool& flag = m_layers[static_cast<int>(layer)];
    if (flag == visible)
        return;
    flag = visible;
    invalidateCache();
}

bool MapCanvas::layerVisible(Layer layer) const
{
    return m_layers[static_cast<int>(layer)];
}

void MapCanvas::setLanguage(const QString& language)
{
    m_language = language;
    invalidateCache();
}

void MapCanvas::setMapTool(MapTool* tool)
{
    m_tool = tool;
    m_drag = Drag::None;
    m_pressed = false;
    setCursor(tool ? Qt::CrossCursor : Qt::OpenHandCursor);
    update();
}

void MapCanvas::refresh()
{
    // An edit may have moved, added or removed parcels: envelopes and selection follow. The
    // parcels' index changes in place, so no thread may be drawing from it.
    stopDrawing();
    computeExtents();
    if (m_drawIndex.valid() && m_project)
        m_drawIndex.get()->reindexParcels(*m_project);
    const int count = m_project ? static_cast<int>(m_project->parcels.size()) : 0;
    m_selection.removeIf([count](int index) { return index >= count; });
    if (m_selected >= count)
        m_selected = m_selection.isEmpty() ? -1 : m_selection.front();
    invalidateCache();
    emit dataChanged();
}

void MapCanvas::invalidateCache()
{
    ++m_generation;
    m_parcelColours.reset();
    m_drawer->cancel();
    update();
}

bool MapCanvas::drawing() const
{
    return m_drawer->busy();
}

void MapCanvas::setDrawThreads(int threads)
{
    m_drawer->setThreads(threads);
}

void MapCanvas::stopDrawing()
{
    m_drawer->stop();
    if (m_drawIndex.valid())
        m_drawIndex.wait();  // the index is built from the project's parcels too
}

bool MapCanvas::pictureCurrent() const
{
    return !m_cache.isNull() && m_cacheGeneration == m_generation
        && sameView(m_cacheTransform, m_transform);
}

void MapCanvas::zoomToFull()
{
    zoomToExtent(m_fullExtent);
}

void MapCanvas::zoomToExtent(const QRectF& extent)
{
    m_transform.setViewportSize(size());
    if (extent.width() > 0 || extent.height() > 0)
        m_transform.zoomToExtent(extent, kFullExtentMargin);
    update();
    emit viewChanged();
}

void MapCanvas::zoomToLayer(Layer layer)
{
    const QRectF extent = layerExtent(layer);
    if (extent.isNull() && extent.width() <= 0)
        return;
    m_fitPending = false;
    zoomToExtent(extent);
}

void MapCanvas::zoomToSelection()
{
    Extent extent;
    for (int index : m_selection) {
        const core::Box& box = m_parcelBoxes[static_cast<std::size_t>(index)];
        if (emptyBox(box))
            continue;
        extent.add(box.min_corner());
        extent.add(box.max_corner());
    }
    const QRectF rect = extent.rect();
    if (extent.minX > extent.maxX)
        return;
    m_fitPending = false;
    m_transform.setViewportSize(size());
    m_transform.zoomToExtent(rect, kSelectionMargin);
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
    viewMoved();
}

void MapCanvas::panByPixels(const QPointF& deltaPx)
{
    m_fitPending = false;
    m_transform.panByPixels(deltaPx);
    viewMoved();
}

void MapCanvas::viewMoved()
{
    // The picture stands in (shifted, scaled) until the view rests for kRedrawDelayMs; one
    // being drawn for the view before is of no use any more.
    m_drawer->cancel();
    m_redrawTimer.start();
    update();
    emit viewChanged();
}

std::shared_ptr<const std::vector<QColor>> MapCanvas::parcelColours()
{
    if (!m_parcelColours) {
        const render::ThemeClassifier classifier(m_theme, *m_analysis, m_language);
        auto colours = std::make_shared<std::vector<QColor>>();
        colours->reserve(m_project->parcels.size());
        for (std::size_t i = 0; i < m_project->parcels.size(); ++i)
            colours->push_back(classifier.colorOf(i));
        m_parcelColours = std::move(colours);
    }
    return m_parcelColours;
}

void MapCanvas::requestPicture()
{
    if (pictureCurrent())
        return;
    if (m_drawer->busy() && m_requestedGeneration == m_generation
        && sameView(m_requestedTransform, m_transform))
        return;  // already being drawn

    const qreal ratio = devicePixelRatioF();
    MapDrawRequest request;
    request.pixels = (QSizeF(size()) * ratio).toSize();
    request.pixelRatio = ratio;
    request.transform = m_transform;
    request.generation = m_generation;
    m_requestedTransform = m_transform;
    m_requestedGeneration = m_generation;
    if (!m_project || !m_analysis) {
        m_drawer->cancel();
        takePicture(MapDrawer::drawPicture(request, 1), m_transform, m_generation);
        return;
    }
    request.project = m_project;
    request.analysis = m_analysis;
    request.index = m_drawIndex;
    render::MapOptions& options = request.options;
    options.language = m_language;
    options.legend = false;       // the legend lives in its own dock
    options.decorations = false;  // drawn over the picture, so they stay put while panning
    options.extent = m_transform.visibleExtent();
    options.selectedParcel = -1;  // drawn over the picture: selecting needs no redraw
    options.theme = m_theme;
    options.showParcels = layerVisible(Layer::Parcels);
    options.showBuildings = layerVisible(Layer::Buildings);
    options.showGreen = layerVisible(Layer::Green);
    options.showStreets = layerVisible(Layer::Streets);
    options.showFacilities = layerVisible(Layer::Facilities);
    options.parcelColours = parcelColours();
    m_drawer->draw(std::move(request));
}

void MapCanvas::takePicture(const QImage& image, const MapTransform& transform, int generation)
{
    m_cache = image;
    m_cacheTransform = transform;
    m_cacheGeneration = generation;
    ++m_fullDraws;
    if (!m_painting)
        update();
    emit drawn();
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    m_painting = true;
    const bool moving = m_drag == Drag::Pan || m_redrawTimer.isActive();
    if (!moving && !pictureCurrent()) {
        requestPicture();
        m_drawer->waitFor(m_drawWaitMs);
    }

    QPainter painter(this);
    if (m_cache.isNull()) {
        painter.fillRect(rect(), Qt::white);
    } else if (sameView(m_cacheTransform, m_transform)) {
        painter.drawImage(0, 0, m_cache);
    } else {
        painter.fillRect(rect(), Qt::white);
        const QSizeF cacheSize = m_cacheTransform.viewportSize();
        const QPointF topLeft = m_transform.toScreen(m_cacheTransform.toMap(QPointF(0, 0)));
        const QPointF bottomRight = m_transform.toScreen(
            m_cacheTransform.toMap(QPointF(cacheSize.width(), cacheSize.height())));
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(topLeft, bottomRight), m_cache, QRectF(m_cache.rect()));
    }
    drawOverlay(painter);
    m_painting = false;
}

void MapCanvas::drawOverlay(QPainter& painter)
{
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_project) {
        // Outlines of the selection, black under yellow, as the printed maps draw them.
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        const QRectF visible = m_transform.visibleExtent();
        for (int index : m_selection) {
            if (!visible.intersects(toRect(m_parcelBoxes[static_cast<std::size_t>(index)])))
                continue;
            for (const core::Polygon& polygon :
                 m_project->parcels[static_cast<std::size_t>(index)].geometry) {
                const auto addRing = [&](const core::Ring& ring) {
                    if (ring.size() < 3)
                        return;
                    path.moveTo(m_transform.toScreen(QPointF(ring[0].x(), ring[0].y())));
                    for (std::size_t i = 1; i < ring.size(); ++i)
                        path.lineTo(m_transform.toScreen(QPointF(ring[i].x(), ring[i].y())));
                    path.closeSubpath();
                };
                addRing(polygon.outer());
                for (const core::Ring& hole : polygon.inners())
                    addRing(hole);
            }
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(kSelectedOuter, 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
        painter.setPen(QPen(kSelectedInner, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);

        const QRectF target(rect());
        const double unit = render::mapUnit(target);
        render::drawScaleBar(painter, render::MapView(m_transform.visibleExtent(), target), unit);
        render::drawNorthArrow(painter, target, unit);
        render::drawAttribution(painter, target, unit, QString::fromStdString(m_project->crsName),
                                QString::fromStdString(m_project->attribution), m_language);
    }

    if (m_drag == Drag::ZoomBox || m_drag == Drag::SelectBox) {
        QColor fill = kBoxPen;
        fill.setAlpha(40);
        painter.setPen(QPen(kBoxPen, 1, Qt::DashLine));
        painter.setBrush(fill);
        painter.drawRect(QRectF(m_pressPos, m_lastDragPos).normalized());
    }
    if (m_tool)
        m_tool->paint(*this, painter);
}

QRectF MapCanvas::dragRectMap() const
{
    return QRectF(m_transform.toMap(m_pressPos), m_transform.toMap(m_lastDragPos)).normalized();
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
    if (m_tool && m_tool->mousePress(*this, event))
        return;
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_drag = Drag::None;
    m_pressModifiers = event->modifiers();
    m_pressPos = event->position().toPoint();
    m_lastDragPos = m_pressPos;
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    emit cursorMoved(m_transform.toMap(event->position()));
    if (m_tool && m_tool->mouseMove(*this, event))
        return;
    if (!m_pressed)
        return;
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::None && (pos - m_pressPos).manhattanLength() >= kClickTolerancePx) {
        if (m_pressModifiers & Qt::ShiftModifier) {
            m_drag = Drag::ZoomBox;
        } else if (m_pressModifiers & Qt::ControlModifier) {
            m_drag = Drag::SelectBox;
        } else {
            m_drag = Drag::Pan;
            setCursor(Qt::ClosedHandCursor);
        }
    }
    if (m_drag == Drag::Pan) {
        panByPixels(QPointF(pos - m_lastDragPos));
    } else if (m_drag != Drag::None) {
        update();
    }
    m_lastDragPos = pos;
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_tool && m_tool->mouseRelease(*this, event))
        return;
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    const Drag drag = m_drag;
    m_pressed = false;
    m_drag = Drag::None;
    if (drag == Drag::Pan) {
        panByPixels(QPointF(pos - m_lastDragPos));
        setCursor(Qt::OpenHandCursor);
    } else if (drag == Drag::ZoomBox) {
        m_lastDragPos = pos;
        m_fitPending = false;
        const QRectF box = dragRectMap();
        m_transform.zoomToExtent(box);
        update();
        emit viewChanged();
    } else if (drag == Drag::SelectBox) {
        m_lastDragPos = pos;
        setSelectedParcels(parcelsIn(dragRectMap()));
    } else {
        const int hit = parcelAt(m_transform.toMap(event->position()));
        if (event->modifiers() & Qt::ControlModifier) {
            // Ctrl-click adds the parcel to the selection or takes it out.
            QList<int> selection = m_selection;
            if (hit >= 0 && selection.contains(hit))
                selection.removeAll(hit);
            else if (hit >= 0)
                selection.push_back(hit);
            setSelectedParcels(selection, hit);
        } else {
            setSelectedParcel(hit);
        }
    }
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
    case Qt::Key_Escape:
        setSelectedParcel(-1);
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace greenrenew::ui
