// A project GeoPackage copied into a PostGIS schema and back loses nothing: the real sample
// (the Bund, Shanghai, OSM) keeps every layer and table, feature ids, attribute values and
// geometries, compared feature by feature with GDAL reading both files.

#include "gis/postgis_project.h"
#include "postgis_test_support.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QTemporaryDir>

#include <memory>

namespace greenrenew::gis {
namespace {

using pgtest::kSamplePath;
using pgtest::PostgisTest;

std::unique_ptr<GDALDataset> openVector(const QString& path)
{
    GDALAllRegister();
    return std::unique_ptr<GDALDataset>(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

/// Every difference between layer EXPECTED and layer ACTUAL, one line each (empty: equal).
std::vector<std::string> layerDifferences(OGRLayer& expected, OGRLayer& actual)
{
    std::vector<std::string> differences;
    const std::string name = expected.GetName();
    if (expected.GetFeatureCount() != actual.GetFeatureCount())
        differences.push_back(name + ": feature count " + std::to_string(expected.GetFeatureCount())
                              + " became " + std::to_string(actual.GetFeatureCount()));
    OGRFeatureDefn* expectedDefn = expected.GetLayerDefn();
    OGRFeatureDefn* actualDefn = actual.GetLayerDefn();
    if (expectedDefn->GetFieldCount() != actualDefn->GetFieldCount())
        differences.push_back(name + ": field count differs");
    for (int i = 0; i < expectedDefn->GetFieldCount(); ++i) {
        const OGRFieldDefn* field = expectedDefn->GetFieldDefn(i);
        const int j = actualDefn->GetFieldIndex(field->GetNameRef());
        if (j < 0) {
            differences.push_back(name + ": field " + field->GetNameRef() + " lost");
            continue;
        }
        if (actualDefn->GetFieldDefn(j)->GetType() != field->GetType())
            differences.push_back(name + ": field " + field->GetNameRef() + " changed type");
    }
    if (expected.GetSpatialRef() && (!actual.GetSpatialRef()
                                     || !expected.GetSpatialRef()->IsSame(actual.GetSpatialRef())))
        differences.push_back(name + ": CRS changed");

    for (auto& feature : expected) {
        const GIntBig fid = feature->GetFID();
        std::unique_ptr<OGRFeature> copy(actual.GetFeature(fid));
        const std::string where = name + " feature " + std::to_string(fid);
        if (!copy) {
            differences.push_back(where + " lost");
            continue;
        }
        for (int i = 0; i < expectedDefn->GetFieldCount(); ++i) {
            const int j = actualDefn->GetFieldIndex(expectedDefn->GetFieldDefn(i)->GetNameRef());
            if (j < 0)
                continue;
            const bool wasNull = !feature->IsFieldSetAndNotNull(i);
            const bool isNull = !copy->IsFieldSetAndNotNull(j);
            if (wasNull != isNull
                || std::string(feature->GetFieldAsString(i)) != copy->GetFieldAsString(j))
                differences.push_back(where + " field "
                                      + expectedDefn->GetFieldDefn(i)->GetNameRef() + ": '"
                                      + feature->GetFieldAsString(i) + "' became '"
                                      + copy->GetFieldAsString(j) + "'");
        }
        const OGRGeometry* before = feature->GetGeometryRef();
        const OGRGeometry* after = copy->GetGeometryRef();
        if ((before == nullptr) != (after == nullptr)) {
            differences.push_back(where + ": geometry lost or added");
            continue;
        }
        if (!before)
            continue;
        // Byte for byte: PostGIS stores the same doubles, so not even the last bit may move.
        std::vector<unsigned char> wkbBefore(before->WkbSize());
        std::vector<unsigned char> wkbAfter(after->WkbSize());
        before->exportToWkb(wkbNDR, wkbBefore.data(), wkbVariantIso);
        after->exportToWkb(wkbNDR, wkbAfter.data(), wkbVariantIso);
        if (wkbBefore != wkbAfter)
            differences.push_back(where + ": geometry changed");
    }
    return differences;
}

TEST_F(PostgisTest, SampleProjectGoesToPostgisAndBackLosingNothing)
{
    auto exported = exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath), connection(),
                                              m_schema);
    ASSERT_TRUE(exported.ok()) << exported.error().describe();

    auto original = openVector(QString::fromUtf8(kSamplePath));
    ASSERT_TRUE(original);
    long long originalFeatures = 0;
    for (int i = 0; i < original->GetLayerCount(); ++i)
        originalFeatures += original->GetLayer(i)->GetFeatureCount();
    // 7 layers and tables: parcels, buildings, green, streets, facilities, study_area and
    // gr_settings (ogrinfo -so on the sample lists them).
    EXPECT_EQ(original->GetLayerCount(), 7);
    EXPECT_EQ(exported.value().tables.size(), 7);
    EXPECT_EQ(exported.value().features, originalFeatures);

    QTemporaryDir dir;
    const QString back = dir.filePath(QStringLiteral("back.gpkg"));
    auto imported = exportPostgisToGeoPackage(connection(), m_schema, back);
    ASSERT_TRUE(imported.ok()) << imported.error().describe();

    auto copy = openVector(back);
    ASSERT_TRUE(copy);
    EXPECT_EQ(copy->GetLayerCount(), original->GetLayerCount());
    for (int i = 0; i < original->GetLayerCount(); ++i) {
        OGRLayer* layer = original->GetLayer(i);
        OGRLayer* layerCopy = copy->GetLayerByName(layer->GetName());
        ASSERT_NE(layerCopy, nullptr) << layer->GetName() << " lost";
        for (const std::string& difference : layerDifferences(*layer, *layerCopy))
            ADD_FAILURE() << difference;
    }
    // The sample's parcel count (SOURCE.md; ogrinfo) survives by name too.
    EXPECT_EQ(copy->GetLayerByName("parcels")->GetFeatureCount(), 173);
}

TEST_F(PostgisTest, ExportRefusesASchemaThatAlreadyHoldsTables)
{
    ASSERT_TRUE(exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath), connection(),
                                          m_schema).ok());
    auto again = exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath), connection(),
                                           m_schema);
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().message.find("already holds 7 tables"), std::string::npos)
        << again.error().describe();
}

} // namespace
} // namespace greenrenew::gis
