// Connecting to PostGIS: the input forms GreenRenew takes, and a password that comes from a
// prompt and ends up nowhere else (not in the project, its copy, a message or the log).

#include "gis/postgis_project.h"
#include "postgis_test_support.h"

#include <QFile>
#include <QTemporaryDir>

#include <cpl_conv.h>
#include <cpl_error.h>

namespace greenrenew::gis {
namespace {

using pgtest::kSamplePath;
using pgtest::PostgisTest;

TEST(PgLocationTest, ReadsGdalsConnectionString)
{
    const auto location = parsePgLocation(QStringLiteral(
        "PG:host=db.example port=5433 dbname='city data' user=anna schemas=yuzhong"));
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->host, QStringLiteral("db.example"));
    EXPECT_EQ(location->port, 5433);
    EXPECT_EQ(location->database, QStringLiteral("city data"));
    EXPECT_EQ(location->user, QStringLiteral("anna"));
    EXPECT_EQ(location->schema, QStringLiteral("yuzhong"));
}

TEST(PgLocationTest, ReadsAPostgisAddress)
{
    const auto location =
        parsePgLocation(QStringLiteral("postgis://anna@db.example:5433/city?schema=yuzhong"));
    ASSERT_TRUE(location.has_value());
    EXPECT_EQ(location->user, QStringLiteral("anna"));
    EXPECT_EQ(location->port, 5433);
    EXPECT_EQ(location->database, QStringLiteral("city"));
    EXPECT_EQ(location->schema, QStringLiteral("yuzhong"));
    EXPECT_EQ(gdalInput(*location),
              QStringLiteral("PG:host='db.example' port=5433 dbname='city' user='anna' "
                             "schemas=yuzhong"));
    EXPECT_FALSE(parsePgLocation(QStringLiteral("/data/city.gpkg")).has_value());
}

QString s_log;

void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    s_log += message + QLatin1Char('\n');
}

void CPL_STDCALL captureGdal(CPLErr, CPLErrorNum, const char* message)
{
    s_log += QString::fromUtf8(message) + QLatin1Char('\n');
}

TEST_F(PostgisTest, PromptedPasswordIsNeverWrittenToTheProjectOrTheLog)
{
    const std::string password = pgtest::testServerPassword();
    ASSERT_FALSE(password.empty()) << "the test server's pgpass file is not readable";
    const QByteArray pgpass = qgetenv("PGPASSFILE");
    qputenv("PGPASSFILE", "/nonexistent/pgpass");  // the server must now ask
    CPLSetConfigOption("CPL_DEBUG", "ON");          // GDAL's debug messages reach the log too
    s_log.clear();
    qInstallMessageHandler(captureLog);
    CPLPushErrorHandler(captureGdal);
    std::vector<std::string> messages;

    auto refused = PgConnection::open(m_location);
    ASSERT_FALSE(refused.ok());
    messages.push_back(refused.error().describe());
    int asked = 0;
    auto connection = PgConnection::open(m_location, [&](const QString& where) {
        ++asked;
        messages.push_back(where.toStdString());
        return std::optional<std::string>(password);
    });
    ASSERT_TRUE(connection.ok()) << connection.error().describe();
    EXPECT_EQ(asked, 1);

    auto exported = exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath),
                                              connection.value(), m_schema);
    ASSERT_TRUE(exported.ok()) << exported.error().describe();
    auto again = exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath), connection.value(),
                                           m_schema);
    ASSERT_FALSE(again.ok());
    messages.push_back(again.error().describe());
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.gpkg"));
    ASSERT_TRUE(exportPostgisToGeoPackage(connection.value(), m_schema, copy).ok());
    auto wrong = PgConnection::open(m_location, [](const QString&) {
        return std::optional<std::string>("not-the-password");
    });
    ASSERT_FALSE(wrong.ok());
    messages.push_back(wrong.error().describe());

    CPLPopErrorHandler();
    qInstallMessageHandler(nullptr);
    CPLSetConfigOption("CPL_DEBUG", nullptr);
    qputenv("PGPASSFILE", pgpass);

    QFile file(copy);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_FALSE(file.readAll().contains(QByteArray::fromStdString(password)));
    EXPECT_FALSE(s_log.contains(QString::fromStdString(password)));
    EXPECT_FALSE(s_log.isEmpty()) << "GDAL's debug output was not captured";
    for (const std::string& message : messages)
        EXPECT_EQ(message.find(password), std::string::npos) << message;
    EXPECT_NE(wrong.error().message.find("password authentication failed"), std::string::npos)
        << wrong.error().describe();
}

} // namespace
} // namespace greenrenew::gis
