// What the report says about its method: how the walk was measured (issue 5), and that the zh
// report names the 13 indices in Chinese in its charts and appendix (issue 10 QA).

#include "core/carbon_method.h"
#include "core/elevation_grid.h"
#include "ui/render/map_theme.h"
#include "ui/render/report_writer.h"

#include "render_fixture.h"
#include "report_pdf_text.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace greenrenew::render {
namespace {

using test::pdfPages;
using test::squeezed;

constexpr int kMethodPage = 3; // cover, contents, overview map, then the method

core::SourcedValue sourced(double value, const char* unit)
{
    core::SourcedValue sourced;
    sourced.value = value;
    sourced.unit = unit;
    sourced.source = "test value";
    return sourced;
}

/// The walk parameters the statement reads; circles read in minutes at 80 m/min, steps 1.5.
core::Project walkInMinutesOnADem()
{
    core::Project project = test::threeParcels();
    core::ParameterSet& parameters = project.config.parameters;
    parameters.values["walk.circle_mode"] = sourced(1, "enum");
    parameters.values["walk.speed_m_per_min"] = sourced(80, "m/min");
    parameters.values["walk.steps_time_factor"] = sourced(1.5, "ratio");
    parameters.values["walk.snap_tolerance_m"] = sourced(1, "m");
    parameters.values["walk.access_snap_m"] = sourced(5, "m");
    project.config.lifeCircles = { { "5min", 300, 5, {}, "GB 50180-2018" },
        { "10min", 500, 10, {}, "GB 50180-2018" } };
    auto dem = std::make_shared<core::ElevationGrid>();
    dem->description = "hills_dem.tif";
    project.elevation = dem;
    return project;
}

QString methodPage(const QString& path, const core::Project& project, const char* language)
{
    ReportOptions options;
    options.language = QString::fromLatin1(language);
    if (!writeReportPdf(path, project, test::threeResults(), options))
        return {};
    const QStringList pages = pdfPages(path);
    return pages.size() > kMethodPage ? squeezed(pages[kMethodPage]) : QString();
}

class ReportMethodTest : public ::testing::Test {
protected:
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    QTemporaryDir m_dir;
};

// In minutes at 80 m/min the thresholds are 5 x 80 = 400 m and 10 x 80 = 800 m, not the
// radii 300 and 500 m.
TEST_F(ReportMethodTest, StatesCirclesInMinutesSpeedStepsAndDem)
{
    const core::Project project = walkInMinutesOnADem();
    const QString en = methodPage(path("en.pdf"), project, "en");
    EXPECT_TRUE(en.contains(QStringLiteral("Howthewalkwasmeasured")));
    EXPECT_TRUE(en.contains(QStringLiteral("readinminutesatawalkingspeedof80m/min")));
    EXPECT_TRUE(en.contains(QStringLiteral("5min400m,10min800m"))) << en.toStdString();
    EXPECT_TRUE(en.contains(QStringLiteral("Ametreofstepscounts1.5m")));
    EXPECT_TRUE(en.contains(QStringLiteral("DEMused:hills_dem.tif")));

    const QString zh = methodPage(path("zh.pdf"), project, "zh");
    EXPECT_TRUE(zh.contains(QStringLiteral("步行测算方式")));
    EXPECT_TRUE(zh.contains(QStringLiteral("生活圈按步行时间（分钟）计，步速80米/分钟")));
    EXPECT_TRUE(zh.contains(QStringLiteral("5min400m,10min800m"))) << zh.toStdString();
    EXPECT_TRUE(zh.contains(QStringLiteral("台阶每米按1.5米计")));
    EXPECT_TRUE(zh.contains(QStringLiteral("使用DEM：是，hills_dem.tif")));
}

TEST_F(ReportMethodTest, StatesTheStandardsRadiiWithoutDem)
{
    core::Project project = walkInMinutesOnADem();
    project.config.parameters.values["walk.circle_mode"] = sourced(0, "enum");
    project.elevation.reset();
    const QString en = methodPage(path("en.pdf"), project, "en");
    EXPECT_TRUE(en.contains(QStringLiteral("readasthestandard'sradiiinmetres")));
    EXPECT_TRUE(en.contains(QStringLiteral("5min300m,10min500m"))) << en.toStdString();
    EXPECT_TRUE(en.contains(QStringLiteral("DEMused:no")));
    const QString zh = methodPage(path("zh.pdf"), project, "zh");
    EXPECT_TRUE(zh.contains(QStringLiteral("生活圈按标准半径（米）计")));
    EXPECT_TRUE(zh.contains(QStringLiteral("使用DEM：否")));
}

TEST_F(ReportMethodTest, LeavesTheStatementOutWithoutWalkParameters)
{
    const QString en = methodPage(path("en.pdf"), test::threeParcels(), "en");
    ASSERT_FALSE(en.isEmpty());
    EXPECT_FALSE(en.contains(QStringLiteral("Howthewalkwasmeasured")));
}

// The paper gives the 13 indices in English only; the Chinese names are the ones the map's
// legend already shows (render::indexLabel). Three are spelled out so an English or empty
// table fails too.
TEST_F(ReportMethodTest, ZhReportNamesIndicesInChinese)
{
    core::Project project = test::threeParcels();
    project.config.parameters.values["carbon.compact_density.density_max"]
        = sourced(0.43, "share of parcel");
    project.config.interventions = { { "park_system", "ecological_park_area", "Ecological park",
        "增加生态公园面积", "paper" } };
    project.config.facilityTypes = { { "kindergarten", "Kindergarten", "幼儿园" } };
    project.config.lifeCircles = { { "5min", 300, 5, { "kindergarten" }, "GB 50180-2018" } };
    core::FormControl control;
    control.heightClass = "multi_storey_1";
    control.farMax = 1.8;
    project.config.formControls["residential"] = { control };
    ASSERT_TRUE(writeReportPdf(path("zh.pdf"), project, test::threeResults(), {}));
    const QStringList pages = pdfPages(path("zh.pdf"));
    ASSERT_GT(pages.size(), 5);

    // The residential page's ratings chart: one row per index, each by its Chinese name.
    const QString chart = squeezed(pages[4]);
    ASSERT_TRUE(chart.contains(QStringLiteral("评级分布")));
    EXPECT_TRUE(chart.contains(QStringLiteral("紧凑布局")));
    EXPECT_TRUE(chart.contains(QStringLiteral("生活垃圾")));
    EXPECT_TRUE(chart.contains(QStringLiteral("雨水中水利用")));
    for (const std::string& index : core::indexIds()) {
        const QString zh = indexLabel(index, QStringLiteral("zh"));
        EXPECT_NE(zh, QString::fromStdString(index)) << index;
        EXPECT_TRUE(chart.contains(squeezed(zh))) << index;
        EXPECT_FALSE(chart.contains(QString::fromStdString(index))) << index;
    }
    EXPECT_FALSE(chart.contains(QStringLiteral("compact"), Qt::CaseInsensitive));

    const QString appendix = squeezed(pages.last());
    EXPECT_TRUE(appendix.contains(QStringLiteral("紧凑布局·carbon.compact_density.density_max")));
    EXPECT_TRUE(appendix.contains(QStringLiteral("公园体系·ecological_park_area")));
    EXPECT_TRUE(appendix.contains(QStringLiteral("幼儿园")));
    EXPECT_TRUE(appendix.contains(QStringLiteral("老旧居住区/multi_storey_1")));
}

TEST_F(ReportMethodTest, EnReportKeepsEnglishIndexNames)
{
    ReportOptions options;
    options.language = QStringLiteral("en");
    ASSERT_TRUE(
        writeReportPdf(path("en.pdf"), test::threeParcels(), test::threeResults(), options));
    const QStringList pages = pdfPages(path("en.pdf"));
    ASSERT_GT(pages.size(), 4);
    EXPECT_TRUE(pages[4].contains(QStringLiteral("Compact layout")));
    EXPECT_FALSE(pages[4].contains(QStringLiteral("紧凑布局")));
}

} // namespace
} // namespace greenrenew::render
