#include "ui/render/report_priorities.h"

#include "core/scenario.h"
#include "ui/render/map_renderer.h"
#include "ui/render/report_page.h"
#include "ui/render/report_table.h"
#include "ui/render/theme.h"

#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <numeric>
#include <set>

namespace greenrenew::render {

namespace {

QString fixed(double value, int decimals) { return QString::number(value, 'f', decimals); }

QString parcelLabel(const PageFrame& frame, const core::Parcel& parcel)
{
    QString label = frame.tr("地块 ", "Parcel ") + QString::number(parcel.id);
    if (!parcel.name.empty())
        label += QStringLiteral(" ") + QString::fromStdString(parcel.name);
    return label;
}

/// How resources/method/priorities.json's shipped category weights name their source: the
/// Chinese report says it in Chinese; any other source (a project's own AHP) is data, shown as
/// written.
constexpr char kShippedWeightsSource[] = "GreenRenew default:";

QString weightsSource(const PageFrame& frame, const std::string& source)
{
    if (isEnglish(frame.language) || !source.starts_with(kShippedWeightsSource))
        return QString::fromStdString(source);
    return QStringLiteral("GreenRenew 默认值：各判断均为 1 的等重要性判断矩阵的层次分析法"
                          "（CR 为 0），因微更新论文以专家问卷对指标排序而未公布权重；"
                          "见 docs/priorities.md“Default weights”一节");
}

/// Category weights of the ranking, with the source of the weights under the table.
double weightsTable(const PageFrame& frame, const core::ParameterSet& parameters, double y)
{
    const PageTable table(frame.content.left(), frame.content.width() * 0.5,
        { { frame.tr("碳源类别", "Carbon-source category"), 2.0 },
            { frame.tr("权重", "Weight"), 1.0, Qt::AlignRight } },
        pageFont(9), &frame.device);
    y = table.drawHeader(frame.painter, y);
    bool shaded = false;
    std::string source;
    for (core::Category category : kAllCategories) {
        const core::SourcedValue& weight = parameters.at(
            std::string("priority.weight.category.") + core::categoryName(category));
        if (source.empty())
            source = weight.source;
        y = table.drawRow(frame.painter, y,
            { { categoryLabel(category, frame.language), categoryColor(category) },
                { fixed(weight.value, 3) } },
            shaded);
        shaded = !shaded;
    }
    const QString from = frame.tr("权重来源：", "Weights from: ") + weightsSource(frame, source);
    return drawParagraph(frame, from, y + frame.mm(1.5), pageFont(8.5));
}

/// The suggestion in words, with each term of the demonstration value.
QString demonstrationText(const PageFrame& frame, const core::Project& project,
    const core::DemonstrationSuggestion& demo)
{
    if (!demo.found)
        return frame.tr("未提出示范：没有地块的优先级得分或可实现减排量大于 0。",
            "No demonstration suggested: no parcel has a priority score or an achievable "
            "reduction above 0.");
    const core::DemonstrationRule rule
        = core::DemonstrationRule::fromParameters(project.config.parameters);
    QStringList cluster;
    for (core::FeatureId id : demo.clusterParcelIds)
        cluster << QString::number(id);
    const QString joiner = frame.tr("、", ", ");
    const QString value = QStringLiteral("%1 = %2 × %3/%4 + %5 × %6/%7 + %8 × %9/%10")
                              .arg(fixed(demo.seedValue, 3), fixed(rule.weightPriority, 2),
                                  fixed(demo.seedScore, 3), fixed(demo.topScore, 3),
                                  fixed(rule.weightReduction, 2), fixed(demo.seedReductionT, 1),
                                  fixed(demo.topReductionT, 1), fixed(rule.weightNeighbours, 2),
                                  fixed(demo.seedNeighbourScore, 3))
                              .arg(fixed(demo.topNeighbourScore, 3));
    return frame
        .tr("建议示范点：地块 %1，示范值最高 %2（优先级得分、可实现减排量（吨/年）与相邻地块"
            "优先级得分，各除以全片区最大值后加权）。%3 m 内相邻地块 %4 个，其中 %5 个得分不低于"
            "示范点的 %6%，与其组成示范片区（地块 %7），合计可减排 %8 吨二氧化碳当量/年。",
            "Suggested demonstration: parcel %1, with the highest demonstration value %2 "
            "(priority score, achievable reduction in t/yr and the neighbours' priority score, "
            "each over the district's largest, weighted). Of its %4 neighbours within %3 m, %5 "
            "score at least %6% of it and form the demonstration cluster with it (parcels %7), "
            "which can save %8 tCO2e per year.")
        .arg(QString::number(demo.seedParcelId), value, fixed(rule.neighbourGapM, 0),
            QString::number(demo.neighbourCount), QString::number(demo.joinedCount),
            fixed(rule.clusterMinShare * 100.0, 0), cluster.join(joiner),
            fixed(demo.clusterReductionT, 1));
}

/// The parcels ranked first, as many as fit between Y and the page's foot.
void rankingTable(const PageFrame& frame, const core::Project& project,
    const core::Analysis& analysis, double y)
{
    const std::size_t n = std::min(project.parcels.size(), analysis.parcels.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t { 0 });
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return analysis.parcels[a].priorityRank < analysis.parcels[b].priorityRank;
    });
    const std::set<core::FeatureId> cluster(analysis.demonstration.clusterParcelIds.begin(),
        analysis.demonstration.clusterParcelIds.end());

    const Qt::Alignment right = Qt::AlignRight;
    const PageTable table(frame.content.left(), frame.content.width(),
        { { frame.tr("排名", "Rank"), 0.6, right }, { frame.tr("地块", "Parcel"), 2.4 },
            { frame.tr("更新类型", "Renewal type"), 1.6 },
            { frame.tr("优先级得分", "Priority score"), 1.0, right },
            { frame.tr("可实现减排（吨/年）", "Achievable (t/yr)"), 1.3, right },
            { frame.tr("示范片区", "Demonstration"), 1.0 } },
        pageFont(8.5), &frame.device);
    const double room = frame.content.bottom() - y - table.headerHeight();
    const auto fit = static_cast<std::size_t>(std::max(0.0, room / table.rowHeight()));
    const std::size_t rows = std::min(fit, n);
    y = table.drawHeader(frame.painter, y);
    for (std::size_t row = 0; row < rows; ++row) {
        const std::size_t i = order[row];
        const core::Parcel& parcel = project.parcels[i];
        const core::ParcelResult& result = analysis.parcels[i];
        const bool inCluster = cluster.count(parcel.id) != 0;
        y = table.drawRow(frame.painter, y,
            { { QString::number(result.priorityRank) }, { parcelLabel(frame, parcel) },
                { renewalTypeLabel(parcel.type, frame.language) },
                { fixed(result.priorityScore, 3) },
                { fixed(core::achievableReductionT(result.carbon), 1) },
                { inCluster ? frame.tr("是", "yes") : QString() } },
            row % 2 == 1);
    }
}

} // namespace

QString prioritySectionTitle(const QString& language)
{
    return pick(language, QStringLiteral("更新优先级与示范"),
        QStringLiteral("Renewal priorities and demonstration"));
}

bool priorityPageAvailable(const core::Project& project)
{
    const core::ParameterSet& parameters = project.config.parameters;
    for (core::Category category : kAllCategories)
        if (!parameters.contains(
                std::string("priority.weight.category.") + core::categoryName(category)))
            return false;
    for (const char* key : { "priority.demo.weight_priority", "priority.demo.weight_reduction",
             "priority.demo.weight_neighbours", "priority.demo.neighbour_gap_m",
             "priority.demo.cluster_min_score_share" })
        if (!parameters.contains(key))
            return false;
    return true;
}

void drawPriorityPage(
    const PageFrame& frame, const core::Project& project, const core::Analysis& analysis)
{
    double y = drawHeading(frame, prioritySectionTitle(frame.language), frame.content.top());
    y = weightsTable(frame, project.config.parameters, y);
    y = drawParagraph(
        frame, demonstrationText(frame, project, analysis.demonstration), y, pageFont(9.5));
    y = drawParagraph(frame,
        frame.tr("优先级得分为各指标评级分值按权重加权之和（0 为全部轻微，1 为全部严重）；"
                 "得分相同时可实现减排量大者在前。",
            "The priority score weighs each index's rating score (0: all slight, 1: all "
            "serious); on equal scores the larger achievable reduction ranks first."),
        y, pageFont(8.5));
    rankingTable(frame, project, analysis, y);
}

} // namespace greenrenew::render
