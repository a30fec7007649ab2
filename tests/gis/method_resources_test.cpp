#include "gis/method_resources.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace gis = greenrenew::gis;

namespace {

/// A resources folder with a method/ subfolder, filled by each test.
class MethodDir {
public:
    MethodDir() { QDir(m_dir.path()).mkpath(QStringLiteral("method")); }
    QString path() const { return m_dir.path(); }
    QString write(const QString& name, const QByteArray& json) const
    {
        const QString file = m_dir.path() + QStringLiteral("/method/") + name;
        QFile out(file);
        EXPECT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(json);
        return file;
    }

private:
    QTemporaryDir m_dir;
};

const QByteArray kWalk = R"({
  "parameters": {
    "walk.speed_m_per_min": {"value": 60, "unit": "m/min", "year": 2018,
                             "source": "GB 50180-2018 2.0.4", "note": "n"}
  },
  "life_circles": [
    {"id": "5min", "radius_m": 300, "minutes": 5, "required_types": ["kindergarten"],
     "source": "GB 50180-2018 Table 4.0.1"}
  ],
  "facility_types": [{"id": "kindergarten", "name_en": "Kindergarten", "name_zh": "幼儿园"}],
  "facility_mappings": [{"match": "amenity=kindergarten", "type": "kindergarten"}]
})";

const QByteArray kForm = R"({
  "parameters": {"form.floor_height_m": {"value": 3.0, "unit": "m", "source": "assumed"}},
  "form_controls": {"residential": [
    {"height_class": "low_rise", "min_mean_floors": 1, "max_mean_floors": 3, "far_min": 1.0,
     "far_max": 1.2, "density_max": 0.43, "green_min": 0.30, "height_max_m": 18,
     "source": "GB 50180-2018 Table 4.0.2"}]},
  "interventions": [{"index": "renewable_energy", "technique": "rooftop_pv",
                     "name_en": "Rooftop PV", "name_zh": "屋顶光伏", "source": "paper Table 2"}]
})";

} // namespace

TEST(MethodResources, MergesSectionsOfEveryFile)
{
    MethodDir dir;
    dir.write(QStringLiteral("walking.json"), kWalk);
    dir.write(QStringLiteral("form.json"), kForm);
    auto config = gis::loadMethodConfig(dir.path());
    ASSERT_TRUE(config.ok()) << config.error().describe();

    const auto& speed = config.value().parameters.at("walk.speed_m_per_min");
    EXPECT_DOUBLE_EQ(speed.value, 60.0);
    EXPECT_EQ(speed.unit, "m/min");
    EXPECT_EQ(speed.year, 2018);
    EXPECT_EQ(speed.source, "GB 50180-2018 2.0.4");
    EXPECT_DOUBLE_EQ(config.value().parameters.value("form.floor_height_m"), 3.0);
    EXPECT_FALSE(config.value().parameters.at("form.floor_height_m").year.has_value());

    ASSERT_EQ(config.value().lifeCircles.size(), 1u);
    EXPECT_DOUBLE_EQ(config.value().lifeCircles[0].radiusM, 300.0);
    EXPECT_EQ(config.value().lifeCircles[0].requiredTypes,
              std::vector<std::string>{"kindergarten"});
    ASSERT_EQ(config.value().facilityTypes.size(), 1u);
    EXPECT_EQ(config.value().facilityTypes[0].nameZh, "幼儿园");
    ASSERT_EQ(config.value().facilityMappings.size(), 1u);
    EXPECT_EQ(config.value().facilityMappings[0].facilityType, "kindergarten");

    const auto& controls = config.value().formControls.at("residential");
    ASSERT_EQ(controls.size(), 1u);
    EXPECT_EQ(controls[0].heightClass, "low_rise");
    EXPECT_DOUBLE_EQ(*controls[0].densityMax, 0.43);
    EXPECT_DOUBLE_EQ(*controls[0].heightMaxM, 18.0);
    ASSERT_EQ(config.value().interventions.size(), 1u);
    EXPECT_EQ(config.value().interventions[0].technique, "rooftop_pv");
}

TEST(MethodResources, MissingSourceNamesFileAndKey)
{
    MethodDir dir;
    dir.write(QStringLiteral("carbon.json"),
              R"({"parameters": {"carbon.grid_factor": {"value": 0.5}}})");
    auto config = gis::loadMethodConfig(dir.path());
    ASSERT_FALSE(config.ok());
    const std::string text = config.error().describe();
    EXPECT_NE(text.find("carbon.json"), std::string::npos) << text;
    EXPECT_NE(text.find("carbon.grid_factor"), std::string::npos) << text;
    EXPECT_NE(text.find("source"), std::string::npos) << text;
}

TEST(MethodResources, MissingValueNamesKey)
{
    MethodDir dir;
    dir.write(QStringLiteral("carbon.json"),
              R"({"parameters": {"carbon.x": {"value": "high", "source": "s"}}})");
    auto config = gis::loadMethodConfig(dir.path());
    ASSERT_FALSE(config.ok());
    EXPECT_NE(config.error().message.find("carbon.x"), std::string::npos);
    EXPECT_NE(config.error().message.find("value"), std::string::npos);
}

TEST(MethodResources, BadJsonNamesFile)
{
    MethodDir dir;
    dir.write(QStringLiteral("walking.json"), kWalk);
    const QString broken = dir.write(QStringLiteral("broken.json"), R"({"parameters": {)");
    auto config = gis::loadMethodConfig(dir.path());
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().path, broken.toStdString());
    EXPECT_NE(config.error().message.find("invalid JSON"), std::string::npos);
}

TEST(MethodResources, DuplicateKeyAcrossFilesIsAnError)
{
    MethodDir dir;
    dir.write(QStringLiteral("a.json"), kWalk);
    dir.write(QStringLiteral("b.json"),
              R"({"parameters": {"walk.speed_m_per_min": {"value": 70, "source": "s"}}})");
    auto config = gis::loadMethodConfig(dir.path());
    ASSERT_FALSE(config.ok());
    EXPECT_NE(config.error().message.find("walk.speed_m_per_min"), std::string::npos);
    EXPECT_NE(config.error().path.find("b.json"), std::string::npos);
}

TEST(MethodResources, UnknownRenewalTypeInFormControlsIsAnError)
{
    MethodDir dir;
    dir.write(QStringLiteral("form.json"), R"({"form_controls": {"industrial": []}})");
    auto config = gis::loadMethodConfig(dir.path());
    ASSERT_FALSE(config.ok());
    EXPECT_NE(config.error().message.find("form_controls.industrial"), std::string::npos);
}

TEST(MethodResources, OverrideFileReplacesValuesByKey)
{
    MethodDir dir;
    dir.write(QStringLiteral("walking.json"), kWalk);
    QTemporaryDir other;
    const QString overridePath = other.path() + QStringLiteral("/override.json");
    QFile out(overridePath);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(R"({"parameters": {"walk.speed_m_per_min": {"value": 50, "source": "survey"}},
                  "life_circles": [{"id": "5min", "radius_m": 250, "minutes": 5,
                                    "required_types": [], "source": "local rule"}]})");
    out.close();
    auto config = gis::loadMethodConfig(dir.path(), overridePath);
    ASSERT_TRUE(config.ok()) << config.error().describe();
    EXPECT_DOUBLE_EQ(config.value().parameters.value("walk.speed_m_per_min"), 50.0);
    EXPECT_EQ(config.value().parameters.at("walk.speed_m_per_min").source, "survey");
    ASSERT_EQ(config.value().lifeCircles.size(), 1u);
    EXPECT_DOUBLE_EQ(config.value().lifeCircles[0].radiusM, 250.0);
}

TEST(MethodResources, MissingFolderIsAnError)
{
    QTemporaryDir empty;
    auto config = gis::loadMethodConfig(empty.path());
    ASSERT_FALSE(config.ok());
    EXPECT_NE(config.error().path.find("method"), std::string::npos);
}

TEST(MethodResources, EnvironmentOverridesResourceDir)
{
    qputenv("GREENRENEW_RESOURCES", "/some/where");
    EXPECT_EQ(gis::resourceDir(), QStringLiteral("/some/where"));
    qunsetenv("GREENRENEW_RESOURCES");
    EXPECT_EQ(gis::resourceDir(), QStringLiteral(GREENRENEW_SOURCE_DIR "/resources"));
}

TEST(MethodResources, ShippedResourcesLoad)
{
    auto config = gis::loadMethodConfig(QStringLiteral(GREENRENEW_SOURCE_DIR "/resources"));
    ASSERT_TRUE(config.ok()) << config.error().describe();
    EXPECT_TRUE(config.value().parameters.contains("walk.speed_m_per_min"));
    EXPECT_EQ(config.value().lifeCircles.size(), 3u);
}

// A misspelt key in an override file must stop the load: accepted, it would be a value nothing
// reads while the shipped one is used in silence.
TEST(MethodResources, OverrideWithUnknownParameterNamesFileKeyAndClosestKey)
{
    MethodDir dir;
    dir.write(QStringLiteral("walking.json"), kWalk);
    QTemporaryDir other;
    const QString overridePath = other.path() + QStringLiteral("/override.json");
    QFile out(overridePath);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    // "sped" for "speed": one letter dropped, edit distance 1.
    out.write(R"({"parameters": {"walk.sped_m_per_min": {"value": 50, "source": "survey"}}})");
    out.close();
    auto config = gis::loadMethodConfig(dir.path(), overridePath);
    ASSERT_FALSE(config.ok());
    const std::string text = config.error().describe();
    EXPECT_NE(text.find(overridePath.toStdString()), std::string::npos) << text;
    EXPECT_NE(text.find("parameters.walk.sped_m_per_min"), std::string::npos) << text;
    EXPECT_NE(text.find("did you mean \"walk.speed_m_per_min\""), std::string::npos) << text;
}

TEST(MethodResources, OverrideWithUnknownSectionOrFieldIsRejected)
{
    MethodDir dir;
    dir.write(QStringLiteral("walking.json"), kWalk);
    auto config = gis::loadMethodConfig(dir.path());
    ASSERT_TRUE(config.ok()) << config.error().describe();

    auto section = gis::applyOverrides(config.value(), R"({"parameter": {}})",
                                       QStringLiteral("my.json"));
    ASSERT_FALSE(section.ok());
    EXPECT_NE(section.error().describe().find("my.json"), std::string::npos);
    EXPECT_NE(section.error().describe().find("did you mean \"parameters\""), std::string::npos)
        << section.error().describe();

    auto field = gis::applyOverrides(
        config.value(),
        R"({"parameters": {"walk.speed_m_per_min": {"value": 55, "sorce": "x", "source": "y"}}})",
        QStringLiteral("my.json"));
    ASSERT_FALSE(field.ok());
    EXPECT_NE(field.error().describe().find("parameters.walk.speed_m_per_min.sorce"),
              std::string::npos)
        << field.error().describe();
    // Rejected before anything was applied: the shipped 60 m/min stands.
    EXPECT_DOUBLE_EQ(config.value().parameters.value("walk.speed_m_per_min"), 60.0);

    // A key far from every known one gets no suggestion, but is still named.
    auto far = gis::applyOverrides(
        config.value(), R"({"parameters": {"zzz": {"value": 1, "source": "x"}}})",
        QStringLiteral("my.json"));
    ASSERT_FALSE(far.ok());
    EXPECT_NE(far.error().describe().find("parameters.zzz"), std::string::npos);
    EXPECT_EQ(far.error().describe().find("did you mean"), std::string::npos);
}
