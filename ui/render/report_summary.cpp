#include "ui/render/report_summary.h"

#include "core/walk_access.h"
#include "ui/render/theme.h"

namespace greenrenew::render {

namespace {

void addLedger(core::CarbonLedger& sum, const core::CarbonLedger& add)
{
    sum.constructionT += add.constructionT;
    sum.transportT += add.transportT;
    sum.greeningT += add.greeningT;
    sum.wasteT += add.wasteT;
}

/// Turns the accumulated footprint, floor and green areas into shares of the summed area.
void finishShares(TypeSummary& summary, double footprintM2, double floorM2, double greenM2)
{
    if (summary.areaM2 <= 0)
        return;
    summary.buildingDensity = footprintM2 / summary.areaM2;
    summary.far = floorM2 / summary.areaM2;
    summary.greenCoverage = greenM2 / summary.areaM2;
}

} // namespace

std::vector<TypeSummary> summarizeByType(
    const core::Project& project, const core::Analysis& analysis)
{
    std::vector<TypeSummary> summaries;
    for (core::RenewalType type : core::kAllRenewalTypes) {
        TypeSummary summary;
        summary.type = type;
        double footprintM2 = 0;
        double floorM2 = 0;
        double greenM2 = 0;
        const std::size_t count = std::min(project.parcels.size(), analysis.parcels.size());
        for (std::size_t i = 0; i < count; ++i) {
            if (project.parcels[i].type != type)
                continue;
            const core::ParcelResult& result = analysis.parcels[i];
            ++summary.parcelCount;
            summary.areaM2 += result.form.areaM2;
            footprintM2 += result.form.buildingDensity * result.form.areaM2;
            floorM2 += result.form.far * result.form.areaM2;
            greenM2 += result.form.greenCoverage * result.form.areaM2;
            addLedger(summary.ledger, result.carbon.ledger);
        }
        finishShares(summary, footprintM2, floorM2, greenM2);
        summaries.push_back(summary);
    }
    return summaries;
}

TypeSummary summarizeAll(const std::vector<TypeSummary>& byType)
{
    TypeSummary all;
    double footprintM2 = 0;
    double floorM2 = 0;
    double greenM2 = 0;
    for (const TypeSummary& summary : byType) {
        all.parcelCount += summary.parcelCount;
        all.areaM2 += summary.areaM2;
        footprintM2 += summary.buildingDensity * summary.areaM2;
        floorM2 += summary.far * summary.areaM2;
        greenM2 += summary.greenCoverage * summary.areaM2;
        addLedger(all.ledger, summary.ledger);
    }
    finishShares(all, footprintM2, floorM2, greenM2);
    return all;
}

double ledgerAmount(const core::CarbonLedger& ledger, core::Category category)
{
    switch (category) {
    case core::Category::Construction:
        return ledger.constructionT;
    case core::Category::Transport:
        return ledger.transportT;
    case core::Category::Greening:
        return ledger.greeningT;
    case core::Category::Waste:
        return ledger.wasteT;
    case core::Category::None:
        return 0;
    }
    return 0;
}

std::vector<std::string> circleIds(const core::Project& project)
{
    std::vector<std::string> ids;
    for (const core::LifeCircle& circle : project.config.lifeCircles)
        ids.push_back(circle.id);
    if (ids.empty())
        ids = { "5min", "10min", "15min" };
    return ids;
}

int gapCount(const core::WalkAccess& walk, const std::string& circle)
{
    const auto found = walk.gaps.find(circle);
    return found == walk.gaps.end() ? 0 : static_cast<int>(found->second.size());
}

QString walkMethodStatement(const core::Project& project, const QString& language)
{
    const core::ParameterSet& parameters = project.config.parameters;
    // A method without walk parameters (a report of figures only) measured no walk.
    for (const char* key : { "walk.circle_mode", "walk.speed_m_per_min", "walk.steps_time_factor",
             "walk.snap_tolerance_m", "walk.access_snap_m" })
        if (!parameters.contains(key))
            return {};
    const core::WalkMethodNote note = core::describeWalkMethod(project);
    const QString circles = QString::fromStdString(note.circles);
    const QString speed = QString::number(parameters.value("walk.speed_m_per_min"), 'g', 6);
    const QString steps = QString::number(parameters.value("walk.steps_time_factor"), 'g', 6);
    const QString dem = QString::fromStdString(note.dem);
    const bool minutes = note.circleMode == "time";
    if (isEnglish(language)) {
        QString text = minutes
            ? QStringLiteral("Walking circles read in minutes at a walking speed of %1 m/min "
                             "(walk.circle_mode = 1): %2. ")
                  .arg(speed, circles)
            : QStringLiteral("Walking circles read as the standard's radii in metres "
                             "(GB 50180-2018, the default; walking speed %1 m/min): %2. ")
                  .arg(speed, circles);
        text += QStringLiteral("A metre of steps counts %1 m (walk.steps_time_factor). ")
                    .arg(steps);
        text += note.slopeFromDem
            ? QStringLiteral("DEM used: %1; slope counted by Tobler's hiking function (1993).")
                  .arg(dem)
            : QStringLiteral("DEM used: no; slope not counted.");
        return text;
    }
    QString text = minutes
        ? QStringLiteral("生活圈按步行时间（分钟）计，步速 %1 米/分钟（walk.circle_mode = 1）：%2。")
              .arg(speed, circles)
        : QStringLiteral("生活圈按标准半径（米）计（GB 50180-2018，默认；步速 %1 米/分钟）：%2。")
              .arg(speed, circles);
    text += QStringLiteral("台阶每米按 %1 米计（walk.steps_time_factor）。").arg(steps);
    text += note.slopeFromDem
        ? QStringLiteral("使用 DEM：是，%1；坡度按 Tobler 徒步函数（1993）计。").arg(dem)
        : QStringLiteral("使用 DEM：否，未计坡度。");
    return text;
}

} // namespace greenrenew::render
