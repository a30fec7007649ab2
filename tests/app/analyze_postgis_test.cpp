// greenrenew-cli analyze on a project held in PostGIS gives the results it gives on the same
// project's GeoPackage: the sample is copied into a schema of the test server, analysed from
// there through both input forms (DESIGN.md's "PG:" string and a postgis:// address), and the
// results compared parcel by parcel, field by field, with the GeoPackage's run.

#include "../gis/postgis_test_support.h"
#include "gis/postgis_project.h"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <map>
#include <memory>

namespace greenrenew::gis {
namespace {

using pgtest::kSamplePath;
using pgtest::PostgisTest;

/// parcel_id -> field name -> value as text, from DIR/results.gpkg's parcels.
using ResultTable = std::map<long long, std::map<std::string, std::string>>;

ResultTable readResults(const QString& dir)
{
    ResultTable table;
    GDALAllRegister();
    const QString path = dir + QStringLiteral("/results.gpkg");
    std::unique_ptr<GDALDataset> dataset(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset || !dataset->GetLayerByName("parcels"))
        return table;
    OGRLayer* layer = dataset->GetLayerByName("parcels");
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (auto& feature : *layer) {
        auto& row = table[feature->GetFieldAsInteger64("parcel_id")];
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            row[defn->GetFieldDefn(i)->GetNameRef()] = feature->GetFieldAsString(i);
    }
    return table;
}

int analyze(const QString& input, const QString& outDir, QString& errors)
{
    QProcess cli;
    cli.start(QStringLiteral(GREENRENEW_CLI),
              {QStringLiteral("analyze"), input, QStringLiteral("--out"), outDir,
               QStringLiteral("--lang"), QStringLiteral("en")});
    cli.waitForFinished(600000);
    errors = QString::fromUtf8(cli.readAllStandardError());
    return cli.exitCode();
}

/// Differences between two result tables; numbers may differ in the last bits only (the
/// walk's sums run in the order the database returns rows).
std::vector<std::string> differences(const ResultTable& expected, const ResultTable& actual)
{
    std::vector<std::string> found;
    if (expected.size() != actual.size())
        found.push_back("parcel count " + std::to_string(expected.size()) + " became "
                        + std::to_string(actual.size()));
    for (const auto& [id, fields] : expected) {
        auto other = actual.find(id);
        if (other == actual.end()) {
            found.push_back("parcel " + std::to_string(id) + " missing");
            continue;
        }
        for (const auto& [name, value] : fields) {
            const std::string& got = other->second.count(name) ? other->second.at(name) : "";
            if (got == value)
                continue;
            char* endA = nullptr;
            char* endB = nullptr;
            const double a = std::strtod(value.c_str(), &endA);
            const double b = std::strtod(got.c_str(), &endB);
            const bool numbers = !value.empty() && !got.empty() && *endA == 0 && *endB == 0;
            if (numbers && std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a)))
                continue;
            found.push_back("parcel " + std::to_string(id) + " " + name + ": " + value + " vs "
                            + got);
        }
    }
    return found;
}

TEST_F(PostgisTest, AnalyzeFromPostgisGivesTheGeoPackagesResults)
{
    auto exported = exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath), connection(),
                                              m_schema);
    ASSERT_TRUE(exported.ok()) << exported.error().describe();

    QTemporaryDir fromFile;
    QTemporaryDir fromPg;
    QString errors;
    ASSERT_EQ(analyze(QString::fromUtf8(kSamplePath), fromFile.path(), errors), 0)
        << errors.toStdString();
    const QString input = QStringLiteral("PG:service=%1 schemas=%2")
                              .arg(m_location.service, m_schema);
    ASSERT_EQ(analyze(input, fromPg.path(), errors), 0) << errors.toStdString();
    // The project's own gr_settings (Shanghai's grid factor, ...) were read from PostGIS too,
    // as the import report says.
    QFile report(fromPg.filePath(QStringLiteral("import_report.txt")));
    ASSERT_TRUE(report.open(QIODevice::ReadOnly));
    EXPECT_TRUE(report.readAll().contains("overridden by the project's gr_settings table"));

    const ResultTable expected = readResults(fromFile.path());
    const ResultTable actual = readResults(fromPg.path());
    EXPECT_EQ(expected.size(), 173u);  // the sample's parcels (ogrinfo)
    for (const std::string& difference : differences(expected, actual))
        ADD_FAILURE() << difference;
}

TEST_F(PostgisTest, AnalyzeTakesAPostgisAddress)
{
    auto exported = exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath), connection(),
                                              m_schema);
    ASSERT_TRUE(exported.ok()) << exported.error().describe();
    QTemporaryDir out;
    QString errors;
    const QString input = QStringLiteral("postgis://?service=%1&schema=%2")
                              .arg(m_location.service, m_schema);
    ASSERT_EQ(analyze(input, out.path(), errors), 0) << errors.toStdString();
    EXPECT_EQ(readResults(out.path()).size(), 173u);
}

TEST_F(PostgisTest, AnalyzeNamesTheSchemaWhenItHoldsNoProject)
{
    QTemporaryDir out;
    QString errors;
    const QString input = QStringLiteral("PG:service=%1 schemas=%2")
                              .arg(m_location.service, m_schema);
    EXPECT_EQ(analyze(input, out.path(), errors), 1) << errors.toStdString();
    EXPECT_TRUE(errors.contains(QStringLiteral("no parcels layer"))) << errors.toStdString();
}

} // namespace
} // namespace greenrenew::gis
