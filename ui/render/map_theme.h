#pragma once

// Thematic maps of the parcels: which figure colours them (the leading carbon-source
// category, one index's rating, a graduated metric, compliance with the form controls), the
// classes with their colours and labels, and the class of each parcel. The map and the
// desktop's legend both read the classes from here, so they always agree.

#include "core/analysis.h"

#include <QColor>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace greenrenew::render {

enum class ThemeKind { LeadingCategory, IndexRating, Metric, Compliance };

enum class ThemeMetric {
    BuildingDensity, Far, GreenCoverage, WalkScore, TotalT, TPerM2, PriorityScore
};

inline constexpr ThemeMetric kAllThemeMetrics[] = {ThemeMetric::BuildingDensity,
    ThemeMetric::Far, ThemeMetric::GreenCoverage, ThemeMetric::WalkScore, ThemeMetric::TotalT,
    ThemeMetric::TPerM2, ThemeMetric::PriorityScore};

struct MapTheme {
    ThemeKind kind = ThemeKind::LeadingCategory;
    /// IndexRating: one of core::indexIds().
    std::string index;
    /// Metric: the figure graduated.
    ThemeMetric metric = ThemeMetric::BuildingDensity;

    bool operator==(const MapTheme&) const = default;
};

struct ThemeClass {
    QColor color;
    QString label;
};

/// Index name on screen (紧凑布局 / Compact layout, ...); the id itself when unknown.
QString indexLabel(const std::string& indexId, const QString& language);
/// Rating name on screen (严重 / Serious, ...).
QString ratingLabel(core::Rating rating, const QString& language);
/// Metric name with its unit on screen.
QString metricLabel(ThemeMetric metric, const QString& language);
/// The metric's value for one parcel; nullopt where it is undefined (no area for t/m²).
std::optional<double> metricValue(ThemeMetric metric, const core::ParcelResult& result);

/// The classes of one theme over one analysis, and each parcel's class.
class ThemeClassifier {
public:
    ThemeClassifier(const MapTheme& theme, const core::Analysis& analysis,
                    const QString& language);

    /// Title of the legend for this theme.
    const QString& title() const { return m_title; }
    /// The classes in legend order; the last is "not analysed / no value".
    const std::vector<ThemeClass>& classes() const { return m_classes; }
    /// Class of parcel PARCELINDEX (project order); the last class when it has no result.
    std::size_t classOf(std::size_t parcelIndex) const;
    QColor colorOf(std::size_t parcelIndex) const { return m_classes[classOf(parcelIndex)].color; }
    /// Lower bounds of classes 1..n-2 of a graduated metric (class 0 lies below the first);
    /// empty for the other kinds.
    const std::vector<double>& breaks() const { return m_breaks; }

private:
    void buildCategories();
    void buildRatings();
    void buildMetric();
    void buildCompliance();

    MapTheme m_theme;
    const core::Analysis& m_analysis;
    QString m_language;
    QString m_title;
    std::vector<ThemeClass> m_classes;
    std::vector<double> m_breaks;
};

} // namespace greenrenew::render
