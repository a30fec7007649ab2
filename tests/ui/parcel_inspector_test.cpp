#include "ui/parcel_inspector.h"

#include "test_project.h"

#include <gtest/gtest.h>

using greenrenew::ui::ParcelInspector;
namespace core = greenrenew::core;

namespace {

struct InspectorData {
    core::Project project;
    core::Analysis analysis;
};

InspectorData makeData()
{
    InspectorData data;
    core::Parcel parcel;
    parcel.id = 7;
    parcel.name = "豫园";
    parcel.type = core::RenewalType::HistoricBlock;
    parcel.geometry = greenrenew::ui::test::square(0, 0, 100);
    data.project.parcels.push_back(parcel);
    data.project.config.lifeCircles = {{"5min", 300, 5, {"kindergarten"}, ""},
                                       {"15min", 1000, 15, {"clinic"}, ""}};
    data.project.config.facilityTypes = {{"kindergarten", "Kindergarten", "幼儿园"}};
    data.project.config.interventions = {
        {"renewable_energy", "rooftop_pv", "Rooftop solar", "屋顶光伏", ""}};

    core::ParcelResult result;
    result.form.areaM2 = 10000;
    result.form.far = 1.2346;
    result.form.compliance.push_back({"far", "max", 1.2, 1.2346, false, -0.0346, "GB"});
    result.walk.gaps["5min"] = {"kindergarten"};
    result.carbon.ledger = {120.0, 30.5, -12.26, 4.0};
    result.carbon.leading = core::Category::Construction;
    core::Intervention pv;
    pv.index = "renewable_energy";
    pv.technique = "rooftop_pv";
    pv.quantity = 1500;
    pv.unit = "m2";
    pv.effectTPerYear = 42.5;
    pv.confidence = "medium";
    result.carbon.interventions.push_back(pv);
    data.analysis.parcels.push_back(result);
    return data;
}

} // namespace

TEST(ParcelInspectorTest, ShowsFiguresGapsLedgerAndInterventions)
{
    const InspectorData data = makeData();
    ParcelInspector inspector;
    inspector.showParcel(data.project, data.analysis, 0);

    EXPECT_EQ(inspector.valueText(QStringLiteral("name")), QStringLiteral("豫园"));
    EXPECT_EQ(inspector.valueText(QStringLiteral("renewal_type")),
              QStringLiteral("历史街区 / Historic block"));
    EXPECT_EQ(inspector.valueText(QStringLiteral("far")), QStringLiteral("1.23"));
    EXPECT_EQ(inspector.valueText(QStringLiteral("far_max")),
              QStringLiteral("1.235 (max 1.200; fails)"));
    // Type names come from the configuration; a circle without gaps says so.
    EXPECT_EQ(inspector.valueText(QStringLiteral("gaps_5min")),
              QStringLiteral("幼儿园 Kindergarten"));
    EXPECT_EQ(inspector.valueText(QStringLiteral("gaps_15min")), QStringLiteral("none"));
    // 120.0 + 30.5 - 12.26 + 4.0 = 142.24, shown to one decimal.
    EXPECT_EQ(inspector.valueText(QStringLiteral("co2_total_t")), QStringLiteral("142.2"));
    EXPECT_EQ(inspector.valueText(QStringLiteral("co2_greening_t")), QStringLiteral("-12.3"));
    EXPECT_EQ(inspector.valueText(QStringLiteral("intervention_rooftop_pv")),
              QStringLiteral("屋顶光伏 Rooftop solar: 1,500 m2, saves 42.50 tCO2e/yr "
                             "(medium confidence)"));
}

TEST(ParcelInspectorTest, IndexOutOfRangeShowsNothing)
{
    const InspectorData data = makeData();
    ParcelInspector inspector;
    inspector.showParcel(data.project, data.analysis, 0);
    inspector.showParcel(data.project, data.analysis, 5);
    EXPECT_TRUE(inspector.valueText(QStringLiteral("area_m2")).isEmpty());
}
