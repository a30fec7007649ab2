// Edit > Editing Rules…: the designer allows overlaps, makes a merge take the first parcel's
// type and changes the attributes split by area; the dialog hands exactly that to the editing
// tools' rules, keeps it in the settings, and a new window's tools start with it.

#include "ui/edit_tools.h"
#include "ui/editing_rules_dialog.h"
#include "ui/main_window.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSettings>

namespace greenrenew::ui {
namespace {

TEST(EditingRules, DialogSetsTheToolsRulesAndTheyAreKept)
{
    QSettings().remove(QStringLiteral("editingRules"));
    const core::TopologyRules defaults;
    EditingRulesDialog dialog(defaults, core::AttributeRules{});
    auto* allow = dialog.findChild<QCheckBox*>(QStringLiteral("allowOverlaps"));
    auto* sliver = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("sliverArea"));
    auto* mergeType = dialog.findChild<QComboBox*>(QStringLiteral("mergeType"));
    auto* keys = dialog.findChild<QLineEdit*>(QStringLiteral("proportionalKeys"));
    ASSERT_TRUE(allow && sliver && mergeType && keys);
    // The shipped defaults as core states them: no overlaps, 1 m2 slivers, the larger part.
    EXPECT_FALSE(allow->isChecked());
    EXPECT_DOUBLE_EQ(sliver->value(), 1.0);
    EXPECT_EQ(mergeType->currentIndex(), 0);
    EXPECT_TRUE(keys->text().contains(QStringLiteral("population")));

    allow->setChecked(true);
    sliver->setValue(2.5);
    mergeType->setCurrentIndex(1);
    keys->setText(QStringLiteral("area_m2, jobs,,"));
    core::TopologyRules topology;
    core::AttributeRules attributes;
    dialog.apply(topology, attributes);
    EXPECT_TRUE(topology.allowOverlaps);
    EXPECT_DOUBLE_EQ(topology.sliverAreaM2, 2.5);
    EXPECT_FALSE(attributes.typeFromLargerPart);
    EXPECT_EQ(attributes.proportionalKeys, (std::set<std::string>{"area_m2", "jobs"}));

    rememberEditingRules(topology, attributes);
    MainWindow window;
    EXPECT_TRUE(window.editor()->topologyRules().allowOverlaps);
    EXPECT_DOUBLE_EQ(window.editor()->topologyRules().sliverAreaM2, 2.5);
    EXPECT_FALSE(window.editor()->attributeRules().typeFromLargerPart);
    EXPECT_EQ(window.editor()->attributeRules().proportionalKeys,
              (std::set<std::string>{"area_m2", "jobs"}));
    QSettings().remove(QStringLiteral("editingRules"));
}

} // namespace
} // namespace greenrenew::ui
