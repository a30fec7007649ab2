// The graduated legend's class breaks read as planners write figures: fixed notation with the
// digit grouping of the map's language, never scientific notation (issue 10: the sample's
// tCO2e-per-year legend read "678 – 1.84e+03").

#include "ui/render/map_theme.h"

#include "render_fixture.h"

#include <gtest/gtest.h>

namespace greenrenew::render {
namespace {

/// Five parcels whose ledgers total TOTALS (tCO2e per year), each 10,000 m² large.
core::Analysis ledgers(const std::vector<double>& totals)
{
    core::Analysis analysis;
    for (double total : totals)
        analysis.parcels.push_back(
            test::result(core::Category::Construction, 10000, 0.3, 1.0, 0.2, total));
    return analysis;
}

std::vector<QString> labels(const ThemeClassifier& classifier)
{
    std::vector<QString> texts;
    for (const ThemeClass& themeClass : classifier.classes())
        texts.push_back(themeClass.label);
    return texts;
}

MapTheme metricTheme(ThemeMetric metric)
{
    MapTheme theme;
    theme.kind = ThemeKind::Metric;
    theme.metric = metric;
    return theme;
}

TEST(MapThemeBreaksTest, TotalsInFixedNotationWithGrouping)
{
    // Quintile breaks of five values are the 2nd to 5th values: 678, 1840, 25000, 123456.
    const core::Analysis analysis = ledgers({ 100, 678, 1840, 25000, 123456 });
    for (const char* language : { "en", "zh" }) {
        const ThemeClassifier classifier(
            metricTheme(ThemeMetric::TotalT), analysis, QString::fromLatin1(language));
        const std::vector<QString> texts = labels(classifier);
        ASSERT_EQ(texts.size(), 6u) << language; // five classes and "no value"
        EXPECT_EQ(texts[0], QStringLiteral("< 678")) << language;
        EXPECT_EQ(texts[1], QStringLiteral("678 – 1,840")) << language;
        EXPECT_EQ(texts[2], QStringLiteral("1,840 – 25,000")) << language;
        EXPECT_EQ(texts[3], QStringLiteral("25,000 – 123,456")) << language;
        EXPECT_EQ(texts[4], QStringLiteral("≥ 123,456")) << language;
    }
}

TEST(MapThemeBreaksTest, SmallIntensitiesKeepThreeSignificantDigits)
{
    // tCO2e per m²: totals over 10,000 m², breaks 0.0123, 0.045, 0.5, 2.
    const core::Analysis analysis = ledgers({ 12, 123, 450, 5000, 20000 });
    const ThemeClassifier classifier(
        metricTheme(ThemeMetric::TPerM2), analysis, QStringLiteral("en"));
    const std::vector<QString> texts = labels(classifier);
    ASSERT_EQ(texts.size(), 6u);
    EXPECT_EQ(texts[0], QStringLiteral("< 0.0123"));
    EXPECT_EQ(texts[1], QStringLiteral("0.0123 – 0.045"));
    EXPECT_EQ(texts[2], QStringLiteral("0.045 – 0.5"));
    EXPECT_EQ(texts[4], QStringLiteral("≥ 2"));
}

} // namespace
} // namespace greenrenew::render
