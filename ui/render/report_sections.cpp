#include "ui/render/report_sections.h"

#include "ui/render/map_renderer.h"
#include "ui/render/map_theme.h"
#include "ui/render/report_charts.h"
#include "ui/render/report_page.h"
#include "ui/render/report_summary.h"
#include "ui/render/report_table.h"
#include "ui/render/theme.h"

#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <map>
#include <optional>

namespace greenrenew::render {

namespace {

const QColor kUnverified(0xB3, 0x4D, 0x00);
const QColor kDetail(0x40, 0x40, 0x40);

QString figureName(const std::string& figure, const PageFrame& frame)
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

bool isShare(const std::string& figure)
{
    return figure == "building_density" || figure == "green_coverage";
}

QString shown(const std::string& figure, double value)
{
    return isShare(figure) ? QString::number(value * 100, 'f', 1) + QStringLiteral("%")
                           : QString::number(value, 'f', 2);
}

/// The checks of one figure over the parcels of a type.
// A figure's limits over the parcels of one type. A parcel meets the figure when every check
// of it passes (FAR has a minimum and a maximum), so each parcel counts once.
struct FigureChecks {
    std::optional<std::pair<double, double>> minLimits;  // lowest and highest minimum
    std::optional<std::pair<double, double>> maxLimits;  // lowest and highest maximum
    int checked = 0;
    int met = 0;
};

/// The bar colour of an area-weighted VALUE against the limits of C: rated against the
/// middle of the maximums (or of the minimums when there is no maximum), and red when it is
/// also below the lowest minimum.
QColor shareColor(double value, const FigureChecks& c, double mediumMargin)
{
    const auto middle = [](const std::pair<double, double>& range) {
        return (range.first + range.second) / 2;
    };
    if (c.minLimits && value < c.minLimits->first)
        return ratingColor(core::Rating::Serious);
    if (c.maxLimits)
        return limitShareColor(value, middle(*c.maxLimits), core::LimitBound::Max, mediumMargin);
    return limitShareColor(value, middle(*c.minLimits), core::LimitBound::Min, mediumMargin);
}

void widen(std::optional<std::pair<double, double>>& range, double limit)
{
    if (!range)
        range = std::make_pair(limit, limit);
    range->first = std::min(range->first, limit);
    range->second = std::max(range->second, limit);
}

QString ratingName(core::Rating rating, const PageFrame& frame)
{
    switch (rating) {
    case core::Rating::Serious:
        return frame.tr("严重", "Serious");
    case core::Rating::Medium:
        return frame.tr("中等", "Medium");
    case core::Rating::Slight:
        return frame.tr("轻微", "Slight");
    case core::Rating::NotAssessed:
        break;
    }
    return frame.tr("未评估", "Not assessed");
}

/// Lays out TEXT wrapped to WIDTH, at word boundaries where it can and anywhere where a word
/// (a long URL) is wider than the line; returns the height.
double layoutText(QTextLayout& layout, double width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    double height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
    return height;
}

struct EntryGeometry {
    double nameHeight;
    double detailIndent;
    double detailWidth;
};

EntryGeometry entryGeometry(const PageFrame& frame)
{
    return { frame.metrics(pageFont(8, true)).height(), frame.mm(4),
        frame.content.width() - frame.mm(4) };
}

double groupHeight(const PageFrame& frame)
{
    return frame.metrics(pageFont(10, true)).height() + frame.mm(2.5);
}

double entryHeight(const PageFrame& frame, const AppendixEntry& entry)
{
    const EntryGeometry geometry = entryGeometry(frame);
    double height = geometry.nameHeight;
    if (!entry.detail.isEmpty()) {
        QTextLayout layout(entry.detail, pageFont(7.5), &frame.device);
        height += layoutText(layout, geometry.detailWidth);
    }
    return height + frame.mm(1.8);
}

QString yearText(const std::optional<int>& year)
{
    return year ? QStringLiteral(" (%1)").arg(*year) : QString();
}

QString joined(const std::string& first, const std::string& second)
{
    QString text = QString::fromStdString(first);
    if (!second.empty()) {
        if (!text.isEmpty())
            text += QStringLiteral(" — ");
        text += QString::fromStdString(second);
    }
    return text;
}

/// KEY with, in front, the on-screen name of the index one of its dotted parts names
/// ("紧凑布局 · carbon.compact_density.serious"), so a zh reader need not know the ids.
QString parameterName(const std::string& key, const QString& language)
{
    const QString text = QString::fromStdString(key);
    for (const QString& part : text.split(QLatin1Char('.'))) {
        const QString label = indexLabel(part.toStdString(), language);
        if (label != part)
            return label + QStringLiteral(" · ") + text;
    }
    return text;
}

QString renewalTypeText(const std::string& name, const QString& language)
{
    const std::optional<core::RenewalType> type = core::renewalTypeFromName(name);
    return type ? renewalTypeLabel(*type, language) : QString::fromStdString(name);
}

QString facilityTypeText(
    const std::string& id, const core::MethodConfig& config, const QString& language)
{
    for (const core::FacilityType& type : config.facilityTypes)
        if (type.id == id && !type.nameZh.empty() && !isEnglish(language))
            return QString::fromStdString(type.nameZh);
    return QString::fromStdString(id);
}

} // namespace

void drawTypePage(const PageFrame& frame, const core::Project& project,
    const core::Analysis& analysis, core::RenewalType type)
{
    QPainter& p = frame.painter;
    const QRectF& content = frame.content;
    const std::vector<TypeSummary> all = summarizeByType(project, analysis);
    const auto found = std::find_if(
        all.begin(), all.end(), [&](const TypeSummary& s) { return s.type == type; });
    const TypeSummary summary = found != all.end() ? *found : TypeSummary {};

    double y = drawHeading(frame, renewalTypeLabel(type, frame.language), content.top());
    y = drawParagraph(frame,
        isEnglish(frame.language)
            ? QStringLiteral("%1 parcels, %2 ha. Figures are area-weighted over the parcels of "
                             "this type; limits are the planning controls of each parcel's "
                             "height class.")
                  .arg(summary.parcelCount)
                  .arg(summary.areaM2 / 10000, 0, 'f', 2)
            : QStringLiteral("共 %1 个地块，%2 公顷。指标按面积加权；限值为各地块所属层数类别的"
                             "规划控制指标。")
                  .arg(summary.parcelCount)
                  .arg(summary.areaM2 / 10000, 0, 'f', 2),
        y, pageFont(9));

    // Checks per figure over the parcels of this type.
    std::map<std::string, FigureChecks> checks;
    std::map<core::Rating, std::map<std::string, int>> ratingCounts;
    const std::size_t count = std::min(project.parcels.size(), analysis.parcels.size());
    for (std::size_t i = 0; i < count; ++i) {
        if (project.parcels[i].type != type)
            continue;
        std::map<std::string, bool> parcelMeets;
        for (const core::ComplianceCheck& check : analysis.parcels[i].form.compliance) {
            FigureChecks& figure = checks[check.figure];
            widen(check.bound == "min" ? figure.minLimits : figure.maxLimits, check.limit);
            auto [entry, added] = parcelMeets.emplace(check.figure, check.ok);
            if (!added)
                entry->second = entry->second && check.ok;
        }
        for (const auto& [name, meets] : parcelMeets) {
            ++checks[name].checked;
            checks[name].met += meets ? 1 : 0;
        }
        for (const core::IndexRating& rating : analysis.parcels[i].carbon.ratings)
            ++ratingCounts[rating.rating][rating.index];
    }

    const std::pair<std::string, double> figures[]
        = { { "building_density", summary.buildingDensity }, { "far", summary.far },
              { "green_coverage", summary.greenCoverage } };
    const PageTable table(content.left(), content.width(),
        { { frame.tr("指标", "Figure"), 2.0 },
            { frame.tr("面积加权值", "Area-weighted"), 1.3, Qt::AlignRight },
            { frame.tr("限值", "Limit"), 1.6, Qt::AlignRight },
            { frame.tr("符合的地块", "Parcels meeting it"), 1.6, Qt::AlignRight } },
        pageFont(8.5), &frame.device);
    y = table.drawHeader(p, y);
    bool shaded = false;
    std::vector<ChartBar> shareBars;
    // The ratings' margin colours the bars; a project without the method's parameters has
    // none, and its bars are only red or green.
    const double mediumMargin = project.config.parameters.contains("rating.medium_margin")
        ? project.config.parameters.value("rating.medium_margin")
        : 0.0;
    for (const auto& [figure, value] : figures) {
        const auto it = checks.find(figure);
        QString limit = QStringLiteral("-");
        QString meeting = QStringLiteral("-");
        if (it != checks.end()) {
            const FigureChecks& c = it->second;
            auto spread = [&](const std::pair<double, double>& range) {
                QString text = shown(figure, range.first);
                if (range.second > range.first)
                    text += QStringLiteral("–") + shown(figure, range.second);
                return text;
            };
            if (c.minLimits && c.maxLimits)
                limit = spread(*c.minLimits) + QStringLiteral(" … ") + spread(*c.maxLimits);
            else if (c.minLimits)
                limit = QStringLiteral("≥ ") + spread(*c.minLimits);
            else if (c.maxLimits)
                limit = QStringLiteral("≤ ") + spread(*c.maxLimits);
            meeting = QStringLiteral("%1 / %2").arg(c.met).arg(c.checked);
            const std::pair<double, double> range = c.maxLimits ? *c.maxLimits : *c.minLimits;
            const double middle = (range.first + range.second) / 2;
            if (middle > 0)
                shareBars.push_back({ figureName(figure, frame), value / middle * 100,
                    shareColor(value, c, mediumMargin), 100.0,
                    QString::number(value / middle * 100, 'f', 0) + QStringLiteral("%") });
        }
        y = table.drawRow(
            p, y, { figureName(figure, frame), shown(figure, value), limit, meeting }, shaded);
        shaded = !shaded;
    }
    y += frame.mm(6);

    // Charts: figures against their limits and the ledger side by side, ratings below.
    const double half = (content.width() - frame.mm(8)) / 2;
    const double chartHeight = frame.mm(48);
    const double chartsTop = y;
    const QString margin = QString::number(mediumMargin * 100, 'f', 0);
    drawBarChart(frame, QRectF(content.left(), chartsTop, half, chartHeight),
        frame.tr("指标占限值的比例（竖线 = 限值；红 = 超出，橙 = 距限值 %1% 以内）",
            "Figures as a share of their limit (tick = limit; red beyond, amber within %1%)")
            .arg(margin),
        shareBars);
    std::vector<ChartBar> ledgerBars;
    for (core::Category category : kAllCategories)
        ledgerBars.push_back({ categoryLabel(category, frame.language),
            ledgerAmount(summary.ledger, category), categoryColor(category), std::nullopt, {} });
    ledgerBars.push_back({ frame.tr("合计", "Total"), summary.ledger.totalT(),
        QColor(0x55, 0x55, 0x55), std::nullopt, {} });
    drawBarChart(frame, QRectF(content.left() + half + frame.mm(8), chartsTop, half, chartHeight),
        frame.tr("碳账（吨二氧化碳当量/年）", "Carbon ledger (tCO2e per year)"), ledgerBars);
    y = chartsTop + chartHeight + frame.mm(4);

    const core::Rating order[] = { core::Rating::Serious, core::Rating::Medium,
        core::Rating::Slight, core::Rating::NotAssessed };
    std::vector<ChartSeries> series;
    for (core::Rating rating : order)
        series.push_back({ ratingName(rating, frame), ratingColor(rating) });
    std::vector<StackedRow> rows;
    for (const std::string& index : core::indexIds()) {
        StackedRow row { indexLabel(index, frame.language), {} };
        for (core::Rating rating : order)
            row.counts.push_back(ratingCounts[rating][index]);
        rows.push_back(row);
    }
    drawStackedChart(frame, QRectF(content.left(), y, content.width(), content.bottom() - y),
        frame.tr("13 项指标的评级分布（地块数）", "Ratings of the 13 indices (parcels)"), series,
        rows);
}

void drawContents(const PageFrame& frame, const std::vector<ContentsEntry>& entries)
{
    QPainter& p = frame.painter;
    double y = drawHeading(frame, frame.tr("目录", "Contents"), frame.content.top());
    const QFont font = pageFont(11);
    const QFont subFont = pageFont(10);
    p.save();
    for (const ContentsEntry& entry : entries) {
        const QFont& used = entry.sub ? subFont : font;
        const QFontMetricsF metrics = frame.metrics(used);
        const double height = metrics.height() * 1.7;
        if (y + height > frame.content.bottom())
            break;
        p.setFont(used);
        p.setPen(Qt::black);
        const double left = frame.content.left() + (entry.sub ? frame.mm(8) : 0);
        const QString number = QString::number(entry.page);
        const double numberWidth = metrics.horizontalAdvance(number);
        const double titleWidth = frame.content.right() - left - numberWidth - frame.mm(12);
        const QString title = metrics.elidedText(entry.title, Qt::ElideRight, titleWidth);
        const double baseline = y + metrics.ascent();
        p.drawText(QPointF(left, baseline), title);
        p.drawText(QPointF(frame.content.right() - numberWidth, baseline), number);
        // Dot leaders between the title and its page number.
        p.setPen(QPen(QColor(0x90, 0x90, 0x90), frame.mm(0.35), Qt::DotLine));
        p.drawLine(QPointF(left + metrics.horizontalAdvance(title) + frame.mm(2), baseline),
            QPointF(frame.content.right() - numberWidth - frame.mm(2), baseline));
        y += height;
    }
    p.restore();
}

std::vector<AppendixEntry> appendixEntries(const core::Project& project, const QString& language)
{
    const auto tr = [&](const char* zh, const char* en) {
        return pick(language, QString::fromUtf8(zh), QString::fromUtf8(en));
    };
    std::vector<AppendixEntry> entries;
    const core::MethodConfig& config = project.config;
    const QString parameters = tr("方法参数", "Method parameters");
    for (const auto& [key, value] : config.parameters.values) {
        AppendixEntry entry;
        entry.group = parameters;
        entry.name = parameterName(key, language);
        entry.value = QString::number(value.value, 'g', 8);
        if (!value.unit.empty())
            entry.value += QStringLiteral(" ") + QString::fromStdString(value.unit);
        entry.value += yearText(value.year);
        entry.detail = joined(value.source, value.note);
        entry.unverified = QString::fromStdString(value.note)
                               .contains(QStringLiteral("unverified"), Qt::CaseInsensitive);
        entries.push_back(entry);
    }
    const QString controls = tr("规划控制指标", "Planning controls");
    for (const auto& [type, list] : config.formControls) {
        for (const core::FormControl& control : list) {
            QStringList limits;
            const auto add = [&](const char* name, const std::optional<double>& value) {
                if (value)
                    limits << QStringLiteral("%1 %2").arg(QString::fromLatin1(name)).arg(*value);
            };
            add("far_min", control.farMin);
            add("far_max", control.farMax);
            add("density_max", control.densityMax);
            add("green_min", control.greenMin);
            add("height_max_m", control.heightMaxM);
            entries.push_back({ controls,
                renewalTypeText(type, language) + QStringLiteral(" / ")
                    + QString::fromStdString(control.heightClass),
                limits.join(QStringLiteral(", ")), QString::fromStdString(control.source), false });
        }
    }
    const QString circles = tr("步行生活圈", "Walking life circles");
    for (const core::LifeCircle& circle : config.lifeCircles) {
        QStringList types;
        for (const std::string& type : circle.requiredTypes)
            types << facilityTypeText(type, config, language);
        entries.push_back({ circles, QString::fromStdString(circle.id),
            QStringLiteral("%1 m, %2 min").arg(circle.radiusM).arg(circle.minutes),
            QString::fromStdString(circle.source) + QStringLiteral(" — ")
                + types.join(QStringLiteral(", ")),
            false });
    }
    const QString techniques = tr("更新技术", "Renewal techniques");
    for (const core::InterventionSpec& spec : config.interventions)
        entries.push_back({ techniques,
            indexLabel(spec.index, language) + QStringLiteral(" · ")
                + QString::fromStdString(spec.technique),
            QString::fromStdString(isEnglish(language) ? spec.nameEn : spec.nameZh),
            QString::fromStdString(spec.source), false });
    return entries;
}

std::vector<std::size_t> paginateAppendix(
    const PageFrame& frame, const std::vector<AppendixEntry>& entries, double top)
{
    std::vector<std::size_t> starts = { 0 };
    double y = top;
    QString group;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        double height = entryHeight(frame, entries[i]);
        if (entries[i].group != group)
            height += groupHeight(frame);
        if (y + height > frame.content.bottom() && i > starts.back()) {
            starts.push_back(i);
            y = top + groupHeight(frame); // a new page repeats the group heading
            height = entryHeight(frame, entries[i]);
        }
        y += height;
        group = entries[i].group;
    }
    return starts;
}

double drawAppendix(const PageFrame& frame, const std::vector<AppendixEntry>& entries,
    std::size_t first, std::size_t last, double y)
{
    QPainter& p = frame.painter;
    const EntryGeometry geometry = entryGeometry(frame);
    const QFont nameFont = pageFont(8, true);
    const QFont valueFont = pageFont(8);
    const QFont detailFont = pageFont(7.5);
    const QFontMetricsF nameMetrics = frame.metrics(nameFont);
    const QString unverified = frame.tr("[未核实]", "[unverified]");
    const QRectF& content = frame.content;
    p.save();
    QString group;
    for (std::size_t i = first; i < last && i < entries.size(); ++i) {
        const AppendixEntry& entry = entries[i];
        if (entry.group != group) {
            p.setFont(pageFont(10, true));
            p.setPen(Qt::black);
            p.drawText(QPointF(content.left(), y + frame.metrics(p.font()).ascent()), entry.group);
            y += groupHeight(frame);
            group = entry.group;
        }
        // Name on the left, value on the right; both single lines cut with an ellipsis.
        const double valueWidth = content.width() * 0.38;
        const double flagWidth
            = entry.unverified ? nameMetrics.horizontalAdvance(unverified) + frame.mm(2) : 0;
        const double nameWidth = content.width() - valueWidth - flagWidth - frame.mm(2);
        p.setFont(nameFont);
        p.setPen(Qt::black);
        const double baseline = y + nameMetrics.ascent();
        const QString name = nameMetrics.elidedText(entry.name, Qt::ElideMiddle, nameWidth);
        p.drawText(QPointF(content.left(), baseline), name);
        if (entry.unverified) {
            p.setPen(kUnverified);
            p.drawText(QPointF(content.left() + nameMetrics.horizontalAdvance(name) + frame.mm(2),
                           baseline),
                unverified);
        }
        p.setFont(valueFont);
        p.setPen(Qt::black);
        const QFontMetricsF valueMetrics = frame.metrics(valueFont);
        const QString value = valueMetrics.elidedText(entry.value, Qt::ElideRight, valueWidth);
        p.drawText(
            QPointF(content.right() - valueMetrics.horizontalAdvance(value), baseline), value);
        y += geometry.nameHeight;
        if (!entry.detail.isEmpty()) {
            QTextLayout layout(entry.detail, detailFont, &frame.device);
            const double height = layoutText(layout, geometry.detailWidth);
            p.setPen(kDetail);
            layout.draw(&p, QPointF(content.left() + geometry.detailIndent, y));
            y += height;
        }
        y += frame.mm(1.8);
    }
    p.restore();
    return y;
}

} // namespace greenrenew::render
