#include "ui/render/report_page.h"

#include "ui/render/map_renderer.h"
#include "ui/render/map_theme.h"
#include "ui/render/report_summary.h"
#include "ui/render/report_table.h"
#include "ui/render/theme.h"

#include "core/envelope.h"

#include <QPaintDevice>
#include <QPainter>

#include <algorithm>
#include <functional>
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

PageTable figuresTable(const PageFrame& frame, double left, double width)
{
    return PageTable(left, width,
        { { frame.tr("指标", "Figure"), 2.2 }, { frame.tr("数值", "Value"), 1.2, Qt::AlignRight },
            { frame.tr("限值", "Limit"), 1.4, Qt::AlignRight },
            { frame.tr("结论", "Check"), 1.2, Qt::AlignRight } },
        pageFont(8), &frame.device);
}

/// Rows of the figures table: the compliance checks, else the three figures without limits.
std::size_t figureRows(const core::FormMetrics& form)
{
    return form.compliance.empty() ? 3 : form.compliance.size();
}

double drawFigures(
    const PageFrame& frame, const core::FormMetrics& form, double left, double width, double y)
{
    const PageTable table = figuresTable(frame, left, width);
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

/// One line per life circle: its id and every facility type missing within it.
QStringList gapLines(const PageFrame& frame, const core::Project& project,
    const core::WalkAccess& walk)
{
    const bool english = isEnglish(frame.language);
    QStringList lines;
    for (const std::string& circle : circleIds(project)) {
        QStringList names;
        const auto found = walk.gaps.find(circle);
        if (found != walk.gaps.end()) {
            for (const std::string& type : found->second)
                names << facilityLabel(project, type, english);
        }
        lines << QString::fromStdString(circle) + QStringLiteral(": ")
                + (names.isEmpty() ? frame.tr("无", "none") : names.join(QStringLiteral(", ")));
    }
    return lines;
}

constexpr int kGapFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

/// Height of gap line TEXT wrapped to WIDTH, with the space below it.
double gapLineHeight(const PageFrame& frame, const QString& text, double width)
{
    return frame.metrics(pageFont(8)).boundingRect(QRectF(0, 0, width, 1e6), kGapFlags, text)
               .height()
        + frame.mm(1);
}

double gapsTitleHeight(const PageFrame& frame)
{
    return frame.metrics(pageFont(9, true)).height() + frame.mm(1.5);
}

void drawGapsTitle(const PageFrame& frame, double y)
{
    QPainter& p = frame.painter;
    p.save();
    p.setFont(pageFont(9, true));
    p.setPen(kAccent);
    p.drawText(QPointF(frame.content.left(), y + frame.metrics(pageFont(9, true)).ascent()),
        frame.tr("步行生活圈缺口", "Walking life-circle gaps"));
    p.restore();
}

/// Draws one gap line across the content width, as high as the wrapped text needs: a long
/// list is never cut off.
void drawGapLine(const PageFrame& frame, const QString& text, double y)
{
    QPainter& p = frame.painter;
    p.save();
    p.setFont(pageFont(8));
    p.setPen(Qt::black);
    const double width = frame.content.width();
    p.drawText(QRectF(frame.content.left(), y, width, gapLineHeight(frame, text, width)),
        kGapFlags, text);
    p.restore();
}

PageTable ratingsTable(const PageFrame& frame, double left, double width)
{
    return PageTable(left, width,
        { { frame.tr("指标", "Index"), 2.3 }, { frame.tr("类别", "Category"), 2.0 },
            { frame.tr("评级", "Rating"), 1.0 } },
        pageFont(8), &frame.device);
}

double drawRatings(const PageFrame& frame, const core::CarbonAssessment& carbon, double left,
    double width, double y)
{
    const PageTable table = ratingsTable(frame, left, width);
    y = table.drawHeader(frame.painter, y);
    bool shaded = false;
    for (const core::IndexRating& rating : carbon.ratings) {
        // The method's name of the index in the report's language, not its id.
        const QString index = indexLabel(rating.index, frame.language);
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

PageTable interventionsTable(const PageFrame& frame)
{
    return PageTable(frame.content.left(), frame.content.width(),
        { { frame.tr("改造措施", "Intervention"), 3.2, Qt::AlignLeft, true },
            { frame.tr("规模", "Quantity"), 1.4, Qt::AlignRight },
            { frame.tr("减排 tCO2e/年", "Effect tCO2e/yr"), 1.3, Qt::AlignRight },
            { frame.tr("可信度", "Confidence"), 1.0, Qt::AlignRight } },
        pageFont(8), &frame.device);
}

std::vector<TableCell> interventionCells(
    const PageFrame& frame, const core::Intervention& intervention)
{
    return { interventionLabel(intervention, isEnglish(frame.language)),
        QString::number(intervention.quantity, 'f', 0) + QLatin1Char(' ')
            + QString::fromStdString(intervention.unit),
        QString::number(intervention.effectTPerYear, 'f', 1),
        confidenceLabel(intervention.confidence, frame) };
}

QString parcelTitle(const PageFrame& frame, const core::Parcel& parcel, bool continued)
{
    QString title = frame.tr("地块 ", "Parcel ") + QString::number(parcel.id);
    if (!parcel.name.empty())
        title += QStringLiteral("  ") + QString::fromStdString(parcel.name);
    if (continued)
        title += frame.tr("（续）", " (continued)");
    return title;
}

double headingHeight(const PageFrame& frame)
{
    return frame.metrics(pageFont(15, true)).height() + frame.mm(5);
}

/// Height drawParagraph takes for TEXT in FONT across the content width.
double paragraphHeight(const PageFrame& frame, const QString& text, const QFont& font)
{
    return frame.metrics(font)
               .boundingRect(QRectF(0, 0, frame.content.width(), 1e6),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text)
               .height()
        + frame.mm(3);
}

QString parcelSummary(
    const PageFrame& frame, const core::Parcel& parcel, const core::ParcelResult& result)
{
    return renewalTypeLabel(parcel.type, frame.language) + frame.tr("；面积 ", "; area ")
        + QString::number(result.form.areaM2, 'f', 0) + QStringLiteral(" m²")
        + frame.tr("；主导碳源 ", "; leading source ")
        + categoryLabel(result.carbon.leading, frame.language)
        + frame.tr("；碳账合计 ", "; ledger ")
        + QString::number(result.carbon.ledger.totalT(), 'f', 1)
        + frame.tr(" 吨二氧化碳当量/年", " tCO2e per year");
}

/// What flows down an atlas page under the figures and ratings, onto continuation pages when
/// it does not fit: the walking gaps, then the interventions' table.
struct FlowItem {
    enum class Kind { GapsTitle, GapLine, TableHeader, Intervention };
    Kind kind;
    std::size_t index = 0; // the gap line's or the intervention's
    int page = 0; // 0: the parcel's first page
    double y = 0;
};

/// Where the parts of an atlas page go, worked out before anything is drawn so that the report
/// knows its page count.
struct ParcelPageLayout {
    QRectF map;
    double summaryTop = 0;
    double columnsTop = 0;
    double columnWidth = 0;
    QStringList gapLines;
    std::vector<FlowItem> flow;
    int pages = 1;
};

/// Share of the content height the parcel's map takes, and the least it gives up to keep a
/// parcel on one page rather than start a continuation page.
constexpr double kMapShare = 0.36;
constexpr double kLeastMapShare = 0.26;

ParcelPageLayout layoutParcelPage(const PageFrame& frame, const core::Project& project,
    const core::Analysis& analysis, std::size_t index, double mapShare)
{
    const QRectF& content = frame.content;
    ParcelPageLayout layout;
    const double top = content.top() + headingHeight(frame);
    layout.map = QRectF(content.left(), top, content.width(), content.height() * mapShare);
    layout.summaryTop = layout.map.bottom() + frame.mm(4);
    if (index >= analysis.parcels.size())
        return layout;
    const core::Parcel& parcel = project.parcels[index];
    const core::ParcelResult& result = analysis.parcels[index];
    layout.columnsTop = layout.summaryTop
        + paragraphHeight(frame, parcelSummary(frame, parcel, result), pageFont(9.5));

    const double gap = frame.mm(6);
    layout.columnWidth = (content.width() - gap) / 2;
    const PageTable figures = figuresTable(frame, 0, layout.columnWidth);
    const PageTable ratings = ratingsTable(frame, 0, layout.columnWidth);
    const double columnsBottom = layout.columnsTop
        + std::max(figures.headerHeight() + figureRows(result.form) * figures.rowHeight(),
            ratings.headerHeight() + result.carbon.ratings.size() * ratings.rowHeight());

    // Each item goes where the last ended, or to the top of a new page when it would pass the
    // content's bottom (one item on a page at the least, so a page always moves on).
    int page = 0;
    double y = columnsBottom + frame.mm(4);
    bool pageEmpty = false;
    const auto makeRoom = [&](double height) {
        if (y + height > content.bottom() && !pageEmpty) {
            ++page;
            y = top;
            pageEmpty = true;
        }
    };
    const auto place = [&](FlowItem::Kind kind, std::size_t at, double height) {
        makeRoom(height);
        layout.flow.push_back({ kind, at, page, y });
        y += height;
        pageEmpty = false;
    };
    layout.gapLines = gapLines(frame, project, result.walk);
    if (!layout.gapLines.isEmpty()) {
        // The title stays with the first line.
        makeRoom(gapsTitleHeight(frame)
            + gapLineHeight(frame, layout.gapLines.front(), content.width()));
        place(FlowItem::Kind::GapsTitle, 0, gapsTitleHeight(frame));
    }
    for (qsizetype i = 0; i < layout.gapLines.size(); ++i)
        place(FlowItem::Kind::GapLine, static_cast<std::size_t>(i),
            gapLineHeight(frame, layout.gapLines[i], content.width()));
    y += frame.mm(4);

    const PageTable table = interventionsTable(frame);
    const std::vector<core::Intervention>& interventions = result.carbon.interventions;
    int headerPage = -1;
    for (std::size_t i = 0; i < interventions.size(); ++i) {
        const double row = table.rowHeight(interventionCells(frame, interventions[i]));
        makeRoom(row);
        // Every page of the table starts with its header, which is never left alone at a
        // page's foot: it moves on with its first row.
        if (headerPage != page) {
            makeRoom(table.headerHeight() + row);
            place(FlowItem::Kind::TableHeader, 0, table.headerHeight());
            headerPage = page;
        }
        place(FlowItem::Kind::Intervention, i, row);
    }
    layout.pages = page + 1;
    return layout;
}

ParcelPageLayout layoutParcelPage(const PageFrame& frame, const core::Project& project,
    const core::Analysis& analysis, std::size_t index)
{
    ParcelPageLayout layout = layoutParcelPage(frame, project, analysis, index, kMapShare);
    if (layout.pages > 1) {
        ParcelPageLayout smallerMap
            = layoutParcelPage(frame, project, analysis, index, kLeastMapShare);
        if (smallerMap.pages == 1)
            return smallerMap;
    }
    return layout;
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
    return y + headingHeight(frame);
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

int parcelPageCount(const PageFrame& frame, const core::Project& project,
    const core::Analysis& analysis, std::size_t index)
{
    return layoutParcelPage(frame, project, analysis, index).pages;
}

void drawParcelPage(const PageFrame& frame, const core::Project& project,
    const core::Analysis& analysis, std::size_t index, const std::function<void()>& newPage)
{
    const core::Parcel& parcel = project.parcels[index];
    const ParcelPageLayout layout = layoutParcelPage(frame, project, analysis, index);
    drawHeading(frame, parcelTitle(frame, parcel, false), frame.content.top());

    MapOptions options;
    options.language = frame.language;
    options.legend = false;
    options.extent = parcelContext(parcel);
    options.selectedParcel = static_cast<int>(index);
    options.symbolScale = frame.mm(kSymbolUnitMm);
    drawMap(frame.painter, layout.map, project, analysis, options);
    frame.painter.save();
    frame.painter.setPen(QPen(QColor(0x40, 0x40, 0x40), frame.mm(0.3)));
    frame.painter.drawRect(layout.map);
    frame.painter.restore();

    if (index >= analysis.parcels.size()) {
        drawParagraph(frame, frame.tr("该地块未分析。", "This parcel was not analysed."),
            layout.summaryTop, pageFont(10));
        return;
    }
    const core::ParcelResult& result = analysis.parcels[index];
    drawParagraph(frame, parcelSummary(frame, parcel, result), layout.summaryTop, pageFont(9.5));
    const QRectF& content = frame.content;
    const double rightLeft = content.right() - layout.columnWidth;
    drawFigures(frame, result.form, content.left(), layout.columnWidth, layout.columnsTop);
    drawRatings(frame, result.carbon, rightLeft, layout.columnWidth, layout.columnsTop);

    const PageTable table = interventionsTable(frame);
    int page = 0;
    bool shaded = false;
    for (const FlowItem& item : layout.flow) {
        if (item.page != page) {
            page = item.page;
            newPage();
            drawHeading(frame, parcelTitle(frame, parcel, true), content.top());
        }
        switch (item.kind) {
        case FlowItem::Kind::GapsTitle:
            drawGapsTitle(frame, item.y);
            break;
        case FlowItem::Kind::GapLine:
            drawGapLine(frame, layout.gapLines[static_cast<qsizetype>(item.index)], item.y);
            break;
        case FlowItem::Kind::TableHeader:
            table.drawHeader(frame.painter, item.y);
            shaded = false;
            break;
        case FlowItem::Kind::Intervention:
            table.drawRow(frame.painter, item.y,
                interventionCells(frame, result.carbon.interventions[item.index]), shaded);
            shaded = !shaded;
            break;
        }
    }
}

} // namespace greenrenew::render
