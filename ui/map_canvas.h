#pragma once

// The map canvas: draws the project through render::drawMap for the current view, pans by
// drag and arrow keys, zooms by wheel (about the cursor), +/- keys and a shift-drag box,
// selects the parcel under a click (ctrl-click adds or removes) and the parcels a ctrl-drag
// box touches. The drawn map is kept in a picture: while the view moves the picture is shifted
// and scaled, and the map is drawn again once the view rests, in worker threads (MapDrawer):
// a paint waits for it at most kDrawWaitMs and otherwise shows the last picture shifted until
// the new one comes. An R-tree over the parcels' envelopes answers clicks and boxes on a city.

#include "core/analysis.h"
#include "core/model.h"
#include "ui/map_transform.h"
#include "ui/render/map_theme.h"

#include <QImage>
#include <QList>
#include <QPoint>
#include <QTimer>
#include <QWidget>

#include <future>
#include <memory>
#include <vector>

namespace greenrenew::render {
class MapIndex;
}

namespace greenrenew::ui {

class MapDrawer;

class MapCanvas;

/// A mode of the mouse on the map (an editing tool, ...). While set, it sees the canvas's
/// mouse events first; returning true consumes the event (no pan, select or box then).
class MapTool {
public:
    virtual ~MapTool() = default;
    virtual bool mousePress(MapCanvas& canvas, QMouseEvent* event) = 0;
    virtual bool mouseMove(MapCanvas& canvas, QMouseEvent* event) = 0;
    virtual bool mouseRelease(MapCanvas& canvas, QMouseEvent* event) = 0;
    /// Draws the tool's feedback over the map, in screen pixels.
    virtual void paint(MapCanvas& canvas, QPainter& painter) = 0;
};

class MapCanvas : public QWidget {
    Q_OBJECT

public:
    /// Zoom factor of one wheel notch (120 eighths of a degree) and of a +/- key press.
    static constexpr double kZoomStep = 1.25;
    /// An arrow key moves the view by this fraction of the viewport's width or height.
    static constexpr double kKeyPanFraction = 0.25;
    /// Share of the viewport left free on each side by zoom to full.
    static constexpr double kFullExtentMargin = 0.03;
    /// Share of the viewport left free on each side by zoom to selection: the neighbours show.
    static constexpr double kSelectionMargin = 0.3;
    /// The map is drawn again this long after the last wheel step or key press.
    static constexpr int kRedrawDelayMs = 150;
    /// A paint waits this long for the picture being drawn before it shows the last one
    /// shifted: a small view is then shown drawn at once, a whole city never blocks the window
    /// longer (the goal is a frame within 50 ms).
    static constexpr int kDrawWaitMs = 20;

    enum class Layer { Parcels, Buildings, Green, Streets, Facilities };

    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    /// Shows PROJECT with ANALYSIS (results in project parcel order); clears the selection and
    /// zooms to the parcels' extent.
    void setData(std::shared_ptr<const core::Project> project,
                 std::shared_ptr<const core::Analysis> analysis);
    const core::Project* project() const { return m_project.get(); }
    const core::Analysis* analysis() const { return m_analysis.get(); }

    const MapTransform& transform() const { return m_transform; }
    /// The parcels' extent in metres; empty without a project.
    QRectF fullExtent() const { return m_fullExtent; }
    /// Extent of one layer in metres; empty when the layer has no features.
    QRectF layerExtent(Layer layer) const;

    /// Index into project().parcels of the parcel covering MAPPOINT, -1 for none.
    int parcelAt(const QPointF& mapPoint) const;
    /// Indices of the parcels that touch the rectangle MAPRECT (metres), ascending.
    QList<int> parcelsIn(const QRectF& mapRect) const;

    /// The parcel last clicked or chosen (the inspector shows it), -1 for none.
    int selectedParcel() const { return m_selected; }
    /// Every selected parcel, ascending.
    QList<int> selectedParcels() const { return m_selection; }
    /// Selects and highlights parcel INDEX alone (-1 clears); emits parcelSelected and
    /// selectionChanged.
    void setSelectedParcel(int index);
    /// Selects INDICES; PRIMARY (one of them, or -1 for the first) becomes selectedParcel().
    /// Emits parcelSelected and selectionChanged.
    void setSelectedParcels(const QList<int>& indices, int primary = -1);

    void setTheme(const render::MapTheme& theme);
    const render::MapTheme& theme() const { return m_theme; }
    void setLayerVisible(Layer layer, bool visible);
    bool layerVisible(Layer layer) const;
    void setLanguage(const QString& language);
    const QString& language() const { return m_language; }

    /// Makes TOOL the mouse mode (nullptr: back to pan and select); the canvas does not own it.
    void setMapTool(MapTool* tool);
    MapTool* mapTool() const { return m_tool; }
    /// Draws the map again after the project's data changed in place (an edit): envelopes
    /// and selection are brought up to date; emits dataChanged.
    void refresh();

    /// Times a fully drawn picture was taken in (not shifted from the last), for tests of the
    /// cache.
    int fullDrawCount() const { return m_fullDraws; }
    /// The view the picture shown was drawn for (the view itself once it is drawn).
    const MapTransform& pictureTransform() const { return m_cacheTransform; }
    /// A picture is being drawn that is not shown yet.
    bool drawing() const;
    /// How long a paint waits for the picture being drawn; negative: until it is done (each
    /// paint then shows the map drawn, as an export would).
    void setDrawWaitMs(int ms) { m_drawWaitMs = ms; }
    /// Threads drawing one picture: 2 (two halves at once, the default) or 1.
    void setDrawThreads(int threads);
    /// Cancels the drawing and waits until no worker thread reads the project: called before
    /// the project's parcels change in place (an edit), and by refresh().
    void stopDrawing();

    QSize sizeHint() const override { return {800, 600}; }

public slots:
    void zoomToFull();
    /// Shows the selected parcels whole, with their surroundings; nothing without a selection.
    void zoomToSelection();
    void zoomToLayer(Layer layer);
    /// Shows EXTENT (metres) whole.
    void zoomToExtent(const QRectF& extent);
    void zoomIn();
    void zoomOut();

signals:
    /// The primary selection changed to INDEX (-1: nothing selected).
    void parcelSelected(int index);
    /// The set of selected parcels changed.
    void selectionChanged();
    /// The cursor moved over the map, at MAPPOINT in project CRS metres.
    void cursorMoved(const QPointF& mapPoint);
    /// The scale or the centre changed.
    void viewChanged();
    /// refresh() saw the project's data change in place.
    void dataChanged();
    /// A newly drawn picture is shown.
    void drawn();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    enum class Drag { None, Pan, ZoomBox, SelectBox };

    void zoomAboutScreen(const QPointF& screenPoint, double factor);
    void panByPixels(const QPointF& deltaPx);
    void computeExtents();
    void viewMoved();
    void invalidateCache();
    bool pictureCurrent() const;
    void requestPicture();
    void takePicture(const QImage& image, const MapTransform& transform, int generation);
    std::shared_ptr<const std::vector<QColor>> parcelColours();
    void drawOverlay(QPainter& painter);
    QRectF dragRectMap() const;

    struct Index;

    std::shared_ptr<const core::Project> m_project;
    std::shared_ptr<const core::Analysis> m_analysis;
    std::unique_ptr<Index> m_index;
    // Every layer's features for drawing only what a view shows (render::drawMap).
    // Built in a thread of its own when a project is shown (MapDrawer waits for it).
    std::shared_future<std::shared_ptr<render::MapIndex>> m_drawIndex;
    // The parcels' fills for the theme, worked out once per change of data or style.
    std::shared_ptr<const std::vector<QColor>> m_parcelColours;
    std::vector<core::Box> m_parcelBoxes;
    QRectF m_fullExtent;
    MapTransform m_transform;
    int m_selected = -1;
    QList<int> m_selection;
    QString m_language = QStringLiteral("zh");
    render::MapTheme m_theme;
    bool m_layers[5] = {true, true, true, true, true};
    MapTool* m_tool = nullptr;

    // The drawn map, the view it was drawn for and the data and style then (m_generation
    // counts their changes); the picture asked of the drawer and for what.
    std::unique_ptr<MapDrawer> m_drawer;
    int m_generation = 0;
    QImage m_cache;
    MapTransform m_cacheTransform;
    int m_cacheGeneration = -1;
    MapTransform m_requestedTransform;
    int m_requestedGeneration = -1;
    int m_drawWaitMs = kDrawWaitMs;
    bool m_painting = false;
    QTimer m_redrawTimer;
    int m_fullDraws = 0;

    QPoint m_pressPos;
    QPoint m_lastDragPos;
    Drag m_drag = Drag::None;
    Qt::KeyboardModifiers m_pressModifiers;
    bool m_fitPending = false;
    bool m_pressed = false;
};

} // namespace greenrenew::ui
