#pragma once

// The layers dock: one checkable row per layer (parcels, buildings, green, streets,
// facilities) with its feature count; unchecking hides the layer on the map, a double click
// zooms to it.

#include "core/model.h"
#include "ui/map_canvas.h"

#include <QListWidget>

namespace greenrenew::ui {

class LayersWidget : public QListWidget {
    Q_OBJECT

public:
    explicit LayersWidget(QWidget* parent = nullptr);

    /// Shows PROJECT's feature counts (null: none).
    void setProject(const core::Project* project);
    /// Checks or unchecks LAYER's row; emits layerToggled when it changes.
    void setLayerChecked(MapCanvas::Layer layer, bool checked);
    bool isLayerChecked(MapCanvas::Layer layer) const;
    /// Layer of the current row, Parcels when there is none.
    MapCanvas::Layer currentLayer() const;

signals:
    void layerToggled(MapCanvas::Layer layer, bool visible);
    void zoomToLayerRequested(MapCanvas::Layer layer);

private:
    QListWidgetItem* itemOf(MapCanvas::Layer layer) const;
};

} // namespace greenrenew::ui
