#include "ui/render/map_renderer.h"

#include "ui/render/map_decorations.h"
#include "ui/render/map_index.h"
#include "ui/render/map_paths.h"
#include "ui/render/map_view.h"
#include "ui/render/theme.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <string>

namespace greenrenew::render {

namespace {

using detail::addPoints;
using detail::addSimplified;
using detail::belowAPixel;
using detail::Bounds;
using detail::boundsOf;
using detail::Candidates;
using detail::candidatesOf;
using detail::forCandidates;
using detail::forVisiblePolygons;
using detail::LayerCandidates;

const QColor kParcelOutline(0x3C, 0x3C, 0x3C);
const QColor kBuildingFill(0x50, 0x50, 0x50, 105);
const QColor kBuildingOutline(0x30, 0x30, 0x30, 150);
const QColor kGreenFill(0xA8, 0xDB, 0x7A, 235);
const QColor kGreenOutline(0x3F, 0x7F, 0x2A);
const QColor kStreetCasing(0x6E, 0x6E, 0x6E);
const QColor kStreetFill(0xFF, 0xFF, 0xFF);
const QColor kFacilityFill(0x1A, 0x1A, 0x1A);
const QColor kSelectedOuter(0x00, 0x00, 0x00);
const QColor kSelectedInner(0xFF, 0xD4, 0x00);

/// How far a symbol reaches beyond its feature, in symbol units: the selection's 5-unit
/// outline, the facilities' 2.45-unit dots and the major streets' 4.6-unit casing reach at
/// most half of 5 units out; twice that to be safe.
constexpr double kSymbolReachUnits = 5.0;

/// Share of the parcels' extent added on each side when no extent is given.
constexpr double kExtentMargin = 0.05;
QRectF parcelsExtent(const core::Project& project)
{
    Bounds bounds;
    for (const core::Parcel& parcel : project.parcels) {
        for (const core::Polygon& polygon : parcel.geometry)
            addPoints(bounds, polygon.outer());
    }
    if (!bounds.valid()) {
        for (const core::Building& building : project.buildings) {
            for (const core::Polygon& polygon : building.footprint)
                addPoints(bounds, polygon.outer());
        }
    }
    if (!bounds.valid())
        return QRectF(0, 0, 100, 100);

    QRectF extent = bounds.rect();
    const double margin = kExtentMargin * std::max({ extent.width(), extent.height(), 10.0 });
    return extent.adjusted(-margin, -margin, margin, margin);
}

bool isMajorStreet(const std::string& highway)
{
    static const std::set<std::string> kMajor = { "motorway", "trunk", "primary", "secondary",
        "tertiary", "motorway_link", "trunk_link", "primary_link", "secondary_link" };
    return kMajor.count(highway) != 0;
}

/// Fill of each parcel: the colours given in the options, else the theme's class.
class ParcelColours {
public:
    ParcelColours(const MapOptions& options, const ThemeClassifier* classifier)
        : m_given(options.parcelColours.get()), m_classifier(classifier)
    {
    }
    /// Null for a parcel without a given colour (one added since they were computed).
    std::optional<QColor> of(std::size_t parcel) const
    {
        if (!m_given)
            return m_classifier->colorOf(parcel);
        if (parcel < m_given->size())
            return (*m_given)[parcel];
        return std::nullopt;
    }

private:
    const std::vector<QColor>* m_given;
    const ThemeClassifier* m_classifier;
};

void drawParcelFills(QPainter& painter, const MapView& view, const core::Project& project,
    const ParcelColours& colours, const Candidates& candidates, const MapOptions& options)
{
    painter.setPen(Qt::NoPen);
    forCandidates(project.parcels, candidates, [&](std::size_t i) {
        const std::optional<QColor> colour = colours.of(i);
        if (!colour)
            return;
        painter.setBrush(*colour);
        forVisiblePolygons(view, project.parcels[i].geometry,
            [&](const QPainterPath& path) { painter.drawPath(path); });
    }, options.cancel);
}

void drawGreenAndBuildings(QPainter& painter, const MapView& view, const core::Project& project,
    double unit, const MapOptions& options, const LayerCandidates& candidates)
{
    const auto drawPath = [&](const QPainterPath& path) { painter.drawPath(path); };
    if (options.showGreen) {
        painter.setPen(QPen(kGreenOutline, 0.5 * unit));
        painter.setBrush(kGreenFill);
        forCandidates(project.green, candidates.green, [&](std::size_t i) {
            forVisiblePolygons(view, project.green[i].geometry, drawPath);
        }, options.cancel);
    }

    if (!options.showBuildings)
        return;
    painter.setPen(QPen(kBuildingOutline, 0.35 * unit));
    painter.setBrush(kBuildingFill);
    forCandidates(project.buildings, candidates.buildings, [&](std::size_t i) {
        forVisiblePolygons(view, project.buildings[i].footprint, drawPath);
    }, options.cancel);
}

void drawStreets(QPainter& painter, const MapView& view, const core::Project& project, double unit,
    const Candidates& candidates, const std::atomic<bool>* cancel)
{
    // Two passes, casing then fill, so crossings read as joined streets.
    for (int pass = 0; pass < 2; ++pass) {
        // A brush would fill the area a curved street path encloses.
        painter.setBrush(Qt::NoBrush);
        std::optional<bool> penMajor;  // the pen set last, changed only when needed
        forCandidates(project.streets, candidates, [&](std::size_t index) {
            const core::Street& street = project.streets[index];
            const bool major = isMajorStreet(street.highway);
            if (penMajor != major) {
                const double width = (major ? 3.2 : 1.6) * unit;
                painter.setPen(pass == 0 ? QPen(kStreetCasing, width + 1.4 * unit, Qt::SolidLine,
                                               Qt::RoundCap, Qt::RoundJoin)
                                         : QPen(kStreetFill, width, Qt::SolidLine, Qt::RoundCap,
                                               Qt::RoundJoin));
                penMajor = major;
            }
            for (const core::LineString& line : street.geometry) {
                if (line.size() < 2)
                    continue;
                const Bounds bounds = boundsOf(line);
                if (!bounds.intersects(view.visibleWorld()) || belowAPixel(bounds, view))
                    continue;
                QPainterPath path;
                addSimplified(path, view, line);
                painter.drawPath(path);
            }
        }, cancel);
    }
}

void drawParcelOutlines(QPainter& painter, const MapView& view, const core::Project& project,
    double unit, const Candidates& candidates, const std::atomic<bool>* cancel)
{
    painter.setPen(QPen(kParcelOutline, 0.7 * unit));
    painter.setBrush(Qt::NoBrush);
    forCandidates(project.parcels, candidates, [&](std::size_t i) {
        forVisiblePolygons(view, project.parcels[i].geometry,
            [&](const QPainterPath& path) { painter.drawPath(path); });
    }, cancel);
}

bool rasterDevice(const QPainter& painter)
{
    const int type = painter.device()->devType();
    return type == QInternal::Image || type == QInternal::Pixmap || type == QInternal::Widget;
}

/// The facility dot drawn once into an image of the device's pixel ratio, centred.
QImage facilityDot(double radius, double penWidth, qreal ratio)
{
    const double half = radius + penWidth / 2 + 1;
    const int side = static_cast<int>(std::ceil(2 * half * ratio));
    QImage dot(side, side, QImage::Format_ARGB32_Premultiplied);
    dot.setDevicePixelRatio(ratio);
    dot.fill(Qt::transparent);
    QPainter painter(&dot);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, penWidth));
    painter.setBrush(kFacilityFill);
    const double centre = side / ratio / 2;
    painter.drawEllipse(QPointF(centre, centre), radius, radius);
    return dot;
}

void drawFacilities(QPainter& painter, const MapView& view, const core::Project& project,
    double unit, const Candidates& candidates, const std::atomic<bool>* cancel)
{
    const double radius = 2.2 * unit;
    const double penWidth = 0.5 * unit;
    const QRectF& world = view.visibleWorld();
    // On raster devices each facility is a copy of one drawn dot: flattening a small circle
    // from Bézier curves for each of a city's 264,000 facilities took a second. PDF and SVG
    // keep true circles.
    if (rasterDevice(painter) && painter.transform().isIdentity()) {
        const QImage dot = facilityDot(radius, penWidth, painter.device()->devicePixelRatioF());
        const QPointF centre(dot.width() / dot.devicePixelRatio() / 2,
            dot.height() / dot.devicePixelRatio() / 2);
        forCandidates(project.facilities, candidates, [&](std::size_t i) {
            const core::Point& point = project.facilities[i].location;
            if (world.contains(point.x(), point.y()))
                painter.drawImage(view.toDevice(point.x(), point.y()) - centre, dot);
        }, cancel);
        return;
    }
    painter.setPen(QPen(Qt::white, penWidth));
    painter.setBrush(kFacilityFill);
    forCandidates(project.facilities, candidates, [&](std::size_t i) {
        const core::Point& point = project.facilities[i].location;
        if (world.contains(point.x(), point.y()))
            painter.drawEllipse(view.toDevice(point.x(), point.y()), radius, radius);
    }, cancel);
}

void drawSelection(QPainter& painter, const MapView& view, const core::Project& project,
    const MapOptions& options, double unit)
{
    std::vector<int> selected = options.selectedParcels;
    selected.push_back(options.selectedParcel);
    painter.setBrush(Qt::NoBrush);
    for (const auto& [color, width] :
        { std::pair { kSelectedOuter, 5.0 }, { kSelectedInner, 2.6 } }) {
        painter.setPen(QPen(color, width * unit, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        for (int index : selected) {
            if (index < 0 || index >= static_cast<int>(project.parcels.size()))
                continue;
            forVisiblePolygons(view, project.parcels[static_cast<std::size_t>(index)].geometry,
                [&](const QPainterPath& path) { painter.drawPath(path); });
        }
    }
}

std::vector<LegendEntry> fullLegend(const core::Project& project, const core::Analysis& analysis,
    const MapOptions& options, const ThemeClassifier& classifier)
{
    const QString& lang = options.language;
    std::vector<LegendEntry> entries;
    const std::vector<ThemeClass>& classes = classifier.classes();
    for (std::size_t i = 0; i + 1 < classes.size(); ++i)
        entries.push_back({ LegendSymbol::Fill, classes[i].color, classes[i].label });
    // The last class (no value) only where some parcel falls into it.
    bool anyWithoutValue = analysis.parcels.size() < project.parcels.size();
    for (std::size_t i = 0; i < analysis.parcels.size() && !anyWithoutValue; ++i)
        anyWithoutValue = classifier.classOf(i) + 1 == classes.size();
    if (anyWithoutValue)
        entries.push_back({ LegendSymbol::Fill, classes.back().color, classes.back().label });
    if (!project.buildings.empty())
        entries.push_back({ LegendSymbol::Fill, kBuildingFill,
            pick(lang, QStringLiteral("建筑"), QStringLiteral("Buildings")) });
    if (!project.green.empty())
        entries.push_back({ LegendSymbol::Hatch, kGreenFill,
            pick(lang, QStringLiteral("绿地"), QStringLiteral("Green space")) });
    if (!project.streets.empty())
        entries.push_back({ LegendSymbol::Line, kStreetCasing,
            pick(lang, QStringLiteral("街道"), QStringLiteral("Streets")) });
    if (!project.facilities.empty())
        entries.push_back({ LegendSymbol::Dot, kFacilityFill,
            pick(lang, QStringLiteral("设施"), QStringLiteral("Facilities")) });
    if (options.selectedParcel >= 0)
        entries.push_back({ LegendSymbol::Outline, kSelectedInner,
            pick(lang, QStringLiteral("选中地块"), QStringLiteral("Selected")) });
    return entries;
}

} // namespace

MapLegend mapLegend(
    const core::Project& project, const core::Analysis& analysis, const MapOptions& options)
{
    const ThemeClassifier classifier(options.theme, analysis, options.language);
    return { classifier.title(), fullLegend(project, analysis, options, classifier) };
}

void drawMap(QPainter& painter, const QRectF& target, const core::Project& project,
    const core::Analysis& analysis, const MapOptions& options)
{
    const QRectF extent = options.extent.isValid() ? options.extent : parcelsExtent(project);
    const MapView view(extent, target);
    const double unit = mapUnit(target, options.symbolScale);

    painter.save();
    painter.setClipRect(target, Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(target, Qt::white);

    // Given colours spare reading the analysis (a drawing in another thread must not: edits
    // change it in place); the legend still needs the classes.
    std::optional<ThemeClassifier> classifier;
    if (!options.parcelColours || options.legend)
        classifier.emplace(options.theme, analysis, options.language);
    const ParcelColours colours(options, classifier ? &*classifier : nullptr);
    // Only what reaches into the painter's clip is looked at (with the symbols' reach around
    // it), so a part of the picture costs its share; inside the clip the picture is the same.
    const QRectF window = painter.clipBoundingRect();
    const double reach = kSymbolReachUnits * unit + 1;
    const MapView features = view.narrowedTo(window.adjusted(-reach, -reach, reach, reach));
    if (!features.visibleWorld().isEmpty()) {
        const LayerCandidates candidates = candidatesOf(features, options);
        if (options.showParcels)
            drawParcelFills(painter, features, project, colours, candidates.parcels, options);
        drawGreenAndBuildings(painter, features, project, unit, options, candidates);
        if (options.showStreets)
            drawStreets(painter, features, project, unit, candidates.streets, options.cancel);
        drawParcelOutlines(painter, features, project, unit, candidates.parcels, options.cancel);
        if (options.showFacilities)
            drawFacilities(painter, features, project, unit, candidates.facilities,
                options.cancel);
        drawSelection(painter, features, project, options, unit);
    }

    if (options.legend) {
        drawLegend(painter, target, unit, classifier->title(),
            fullLegend(project, analysis, options, *classifier));
    }
    if (options.decorations) {
        drawScaleBar(painter, view, unit);
        drawNorthArrow(painter, target, unit);
        drawAttribution(painter, target, unit, QString::fromStdString(project.crsName),
            QString::fromStdString(project.attribution), options.language);
    }
    painter.restore();
}

bool writeMapPng(const QString& path, const core::Project& project, const core::Analysis& analysis,
    const MapOptions& options, int width, int height)
{
    if (width <= 0 || height <= 0)
        return false;
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);

    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    QRectF mapArea(0, 0, width, height);
    if (!options.title.isEmpty()) {
        const double unit = mapUnit(mapArea);
        const QFont font = mapFont(24 * unit, true);
        const double band = QFontMetricsF(font).height() + 20 * unit;
        painter.setFont(font);
        painter.setPen(Qt::black);
        const QRectF titleRect(10 * unit, 0, width - 20 * unit, band);
        const QString title
            = QFontMetricsF(font).elidedText(options.title, Qt::ElideRight, titleRect.width());
        // Qt::TextSingleLine and no Qt::TextShowMnemonic: the title is data, drawn as is.
        painter.drawText(titleRect, Qt::AlignCenter | Qt::TextSingleLine, title);
        mapArea.setTop(band);
    }
    drawMap(painter, mapArea, project, analysis, options);
    painter.end();
    return image.save(path, "PNG");
}

} // namespace greenrenew::render
