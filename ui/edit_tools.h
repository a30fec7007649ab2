#pragma once

// The map's editing tools and the controller that offers them as actions: move a vertex
// (drag; double-click on an edge adds one, right-click on a vertex deletes it), draw a new
// parcel (click the corners, Enter or right-click finishes), split the selected parcel by a
// drawn line, merge the selected parcels, delete the selected parcels, undo and redo. Points
// snap to the vertices and edges of parcels on screen within kSnapTolerancePx, and a marker
// shows the snap. Every edit passes the topology check before it is applied; a refused one is
// reported through EditController::message.

#include "core/model.h"
#include "core/parcel_edit.h"
#include "ui/map_canvas.h"

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QPointF>
#include <QVector>

#include <memory>
#include <optional>

class QAction;
class QMenu;
class QToolBar;

namespace greenrenew::ui {

class EditSession;
class EditController;

/// Snapping tolerance in screen pixels.
inline constexpr double kSnapTolerancePx = 10.0;
/// Colour of the snap marker, drawn over a white halo.
inline const QColor kSnapMarkerColor{0xd9, 0x1e, 0x63};

/// Where a point snapped: onto a parcel's vertex or onto one of its edges.
struct Snap {
    enum class Kind { Vertex, Edge };
    QPointF mapPoint;
    Kind kind = Kind::Vertex;
};

/// What MAPPOINT snaps to: the nearest parcel vertex within TOLERANCEPX on screen, else the
/// nearest point on a parcel edge within it. Only what lies inside the visible extent counts:
/// a vertex just past the window's edge is never snapped to, even when it is within the
/// tolerance of a cursor at the edge.
std::optional<Snap> snapTo(const MapCanvas& canvas, const QPointF& mapPoint,
                           double tolerancePx = kSnapTolerancePx);
/// The map point of snapTo(), for callers that need no kind.
std::optional<QPointF> snapPoint(const MapCanvas& canvas, const QPointF& mapPoint,
                                 double tolerancePx = kSnapTolerancePx);

/// Base of the tools: the snap marker and the controller. The marker is a square on a snapped
/// vertex and a diamond on a snapped edge point, so the designer sees which one a click takes.
class EditTool : public MapTool {
public:
    explicit EditTool(EditController& controller) : m_controller(controller) {}
    bool mouseMove(MapCanvas& canvas, QMouseEvent* event) override;
    void paint(MapCanvas& canvas, QPainter& painter) override;
    /// The snap the marker shows now, if any.
    std::optional<Snap> snap() const { return m_snapped; }
    /// Enter: finish; Escape: cancel. True when the key was used.
    virtual bool key(int key) { (void)key; return false; }
    virtual void cancel() {}

protected:
    /// The snapped (or raw) map point of a mouse event; updates the marker.
    QPointF pointOf(MapCanvas& canvas, QMouseEvent* event);

    EditController& m_controller;
    std::optional<QPointF> m_snap;
    std::optional<Snap> m_snapped;
    QPointF m_cursorMap;
};

class VertexTool : public EditTool {
public:
    using EditTool::EditTool;
    bool mousePress(MapCanvas& canvas, QMouseEvent* event) override;
    bool mouseMove(MapCanvas& canvas, QMouseEvent* event) override;
    bool mouseRelease(MapCanvas& canvas, QMouseEvent* event) override;
    void paint(MapCanvas& canvas, QPainter& painter) override;

private:
    int m_parcel = -1;
    std::optional<core::VertexRef> m_vertex;
    QPointF m_dragMap;
};

/// Collects points (each an undoable step), then makes an edit of them.
class ShapeTool : public EditTool {
public:
    using EditTool::EditTool;
    bool mousePress(MapCanvas& canvas, QMouseEvent* event) override;
    bool mouseRelease(MapCanvas& canvas, QMouseEvent* event) override;
    void paint(MapCanvas& canvas, QPainter& painter) override;
    bool key(int key) override;
    void cancel() override { m_points.clear(); }
    const QVector<QPointF>& points() const { return m_points; }
    /// Ends the shape; false (and a message) when it makes no valid edit.
    bool finish();

protected:
    virtual bool closed() const = 0;
    virtual std::optional<core::ParcelChange> makeChange() = 0;

    QVector<QPointF> m_points;
};

class DrawParcelTool : public ShapeTool {
public:
    using ShapeTool::ShapeTool;

protected:
    bool closed() const override { return true; }
    std::optional<core::ParcelChange> makeChange() override;
};

class SplitTool : public ShapeTool {
public:
    using ShapeTool::ShapeTool;

protected:
    bool closed() const override { return false; }
    std::optional<core::ParcelChange> makeChange() override;
};

class EditController : public QObject {
    Q_OBJECT

public:
    EditController(MapCanvas* canvas, QObject* parent = nullptr);
    ~EditController() override;

    EditSession* session() const { return m_session; }
    MapCanvas* canvas() const { return m_canvas; }
    core::TopologyRules& topologyRules() { return m_topology; }
    core::AttributeRules& attributeRules() { return m_attributes; }

    /// Adds the Edit menu entries to MENU and the tool buttons to TOOLBAR.
    void addActions(QMenu* menu, QToolBar* toolbar);

    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    QAction* vertexAction() const { return m_vertexAction; }
    QAction* drawAction() const { return m_drawAction; }
    QAction* splitAction() const { return m_splitAction; }
    QAction* mergeAction() const { return m_mergeAction; }
    QAction* deleteAction() const { return m_deleteAction; }
    QAction* finishAction() const { return m_finishAction; }
    /// The tool in use, null for none.
    EditTool* activeTool() const { return m_active; }

    /// The parcel-index neighbours of a geometry (envelopes intersecting), skipping EXCLUDE.
    std::vector<const core::Parcel*> neighboursOf(
        const core::MultiPolygon& geometry, const std::vector<core::FeatureId>& exclude) const;
    /// Checks PARCEL; on refusal emits message and returns nullopt; else the (repaired) parcel.
    std::optional<core::Parcel> checked(const core::Parcel& parcel,
                                        const std::vector<core::FeatureId>& replaced);
    void report(const QString& text) { emit message(text); }

    void mergeSelected();
    void deleteSelected();
    /// Enter / Escape for the active tool; true when used.
    bool toolKey(int key);
    /// The shape being drawn gained or lost points: the map redraws it, and Finish and
    /// Cancel Shape are offered only while there is one.
    void shapeChanged();

signals:
    void message(const QString& text);

private:
    void chooseTool(EditTool* tool, QAction* action);
    void updateShapeActions();

    QPointer<MapCanvas> m_canvas;
    EditSession* m_session = nullptr;
    core::TopologyRules m_topology;
    core::AttributeRules m_attributes;
    std::unique_ptr<VertexTool> m_vertexTool;
    std::unique_ptr<DrawParcelTool> m_drawTool;
    std::unique_ptr<SplitTool> m_splitTool;
    EditTool* m_active = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_vertexAction = nullptr;
    QAction* m_drawAction = nullptr;
    QAction* m_splitAction = nullptr;
    QAction* m_mergeAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_finishAction = nullptr;
    QAction* m_cancelAction = nullptr;
};

} // namespace greenrenew::ui
