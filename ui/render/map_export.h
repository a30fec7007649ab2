#pragma once

// The district map as a finished sheet on paper (A4 to A0, portrait or landscape): title, the
// map with legend, scale bar, north arrow, CRS and attribution, and a footer with the date and
// the nominal scale. Written as PNG at a chosen resolution, SVG or vector PDF; all three draw
// the same sheet with the same QPainter calls, so they match each other and the screen.

#include "core/analysis.h"
#include "core/annotation.h"
#include "core/model.h"
#include "core/result.h"
#include "ui/render/map_renderer.h"

#include <QDate>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <optional>
#include <vector>

class QPainter;

namespace greenrenew::render {

enum class ExportFormat { Png, Svg, Pdf };
enum class Paper { A4, A3, A2, A1, A0 };
enum class Orientation { Portrait, Landscape };

/// "png", "svg", "pdf" (any case); none for other text.
std::optional<ExportFormat> exportFormatFromName(const QString& name);
/// "A4" .. "A0" (any case); none for other text.
std::optional<Paper> paperFromName(const QString& name);
/// "portrait" or "landscape" (any case); none for other text.
std::optional<Orientation> orientationFromName(const QString& name);
/// Sheet size in millimetres (ISO 216), width x height in the orientation.
QSizeF paperSizeMm(Paper paper, Orientation orientation);

/// What surrounds the map on the sheet besides MapOptions.
struct SheetOptions {
    QDate date; // printed in the footer; invalid: today
    QString subtitle; // under the title (district, scenario); empty: none
    /// Parcel labels, placed without overlaps (see map_labels.h).
    bool labels = true;
    /// Labels show parcel ids instead of names (names fall back to ids when empty).
    bool labelIds = false;
    /// The designer's annotations, drawn over the labels.
    std::vector<core::Annotation> annotations;
};

/// Draws the whole sheet into PAGE (device units of PAINTER, PX_PER_MM device units per
/// millimetre of paper). Returns the rectangle the map itself took.
QRectF drawMapSheet(QPainter& painter, const QRectF& page, double pxPerMm,
    const core::Project& project, const core::Analysis& analysis, const MapOptions& options,
    const SheetOptions& sheet = {});

/// Writes the sheet to PATH. DPI sets the PNG's pixel size (and is recorded in it) and the
/// PDF's internal resolution; SVG is always laid out at 96 px per inch. The file is replaced
/// only when the whole sheet has been written.
core::Result<QSizeF> exportMap(const QString& path, ExportFormat format, Paper paper,
    Orientation orientation, int dpi, const core::Project& project, const core::Analysis& analysis,
    const MapOptions& options, const SheetOptions& sheet = {});

} // namespace greenrenew::render
