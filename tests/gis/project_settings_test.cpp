#include "gis/method_resources.h"
#include "gis/project_settings.h"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFile>
#include <QTemporaryDir>

namespace {

using greenrenew::gis::applyOverrides;
using greenrenew::gis::readProjectSetting;
using greenrenew::gis::writeProjectSetting;

QString copyOfSample(const QTemporaryDir& dir)
{
    const QString target = dir.filePath(QStringLiteral("project.gpkg"));
    QFile::copy(QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg"),
                target);
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return target;
}

TEST(ProjectSettingsTest, ReadsBackWhatWasWrittenIntoAGeoPackage)
{
    QTemporaryDir dir;
    const QString path = copyOfSample(dir);
    ASSERT_TRUE(writeProjectSetting(path, "method_overrides", "{\"a\": \"it's\"}").ok());
    const std::optional<QByteArray> value = readProjectSetting(path, "method_overrides");
    ASSERT_TRUE(value.has_value());
    EXPECT_EQ(*value, QByteArray("{\"a\": \"it's\"}"));
}

TEST(ProjectSettingsTest, ReplacesAnEarlierValueOfTheSameKey)
{
    QTemporaryDir dir;
    const QString path = copyOfSample(dir);
    ASSERT_TRUE(writeProjectSetting(path, "k", "1").ok());
    ASSERT_TRUE(writeProjectSetting(path, "k", "2").ok());
    EXPECT_EQ(readProjectSetting(path, "k").value_or("none"), QByteArray("2"));
}

TEST(ProjectSettingsTest, KeepsTheSpatialLayersIntact)
{
    QTemporaryDir dir;
    const QString path = copyOfSample(dir);
    ASSERT_TRUE(writeProjectSetting(path, "k", "1").ok());
    GDALAllRegister();
    std::unique_ptr<GDALDataset> dataset(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(dataset);
    ASSERT_NE(dataset->GetLayerByName("parcels"), nullptr);
    EXPECT_EQ(dataset->GetLayerByName("parcels")->GetFeatureCount(), 173);
    EXPECT_NE(dataset->GetLayerByName("gr_settings"), nullptr);
}

TEST(ProjectSettingsTest, FindsNothingInAFileWithoutTheTable)
{
    EXPECT_FALSE(readProjectSetting(
        QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg"), "k"));
    EXPECT_FALSE(readProjectSetting(QStringLiteral("/nonexistent/x.gpkg"), "k"));
}

TEST(ProjectSettingsTest, OverridesReplaceAParameterAndKeepTheOthers)
{
    greenrenew::core::MethodConfig config;
    config.parameters.values["a"] = {1.0, "m", std::nullopt, "src a", ""};
    config.parameters.values["b"] = {2.0, "m", std::nullopt, "src b", ""};
    const QByteArray json = R"({"parameters": {"a": {"value": 5, "unit": "m",
                                "source": "project"}}})";
    ASSERT_TRUE(applyOverrides(config, json, QStringLiteral("test")).ok());
    EXPECT_DOUBLE_EQ(config.parameters.value("a"), 5.0);
    EXPECT_EQ(config.parameters.at("a").source, "project");
    EXPECT_DOUBLE_EQ(config.parameters.value("b"), 2.0);
}

TEST(ProjectSettingsTest, BadOverrideJsonNamesItsOrigin)
{
    greenrenew::core::MethodConfig config;
    auto result = applyOverrides(config, "{not json", QStringLiteral("p.gpkg (gr_settings)"));
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().describe().find("p.gpkg (gr_settings)"), std::string::npos);
}

} // namespace
