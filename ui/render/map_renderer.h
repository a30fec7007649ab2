#pragma once

// Draws the district map: parcels coloured by a theme (the leading carbon-source category by
// default), buildings, green, streets and facilities, with legend, scale bar, north arrow and
// the data attribution. QPainter only, so the batch command and the desktop draw the same map.

#include "core/analysis.h"
#include "core/model.h"
#include "ui/render/map_decorations.h"
#include "ui/render/map_theme.h"

#include <QColor>
#include <QRectF>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QPainter;

namespace greenrenew::render {

class MapIndex;

struct MapOptions {
    QString title;
    QString language = QStringLiteral("zh"); // "zh" or "en"
    bool legend = true;
    bool decorations = true; // scale bar, north arrow, attribution
    /// Part of the project to show, in project CRS metres; empty: the parcels' extent.
    QRectF extent;
    /// Parcel to outline as selected (index into project.parcels), -1 for none.
    int selectedParcel = -1;
    /// Device pixels per symbol unit (line widths, text, legend); 0: the shorter target side
    /// / 800. Paged output sets it from the paper (about 0.25 mm) so every map on a page has
    /// the same text size.
    double symbolScale = 0;
    /// What colours the parcels; the legend follows.
    MapTheme theme;
    /// Further parcels outlined as selected (a box selection), besides selectedParcel.
    std::vector<int> selectedParcels;
    /// Layers drawn; the parcels' outlines and selection show even with fills off.
    bool showParcels = true;
    bool showBuildings = true;
    bool showGreen = true;
    bool showStreets = true;
    bool showFacilities = true;
    /// An index of the project's features (the canvas keeps one for its project): with it
    /// only the features in the view and at least a pixel large are looked at; without it
    /// every feature is, with the same picture.
    const MapIndex* index = nullptr;
    /// Fill of each parcel (project order), worked out beforehand: the parcels are then
    /// coloured without reading the analysis, which a drawing in another thread must not do
    /// (edits change it in place). Null: from the theme and the analysis.
    std::shared_ptr<const std::vector<QColor>> parcelColours;
    /// Set from another thread to stop drawing within a few hundred features (the picture is
    /// then unfinished; the canvas throws it away).
    const std::atomic<bool>* cancel = nullptr;
};

/// Colour of a carbon-source category on every map and chart.
QColor categoryColor(core::Category category);
/// Category name on screen in the given language.
QString categoryLabel(core::Category category, const QString& language);

/// The legend drawMap draws with OPTIONS (title and entries), for a page that sets it beside
/// the map instead of over it (options.legend false).
struct MapLegend {
    QString title;
    std::vector<LegendEntry> entries;
};
MapLegend mapLegend(
    const core::Project& project, const core::Analysis& analysis, const MapOptions& options);

/// Draws the map into TARGET (device coordinates of PAINTER). Only the features that reach
/// into the painter's clip are looked at: a clipped part costs its share of the whole.
void drawMap(QPainter& painter, const QRectF& target, const core::Project& project,
    const core::Analysis& analysis, const MapOptions& options);

/// Renders the map to a PNG file of WIDTH x HEIGHT pixels; false on write failure.
bool writeMapPng(const QString& path, const core::Project& project, const core::Analysis& analysis,
    const MapOptions& options, int width = 2400, int height = 1800);

} // namespace greenrenew::render
