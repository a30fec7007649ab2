#include "ui/layers_widget.h"

#include <QLocale>

namespace greenrenew::ui {

namespace {
constexpr MapCanvas::Layer kLayers[] = {MapCanvas::Layer::Facilities, MapCanvas::Layer::Streets,
    MapCanvas::Layer::Buildings, MapCanvas::Layer::Green, MapCanvas::Layer::Parcels};
} // namespace

LayersWidget::LayersWidget(QWidget* parent) : QListWidget(parent)
{
    // Top to bottom as they are drawn over each other, as in QGIS's layer panel.
    for (MapCanvas::Layer layer : kLayers) {
        auto* item = new QListWidgetItem(this);
        item->setData(Qt::UserRole, static_cast<int>(layer));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    setProject(nullptr);
    connect(this, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        emit layerToggled(static_cast<MapCanvas::Layer>(item->data(Qt::UserRole).toInt()),
                          item->checkState() == Qt::Checked);
    });
    connect(this, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        emit zoomToLayerRequested(
            static_cast<MapCanvas::Layer>(item->data(Qt::UserRole).toInt()));
    });
}

QListWidgetItem* LayersWidget::itemOf(MapCanvas::Layer layer) const
{
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(Qt::UserRole).toInt() == static_cast<int>(layer))
            return item(i);
    }
    return nullptr;
}

void LayersWidget::setProject(const core::Project* project)
{
    const QSignalBlocker blocker(this);
    const QLocale locale;
    const auto label = [&](MapCanvas::Layer layer, const QString& name, std::size_t features) {
        itemOf(layer)->setText(project ? QStringLiteral("%1 (%2)").arg(
                                   name, locale.toString(static_cast<qulonglong>(features)))
                                       : name);
    };
    label(MapCanvas::Layer::Parcels, tr("Parcels"), project ? project->parcels.size() : 0);
    label(MapCanvas::Layer::Buildings, tr("Buildings"), project ? project->buildings.size() : 0);
    label(MapCanvas::Layer::Green, tr("Green space"), project ? project->green.size() : 0);
    label(MapCanvas::Layer::Streets, tr("Streets"), project ? project->streets.size() : 0);
    label(MapCanvas::Layer::Facilities, tr("Facilities"),
          project ? project->facilities.size() : 0);
}

void LayersWidget::setLayerChecked(MapCanvas::Layer layer, bool checked)
{
    itemOf(layer)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

bool LayersWidget::isLayerChecked(MapCanvas::Layer layer) const
{
    return itemOf(layer)->checkState() == Qt::Checked;
}

MapCanvas::Layer LayersWidget::currentLayer() const
{
    const QListWidgetItem* item = currentItem();
    return item ? static_cast<MapCanvas::Layer>(item->data(Qt::UserRole).toInt())
                : MapCanvas::Layer::Parcels;
}

} // namespace greenrenew::ui
