// The inspector names the carbon indices as the map legend and the report do (render::
// indexLabel), in both languages like its other labels, never by their raw ids.

#include "ui/parcel_inspector.h"

#include "test_project.h"

#include <gtest/gtest.h>

using greenrenew::ui::ParcelInspector;
namespace core = greenrenew::core;

TEST(ParcelInspectorNamesTest, RatingsAndInterventionsShowReadableIndexNames)
{
    core::Project project;
    core::Parcel parcel;
    parcel.id = 3;
    parcel.geometry = greenrenew::ui::test::square(0, 0, 50);
    project.parcels.push_back(parcel);

    core::ParcelResult result;
    core::IndexRating walk;
    walk.index = "walk_life_circle";
    walk.rating = core::Rating::Serious;
    result.carbon.ratings.push_back(walk);
    // Built whole: assigning "m" to the unit trips GCC 12's false -Wrestrict warning.
    result.carbon.interventions.push_back(
        {"walk_life_circle", "tree_lined_walking_routes", "", "", 700, "m", 0.84, "low", 0, "",
         {}});
    result.carbon.leading = core::Category::None;
    core::Analysis analysis;
    analysis.parcels.push_back(result);

    ParcelInspector inspector;
    inspector.showParcel(project, analysis, 0);
    EXPECT_EQ(inspector.labelText(QStringLiteral("rating_walk_life_circle")),
              QStringLiteral("步行生活圈 Walkable life circle"));
    EXPECT_EQ(inspector.labelText(QStringLiteral("intervention_tree_lined_walking_routes")),
              QStringLiteral("步行生活圈 Walkable life circle"));
    // A bare parcel leads with no category, named as such.
    EXPECT_EQ(inspector.valueText(QStringLiteral("leading_category")),
              QStringLiteral("无排放无碳汇 None (no emissions or sink)"));
}
