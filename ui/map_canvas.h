#pragma once

// The map canvas: draws the project through render::drawMap for the current view, pans by
// drag and arrow keys, zooms by wheel (about the cursor) and +/- keys, and selects the parcel
// under a click.

#include "core/analysis.h"
#include "core/model.h"
#include "ui/map_transform.h"

#include <QPoint>
#include <QWidget>

#include <memory>
#include <vector>

namespace greenrenew::ui {

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

    explicit MapCanvas(QWidget* parent = nullptr);

    /// Shows PROJECT with ANALYSIS (results in project parcel order); clears the selection and
    /// zooms to the parcels' extent.
    void setData(std::shared_ptr<const core::Project> project,
                 std::shared_ptr<const core::Analysis> analysis);
    const core::Project* project() const { return m_project.get(); }

    const MapTransform& transform() const { return m_transform; }
    /// The parcels' extent in metres; empty without a project.
    QRectF fullExtent() const { return m_fullExtent; }

    /// Index into project().parcels of the parcel covering MAPPOINT, -1 for none.
    int parcelAt(const QPointF& mapPoint) const;

    int selectedParcel() const { return m_selected; }
    /// Selects and highlights parcel INDEX (-1 clears) and emits parcelSelected.
    void setSelectedParcel(int index);

    void setLanguage(const QString& language);

    QSize sizeHint() const override { return {800, 600}; }

public slots:
    void zoomToFull();
    /// Shows the selected parcel whole, with its surroundings; nothing without a selection.
    void zoomToSelection();
    void zoomIn();
    void zoomOut();

signals:
    void parcelSelected(int index);
    /// The cursor moved over the map, at MAPPOINT in project CRS metres.
    void cursorMoved(const QPointF& mapPoint);
    /// The scale or the centre changed.
    void viewChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void zoomAboutScreen(const QPointF& screenPoint, double factor);
    void panByPixels(const QPointF& deltaPx);
    void computeExtents();

    std::shared_ptr<const core::Project> m_project;
    std::shared_ptr<const core::Analysis> m_analysis;
    std::vector<core::Box> m_parcelBoxes;  // envelopes, to skip most parcels in parcelAt
    QRectF m_fullExtent;
    MapTransform m_transform;
    int m_selected = -1;
    QString m_language = QStringLiteral("zh");

    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_fitPending = false;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace greenrenew::ui
