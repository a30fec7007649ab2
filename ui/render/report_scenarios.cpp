#include "ui/render/report_scenarios.h"

#include "ui/render/map_renderer.h"
#include "ui/render/report_charts.h"
#include "ui/render/report_page.h"
#include "ui/render/report_table.h"
#include "ui/render/theme.h"

#include <QPainter>
#include <QStringList>

#include <algorithm>

namespace greenrenew::render {

namespace {

const QColor kPlanned(0x7F, 0xB0, 0x6E);

QString tonnes(double value) { return QString::number(value, 'f', 1); }

QString partyLabel(core::Party party, const QString& language)
{
    switch (party) {
    case core::Party::Government:
        return pick(language, QStringLiteral("政府"), QStringLiteral("government"));
    case core::Party::Enterprise:
        return pick(language, QStringLiteral("企业"), QStringLiteral("enterprise"));
    case core::Party::Residents:
        return pick(language, QStringLiteral("居民"), QStringLiteral("residents"));
    case core::Party::Shared:
        return pick(language, QStringLiteral("共担"), QStringLiteral("shared"));
    }
    return {};
}

/// "government 2, residents 1": who carries the phase's measures.
QString partyCounts(const core::PhaseRow& phase, const QString& language)
{
    QStringList parts;
    for (const auto& [party, count] : phase.byParty)
        parts << QStringLiteral("%1 %2").arg(partyLabel(party, language)).arg(count);
    return parts.join(pick(language, QStringLiteral("，"), QStringLiteral(", ")));
}

QString yearSpan(const core::PhaseRow& phase)
{
    if (phase.firstYear == 0)
        return QStringLiteral("–");
    if (phase.firstYear == phase.lastYear)
        return QString::number(phase.firstYear);
    return QStringLiteral("%1–%2").arg(phase.firstYear).arg(phase.lastYear);
}

/// A line of small text (a table's caption); returns the y below it.
double caption(const PageFrame& frame, const QString& text, double y)
{
    QPainter& p = frame.painter;
    p.save();
    p.setFont(pageFont(9.5, true));
    p.setPen(Qt::black);
    const double height = frame.metrics(p.font()).height();
    p.drawText(QRectF(frame.content.left(), y, frame.content.width(), height),
        Qt::AlignLeft | Qt::TextSingleLine, text);
    p.restore();
    return y + height + frame.mm(1.5);
}

double ledgerTable(const PageFrame& frame, const core::ScenarioEvaluation& evaluation, double y)
{
    y = caption(frame,
        frame.tr("碳账对比（吨二氧化碳当量/年，负值为碳汇）",
            "Ledger before and after (tCO2e per year; negative values are sinks)"),
        y);
    const Qt::Alignment right = Qt::AlignRight;
    const PageTable table(frame.content.left(), frame.content.width(),
        { { frame.tr("类别", "Category"), 2.2 }, { frame.tr("现状", "Before"), 1.2, right },
            { frame.tr("实施后", "After"), 1.2, right },
            { frame.tr("减排量", "Reduction"), 1.2, right } },
        pageFont(9), &frame.device);
    y = table.drawHeader(frame.painter, y);
    bool shaded = false;
    for (core::Category category : kAllCategories) {
        const double before = evaluation.baseline.categoryT(category);
        const double after = evaluation.after.categoryT(category);
        y = table.drawRow(frame.painter, y,
            { { categoryLabel(category, frame.language), categoryColor(category) },
                { tonnes(before) }, { tonnes(after) }, { tonnes(before - after) } },
            shaded);
        shaded = !shaded;
    }
    const double before = evaluation.baseline.totalT();
    const double after = evaluation.after.totalT();
    return table.drawRow(frame.painter, y,
        { { frame.tr("净排放", "Net") }, { tonnes(before) }, { tonnes(after) },
            { tonnes(before - after) } },
        false, true);
}

/// Ratings, controls failed and facility gaps of the touched parcels before and after
/// (core/scenario_outcome.h).
double outcomeTable(const PageFrame& frame, const core::ScenarioEvaluation& evaluation, double y)
{
    y = caption(frame,
        frame.tr("涉及地块的指标评级、规划控制与设施缺口（项数）",
            "Ratings, planning controls and facility gaps of the parcels touched (counts)"),
        y);
    const core::ScenarioOutcome& o = evaluation.outcome;
    struct Row {
        QString label;
        std::size_t before;
        std::size_t after;
    };
    const Row rows[] = {
        { frame.tr("严重指标", "Indices serious"), o.ratingsBefore.serious,
            o.ratingsAfter.serious },
        { frame.tr("中等指标", "Indices medium"), o.ratingsBefore.medium,
            o.ratingsAfter.medium },
        { frame.tr("轻微指标", "Indices slight"), o.ratingsBefore.slight,
            o.ratingsAfter.slight },
        { frame.tr("未评估指标", "Indices not assessed"), o.ratingsBefore.notAssessed,
            o.ratingsAfter.notAssessed },
        { frame.tr("未达标的规划控制", "Planning controls failed"),
            o.complianceFailedBefore, o.complianceFailedAfter },
        { frame.tr("生活圈设施缺口", "Facility gaps (circle, type)"), o.gapsBefore,
            o.gapsAfter },
    };
    const Qt::Alignment right = Qt::AlignRight;
    const PageTable table(frame.content.left(), frame.content.width(),
        { { frame.tr("项目", "Item"), 3.4 }, { frame.tr("现状", "Before"), 1.2, right },
            { frame.tr("实施后", "After"), 1.2, right } },
        pageFont(9), &frame.device);
    y = table.drawHeader(frame.painter, y);
    bool shaded = false;
    for (const Row& row : rows) {
        y = table.drawRow(frame.painter, y,
            { { row.label }, { QString::number(row.before) }, { QString::number(row.after) } },
            shaded);
        shaded = !shaded;
    }
    return y;
}

double phaseTable(const PageFrame& frame, const core::ScenarioEvaluation& evaluation, double y)
{
    y = caption(frame,
        frame.tr("分期实施（减排量：吨二氧化碳当量/年）", "Phasing (reduction in tCO2e per year)"),
        y);
    const Qt::Alignment right = Qt::AlignRight;
    const PageTable table(frame.content.left(), frame.content.width(),
        { { frame.tr("阶段", "Phase"), 1.7 }, { frame.tr("年份", "Years"), 1.0 },
            { frame.tr("措施数", "Measures"), 0.9, right },
            { frame.tr("承担方", "Parties"), 3.6 },
            { frame.tr("减排量", "Reduction"), 1.1, right } },
        pageFont(9), &frame.device);
    y = table.drawHeader(frame.painter, y);
    bool shaded = false;
    for (const core::PhaseRow& phase : evaluation.phases) {
        y = table.drawRow(frame.painter, y,
            { { QString::fromStdString(phase.phase) }, { yearSpan(phase) },
                { QString::number(phase.count) }, { partyCounts(phase, frame.language) },
                { tonnes(phase.reductionT) } },
            shaded);
        shaded = !shaded;
    }
    return y;
}

/// The measures that could not be booked, so a reader sees why the figures are lower.
double issuesParagraph(const PageFrame& frame, const core::ScenarioEvaluation& evaluation,
    double y)
{
    if (evaluation.issues.empty())
        return y;
    QStringList lines;
    for (const core::PlanIssue& issue : evaluation.issues)
        lines << QStringLiteral("#%1: %2").arg(issue.item + 1).arg(
            QString::fromStdString(issue.message));
    const QString lead = frame.tr("未能计入的措施（%1 项）：", "Measures not booked (%1): ")
                             .arg(evaluation.issues.size());
    return drawParagraph(frame, lead + lines.join(QStringLiteral("; ")), y, pageFont(8.5));
}

/// The path's years, or when they would not fit at a readable row height only the years in
/// which the path changes (and the last): between them the cumulative figures stay the same.
std::vector<core::YearStep> pathRows(const std::vector<core::YearStep>& path, std::size_t fit)
{
    if (path.size() <= fit)
        return path;
    std::vector<core::YearStep> rows;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const bool changes = i == 0 || path[i].plannedT != path[i - 1].plannedT
            || path[i].doneT != path[i - 1].doneT;
        if (changes || i + 1 == path.size())
            rows.push_back(path[i]);
    }
    return rows;
}

void pathChart(const PageFrame& frame, const core::ScenarioEvaluation& evaluation, double y)
{
    QString title = frame.tr("逐年累计减排路径：计划（条形）与已完成（吨二氧化碳当量/年）",
        "Yearly reduction path, cumulative: planned (bars) and done (tCO2e per year)");
    if (evaluation.path.empty()) {
        y = caption(frame, title, y);
        drawParagraph(frame, frame.tr("没有排定年份的措施。", "No measure has a year."), y,
            pageFont(9));
        return;
    }
    const double titleSpace = frame.mm(8);
    const double readableRow = frame.mm(4.5);
    const auto fit = static_cast<std::size_t>(
        std::max(1.0, (frame.content.bottom() - y - titleSpace) / readableRow));
    const std::vector<core::YearStep> steps = pathRows(evaluation.path, fit);
    if (steps.size() < evaluation.path.size())
        title += frame.tr("，仅列出变化年份", ", years with a change only");
    std::vector<ChartBar> bars;
    for (const core::YearStep& step : steps) {
        ChartBar bar;
        // The label column is wider than the value column: the done figure goes there.
        bar.label = frame.tr("%1（已完成 %2）", "%1 (done %2)")
                        .arg(QString::number(step.year), tonnes(step.doneT));
        bar.value = step.plannedT;
        bar.color = kPlanned;
        bar.valueText = tonnes(step.plannedT);
        bars.push_back(bar);
    }
    const double height = std::min(frame.content.bottom() - y,
        titleSpace + frame.mm(7) * static_cast<double>(bars.size()));
    drawBarChart(frame, QRectF(frame.content.left(), y, frame.content.width(), height), title,
        bars);
}

} // namespace

QString scenarioSectionTitle(const QString& language)
{
    return pick(language, QStringLiteral("情景比较与实施计划"),
        QStringLiteral("Scenarios and implementation plan"));
}

void drawScenarioPage(const PageFrame& frame, const core::ScenarioEvaluation& evaluation,
    bool first)
{
    double y = frame.content.top();
    if (first)
        y = drawHeading(frame, scenarioSectionTitle(frame.language), y);
    y = drawHeading(frame,
        frame.tr("情景：", "Scenario: ") + QString::fromStdString(evaluation.name), y);
    y = drawParagraph(frame,
        frame.tr("涉及地块：%1；改善指标：%2。作用于同一碳账数额的措施以该数额为共同上限。",
            "Parcels touched: %1; indices improved: %2. Measures acting on the same ledger "
            "amount share it as their cap.")
            .arg(evaluation.parcels.size())
            .arg(evaluation.indicesImproving),
        y, pageFont(9));
    y = ledgerTable(frame, evaluation, y + frame.mm(2));
    y = outcomeTable(frame, evaluation, y + frame.mm(6));
    y = phaseTable(frame, evaluation, y + frame.mm(6));
    y = issuesParagraph(frame, evaluation, y + frame.mm(2));
    pathChart(frame, evaluation, y + frame.mm(6));
}

} // namespace greenrenew::render
