#include "ui/render/map_export.h"

#include "ui/render/map_annotations.h"
#include "ui/render/map_decorations.h"
#include "ui/render/map_labels.h"
#include "ui/render/map_view.h"
#include "ui/render/theme.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace greenrenew::render {

namespace {

constexpr double kMarginMm = 10;
/// One symbol unit on A4; larger sheets grow their symbols with the square root of the sheet
/// size, as they are read from further away but not in proportion.
constexpr double kSymbolUnitA4Mm = 0.25;
constexpr double kA4ShortSideMm = 210;
/// SVG is laid out at CSS pixels; Qt's SVG text sizes assume 96 dpi (TOOLCHAIN pitfall 4).
constexpr int kSvgDpi = 96;
constexpr int kMinDpi = 36;
constexpr int kMaxDpi = 1200;
/// Pixels of a PNG we are willing to allocate (A0 at 300 dpi is about 140 million).
constexpr double kMaxPngPixels = 400e6;

core::Error exportError(const QString& path, const QString& message)
{
    core::Error error;
    error.kind = core::ErrorKind::BadInput;
    error.operation = "export map";
    error.path = path.toStdString();
    error.message = message.toStdString();
    return error;
}

QPageSize::PageSizeId pageSizeId(Paper paper)
{
    switch (paper) {
    case Paper::A4:
        return QPageSize::A4;
    case Paper::A3:
        return QPageSize::A3;
    case Paper::A2:
        return QPageSize::A2;
    case Paper::A1:
        return QPageSize::A1;
    case Paper::A0:
        break;
    }
    return QPageSize::A0;
}

/// "1:5 000": the nominal scale rounded to two significant digits.
QString scaleText(double scaleDenominator)
{
    if (!(scaleDenominator > 0) || !std::isfinite(scaleDenominator))
        return {};
    const double magnitude = std::pow(10.0, std::floor(std::log10(scaleDenominator)) - 1);
    const double rounded = std::round(scaleDenominator / magnitude) * magnitude;
    return QStringLiteral("1:") + QLocale(QLocale::English).toString(rounded, 'f', 0);
}

/// Draws TEXT in RECT, one line, cut with an ellipsis; the text is data, never markup.
void drawLine(QPainter& painter, const QRectF& rect, const QString& text, Qt::Alignment align)
{
    const QFontMetricsF metrics(painter.font());
    QString line = text;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    painter.drawText(rect, align | Qt::AlignVCenter | Qt::TextSingleLine,
        metrics.elidedText(line, Qt::ElideRight, rect.width()));
}

} // namespace

std::optional<ExportFormat> exportFormatFromName(const QString& name)
{
    const QString lower = name.toLower();
    if (lower == QStringLiteral("png"))
        return ExportFormat::Png;
    if (lower == QStringLiteral("svg"))
        return ExportFormat::Svg;
    if (lower == QStringLiteral("pdf"))
        return ExportFormat::Pdf;
    return std::nullopt;
}

std::optional<Paper> paperFromName(const QString& name)
{
    const QString upper = name.toUpper();
    const Paper papers[] = { Paper::A0, Paper::A1, Paper::A2, Paper::A3, Paper::A4 };
    for (int i = 0; i <= 4; ++i) {
        if (upper == QStringLiteral("A%1").arg(i))
            return papers[i];
    }
    return std::nullopt;
}

std::optional<Orientation> orientationFromName(const QString& name)
{
    const QString lower = name.toLower();
    if (lower == QStringLiteral("portrait"))
        return Orientation::Portrait;
    if (lower == QStringLiteral("landscape"))
        return Orientation::Landscape;
    return std::nullopt;
}

QSizeF paperSizeMm(Paper paper, Orientation orientation)
{
    const QSizeF portrait = QPageSize(pageSizeId(paper)).size(QPageSize::Millimeter);
    return orientation == Orientation::Portrait ? portrait : portrait.transposed();
}

QRectF drawMapSheet(QPainter& painter, const QRectF& page, double pxPerMm,
    const core::Project& project, const core::Analysis& analysis, const MapOptions& options,
    const SheetOptions& sheet)
{
    const double shortSideMm = std::min(page.width(), page.height()) / pxPerMm;
    const double unit = pxPerMm * kSymbolUnitA4Mm * std::sqrt(shortSideMm / kA4ShortSideMm);
    const QRectF inner = page.adjusted(
        kMarginMm * pxPerMm, kMarginMm * pxPerMm, -kMarginMm * pxPerMm, -kMarginMm * pxPerMm);
    const QString& lang = options.language;

    painter.save();
    painter.fillRect(page, Qt::white);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setPen(Qt::black);

    double top = inner.top();
    if (!options.title.isEmpty()) {
        painter.setFont(mapFont(26 * unit, true));
        const double height = QFontMetricsF(painter.font()).height();
        drawLine(painter, QRectF(inner.left(), top, inner.width(), height), options.title,
            Qt::AlignLeft);
        top += height;
    }
    if (!sheet.subtitle.isEmpty()) {
        painter.setFont(mapFont(14 * unit));
        painter.setPen(QColor(0x40, 0x40, 0x40));
        const double height = QFontMetricsF(painter.font()).height();
        drawLine(painter, QRectF(inner.left(), top, inner.width(), height), sheet.subtitle,
            Qt::AlignLeft);
        top += height;
    }
    if (top > inner.top())
        top += 6 * unit;

    const QFont footerFont = mapFont(10.5 * unit);
    const double footerHeight = QFontMetricsF(footerFont).height() + 6 * unit;
    const QRectF mapRect(inner.left(), top, inner.width(), inner.bottom() - footerHeight - top);

    MapOptions mapOptions = options;
    mapOptions.symbolScale = unit;
    drawMap(painter, mapRect, project, analysis, mapOptions);
    const QRectF extent = mapExtent(project, options.extent);
    const MapView view(extent, mapRect);
    if (sheet.labels) {
        const QFont labelFont = mapFont(10 * unit);
        painter.save();
        painter.setClipRect(mapRect);
        std::vector<QPainterPath> annotated;
        for (const core::Annotation& annotation : sheet.annotations)
            annotated.push_back(annotationShape(view, annotation, unit));
        drawPlacedLabels(painter,
            labelsClearOf(placeParcelLabels(view, project, labelFont, 1.2 * unit, sheet.labelIds),
                annotated),
            labelFont, 1.2 * unit);
        painter.restore();
    }
    if (!sheet.annotations.empty()) {
        painter.save();
        painter.setClipRect(mapRect);
        drawAnnotations(painter, view, sheet.annotations, unit);
        painter.restore();
    }
    painter.setPen(QPen(QColor(0x30, 0x30, 0x30), 0.8 * unit));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(mapRect);

    // Footer: date and nominal scale on the left, the maker on the right.
    const QDate date = sheet.date.isValid() ? sheet.date : QDate::currentDate();
    const double metresPerMm = 1.0 / view.scale() * pxPerMm;
    QStringList left;
    left << pick(lang, QStringLiteral("日期: "), QStringLiteral("Date: "))
            + date.toString(Qt::ISODate);
    const QString scale = scaleText(metresPerMm * 1000);
    if (!scale.isEmpty())
        left << pick(lang, QStringLiteral("比例尺 "), QStringLiteral("Scale ")) + scale;
    if (!project.crsName.empty())
        left << pick(lang, QStringLiteral("坐标系: "), QStringLiteral("CRS: "))
                + QString::fromStdString(project.crsName);
    painter.setFont(footerFont);
    painter.setPen(QColor(0x30, 0x30, 0x30));
    const QRectF footer(inner.left(), mapRect.bottom(), inner.width(), footerHeight);
    const double makerWidth = footer.width() * 0.3;
    drawLine(painter, footer.adjusted(0, 0, -makerWidth, 0), left.join(QStringLiteral("    ")),
        Qt::AlignLeft);
    QString right = QStringLiteral("GreenRenew");
    if (!project.attribution.empty())
        right = QString::fromStdString(project.attribution);
    drawLine(painter, footer.adjusted(footer.width() - makerWidth, 0, 0, 0), right, Qt::AlignRight);
    painter.restore();
    return mapRect;
}

core::Result<QSizeF> exportMap(const QString& path, ExportFormat format, Paper paper,
    Orientation orientation, int dpi, const core::Project& project, const core::Analysis& analysis,
    const MapOptions& options, const SheetOptions& sheet)
{
    if (!cjkFontAvailable())
        return exportError(path,
            QStringLiteral("font \"%1\" is missing; install fonts-wqy-microhei")
                .arg(QString::fromLatin1(kCjkFamily)));
    if (dpi < kMinDpi || dpi > kMaxDpi)
        return exportError(
            path, QStringLiteral("dpi %1 outside %2..%3").arg(dpi).arg(kMinDpi).arg(kMaxDpi));
    const QSizeF sizeMm = paperSizeMm(paper, orientation);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return exportError(path, file.errorString());

    if (format == ExportFormat::Pdf) {
        QPdfWriter writer(&file);
        writer.setResolution(dpi);
        writer.setCreator(QStringLiteral("GreenRenew"));
        writer.setTitle(options.title);
        writer.setPageLayout(QPageLayout(QPageSize(pageSizeId(paper)),
            orientation == Orientation::Portrait ? QPageLayout::Portrait : QPageLayout::Landscape,
            QMarginsF(0, 0, 0, 0)));
        QPainter painter;
        if (!painter.begin(&writer))
            return exportError(path, QStringLiteral("cannot start the PDF"));
        drawMapSheet(painter, QRectF(0, 0, writer.width(), writer.height()), dpi / 25.4, project,
            analysis, options, sheet);
        painter.end();
    } else if (format == ExportFormat::Svg) {
        const double pxPerMm = kSvgDpi / 25.4;
        const QSize size(qRound(sizeMm.width() * pxPerMm), qRound(sizeMm.height() * pxPerMm));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            QSvgGenerator generator;
            generator.setOutputDevice(&buffer);
            generator.setResolution(kSvgDpi);
            generator.setSize(size);
            generator.setViewBox(QRect(QPoint(0, 0), size));
            // QSvgGenerator writes the title into the XML as is.
            generator.setTitle(options.title.toHtmlEscaped());
            QPainter painter;
            if (!painter.begin(&generator))
                return exportError(path, QStringLiteral("cannot start the SVG"));
            drawMapSheet(painter, QRectF(QPointF(0, 0), QSizeF(size)), pxPerMm, project, analysis,
                options, sheet);
            painter.end();
        }
        file.write(buffer.data());
    } else {
        const double pxPerMm = dpi / 25.4;
        const QSize size(qRound(sizeMm.width() * pxPerMm), qRound(sizeMm.height() * pxPerMm));
        if (static_cast<double>(size.width()) * size.height() > kMaxPngPixels)
            return exportError(path,
                QStringLiteral("%1 x %2 pixels is too large for a PNG; lower the dpi")
                    .arg(size.width())
                    .arg(size.height()));
        QImage image(size, QImage::Format_RGB32);
        if (image.isNull())
            return exportError(path, QStringLiteral("out of memory for the image"));
        image.setDotsPerMeterX(qRound(pxPerMm * 1000));
        image.setDotsPerMeterY(qRound(pxPerMm * 1000));
        QPainter painter(&image);
        drawMapSheet(painter, QRectF(QPointF(0, 0), QSizeF(size)), pxPerMm, project, analysis,
            options, sheet);
        painter.end();
        if (!image.save(&file, "PNG"))
            return exportError(path, QStringLiteral("cannot encode the PNG"));
    }
    if (!file.commit())
        return exportError(path, file.errorString());
    return sizeMm;
}

} // namespace greenrenew::render
