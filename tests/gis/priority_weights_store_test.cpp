// gr_priority_weights: expert weights stored in the project and read back; a spoiled row is
// an error naming it; the stored weights become the method's priority parameters.

#include "gis/priority_weights_store.h"

#include "core/priority.h"
#include "gis/method_resources.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <gtest/gtest.h>

#include <QTemporaryDir>

namespace greenrenew::gis {
namespace {

constexpr double kTolerance = 1e-12;

QString emptyGeoPackage(const QTemporaryDir& dir)
{
    GDALAllRegister();
    const QString path = dir.filePath(QStringLiteral("project.gpkg"));
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDataset* dataset = driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown,
                                          nullptr);
    EXPECT_NE(dataset, nullptr);
    // GDAL does not open a GeoPackage without layers as vector data.
    EXPECT_NE(dataset->CreateLayer("parcels", nullptr, wkbPolygon, nullptr), nullptr);
    GDALClose(dataset);
    return path;
}

/// Construction 0.4, the others 0.2; inside construction compact_density 0.5 and the other
/// four 0.125 each; equal shares elsewhere. Global compact_density = 0.4 x 0.5 = 0.2.
core::HierarchyWeights handWeights()
{
    core::HierarchyWeights weights;
    for (const std::string& category : core::ahpBlockElements("categories")) {
        const double categoryWeight = category == "construction" ? 0.4 : 0.2;
        weights.categoryWeight[category] = categoryWeight;
        const auto indices = core::ahpBlockElements(category);
        for (const std::string& index : indices) {
            const double local = category != "construction" ? 1.0 / double(indices.size())
                                 : index == "compact_density" ? 0.5 : 0.125;
            weights.localIndexWeight[index] = local;
            weights.globalIndexWeight[index] = categoryWeight * local;
        }
    }
    return weights;
}

TEST(PriorityWeightsStoreTest, StoresAndReadsBackTheWeights)
{
    QTemporaryDir dir;
    const QString path = emptyGeoPackage(dir);
    ASSERT_TRUE(storePriorityWeights(path, handWeights(), "two experts", "CR 0.035"));
    // Stored twice: the second replaces the first instead of adding rows.
    ASSERT_TRUE(storePriorityWeights(path, handWeights(), "two experts", "CR 0.035"));

    auto loaded = loadPriorityWeights(path);
    ASSERT_TRUE(loaded) << loaded.error().describe();
    ASSERT_TRUE(loaded.value().has_value());
    const StoredPriorityWeights& stored = *loaded.value();
    EXPECT_EQ(stored.weights.categoryWeight.size(), 4u);
    EXPECT_EQ(stored.weights.localIndexWeight.size(), 13u);
    EXPECT_NEAR(stored.weights.globalIndexWeight.at("compact_density"), 0.2, kTolerance);
    EXPECT_EQ(stored.source, "two experts");

    // As the method's parameters: global = category x local, 0.4 x 0.5 and 0.2 x 0.5.
    core::Result<core::MethodConfig> config = loadMethodConfig(resourceDir());
    ASSERT_TRUE(config);
    auto applied = applyStoredPriorityWeights(config.value(), path);
    ASSERT_TRUE(applied && applied.value());
    const auto priority = core::PriorityWeights::fromParameters(config.value().parameters);
    EXPECT_NEAR(priority.globalIndexWeight.at("compact_density"), 0.2, kTolerance);
    EXPECT_NEAR(priority.globalIndexWeight.at("bicycle_use"), 0.1, kTolerance);
}

TEST(PriorityWeightsStoreTest, NoTableMeansNoStoredWeights)
{
    QTemporaryDir dir;
    auto loaded = loadPriorityWeights(emptyGeoPackage(dir));
    ASSERT_TRUE(loaded);
    EXPECT_FALSE(loaded.value().has_value());
}

// A weight of 2 written by hand (as in a spreadsheet) is refused with its row named.
TEST(PriorityWeightsStoreTest, RejectsAWeightOutsideZeroToOne)
{
    QTemporaryDir dir;
    const QString path = emptyGeoPackage(dir);
    ASSERT_TRUE(storePriorityWeights(path, handWeights(), "s", "n"));
    GDALDataset* dataset = GDALDataset::Open(path.toUtf8().constData(),
                                             GDAL_OF_VECTOR | GDAL_OF_UPDATE);
    ASSERT_NE(dataset, nullptr);
    dataset->ExecuteSQL("UPDATE gr_priority_weights SET weight = 2 WHERE element = 'waste'",
                        nullptr, nullptr);
    GDALClose(dataset);

    auto loaded = loadPriorityWeights(path);
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().describe().find("gr_priority_weights"), std::string::npos);
    EXPECT_NE(loaded.error().describe().find("waste"), std::string::npos);
    EXPECT_TRUE(loaded.error().featureId.has_value());
}

} // namespace
} // namespace greenrenew::gis
