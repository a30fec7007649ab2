// greenrenew-cli postgis: a team's project between a GeoPackage and a PostGIS schema.
//   postgis list PG:...                          the schemas that hold a project
//   postgis push PROJECT.gpkg PG:... --schema S  copies every layer and table into schema S
//   postgis pull PG:... --schema S --out FILE    copies schema S into a new GeoPackage
// The password comes from pgpass or the service file; when the server wants one they lack and
// a terminal is attached, it is asked for there without echo, and kept in memory only.

#include "app/cli/commands.h"
#include "gis/postgis_project.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace greenrenew::cli {

namespace {

const char* const kPostgisUsage =
    "greenrenew-cli postgis: expected one of\n"
    "  postgis list PG:CONNECTION\n"
    "  postgis push PROJECT.gpkg PG:CONNECTION --schema NAME\n"
    "  postgis pull PG:CONNECTION --schema NAME --out FILE.gpkg\n"
    "PG:CONNECTION is 'PG:service=NAME' or 'PG:host=H port=P dbname=D user=U', or a\n"
    "postgis://user@host:port/database address.\n";

/// Reads a password from the terminal with echo off; nothing when no terminal is attached.
std::optional<std::string> promptOnTerminal(const QString& where)
{
    if (!isatty(STDIN_FILENO))
        return std::nullopt;
    std::cerr << "Password for " << where.toStdString() << ": " << std::flush;
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    std::string password;
    std::getline(std::cin, password);
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
    return password;
}

std::optional<gis::PgConnection> connect(const QString& input, const QString& schema)
{
    std::optional<gis::PgLocation> location = gis::parsePgLocation(input);
    if (!location) {
        std::cerr << "greenrenew-cli postgis: '" << input.toStdString()
                  << "' is no PostGIS connection\n";
        return std::nullopt;
    }
    if (!schema.isEmpty())
        location->schema = schema;
    auto connection = gis::PgConnection::open(*location, promptOnTerminal);
    if (!connection) {
        std::cerr << "greenrenew-cli: " << connection.error().describe() << "\n";
        return std::nullopt;
    }
    return std::move(connection.value());
}

int reportCopy(const core::Result<gis::PgExportSummary>& copied, const QString& to)
{
    if (!copied) {
        std::cerr << "greenrenew-cli: " << copied.error().describe() << "\n";
        return kExitBadInput;
    }
    std::cout << "copied " << copied.value().tables.size() << " tables, "
              << copied.value().features << " rows to " << to.toStdString() << ":";
    for (const QString& table : copied.value().tables)
        std::cout << " " << table.toStdString();
    std::cout << "\n";
    return kExitOk;
}

} // namespace

int runPostgis(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("schema"), QStringLiteral("project schema"),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("GeoPackage to write"),
                      QStringLiteral("FILE")});
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("postgis"));
    if (!parser.parse(withProgram) || parser.positionalArguments().isEmpty()) {
        std::cerr << kPostgisUsage;
        return kExitBadUsage;
    }
    const QStringList positional = parser.positionalArguments();
    const QString verb = positional.first();
    const QString schema = parser.value(QStringLiteral("schema"));
    if (!schema.isEmpty()) {
        const QString problem = gis::schemaNameProblem(schema);
        if (!problem.isEmpty()) {
            std::cerr << "greenrenew-cli postgis: " << problem.toStdString() << "\n";
            return kExitBadUsage;
        }
    }

    if (verb == QStringLiteral("list") && positional.size() == 2) {
        auto connection = connect(positional.at(1), {});
        if (!connection)
            return kExitBadInput;
        auto schemas = gis::postgisProjectSchemas(*connection);
        if (!schemas) {
            std::cerr << "greenrenew-cli: " << schemas.error().describe() << "\n";
            return kExitBadInput;
        }
        for (const QString& name : schemas.value())
            std::cout << name.toStdString() << "\n";
        return kExitOk;
    }
    if (verb == QStringLiteral("push") && positional.size() == 3 && !schema.isEmpty()) {
        auto connection = connect(positional.at(2), schema);
        if (!connection)
            return kExitBadInput;
        return reportCopy(gis::exportGeoPackageToPostgis(positional.at(1), *connection, schema),
                          gis::describePgLocation(connection->location()));
    }
    const QString out = parser.value(QStringLiteral("out"));
    if (verb == QStringLiteral("pull") && positional.size() == 2 && !schema.isEmpty()
        && !out.isEmpty()) {
        // push refuses a schema that holds a project; pull likewise never replaces a file.
        if (QFileInfo::exists(out)) {
            std::cerr << "greenrenew-cli postgis: " << out.toStdString()
                      << " exists; pull writes a new GeoPackage (choose another name or remove "
                         "it)\n";
            return kExitBadInput;
        }
        auto connection = connect(positional.at(1), schema);
        if (!connection)
            return kExitBadInput;
        return reportCopy(gis::exportPostgisToGeoPackage(*connection, schema, out), out);
    }
    std::cerr << kPostgisUsage;
    return kExitBadUsage;
}

} // namespace greenrenew::cli
