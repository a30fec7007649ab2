// greenrenew-cli analyze --mapping with a "fields" section: a 100 m square parcel with one
// 20 m square building whose storeys sit in LYR_CS (a name detection does not know), in
// UTM 51N. Worked by hand: density 400 / 10,000 = 0.04; with LYR_CS = 6 mapped, FAR
// 400 x 6 / 10,000 = 0.24 and no estimated floors; without the mapping the floors are
// estimated (the residential default, 3) and FAR is 0.12.

#include "tests/support/write_text.h"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace {

const char* kCrs = R"("crs": {"type": "name", "properties": {"name":
    "urn:ogc:def:crs:EPSG::32651"}})";

using greenrenew::test_support::writeText;

class AnalyzeMapping : public ::testing::Test {
protected:
    void SetUp() override
    {
        writeText(data.filePath(QStringLiteral("parcels.geojson")),
                  QByteArray(R"({"type": "FeatureCollection", )") + kCrs + R"(, "features": [
            {"type": "Feature", "properties": {"id": 1, "renewal_type": "old_residential"},
             "geometry": {"type": "Polygon", "coordinates": [[[359000, 3450000],
                 [359100, 3450000], [359100, 3450100], [359000, 3450100],
                 [359000, 3450000]]]}}]})");
        writeText(data.filePath(QStringLiteral("buildings.geojson")),
                  QByteArray(R"({"type": "FeatureCollection", )") + kCrs + R"(, "features": [
            {"type": "Feature", "properties": {"LYR_CS": 6},
             "geometry": {"type": "Polygon", "coordinates": [[[359010, 3450010],
                 [359030, 3450010], [359030, 3450030], [359010, 3450030],
                 [359010, 3450010]]]}}]})");
    }

    /// Runs analyze with the mapping file's TEXT (none when empty); returns the exit code.
    int analyze(const QByteArray& mapping)
    {
        QStringList arguments = {QStringLiteral("analyze"), data.path(), QStringLiteral("--out"),
                                 out.path()};
        if (!mapping.isEmpty()) {
            const QString path = data.filePath(QStringLiteral("mapping.json"));
            writeText(path, mapping);
            arguments << QStringLiteral("--mapping") << path;
        }
        QProcess cli;
        cli.start(QStringLiteral(GREENRENEW_CLI), arguments);
        EXPECT_TRUE(cli.waitForFinished(120000));
        errors = QString::fromUtf8(cli.readAllStandardError());
        return cli.exitCode();
    }

    /// FIELD of the one parcel in results.gpkg.
    double parcelValue(const char* field) const
    {
        const QByteArray path = out.filePath(QStringLiteral("results.gpkg")).toUtf8();
        std::unique_ptr<GDALDataset> results(static_cast<GDALDataset*>(
            GDALOpenEx(path.constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
        EXPECT_TRUE(results);
        if (!results)
            return -1;
        OGRFeatureUniquePtr parcel(results->GetLayerByName("parcels")->GetNextFeature());
        return parcel ? parcel->GetFieldAsDouble(field) : -1;
    }

    QTemporaryDir data;
    QTemporaryDir out;
    QString errors;
};

TEST_F(AnalyzeMapping, MappedFieldGivesTheFloors)
{
    GDALAllRegister();
    ASSERT_EQ(analyze({}), 0) << errors.toStdString();
    EXPECT_NEAR(parcelValue("building_density"), 0.04, 1e-9);
    EXPECT_NEAR(parcelValue("far"), 0.12, 1e-9);
    EXPECT_EQ(parcelValue("floors_estimated"), 1);

    ASSERT_EQ(analyze(R"({"fields": {"buildings": {"floors": "LYR_CS"}}})"), 0)
        << errors.toStdString();
    EXPECT_NEAR(parcelValue("far"), 0.24, 1e-9);
    EXPECT_EQ(parcelValue("floors_estimated"), 0);
}

TEST_F(AnalyzeMapping, UnknownFieldKeyIsBadInputNamingIt)
{
    EXPECT_EQ(analyze(R"({"fields": {"buildings": {"levels_x": "LYR_CS"}}})"), 1);
    EXPECT_TRUE(errors.contains(QStringLiteral("mapping.json")));
    EXPECT_TRUE(errors.contains(QStringLiteral("unknown field 'levels_x' for buildings")))
        << errors.toStdString();
    EXPECT_EQ(analyze(R"({"fields": {"roads": {"name": "NAME"}}})"), 1);
    EXPECT_TRUE(errors.contains(QStringLiteral("unknown role 'roads' in fields")))
        << errors.toStdString();
}

} // namespace
