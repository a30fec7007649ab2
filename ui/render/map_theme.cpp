#include "ui/render/map_theme.h"

#include "ui/render/map_renderer.h"
#include "ui/render/theme.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace greenrenew::render {

namespace {

// ColorBrewer 5-class sequential ramps (Brewer, colorbrewer2.org): YlOrRd where more is worse
// for carbon (density, FAR, emissions), Greens where more is better (green, walking).
constexpr std::array<QRgb, 5> kWorseRamp = {0xffffb2, 0xfecc5c, 0xfd8d3c, 0xf03b20, 0xbd0026};
constexpr std::array<QRgb, 5> kBetterRamp = {0xedf8e9, 0xbae4b3, 0x74c476, 0x31a354, 0x006d2c};

// Ratings red to pale yellow (ColorBrewer RdYlBu's warm half): serious reads as the alarm, and
// no class is green, which the map keeps for green space.
const QColor kSerious(0xd7, 0x30, 0x27);
const QColor kMedium(0xfc, 0x8d, 0x59);
const QColor kSlight(0xfe, 0xe0, 0x90);
const QColor kCompliant(0x45, 0x75, 0xb4);
const QColor kFails(0xd7, 0x30, 0x27);

struct IndexName {
    const char* id;
    const char* zh;
    const char* en;
};

// The paper's 13 indices (docs/method.md), as named in its Table 2.
constexpr IndexName kIndexNames[] = {
    {"compact_density", "紧凑布局", "Compact layout"},
    {"walk_life_circle", "步行生活圈", "Walkable life circle"},
    {"heat_island", "热岛缓解", "Heat island relief"},
    {"renewable_energy", "可再生能源", "Renewable energy"},
    {"energy_saving_buildings", "建筑节能", "Energy-saving buildings"},
    {"bicycle_use", "自行车出行", "Bicycle use"},
    {"clean_vehicles", "清洁能源交通", "Clean vehicles"},
    {"roof_wall_greening", "屋顶墙面绿化", "Roof and wall greening"},
    {"carbon_planting", "固碳植物", "Carbon-fixing planting"},
    {"park_system", "公园体系", "Park system"},
    {"water_friendly_space", "亲水空间", "Water-friendly space"},
    {"rain_grey_water", "雨水中水利用", "Rain and grey water"},
    {"domestic_garbage", "生活垃圾", "Domestic garbage"},
};

// Fixed class breaks where the figure has a planning meaning comparable across districts
// (shares and FAR); carbon totals depend on parcel size, so they take quantiles instead.
std::vector<double> fixedBreaks(ThemeMetric metric)
{
    switch (metric) {
    case ThemeMetric::BuildingDensity: return {0.2, 0.3, 0.4, 0.5};
    case ThemeMetric::Far: return {1.0, 1.5, 2.0, 3.0};
    case ThemeMetric::GreenCoverage: return {0.1, 0.2, 0.3, 0.4};
    case ThemeMetric::WalkScore: return {0.2, 0.4, 0.6, 0.8};
    // Priority: weighted ratings, 0 (all slight) to 1 (all serious); 0.5 is "medium" overall.
    case ThemeMetric::PriorityScore: return {0.2, 0.4, 0.6, 0.8};
    case ThemeMetric::TotalT:
    case ThemeMetric::TPerM2: return {};
    }
    return {};
}

bool isShare(ThemeMetric metric)
{
    return metric == ThemeMetric::BuildingDensity || metric == ThemeMetric::GreenCoverage
        || metric == ThemeMetric::WalkScore;
}

/// Significant digits of a class break: enough to tell neighbouring quantiles apart.
constexpr int kBreakDigits = 3;

/// A class break in fixed notation with the language's digit grouping ("1,840", "0.0123"),
/// never scientific; at least kBreakDigits significant digits, trailing zeros dropped.
QString formatBreak(ThemeMetric metric, double value, const QString& language)
{
    if (isShare(metric))
        return QStringLiteral("%1 %").arg(std::round(value * 100));
    const QLocale locale(isEnglish(language) ? QLocale::English : QLocale::Chinese,
                         isEnglish(language) ? QLocale::UnitedStates : QLocale::China);
    const double magnitude = std::fabs(value);
    const int decimals = magnitude > 0
        ? std::max(0, kBreakDigits - 1 - static_cast<int>(std::floor(std::log10(magnitude))))
        : 0;
    QString text = locale.toString(value, 'f', decimals);
    if (decimals > 0) {
        const QString point = locale.decimalPoint();
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

} // namespace

QString indexLabel(const std::string& indexId, const QString& language)
{
    for (const IndexName& name : kIndexNames) {
        if (indexId == name.id)
            return pick(language, QString::fromUtf8(name.zh), QString::fromUtf8(name.en));
    }
    return QString::fromStdString(indexId);
}

QString ratingLabel(core::Rating rating, const QString& language)
{
    switch (rating) {
    case core::Rating::Serious: return pick(language, QStringLiteral("严重"),
                                            QStringLiteral("Serious"));
    case core::Rating::Medium: return pick(language, QStringLiteral("中等"),
                                           QStringLiteral("Medium"));
    case core::Rating::Slight: return pick(language, QStringLiteral("轻微"),
                                           QStringLiteral("Slight"));
    case core::Rating::NotAssessed: break;
    }
    return pick(language, QStringLiteral("未评估"), QStringLiteral("Not assessed"));
}

QString metricLabel(ThemeMetric metric, const QString& language)
{
    switch (metric) {
    case ThemeMetric::BuildingDensity:
        return pick(language, QStringLiteral("建筑密度"), QStringLiteral("Building density"));
    case ThemeMetric::Far:
        return pick(language, QStringLiteral("容积率"), QStringLiteral("Floor area ratio"));
    case ThemeMetric::GreenCoverage:
        return pick(language, QStringLiteral("绿地率"), QStringLiteral("Green coverage"));
    case ThemeMetric::WalkScore:
        return pick(language, QStringLiteral("步行可达得分"), QStringLiteral("Walk score"));
    case ThemeMetric::TotalT:
        return pick(language, QStringLiteral("碳排放 tCO₂e/年"), QStringLiteral("tCO₂e per year"));
    case ThemeMetric::TPerM2:
        return pick(language, QStringLiteral("碳排放强度 tCO₂e/m²·年"),
                    QStringLiteral("tCO₂e per m² and year"));
    case ThemeMetric::PriorityScore:
        return pick(language, QStringLiteral("更新优先得分"),
                    QStringLiteral("Renewal priority score"));
    }
    return {};
}

std::optional<double> metricValue(ThemeMetric metric, const core::ParcelResult& result)
{
    switch (metric) {
    case ThemeMetric::BuildingDensity: return result.form.buildingDensity;
    case ThemeMetric::Far: return result.form.far;
    case ThemeMetric::GreenCoverage: return result.form.greenCoverage;
    case ThemeMetric::WalkScore: return result.walk.walkScore;
    case ThemeMetric::TotalT: return result.carbon.ledger.totalT();
    case ThemeMetric::TPerM2:
        if (result.form.areaM2 <= 0)
            return std::nullopt;
        return result.carbon.ledger.totalT() / result.form.areaM2;
    case ThemeMetric::PriorityScore: return result.priorityScore;
    }
    return std::nullopt;
}

ThemeClassifier::ThemeClassifier(const MapTheme& theme, const core::Analysis& analysis,
                                 const QString& language)
    : m_theme(theme), m_analysis(analysis), m_language(language)
{
    switch (theme.kind) {
    case ThemeKind::LeadingCategory: buildCategories(); break;
    case ThemeKind::IndexRating: buildRatings(); break;
    case ThemeKind::Metric: buildMetric(); break;
    case ThemeKind::Compliance: buildCompliance(); break;
    }
    m_classes.push_back({notAnalysedColor(),
                         theme.kind == ThemeKind::IndexRating
                             ? ratingLabel(core::Rating::NotAssessed, language)
                             : pick(language, QStringLiteral("未分析"),
                                    QStringLiteral("No value"))});
}

void ThemeClassifier::buildCategories()
{
    m_title = pick(m_language, QStringLiteral("主导碳源"), QStringLiteral("Leading carbon source"));
    for (core::Category category : kAllCategories)
        m_classes.push_back({categoryColor(category), categoryLabel(category, m_language)});
    // Parcels with nothing to book get their own class, never the sink colour.
    m_classes.push_back({categoryColor(core::Category::None),
                         categoryLabel(core::Category::None, m_language)});
}

void ThemeClassifier::buildRatings()
{
    m_title = indexLabel(m_theme.index, m_language)
        + pick(m_language, QStringLiteral(" 评级"), QStringLiteral(" rating"));
    for (const auto& [rating, color] :
         {std::pair{core::Rating::Serious, kSerious}, {core::Rating::Medium, kMedium},
          {core::Rating::Slight, kSlight}})
        m_classes.push_back({color, ratingLabel(rating, m_language)});
}

void ThemeClassifier::buildMetric()
{
    m_title = metricLabel(m_theme.metric, m_language);
    m_breaks = fixedBreaks(m_theme.metric);
    if (m_breaks.empty()) {
        std::vector<double> values;
        for (const core::ParcelResult& result : m_analysis.parcels) {
            if (const auto value = metricValue(m_theme.metric, result))
                values.push_back(*value);
        }
        std::sort(values.begin(), values.end());
        // Quintiles: the break of class k is the value at k/5 of the sorted list; equal
        // neighbours are merged so no class is empty by construction.
        for (std::size_t k = 1; k < kWorseRamp.size() && !values.empty(); ++k) {
            const double value = values[values.size() * k / kWorseRamp.size()];
            if (m_breaks.empty() || value > m_breaks.back())
                m_breaks.push_back(value);
        }
        if (!values.empty() && !m_breaks.empty() && m_breaks.front() <= values.front())
            m_breaks.erase(m_breaks.begin());
    }
    const bool better = m_theme.metric == ThemeMetric::GreenCoverage
        || m_theme.metric == ThemeMetric::WalkScore;
    const auto& ramp = better ? kBetterRamp : kWorseRamp;
    const std::size_t count = m_breaks.size() + 1;
    for (std::size_t i = 0; i < count; ++i) {
        // Spread fewer classes over the whole ramp so the ends keep their meaning.
        const std::size_t shade = count == 1 ? 2 : i * (ramp.size() - 1) / (count - 1);
        QString label;
        if (count == 1)
            label = pick(m_language, QStringLiteral("全部"), QStringLiteral("All"));
        else if (i == 0)
            label = QStringLiteral("< %1").arg(
                formatBreak(m_theme.metric, m_breaks[0], m_language));
        else if (i + 1 == count)
            label = QStringLiteral("≥ %1").arg(
                formatBreak(m_theme.metric, m_breaks[i - 1], m_language));
        else
            label = QStringLiteral("%1 – %2").arg(
                formatBreak(m_theme.metric, m_breaks[i - 1], m_language),
                formatBreak(m_theme.metric, m_breaks[i], m_language));
        m_classes.push_back({QColor(ramp[shade]), label});
    }
}

void ThemeClassifier::buildCompliance()
{
    m_title = pick(m_language, QStringLiteral("形态控制符合性"),
                   QStringLiteral("Form control compliance"));
    m_classes.push_back({kCompliant, pick(m_language, QStringLiteral("全部符合"),
                                          QStringLiteral("Meets every limit"))});
    m_classes.push_back({kFails, pick(m_language, QStringLiteral("有不符合项"),
                                      QStringLiteral("Fails a limit"))});
}

std::size_t ThemeClassifier::classOf(std::size_t parcelIndex) const
{
    const std::size_t none = m_classes.size() - 1;
    if (parcelIndex >= m_analysis.parcels.size())
        return none;
    const core::ParcelResult& result = m_analysis.parcels[parcelIndex];
    switch (m_theme.kind) {
    case ThemeKind::LeadingCategory:
        for (std::size_t i = 0; i < kAllCategories.size(); ++i) {
            if (kAllCategories[i] == result.carbon.leading)
                return i;
        }
        return result.carbon.leading == core::Category::None ? kAllCategories.size() : none;
    case ThemeKind::IndexRating:
        for (const core::IndexRating& rating : result.carbon.ratings) {
            if (rating.index != m_theme.index)
                continue;
            switch (rating.rating) {
            case core::Rating::Serious: return 0;
            case core::Rating::Medium: return 1;
            case core::Rating::Slight: return 2;
            case core::Rating::NotAssessed: return none;
            }
        }
        return none;
    case ThemeKind::Metric: {
        const auto value = metricValue(m_theme.metric, result);
        if (!value || !std::isfinite(*value))
            return none;
        return static_cast<std::size_t>(
            std::upper_bound(m_breaks.begin(), m_breaks.end(), *value) - m_breaks.begin());
    }
    case ThemeKind::Compliance:
        if (result.form.compliance.empty())
            return none;
        return std::all_of(result.form.compliance.begin(), result.form.compliance.end(),
                           [](const core::ComplianceCheck& check) { return check.ok; })
            ? 0
            : 1;
    }
    return none;
}

} // namespace greenrenew::render
