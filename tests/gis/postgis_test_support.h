#pragma once

// The PostGIS tests run against the throwaway server of scripts/pg-test-server.sh (started by
// scripts/test.sh). Without it they FAIL, naming the command to run: a missing server is never
// a silent skip. Each test works in a schema of its own (tests run as parallel processes) and
// removes it afterwards.

#include "gis/postgis_connection.h"
#include "gis/postgis_project.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QString>

#include <cstdlib>
#include <unistd.h>

namespace greenrenew::gis::pgtest {

inline const char* kNoServer =
    "no PostGIS test server: GREENRENEW_PG_SERVICE is not set. Run "
    "eval \"$(scripts/pg-test-server.sh start)\" first (scripts/test.sh does)";

/// The test server by its service name (password from the pgpass file of the environment).
inline std::optional<PgLocation> testServer()
{
    const char* service = std::getenv("GREENRENEW_PG_SERVICE");
    if (!service || !*service)
        return std::nullopt;
    PgLocation location;
    location.service = QString::fromUtf8(service);
    return location;
}

/// The test server's password, read from its pgpass file (host:port:db:user:password).
inline std::string testServerPassword()
{
    QFile file(QString::fromUtf8(std::getenv("PGPASSFILE") ? std::getenv("PGPASSFILE") : ""));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = file.readLine().trimmed().split(':');
    return fields.size() == 5 ? fields.at(4).toStdString() : std::string();
}

inline const char* kSamplePath = GREENRENEW_SOURCE_DIR "/resources/sample/shanghai_bund.gpkg";

class PostgisTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const std::optional<PgLocation> server = testServer();
        ASSERT_TRUE(server.has_value()) << kNoServer;
        m_location = *server;
        auto connection = PgConnection::open(m_location);
        ASSERT_TRUE(connection.ok()) << connection.error().describe();
        m_connection.emplace(std::move(connection.value()));
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_schema = QStringLiteral("t_%1_%2")
                       .arg(QString::fromUtf8(info->name()).toLower())
                       .arg(getpid())
                       .left(60);
        dropSchema();
    }

    void TearDown() override
    {
        if (m_connection && m_connection->alive())
            dropSchema();
    }

    void dropSchema()
    {
        m_connection->exec("drop test schema",
                           "DROP SCHEMA IF EXISTS "
                               + m_connection->quoteIdentifier(m_schema.toStdString())
                               + " CASCADE");
    }

    PgConnection& connection() { return *m_connection; }

    PgLocation m_location;
    std::optional<PgConnection> m_connection;
    QString m_schema;
};

/// A test on a copy of the real sample (resources/sample) in the test's own schema.
class SampleInPostgisTest : public PostgisTest {
protected:
    void SetUp() override
    {
        PostgisTest::SetUp();
        if (HasFatalFailure())
            return;
        auto exported = exportGeoPackageToPostgis(QString::fromUtf8(kSamplePath), connection(),
                                                  m_schema);
        ASSERT_TRUE(exported.ok()) << exported.error().describe();
    }

    /// The first value of the first row SQL gives on ON ("NULL" for NULL, "none" for no row).
    std::string scalar(PgConnection& on, const std::string& sql)
    {
        auto rows = on.exec("test query", sql);
        EXPECT_TRUE(rows.ok()) << rows.error().describe();
        return rows.ok() && !rows.value().empty() ? rows.value().front().at(0).value_or("NULL")
                                                  : std::string("none");
    }
    std::string scalar(const std::string& sql) { return scalar(connection(), sql); }

    std::string quotedSchema() { return connection().quoteIdentifier(m_schema.toStdString()); }
};

} // namespace greenrenew::gis::pgtest
