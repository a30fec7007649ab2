// Scenario files (CSV) and the project table gr_scenarios: values read as written, errors
// naming the line, a scenario of the same name replaced, others kept, and the table registered
// as attributes (checked with GDAL's own SQL on gpkg_contents, not through our reader).

#include "gis/scenario_store.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include <string>

namespace greenrenew::gis {
namespace {

QString writeText(const QTemporaryDir& dir, const char* name, const QByteArray& text)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

QString emptyGeoPackage(const QTemporaryDir& dir)
{
    GDALAllRegister();
    const QString path = dir.filePath(QStringLiteral("project.gpkg"));
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDataset* dataset = driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown,
                                          nullptr);
    EXPECT_NE(dataset, nullptr);
    // A project always has layers; GDAL does not open a GeoPackage with none as vector data.
    EXPECT_NE(dataset->CreateLayer("parcels", nullptr, wkbPolygon, nullptr), nullptr);
    GDALClose(dataset);
    return path;
}

const QByteArray kFile =
    "# two scenarios; columns in a different order from the documentation\n"
    "scenario,technique,parcel_id,quantity,phase,year,party,cost,status,note\n"
    "A,rooftop_pv,108,250.5,1 demonstration,2027,government,high,approved,\"roof, south\"\n"
    "\n"
    "B,roof_wall_greening,12,40,2 area,,residents,low,,\n"
    "A,led_envelope_equipment,108,1000,1 demonstration,2028,shared,medium,done,\n";

TEST(ScenarioStoreTest, ReadsAHandWrittenFile)
{
    QTemporaryDir dir;
    auto read = readScenarioFile(writeText(dir, "plan.csv", kFile));
    ASSERT_TRUE(read.ok()) << read.error().describe();
    const auto& scenarios = read.value();
    ASSERT_EQ(scenarios.size(), 2u);
    EXPECT_EQ(scenarios[0].name, "A");
    ASSERT_EQ(scenarios[0].interventions.size(), 2u);
    const core::PlannedIntervention& pv = scenarios[0].interventions[0];
    EXPECT_EQ(pv.parcelId, 108);
    EXPECT_EQ(pv.technique, "rooftop_pv");
    EXPECT_DOUBLE_EQ(pv.quantity, 250.5);
    EXPECT_EQ(pv.phase, "1 demonstration");
    EXPECT_EQ(pv.year, 2027);
    EXPECT_EQ(pv.party, core::Party::Government);
    EXPECT_EQ(pv.cost, core::CostClass::High);
    EXPECT_EQ(pv.status, core::PlanStatus::Approved);
    EXPECT_EQ(pv.note, "roof, south");
    EXPECT_EQ(scenarios[0].interventions[1].status, core::PlanStatus::Done);
    // B: empty year is "not scheduled" (0), empty status is proposed.
    EXPECT_EQ(scenarios[1].interventions[0].year, 0);
    EXPECT_EQ(scenarios[1].interventions[0].status, core::PlanStatus::Proposed);
    EXPECT_EQ(scenarios[1].interventions[0].party, core::Party::Residents);
}

TEST(ScenarioStoreTest, ErrorsNameTheFileAndTheLine)
{
    QTemporaryDir dir;
    const QString path = writeText(
        dir, "bad.csv",
        "scenario,parcel_id,technique,quantity,phase,year,party,cost,status,note\n"
        "# a comment counts as a line\n"
        "A,108,rooftop_pv,10,1,2027,government,low,proposed,\n"
        "A,108,rooftop_pv,10,1,2027,the city,low,proposed,\n");
    auto read = readScenarioFile(path);
    ASSERT_FALSE(read.ok());
    const std::string text = read.error().describe();
    EXPECT_NE(text.find(path.toStdString()), std::string::npos) << text;
    EXPECT_NE(text.find("line 4"), std::string::npos) << text;
    EXPECT_NE(text.find("party 'the city'"), std::string::npos) << text;

    auto noColumn = readScenarioFile(writeText(dir, "short.csv", "scenario,parcel_id\nA,1\n"));
    ASSERT_FALSE(noColumn.ok());
    EXPECT_NE(noColumn.error().describe().find("line 1: the header has no column 'technique'"),
              std::string::npos) << noColumn.error().describe();

    auto badQuantity = readScenarioFile(writeText(
        dir, "quantity.csv",
        "scenario,parcel_id,technique,quantity,phase,year,party,cost\nA,1,x,-3,,,shared,low\n"));
    ASSERT_FALSE(badQuantity.ok());
    EXPECT_NE(badQuantity.error().describe().find("line 2: quantity '-3'"), std::string::npos);
}

TEST(ScenarioStoreTest, StoresReplacesByNameAndKeepsOthers)
{
    QTemporaryDir dir;
    const QString gpkg = emptyGeoPackage(dir);
    auto first = readScenarioFile(writeText(dir, "plan.csv", kFile));
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(storeScenarios(gpkg, first.value()).ok());

    // A again, now one measure: replaces A's two rows, leaves B.
    auto second = readScenarioFile(writeText(
        dir, "a2.csv",
        "scenario,parcel_id,technique,quantity,phase,year,party,cost,status,note\n"
        "A,7,more_bicycle_trips,3,2,2030,enterprise,low,under_way,revised\n"));
    ASSERT_TRUE(second.ok());
    ASSERT_TRUE(storeScenarios(gpkg, second.value()).ok());

    auto loaded = loadScenarios(gpkg);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    ASSERT_EQ(loaded.value().size(), 2u);
    const core::Scenario& b = loaded.value()[0];  // B's row now comes first in the table
    const core::Scenario& a = loaded.value()[1];
    EXPECT_EQ(b.name, "B");
    ASSERT_EQ(b.interventions.size(), 1u);
    EXPECT_EQ(b.interventions[0].parcelId, 12);
    EXPECT_EQ(b.interventions[0].year, 0);
    EXPECT_EQ(a.name, "A");
    ASSERT_EQ(a.interventions.size(), 1u);
    EXPECT_EQ(a.interventions[0].technique, "more_bicycle_trips");
    EXPECT_EQ(a.interventions[0].status, core::PlanStatus::UnderWay);
    EXPECT_EQ(a.interventions[0].party, core::Party::Enterprise);
    EXPECT_EQ(a.interventions[0].note, "revised");

    GDALDataset* dataset = GDALDataset::Open(gpkg.toUtf8().constData(), GDAL_OF_VECTOR);
    ASSERT_NE(dataset, nullptr);
    OGRLayer* contents = dataset->ExecuteSQL(
        "SELECT data_type FROM gpkg_contents WHERE table_name = 'gr_scenarios'", nullptr,
        nullptr);
    ASSERT_NE(contents, nullptr);
    OGRFeature* row = contents->GetNextFeature();
    ASSERT_NE(row, nullptr);
    EXPECT_STREQ(row->GetFieldAsString(0), "attributes");
    OGRFeature::DestroyFeature(row);
    dataset->ReleaseResultSet(contents);
    EXPECT_EQ(dataset->GetLayerByName("gr_scenarios")->GetFeatureCount(), 2);
    GDALClose(dataset);
}

TEST(ScenarioStoreTest, MissingTableIsNoScenarios)
{
    QTemporaryDir dir;
    auto loaded = loadScenarios(emptyGeoPackage(dir));
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE(loaded.value().empty());
}

} // namespace
} // namespace greenrenew::gis
