// greenrenew-cli postgis on the test server (scripts/pg-test-server.sh): the sample pushed
// into a schema is listed as a project, pulled back into a GeoPackage with every layer and row
// (counts from ogrinfo on the sample), and a second push into the same schema is refused with
// exit 1, leaving it as it was.

#include "../gis/postgis_test_support.h"
#include "gis/postgis_connection.h"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace greenrenew::gis {
namespace {

using pgtest::kSamplePath;
using pgtest::PostgisTest;

struct CliRun {
    int exitCode = -1;
    QString out;
    QString errors;
};

CliRun runCli(const QStringList& arguments)
{
    QProcess cli;
    cli.start(QStringLiteral(GREENRENEW_CLI), QStringList{QStringLiteral("postgis")} + arguments);
    cli.waitForFinished(300000);
    return {cli.exitCode(), QString::fromUtf8(cli.readAllStandardOutput()),
            QString::fromUtf8(cli.readAllStandardError())};
}

/// Layer name -> feature count.
std::map<std::string, long long> layerCounts(const QString& path)
{
    GDALAllRegister();
    std::map<std::string, long long> counts;
    std::unique_ptr<GDALDataset> dataset(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset)
        return counts;
    for (int i = 0; i < dataset->GetLayerCount(); ++i)
        counts[dataset->GetLayer(i)->GetName()] = dataset->GetLayer(i)->GetFeatureCount();
    return counts;
}

TEST_F(PostgisTest, CommandPushesListsAndPullsTheSample)
{
    const QString server = QStringLiteral("PG:service=") + m_location.service;
    const CliRun pushed = runCli({QStringLiteral("push"), QString::fromUtf8(kSamplePath), server,
                                  QStringLiteral("--schema"), m_schema});
    ASSERT_EQ(pushed.exitCode, 0) << pushed.errors.toStdString();
    // The sample's 7 layers and tables (ogrinfo -so lists them).
    EXPECT_TRUE(pushed.out.startsWith(QStringLiteral("copied 7 tables")))
        << pushed.out.toStdString();

    const CliRun listed = runCli({QStringLiteral("list"), server});
    ASSERT_EQ(listed.exitCode, 0) << listed.errors.toStdString();
    EXPECT_TRUE(listed.out.split(QLatin1Char('\n')).contains(m_schema))
        << listed.out.toStdString();

    QTemporaryDir dir;
    const QString back = dir.filePath(QStringLiteral("back.gpkg"));
    const CliRun pulled = runCli({QStringLiteral("pull"), server, QStringLiteral("--schema"),
                                  m_schema, QStringLiteral("--out"), back});
    ASSERT_EQ(pulled.exitCode, 0) << pulled.errors.toStdString();
    const auto original = layerCounts(QString::fromUtf8(kSamplePath));
    EXPECT_EQ(layerCounts(back), original);
    // The sample's parcels (SOURCE.md): 173.
    EXPECT_EQ(original.at("parcels"), 173);

    const CliRun again = runCli({QStringLiteral("push"), QString::fromUtf8(kSamplePath), server,
                                 QStringLiteral("--schema"), m_schema});
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.errors.contains(QStringLiteral("already holds 7 tables")))
        << again.errors.toStdString();
}

TEST(PostgisCommand, UsageAndUnreachableServer)
{
    EXPECT_EQ(runCli({}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("push"), QStringLiteral("x.gpkg")}).exitCode, 2);
    const CliRun notPg = runCli({QStringLiteral("list"), QStringLiteral("x.gpkg")});
    EXPECT_EQ(notPg.exitCode, 1);
    EXPECT_TRUE(notPg.errors.contains(QStringLiteral("no PostGIS connection")));
    // Nothing listens on port 1: the message names the server.
    const CliRun down = runCli({QStringLiteral("list"),
                                QStringLiteral("PG:host=127.0.0.1 port=1 dbname=x user=u")});
    EXPECT_EQ(down.exitCode, 1);
    EXPECT_TRUE(down.errors.contains(QStringLiteral("127.0.0.1"))) << down.errors.toStdString();
}

// A schema name goes into GDAL's connection string, which does not unquote it: "x3 port=1"
// would connect to port 1. Such names are refused before any connection; a pull never
// replaces an existing file (both checked without a server: nothing listens on port 1).
TEST(PostgisCommand, RefusesSchemaNamesThatWouldChangeTheConnectionAndExistingOut)
{
    const QString server = QStringLiteral("PG:host=127.0.0.1 port=1 dbname=x user=u");
    for (const char* name : {"x3 port=1", "Bad Name; drop", "a'b", "a,b", "1st"}) {
        const CliRun run = runCli({QStringLiteral("push"), QStringLiteral("x.gpkg"), server,
                                   QStringLiteral("--schema"), QString::fromUtf8(name)});
        EXPECT_EQ(run.exitCode, 2) << name;
        EXPECT_TRUE(run.errors.contains(QStringLiteral("letters, digits and _ only")))
            << run.errors.toStdString();
        EXPECT_FALSE(run.errors.contains(QStringLiteral("127.0.0.1"))) << "connected: " << name;
    }
    EXPECT_TRUE(schemaNameProblem(QStringLiteral("地块方案_2026")).isEmpty());
    EXPECT_TRUE(schemaNameProblem(QStringLiteral("renewal_2026")).isEmpty());
    EXPECT_FALSE(schemaNameProblem(QString(64, QLatin1Char('a'))).isEmpty());

    QTemporaryDir dir;
    const QString existing = dir.filePath(QStringLiteral("mine.gpkg"));
    QFile file(existing);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("a designer's project");
    file.close();
    const CliRun pull = runCli({QStringLiteral("pull"), server, QStringLiteral("--schema"),
                                QStringLiteral("renewal"), QStringLiteral("--out"), existing});
    EXPECT_EQ(pull.exitCode, 1);
    EXPECT_TRUE(pull.errors.contains(QStringLiteral("exists"))) << pull.errors.toStdString();
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray("a designer's project"));
}

} // namespace
} // namespace greenrenew::gis
