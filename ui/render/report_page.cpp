#include "ui/render/report_page.h"

#include "ui/render/map_renderer.h"
#include "ui/render/report_summary.h"
#include "ui/render/report_table.h"
#include "ui/render/theme.h"

#include "core/envelope.h"

#include <QPaintDevice>
#include <QPainter>

#include <algorithm>
#include <limits>
#include <optional>

namespace greenrenew::render {

namespace {

const QColor kAccent(0x1F, 0x4E, 0x79);
/// Share of the parcel's size shown around it on its atlas map.
constexpr double kContextShare = 0.6;

QString ratingLabel(core::Rating rating, const PageFrame& frame)
{
    switch (rating) {
    case core::Rating::Serious:
        return frame.tr("严重", "serious");
    case core::Rating::Medium:
        return frame.tr("中等", "medium");
    case core::Rating::Slight:
        return frame.tr("轻微", "slight");
    case core::Rating::NotAssessed:
        break;
    }
    return frame.tr("未评估", "not assessed");
}

/// The category of an index id; none for an id the method does not know (an older file).
std::optional<core::Category> categoryOfIndex(const std::string& index)
{
    const std::vector<std::string>& ids = core::indexIds();
    if (std::find(ids.begin(), ids.end(), index) == ids.end())
        return std::nullopt;
    return core::indexCategory(index);
}

QString confidenceLabel(const std::string& confidence, const PageFrame& frame)
{
    if (confidence == "low")
        return frame.tr("低", "low");
    if (confidence == "medium")
        return frame.tr("中", "medium");
    if (confidence == "high")
        return frame.tr("高", "high");
    return QString::fromStdString(confidence);
}

QString figureLabel(const std::string& figure, const PageFrame& frame)
{
    if (figure == "far")
        return frame.tr("容积率", "FAR");
    if (figure == "building_density")
        return frame.tr("建筑密度", "Building density");
    if (figure == "green_coverage")
        return frame.tr("绿地率", "Green coverage");
    if (figure == "height")
        return frame.tr("高度 (m)", "Height (m)");
    return QString::fromStdString(figure);
}

QString facilityLabel(const core::Project& project, const std::string& type, bool english)
{
    for (const core::FacilityType& known : project.config.facilityTypes) {
        if (known.id == type)
            return QString::fromStdString(english ? known.nameEn : known.nameZh);
    }
    return QString::fromStdString(type);
}

QString interventionLabel(const core::Intervention& intervention, bool english)
{
    const std::string& name = english ? intervention.nameEn : intervention.nameZh;
    return QString::fromStdString(name.empty() ? intervention.technique : name);
}

QRectF parcelContext(const core::Parcel& parcel)
{
    const std::optional<core::Box> box = core::outerEnvelope(parcel.geometry);
    if (!box)
        return {};
    const double width = box->max_corner().x() - box->min_corner().x();
    const double height = box->max_corner().y() - box->min_corner().y();
    const double margin = kContextShare * std::max({ width, height, 50.0 });
    return QRectF(box->min_corner().x() - margin, box->min_corner().y() - margin,
                  width + 2 * margin, height + 2 * margin);
}

double drawFigures(
    const PageFrame& frame, const core::FormMetrics& form, double left, double width, double y)
{
    const PageTable table(left, width,
        { { frame.tr("指标", "Figure"), 2.2 }, { frame.tr("数值", "Value"), 1.2, Qt::AlignRight },
            { frame.tr("限值", "Limit"), 1.4, Qt::AlignRight },
            { frame.tr("结论", "Check"), 1.2, Qt::AlignRight } },
        pageFont(8), &frame.device);
    y = table.drawHeader(frame.painter, y);
    auto shown = [](const std::string& figure, double value) {
        return figure == "far" || figure == "height"
            ? QString::number(value, 'f', 2)
            : QString::number(value * 100, 'f', 1) + QStringLiteral("%");
    };
    bool shaded = false;
    for (const core::ComplianceCheck& check : form.compliance) {
        const QString limit = (check.bound == "min" ? QStringLiteral("≥ ") : QStringLiteral("≤ "))
            + shown(check.figure, check.limit);
        y = table.drawRow(frame.painter, y,
            { figureLabel(check.figure, frame), shown(check.figure, check.value), limit,
                check.ok ? frame.tr("符合", "met") : frame.tr("超限", "fails") },
            shaded);
        shaded = !shaded;
    }
    if (form.compliance.empty()) {
        for (const auto& [figure, value] :
            { std::pair<std::string, double> { "building_density", form.buildingDensity },
                { "far", form.far }, { "green_coverage", form.greenCoverage } }) {
            y = table.drawRow(frame.painter, y,
                { figureLabel(figure, frame), shown(figure, value), QStringLiteral("-"),
                    QStringLiteral("-") },
                shaded);
            shaded = !shaded;
        }
    }
    return y;
}

double drawGaps(const PageFrame& frame, const core::Project& project, const core::WalkAccess& walk,
    double left, double width, double y)
{
    QPainter& p = frame.painter;
    const bool english = isEnglish(frame.language);
    const QFont font = pageFont(8);
    p.save();
    p.setFont(pageFont(9, true));
    p.setPen(kAccent);
    p.drawText(QPointF(left, y + frame.metrics(pageFont(9, true)).ascent()),
        frame.tr("步行生活圈缺口", "Walking life-circle gaps"));
    y += frame.metrics(pageFont(9, true)).height() + frame.mm(1.5);
    p.setFont(font);
    p.setPen(Qt::black);
    for (const std::string& circle : circleIds(project)) {
        QStringList names;
        const auto found = walk.gaps.find(circle);
        if (found != walk.gaps.end()) {
            for (const std::string& type : found->second)
                names << facilityLabel(project, type, english);
        }
        const QString text = QString::fromStdString(circle) + QStringLiteral(": ")
            + (names.isEmpty() ? frame.tr("无", "none") : names.join(QStringLiteral(", ")));
        QRectF used;
        p.drawText(
            QRectF(left, y, width, frame.mm(20)), Qt::AlignLeft | Qt::TextWordWrap, text, &used);
        y += used.height() + frame.mm(1);
    }
    p.restore();
    return y;
}

double drawRatings(const PageFrame& frame, const core::CarbonAssessment& carbon, double left,
    double width, double y)
{
    const PageTable table(left, width,
        { { frame.tr("指标", "Index"), 2.3 }, { frame.tr("类别", "Category"), 2.0 },
            { frame.tr("评级", "Rating"), 1.0 } },
        pageFont(8), &frame.device);
    y = table.drawHeader(frame.painter, y);
    bool shaded = false;
    for (const core::IndexRating& rating : carbon.ratings) {
        QString index = QString::fromStdString(rating.index);
        index.replace(QLatin1Char('_'), QLatin1Char(' '));
        const std::optional<core::Category> category = categoryOfIndex(rating.index);
        const TableCell categoryCell = category
            ? TableCell(categoryLabel(*category, frame.language), categoryColor(*category))
            : TableCell(QString());
        y = table.drawRow(
            frame.painter, y, { index, categoryCell, ratingLabel(rating.rating, frame) }, shaded);
        shaded = !shaded;
    }
    return y;
}

double drawInterventions(const PageFrame& frame, const core::CarbonAssessment& carbon, double y)
{
    const bool english = isEnglish(frame.language);
    const PageTable table(frame.content.left(), frame.content.width(),
        { { frame.tr("改造措施", "Intervention"), 3.2 },
            { frame.tr("规模", "Quantity"), 1.4, Qt::AlignRight },
            { frame.tr("减排 tCO2e/年", "Effect tCO2e/yr"), 1.3, Qt::AlignRight },
            { frame.tr("可信度", "Confidence"), 1.0, Qt::AlignRight } },
        pageFont(8), &frame.device);
    y = table.drawHeader(frame.painter, y);
    bool shaded = false;
    for (const core::Intervention& intervention : carbon.interventions) {
        if (y + table.rowHeight() > frame.content.bottom())
            break; // the atlas page has one page per parcel; the table lists the rest
        y = table.drawRow(frame.painter, y,
            { interventionLabel(intervention, english),
                QString::number(intervention.quantity, 'f', 0) + QLatin1Char(' ')
                    + QString::fromStdString(intervention.unit),
                QString::number(intervention.effectTPerYear, 'f', 1),
                confidenceLabel(intervention.confidence, frame) },
            shaded);
        shaded = !shaded;
    }
    return y;
}

} // namespace

double PageFrame::mm(double millimetres) const { return millimetres / 25.4 * device.logicalDpiY(); }

QString PageFrame::tr(const char* zh, const char* en) const
{
    return pick(language, QString::fromUtf8(zh), QString::fromUtf8(en));
}

double drawHeading(const PageFrame& frame, const QString& text, double y)
{
    QPainter& p = frame.painter;
    const QFont font = pageFont(15, true);
    const QFontMetricsF metrics = frame.metrics(font);
    const QRectF& content = frame.content;
    p.save();
    p.setFont(font);
    p.setPen(kAccent);
    p.drawText(QRectF(content.left(), y, content.width(), metrics.height()),
        Qt::AlignLeft | Qt::TextSingleLine,
        metrics.elidedText(text, Qt::ElideRight, content.width()));
    p.setPen(QPen(kAccent, frame.mm(0.4)));
    const double rule = y + metrics.height() + frame.mm(1);
    p.drawLine(QPointF(content.left(), rule), QPointF(content.right(), rule));
    p.restore();
    return y + metrics.height() + frame.mm(5);
}

double drawParagraph(const PageFrame& frame, const QString& text, double y, const QFont& font)
{
    QPainter& p = frame.painter;
    p.save();
    p.setFont(font);
    p.setPen(Qt::black);
    const QRectF area(frame.content.left(), y, frame.content.width(), frame.content.bottom() - y);
    QRectF used;
    p.drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text, &used);
    p.restore();
    return y + used.height() + frame.mm(3);
}

void drawParcelPage(const PageFrame& frame, const core::Project& project,
    const core::Analysis& analysis, std::size_t index)
{
    const core::Parcel& parcel = project.parcels[index];
    QString title = frame.tr("地块 ", "Parcel ") + QString::number(parcel.id);
    if (!parcel.name.empty())
        title += QStringLiteral("  ") + QString::fromStdString(parcel.name);
    double y = drawHeading(frame, title, frame.content.top());

    const QRectF& content = frame.content;
    const QRectF mapRect(content.left(), y, content.width(), content.height() * 0.36);
    MapOptions options;
    options.language = frame.language;
    options.legend = false;
    options.extent = parcelContext(parcel);
    options.selectedParcel = static_cast<int>(index);
    options.symbolScale = frame.mm(kSymbolUnitMm);
    drawMap(frame.painter, mapRect, project, analysis, options);
    frame.painter.save();
    frame.painter.setPen(QPen(QColor(0x40, 0x40, 0x40), frame.mm(0.3)));
    frame.painter.drawRect(mapRect);
    frame.painter.restore();
    y = mapRect.bottom() + frame.mm(4);

    if (index >= analysis.parcels.size()) {
        drawParagraph(
            frame, frame.tr("该地块未分析。", "This parcel was not analysed."), y, pageFont(10));
        return;
    }
    const core::ParcelResult& result = analysis.parcels[index];
    const QString summary = renewalTypeLabel(parcel.type, frame.language)
        + frame.tr("；面积 ", "; area ") + QString::number(result.form.areaM2, 'f', 0)
        + QStringLiteral(" m²") + frame.tr("；主导碳源 ", "; leading source ")
        + categoryLabel(result.carbon.leading, frame.language)
        + frame.tr("；碳账合计 ", "; ledger ")
        + QString::number(result.carbon.ledger.totalT(), 'f', 1)
        + frame.tr(" 吨二氧化碳当量/年", " tCO2e per year");
    y = drawParagraph(frame, summary, y, pageFont(9.5));

    const double gap = frame.mm(6);
    const double columnWidth = (content.width() - gap) / 2;
    double left = drawFigures(frame, result.form, content.left(), columnWidth, y);
    left = drawGaps(frame, project, result.walk, content.left(), columnWidth, left + frame.mm(4));
    const double right
        = drawRatings(frame, result.carbon, content.left() + columnWidth + gap, columnWidth, y);
    drawInterventions(frame, result.carbon, std::max(left, right) + frame.mm(5));
}

} // namespace greenrenew::render
