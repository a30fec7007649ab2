// End to end: greenrenew-cli scenario on a copy of the bundled sample. The expected figures are
// the carbon stage's own proposals, read here independently through gis::loadProject and
// core::runAnalysis, combined by hand:
//   A = rooftop PV on parcel 108 at the proposed quantity      -> reduction e_pv
//   B = A + garbage sorting on parcel 40 (waste, another parcel) -> reduction e_pv + e_garbage
//   C = PV on 108 at 100x its quantity + the envelope retrofit on 108: both act on the
//       parcel's building electricity (the same actsOnT), so together they remove exactly
//       that amount and no more (the shared cap of core::combineReductions).

#include "core/analysis.h"
#include "gis/project_loader.h"
#include "gis/scenario_store.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <map>

namespace greenrenew {
namespace {

constexpr double kPrintTolerance = 1e-3;  // the CSV prints 4 decimals

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(GREENRENEW_CLI),
                  QStringList{QStringLiteral("scenario")} + arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& text)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

QString copySample(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("project.gpkg"));
    EXPECT_TRUE(QFile::copy(QStringLiteral(GREENRENEW_SOURCE_DIR
                                           "/resources/sample/shanghai_bund.gpkg"),
                            path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

const core::Intervention& proposal(const core::Analysis& analysis, core::FeatureId parcel,
                                   const std::string& technique)
{
    for (const core::ParcelResult& result : analysis.parcels)
        if (result.parcelId == parcel)
            for (const core::Intervention& intervention : result.carbon.interventions)
                if (intervention.technique == technique)
                    return intervention;
    throw std::runtime_error("no proposal " + technique);
}

/// The CSV's blocks: each block's rows as cells, keyed by block header's first cell.
std::map<QString, std::vector<QStringList>> readBlocks(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    std::map<QString, std::vector<QStringList>> blocks;
    std::vector<QStringList>* block = nullptr;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.isEmpty()) {
            block = nullptr;
            continue;
        }
        const QStringList cells = line.split(QLatin1Char(','));
        if (!block) {
            block = &blocks[cells[0] + QLatin1Char('/') + cells[1]];
            continue;  // the header row
        }
        block->push_back(cells);
    }
    return blocks;
}

TEST(ScenarioCommandTest, ComparesScenariosOnTheSample)
{
    QTemporaryDir dir;
    const QString project = copySample(dir);

    gis::ImportReport report;
    auto loaded = gis::loadProject(project, {}, report);
    ASSERT_TRUE(loaded.ok());
    const core::Analysis analysis = core::runAnalysis(loaded.value());
    const core::Intervention& pv = proposal(analysis, 108, "rooftop_pv");
    const core::Intervention& garbage = proposal(analysis, 40, "garbage_sorting_recycling");
    const core::Intervention& envelope = proposal(analysis, 108, "led_envelope_equipment");
    double baselineNet = 0;
    for (const core::ParcelResult& result : analysis.parcels)
        baselineNet += result.carbon.ledger.totalT();
    // The cap case only means something if both act on one amount that 100x PV exceeds.
    ASSERT_EQ(pv.actsOnT, envelope.actsOnT);
    ASSERT_GT(100 * pv.effectTPerYear, pv.actsOnT);
    ASSERT_GT(pv.effectTPerYear, 0);
    ASSERT_GT(garbage.effectTPerYear, 0);

    const QByteArray q1 = QByteArray::number(pv.quantity, 'g', 17);
    const QByteArray q2 = QByteArray::number(garbage.quantity, 'g', 17);
    const QByteArray q3 = QByteArray::number(envelope.quantity, 'g', 17);
    const QByteArray header =
        "scenario,parcel_id,technique,quantity,phase,year,party,cost,status,note\n";
    const QString fileAB = writeFile(
        dir, "ab.csv",
        header + "A,108,rooftop_pv," + q1 + ",1 demonstration,2027,government,high,done,\n"
        "B,108,rooftop_pv," + q1 + ",1 demonstration,2027,government,high,done,\n"
        "B,40,garbage_sorting_recycling," + q2 + ",2 area,2028,residents,low,approved,\n");
    const QString fileC = writeFile(
        dir, "c.csv",
        header + "C,108,rooftop_pv," + QByteArray::number(100 * pv.quantity, 'g', 17) +
            ",1,2027,enterprise,high,proposed,\n"
            "C,108,led_envelope_equipment," + q3 + ",1,2027,shared,medium,proposed,\n");

    const CliRun imported = runCli({project, QStringLiteral("--import"), fileAB, fileC});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    auto stored = gis::loadScenarios(project);
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored.value().size(), 3u);

    const QString out = dir.filePath(QStringLiteral("out"));
    const CliRun compared = runCli({project, QStringLiteral("--compare"), QStringLiteral("A"),
                                    QStringLiteral("B"), QStringLiteral("C"),
                                    QStringLiteral("--out"), out});
    ASSERT_EQ(compared.exitCode, 0) << compared.err.toStdString();
    EXPECT_TRUE(compared.out.contains(QStringLiteral("baseline")));

    auto blocks = readBlocks(out + QStringLiteral("/scenario_comparison.csv"));
    std::map<QString, QStringList> ledger;
    for (const QStringList& row : blocks[QStringLiteral("category/baseline_tco2e_per_year")])
        ledger[row[0]] = row;
    ASSERT_EQ(ledger.count(QStringLiteral("net")), 1u);
    const QStringList& net = ledger[QStringLiteral("net")];
    ASSERT_GE(net.size(), 8);
    // Columns after the category: baseline, then after and reduction for A, B and C.
    EXPECT_NEAR(net[1].toDouble(), baselineNet, kPrintTolerance);
    EXPECT_NEAR(net[3].toDouble(), pv.effectTPerYear, kPrintTolerance);
    EXPECT_NEAR(net[5].toDouble() - net[3].toDouble(), garbage.effectTPerYear, kPrintTolerance);
    EXPECT_NEAR(net[2].toDouble(), baselineNet - pv.effectTPerYear, kPrintTolerance);
    // PV's index (renewable energy) is a construction index: A lowers construction only.
    EXPECT_NEAR(ledger[QStringLiteral("construction")][3].toDouble(), pv.effectTPerYear,
                kPrintTolerance);
    EXPECT_NEAR(ledger[QStringLiteral("waste")][3].toDouble(), 0, kPrintTolerance);
    // C: requested min(100 e_pv, cap) + e_envelope > cap, so the pair removes the cap exactly.
    EXPECT_NEAR(net[7].toDouble(), pv.actsOnT, kPrintTolerance);
    EXPECT_LT(net[7].toDouble(), pv.actsOnT + envelope.effectTPerYear - kPrintTolerance);

    // B's yearly path: 2027 PV only (done), 2028 both planned, garbage not yet done.
    std::vector<QStringList> path;
    for (const QStringList& row : blocks[QStringLiteral("scenario/year")])
        if (row[0] == QStringLiteral("B"))
            path.push_back(row);
    ASSERT_EQ(path.size(), 2u);
    EXPECT_EQ(path[0][1], QStringLiteral("2027"));
    EXPECT_NEAR(path[0][2].toDouble(), pv.effectTPerYear, kPrintTolerance);
    EXPECT_NEAR(path[0][3].toDouble(), pv.effectTPerYear, kPrintTolerance);
    EXPECT_NEAR(path[1][2].toDouble(), pv.effectTPerYear + garbage.effectTPerYear,
                kPrintTolerance);
    EXPECT_NEAR(path[1][3].toDouble(), pv.effectTPerYear, kPrintTolerance);
}

TEST(ScenarioCommandTest, BadLineIsExitOneNamingTheLineAndLeavesTheProject)
{
    QTemporaryDir dir;
    const QString project = copySample(dir);
    const QString bad = writeFile(
        dir, "bad.csv",
        "scenario,parcel_id,technique,quantity,phase,year,party,cost,status,note\n"
        "A,108,rooftop_pv,10,1,2027,government,high,proposed,\n"
        "A,108,rooftop_pv,ten,1,2027,government,high,proposed,\n");
    const CliRun run = runCli({project, QStringLiteral("--import"), bad});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(bad + QStringLiteral(": line 3: quantity 'ten'")))
        << run.err.toStdString();
    auto stored = gis::loadScenarios(project);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored.value().empty());
    EXPECT_FALSE(QFile::exists(project + QStringLiteral(".scenario-store.gpkg")));
}

// A tester's file: parcel 9999 (the sample has none) and a technique 'teleporter' were stored
// with exit 0; now the import refuses each, naming file, scenario and parcel, and stores none.
TEST(ScenarioCommandTest, UnknownParcelOrTechniqueIsRefusedAndNothingStored)
{
    QTemporaryDir dir;
    const QString project = copySample(dir);
    const char* header =
        "scenario,parcel_id,technique,quantity,phase,year,party,cost,status,note\n";
    const struct {
        const char* row;
        const char* said;
    } cases[] = {
        {"A,9999,rooftop_pv,10,1,2027,government,high,proposed,\n",
         "scenario 'A', parcel 9999: the project has no such parcel"},
        {"A,108,teleporter,10,1,2027,government,high,proposed,\n",
         "scenario 'A', parcel 108: 'teleporter' is not a technique of the method"},
        {"A,108,facility:spaceport,1,1,2027,government,high,proposed,\n",
         "scenario 'A', parcel 108: 'spaceport' is not a facility type of the method"},
    };
    for (const auto& c : cases) {
        const QString file = writeFile(dir, "bad.csv", (std::string(header) + c.row).c_str());
        const CliRun run = runCli({project, QStringLiteral("--import"), file});
        EXPECT_EQ(run.exitCode, 1) << c.row;
        EXPECT_TRUE(run.err.contains(file + QStringLiteral(": ") + QString::fromUtf8(c.said)))
            << run.err.toStdString();
        auto stored = gis::loadScenarios(project);
        ASSERT_TRUE(stored.ok());
        EXPECT_TRUE(stored.value().empty());
    }
}

TEST(ScenarioCommandTest, UsageAndUnknownScenario)
{
    QTemporaryDir dir;
    const QString project = copySample(dir);
    EXPECT_EQ(runCli({project}).exitCode, 2);
    EXPECT_EQ(runCli({project, QStringLiteral("--bogus")}).exitCode, 2);
    const CliRun unknown = runCli({project, QStringLiteral("--compare"), QStringLiteral("Z")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("no scenario named 'Z'")));
}

} // namespace
} // namespace greenrenew
