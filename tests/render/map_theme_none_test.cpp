// A parcel that neither emits nor absorbs (leading category "none") has its own class on the
// leading-category map and legend, never the greening (sink) colour (issue 6, QA defect 1).

#include "ui/render/map_renderer.h"
#include "ui/render/map_theme.h"

#include "render_fixture.h"

#include <gtest/gtest.h>

namespace greenrenew::render {
namespace {

TEST(MapThemeNoneTest, BareParcelGetsTheNoneClassNotTheSinkColour)
{
    core::Analysis analysis = test::threeResults();
    analysis.parcels[2].carbon.leading = core::Category::None;
    analysis.parcels[2].carbon.ledger = {};
    const ThemeClassifier classifier(MapTheme{}, analysis, QStringLiteral("en"));

    // Classes: construction, transport, greening, waste, none, then "no value".
    ASSERT_EQ(classifier.classes().size(), 6u);
    EXPECT_EQ(classifier.classOf(2), 4u);
    EXPECT_EQ(classifier.classes()[4].label, QStringLiteral("None (no emissions or sink)"));
    EXPECT_EQ(classifier.colorOf(2), categoryColor(core::Category::None));
    EXPECT_NE(classifier.colorOf(2), categoryColor(core::Category::Greening));
    EXPECT_NE(classifier.colorOf(2), classifier.classes().back().color);
    // The parcels that do lead keep their category.
    EXPECT_EQ(classifier.classOf(0), 0u);

    const ThemeClassifier zh(MapTheme{}, analysis, QStringLiteral("zh"));
    EXPECT_EQ(zh.classes()[4].label, QStringLiteral("无排放无碳汇"));
}

} // namespace
} // namespace greenrenew::render
