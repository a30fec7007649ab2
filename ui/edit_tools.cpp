#include "ui/edit_tools.h"

#include "ui/edit_commands.h"
#include "ui/parcel_id_source.h"

#include "core/envelope.h"

#include <boost/geometry.hpp>

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolBar>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <limits>

namespace greenrenew::ui {

namespace bg = boost::geometry;

namespace {

QPointF toQt(const core::Point& point)
{
    return {point.x(), point.y()};
}

core::Point toCore(const QPointF& point)
{
    return {point.x(), point.y()};
}

double distance(const QPointF& a, const QPointF& b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

// Nearest point of segment AB to P.
QPointF nearestOnSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    if (length2 <= 0)
        return a;
    const double t = std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0);
    return a + t * ab;
}

core::Box envelopeOf(const core::MultiPolygon& geometry)
{
    // Inverted for an empty geometry, so it intersects nothing.
    const double infinity = std::numeric_limits<double>::infinity();
    return core::outerEnvelope(geometry).value_or(
        core::Box({infinity, infinity}, {-infinity, -infinity}));
}

core::Box boxOf(const QRectF& rect)
{
    return core::Box({rect.left(), rect.top()}, {rect.right(), rect.bottom()});
}

// Every ring of a parcel with its address, for vertex and edge searches.
template <typename Visit>
void forEachRing(const core::Parcel& parcel, Visit visit)
{
    for (std::size_t p = 0; p < parcel.geometry.size(); ++p) {
        visit(parcel.geometry[p].outer(), core::VertexRef{p, -1, 0});
        const auto& inners = parcel.geometry[p].inners();
        for (std::size_t r = 0; r < inners.size(); ++r)
            visit(inners[r], core::VertexRef{p, static_cast<int>(r), 0});
    }
}

bool visible(const MapCanvas& canvas, const core::Parcel& parcel)
{
    if (parcel.geometry.empty())
        return false;
    const core::Box envelope = envelopeOf(parcel.geometry);
    return bg::intersects(envelope, boxOf(canvas.transform().visibleExtent()));
}

} // namespace

std::optional<Snap> snapTo(const MapCanvas& canvas, const QPointF& mapPoint,
                           double tolerancePx)
{
    const core::Project* project = canvas.project();
    if (!project)
        return std::nullopt;
    const double toleranceM = tolerancePx * canvas.transform().metresPerPixel();
    const QRectF visibleExtent = canvas.transform().visibleExtent();
    std::optional<QPointF> vertex;
    std::optional<QPointF> edge;
    double vertexM = toleranceM;
    double edgeM = toleranceM;
    for (const core::Parcel& parcel : project->parcels) {
        if (!visible(canvas, parcel))
            continue;
        forEachRing(parcel, [&](const core::Ring& ring, core::VertexRef) {
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                const QPointF a = toQt(ring[i]);
                const QPointF b = toQt(ring[i + 1]);
                // Never to something off-screen, even on a parcel partly shown.
                if (visibleExtent.contains(a) && distance(a, mapPoint) <= vertexM) {
                    vertexM = distance(a, mapPoint);
                    vertex = a;
                }
                const QPointF onEdge = nearestOnSegment(mapPoint, a, b);
                if (visibleExtent.contains(onEdge) && distance(onEdge, mapPoint) <= edgeM) {
                    edgeM = distance(onEdge, mapPoint);
                    edge = onEdge;
                }
            }
        });
    }
    if (vertex)
        return Snap{*vertex, Snap::Kind::Vertex};
    if (edge)
        return Snap{*edge, Snap::Kind::Edge};
    return std::nullopt;
}

std::optional<QPointF> snapPoint(const MapCanvas& canvas, const QPointF& mapPoint,
                                 double tolerancePx)
{
    const std::optional<Snap> snap = snapTo(canvas, mapPoint, tolerancePx);
    return snap ? std::optional<QPointF>(snap->mapPoint) : std::nullopt;
}

QPointF EditTool::pointOf(MapCanvas& canvas, QMouseEvent* event)
{
    m_cursorMap = canvas.transform().toMap(event->position());
    m_snapped = snapTo(canvas, m_cursorMap);
    m_snap = m_snapped ? std::optional<QPointF>(m_snapped->mapPoint) : std::nullopt;
    return m_snap.value_or(m_cursorMap);
}

bool EditTool::mouseMove(MapCanvas& canvas, QMouseEvent* event)
{
    pointOf(canvas, event);
    canvas.update();
    return false;  // the canvas still reports the cursor
}

void EditTool::paint(MapCanvas& canvas, QPainter& painter)
{
    if (!m_snapped)
        return;
    const QPointF at = canvas.transform().toScreen(m_snapped->mapPoint);
    // White under the colour, so the marker stands out on any fill of the thematic map.
    const QPen halo(Qt::white, 4);
    const QPen marker(kSnapMarkerColor, 2);
    painter.setBrush(Qt::NoBrush);
    if (m_snapped->kind == Snap::Kind::Vertex) {
        const QRectF square(at - QPointF(6, 6), QSizeF(12, 12));
        painter.setPen(halo);
        painter.drawRect(square);
        painter.setPen(marker);
        painter.drawRect(square);
    } else {
        const QPolygonF diamond{at + QPointF(0, -7), at + QPointF(7, 0), at + QPointF(0, 7),
                                at + QPointF(-7, 0)};
        painter.setPen(halo);
        painter.drawPolygon(diamond);
        painter.setPen(marker);
        painter.drawPolygon(diamond);
    }
}

bool VertexTool::mousePress(MapCanvas& canvas, QMouseEvent* event)
{
    const core::Project* project = canvas.project();
    if (!project)
        return false;
    const QPointF mapPoint = canvas.transform().toMap(event->position());
    const double toleranceM = kSnapTolerancePx * canvas.transform().metresPerPixel();
    m_vertex.reset();
    double bestM = toleranceM;
    for (std::size_t i = 0; i < project->parcels.size(); ++i) {
        const core::Parcel& parcel = project->parcels[i];
        if (!visible(canvas, parcel))
            continue;
        forEachRing(parcel, [&](const core::Ring& ring, core::VertexRef ref) {
            for (std::size_t v = 0; v + 1 < ring.size(); ++v) {
                const double d = distance(toQt(ring[v]), mapPoint);
                if (d <= bestM) {
                    bestM = d;
                    ref.vertex = v;
                    m_vertex = ref;
                    m_parcel = static_cast<int>(i);
                }
            }
        });
    }
    if (!m_vertex)
        return event->button() == Qt::RightButton;
    const core::Parcel& parcel = project->parcels[static_cast<std::size_t>(m_parcel)];
    if (event->button() == Qt::RightButton) {
        auto result = core::deleteVertex(parcel, *m_vertex);
        m_vertex.reset();
        if (!result) {
            m_controller.report(QString::fromStdString(result.error().describe()));
            return true;
        }
        if (auto checkedParcel = m_controller.checked(result.value(), {parcel.id})) {
            m_controller.session()->submit(
                {"delete vertex of parcel " + std::to_string(parcel.id), {parcel},
                 {*checkedParcel}, {}});
        }
        return true;
    }
    m_dragMap = mapPoint;
    return true;
}

bool VertexTool::mouseMove(MapCanvas& canvas, QMouseEvent* event)
{
    EditTool::mouseMove(canvas, event);
    if (m_vertex)
        m_dragMap = m_snap.value_or(m_cursorMap);
    return m_vertex.has_value();
}

bool VertexTool::mouseRelease(MapCanvas& canvas, QMouseEvent* event)
{
    if (!m_vertex || !canvas.project())
        return false;
    const QPointF to = pointOf(canvas, event);
    const core::Parcel parcel = canvas.project()->parcels[static_cast<std::size_t>(m_parcel)];
    const core::VertexRef vertex = *m_vertex;
    m_vertex.reset();
    auto result = core::moveVertex(parcel, vertex, toCore(to));
    if (!result) {
        m_controller.report(QString::fromStdString(result.error().describe()));
        return true;
    }
    if (auto checkedParcel = m_controller.checked(result.value(), {parcel.id})) {
        m_controller.session()->submit(
            {"move vertex of parcel " + std::to_string(parcel.id), {parcel}, {*checkedParcel},
             {}});
    }
    return true;
}

void VertexTool::paint(MapCanvas& canvas, QPainter& painter)
{
    if (m_vertex) {
        painter.setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2));
        painter.drawEllipse(canvas.transform().toScreen(m_dragMap), 5, 5);
    }
    EditTool::paint(canvas, painter);
}

bool ShapeTool::mousePress(MapCanvas& canvas, QMouseEvent* event)
{
    if (event->button() == Qt::RightButton) {
        finish();
        return true;
    }
    if (event->button() != Qt::LeftButton)
        return false;
    const QPointF point = pointOf(canvas, event);
    m_controller.session()->undoStack()->push(
        new AddPointCommand(m_points, point, [this] { m_controller.shapeChanged(); }));
    return true;
}

bool ShapeTool::mouseRelease(MapCanvas&, QMouseEvent*)
{
    return true;
}

void ShapeTool::paint(MapCanvas& canvas, QPainter& painter)
{
    QPolygonF screen;
    for (const QPointF& point : m_points)
        screen << canvas.transform().toScreen(point);
    if (!screen.isEmpty())
        screen << canvas.transform().toScreen(m_snap.value_or(m_cursorMap));
    painter.setPen(QPen(QColor(0xff, 0x6f, 0x00), 2, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    if (closed() && screen.size() >= 3)
        painter.drawPolygon(screen);
    else
        painter.drawPolyline(screen);
    painter.setBrush(QColor(0xff, 0x6f, 0x00));
    for (const QPointF& point : m_points)
        painter.drawEllipse(canvas.transform().toScreen(point), 3, 3);
    EditTool::paint(canvas, painter);
}

bool ShapeTool::key(int key)
{
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        finish();
        return true;
    }
    if (key == Qt::Key_Escape) {
        cancel();
        m_controller.shapeChanged();
        return true;
    }
    return false;
}

bool ShapeTool::finish()
{
    std::optional<core::ParcelChange> change = makeChange();
    if (!change)
        return false;
    EditController* controller = &m_controller;
    m_controller.session()->undoStack()->push(
        new FinishShapeCommand(*m_controller.session(), m_points, std::move(*change),
                               [controller] { controller->shapeChanged(); }));
    return true;
}

std::optional<core::ParcelChange> DrawParcelTool::makeChange()
{
    if (m_points.size() < 3) {
        m_controller.report(QObject::tr("A parcel needs at least three corners."));
        return std::nullopt;
    }
    core::Polygon polygon;
    for (const QPointF& point : m_points)
        polygon.outer().push_back(toCore(point));
    polygon.outer().push_back(toCore(m_points.front()));
    const core::Result<core::FeatureId> id = newParcelIds(*m_controller.session(), 1);
    if (!id) {
        m_controller.report(QString::fromStdString(id.error().describe()));
        return std::nullopt;
    }
    core::Parcel parcel;
    parcel.id = id.value();
    parcel.typeReason = "drawn by the designer";
    auto reshaped = core::reshapeParcel(parcel, core::MultiPolygon{polygon});
    if (!reshaped) {
        m_controller.report(QString::fromStdString(reshaped.error().describe()));
        return std::nullopt;
    }
    std::optional<core::Parcel> checkedParcel = m_controller.checked(reshaped.value(), {});
    if (!checkedParcel)
        return std::nullopt;
    return core::ParcelChange{"draw parcel " + std::to_string(parcel.id), {}, {*checkedParcel},
                              {}};
}

std::optional<core::ParcelChange> SplitTool::makeChange()
{
    const int selected = m_controller.canvas()->selectedParcel();
    const core::Project& project = *m_controller.session()->project();
    if (selected < 0 || static_cast<std::size_t>(selected) >= project.parcels.size()) {
        m_controller.report(QObject::tr("Select the parcel to split first."));
        return std::nullopt;
    }
    core::LineString line;
    for (const QPointF& point : m_points)
        line.push_back(toCore(point));
    const core::Parcel& parcel = project.parcels[static_cast<std::size_t>(selected)];
    m_controller.canvas()->setSelectedParcel(-1);
    auto pieces = core::splitParcel(parcel, line, core::nextParcelId(project),
                                    m_controller.attributeRules(), m_controller.topologyRules());
    if (!pieces) {
        m_controller.report(QString::fromStdString(pieces.error().describe()));
        return std::nullopt;
    }
    // How many pieces the line makes is known only now: their ids are taken afterwards.
    const core::Result<core::FeatureId> firstId = newParcelIds(
        *m_controller.session(), static_cast<int>(pieces.value().size()));
    if (!firstId) {
        m_controller.report(QString::fromStdString(firstId.error().describe()));
        return std::nullopt;
    }
    for (std::size_t i = 0; i < pieces.value().size(); ++i)
        pieces.value()[i].id = firstId.value() + static_cast<core::FeatureId>(i);
    return core::ParcelChange{"split parcel " + std::to_string(parcel.id), {parcel},
                              pieces.value(), {}};
}

EditController::EditController(MapCanvas* canvas, QObject* parent)
    : QObject(parent), m_canvas(canvas), m_session(new EditSession(this)),
      m_vertexTool(std::make_unique<VertexTool>(*this)),
      m_drawTool(std::make_unique<DrawParcelTool>(*this)),
      m_splitTool(std::make_unique<SplitTool>(*this))
{
    m_undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence::Redo});
    // The stack names the step in the action's text, which the toolbar would cut; the
    // buttons keep a short text and say the step in their tooltip.
    QUndoStack* stack = m_session->undoStack();
    connect(stack, &QUndoStack::undoTextChanged, this, [this](const QString& step) {
        m_undo->setText(tr("&Undo"));
        m_undo->setToolTip(step.isEmpty() ? tr("Nothing to undo") : tr("Undo %1").arg(step));
    });
    connect(stack, &QUndoStack::redoTextChanged, this, [this](const QString& step) {
        m_redo->setText(tr("&Redo"));
        m_redo->setToolTip(step.isEmpty() ? tr("Nothing to redo") : tr("Redo %1").arg(step));
    });

    auto* tools = new QActionGroup(this);
    tools->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    auto makeTool = [&](const QString& text, const QString& key, EditTool* tool) {
        QAction* action = tools->addAction(text);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(key));
        connect(action, &QAction::toggled, this, [this, tool, action](bool on) {
            chooseTool(on ? tool : nullptr, action);
        });
        return action;
    };
    m_vertexAction = makeTool(tr("Move &Vertices"), tr("V"), m_vertexTool.get());
    m_drawAction = makeTool(tr("&Draw Parcel"), tr("D"), m_drawTool.get());
    m_splitAction = makeTool(tr("&Split Parcel"), tr("S"), m_splitTool.get());
    m_mergeAction = new QAction(tr("&Merge Selected"), this);
    m_mergeAction->setShortcut(QKeySequence(tr("M")));
    connect(m_mergeAction, &QAction::triggered, this, &EditController::mergeSelected);
    m_deleteAction = new QAction(tr("De&lete Selected"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    connect(m_deleteAction, &QAction::triggered, this, &EditController::deleteSelected);

    // Enter and Escape end or drop the shape being drawn, whatever has the focus.
    m_finishAction = new QAction(tr("&Finish Shape"), this);
    m_finishAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    connect(m_finishAction, &QAction::triggered, this, [this] { toolKey(Qt::Key_Return); });
    m_cancelAction = new QAction(tr("&Cancel Shape"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_cancelAction, &QAction::triggered, this, [this] { toolKey(Qt::Key_Escape); });
    updateShapeActions();

    connect(m_session, &EditSession::aboutToChange, m_canvas, &MapCanvas::stopDrawing);
    connect(m_session, &EditSession::edited, m_canvas, &MapCanvas::refresh);
    connect(m_session, &EditSession::refused, this, &EditController::message);
}

EditController::~EditController()
{
    // The canvas may already be gone (both are children of the main window).
    if (m_canvas && m_active)
        m_canvas->setMapTool(nullptr);
}

void EditController::addActions(QMenu* menu, QToolBar* toolbar)
{
    for (QAction* action : {m_undo, m_redo}) {
        menu->addAction(action);
        toolbar->addAction(action);
    }
    menu->addSeparator();
    toolbar->addSeparator();
    for (QAction* action :
         {m_vertexAction, m_drawAction, m_splitAction, m_mergeAction, m_deleteAction}) {
        menu->addAction(action);
        toolbar->addAction(action);
    }
    menu->addAction(m_finishAction);
    menu->addAction(m_cancelAction);
}

void EditController::chooseTool(EditTool* tool, QAction* action)
{
    (void)action;
    if (m_active)
        m_active->cancel();
    m_active = tool;
    m_canvas->setMapTool(tool);
    updateShapeActions();
}

void EditController::shapeChanged()
{
    updateShapeActions();
    if (m_canvas)
        m_canvas->update();
}

void EditController::updateShapeActions()
{
    // Window-wide Enter and Escape would take those keys from every other widget: an editor
    // of the attribute table or the inspector could then be neither committed nor dropped.
    // They belong to the shape only while one is being drawn.
    const auto* shape = dynamic_cast<const ShapeTool*>(m_active);
    const bool drawing = shape && !shape->points().isEmpty();
    m_finishAction->setEnabled(drawing);
    m_cancelAction->setEnabled(drawing);
}

bool EditController::toolKey(int key)
{
    return m_active && m_active->key(key);
}

std::vector<const core::Parcel*> EditController::neighboursOf(
    const core::MultiPolygon& geometry, const std::vector<core::FeatureId>& exclude) const
{
    std::vector<const core::Parcel*> neighbours;
    if (geometry.empty())
        return neighbours;
    const core::Box envelope = envelopeOf(geometry);
    for (const core::Parcel& parcel : m_session->project()->parcels) {
        if (parcel.geometry.empty()
            || std::find(exclude.begin(), exclude.end(), parcel.id) != exclude.end())
            continue;
        if (bg::intersects(envelopeOf(parcel.geometry), envelope))
            neighbours.push_back(&parcel);
    }
    return neighbours;
}

std::optional<core::Parcel> EditController::checked(const core::Parcel& parcel,
                                                    const std::vector<core::FeatureId>& replaced)
{
    const core::TopologyReport report =
        core::checkTopology(parcel, neighboursOf(parcel.geometry, replaced), m_topology);
    if (!report.issues.empty())
        emit message(QString::fromStdString(report.summary()));
    if (report.refused)
        return std::nullopt;
    return report.repaired;
}

void EditController::mergeSelected()
{
    const auto project = m_session->project();
    if (!project)
        return;
    std::vector<core::Parcel> parts;
    for (int index : m_canvas->selectedParcels())
        parts.push_back(project->parcels[static_cast<std::size_t>(index)]);
    const core::Result<core::FeatureId> newId = newParcelIds(*m_session, 1);
    if (!newId) {
        emit message(QString::fromStdString(newId.error().describe()));
        return;
    }
    auto merged = core::mergeParcels(parts, newId.value(), m_attributes);
    if (!merged) {
        emit message(QString::fromStdString(merged.error().describe()));
        return;
    }
    const core::FeatureId id = merged.value().id;
    m_session->submit({"merge into parcel " + std::to_string(id), parts, {merged.value()}, {}});
    m_canvas->setSelectedParcel(m_session->indexOf(id));
}

void EditController::deleteSelected()
{
    const auto project = m_session->project();
    if (!project || m_canvas->selectedParcels().isEmpty())
        return;
    std::vector<core::Parcel> parts;
    for (int index : m_canvas->selectedParcels())
        parts.push_back(project->parcels[static_cast<std::size_t>(index)]);
    m_canvas->setSelectedParcel(-1);
    m_session->submit({"delete " + std::to_string(parts.size()) + " parcel(s)", parts, {}, {}});
}

} // namespace greenrenew::ui
