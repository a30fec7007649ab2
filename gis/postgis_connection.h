#pragma once

// A connection to a PostgreSQL/PostGIS server through libpq, by service name or by host, port,
// database and user. The password comes from the user's pgpass or service file, or, when the
// server asks for one they do not hold, from a prompt callback; it is kept only in memory for
// the life of the connection and never appears in a message, a log or a project.

#include "core/result.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace greenrenew::gis {

/// Where a project lives in PostgreSQL. Empty fields are left to libpq's defaults (PGHOST,
/// PGPORT, ..., the service file).
struct PgLocation {
    QString service;   // a name in pg_service.conf; the fields below then override it
    QString host;
    int port = 0;      // 0: default
    QString database;
    QString user;
    QString schema;    // the project's schema
};

/// Parses "PG:service=x schemas=s", "PG:host=h port=5432 dbname=d user=u active_schema=s" or
/// "postgis://user@host:port/database?schema=s" (or "postgis://?service=x&schema=s").
/// std::nullopt when INPUT is neither form.
std::optional<PgLocation> parsePgLocation(const QString& input);

/// True for the inputs parsePgLocation reads ("PG:" and "postgis://").
bool isPgInput(const QString& input);

/// Why NAME cannot be a project schema, or empty when it can. GDAL reads a schema from its
/// connection string without unquoting it, so a space, quote, backslash, '=' or ',' would
/// end the name and start another option ("x port=1"): letters (any script), digits and '_'
/// only, not starting with a digit, at most 63 bytes (PostgreSQL's identifier length).
QString schemaNameProblem(const QString& name);

/// "PG:service=x user=u schemas=s" for GDAL's PostgreSQL driver (no password in it); a layer
/// named "parcels" then is the project schema's table.
QString gdalInput(const PgLocation& location);

/// "user@host:port/database, schema s" or "service x, schema s": for messages and titles.
QString describePgLocation(const PgLocation& location);

/// Asked for the password when the server wants one that pgpass and the service file lack;
/// WHERE says which server and user (never a password). std::nullopt: the user cancelled.
using PasswordPrompt = std::function<std::optional<std::string>(const QString& where)>;

/// One row of a query's result, each value as text (std::nullopt for SQL NULL).
using PgRow = std::vector<std::optional<std::string>>;

/// A libpq connection. Statements are sent with their values as bound parameters; names are
/// quoted with quoteIdentifier. Not copyable; one thread at a time.
class PgConnection {
public:
    ~PgConnection();
    PgConnection(PgConnection&&) noexcept;
    PgConnection& operator=(PgConnection&&) noexcept;

    /// Connects; a failure names the server and user and carries the server's message.
    static core::Result<PgConnection> open(const PgLocation& location,
                                           const PasswordPrompt& prompt = {});

    const PgLocation& location() const;
    /// The server process serving this connection (pg_backend_pid()).
    int backendPid() const;
    /// True while the connection is usable; false after the server dropped it.
    bool alive() const;
    /// Reconnects with the same parameters (and the password already given, if any).
    core::Result<bool> reconnect();

    /// Runs SQL with PARAMS bound as $1, $2, ... (text; std::nullopt is NULL) and returns the
    /// rows. A failure carries OPERATION and the server's message.
    core::Result<std::vector<PgRow>> exec(const std::string& operation, const std::string& sql,
                                          const std::vector<std::optional<std::string>>& params
                                          = {});

    /// "name" with embedded quotes doubled, safe to splice into SQL as an identifier.
    std::string quoteIdentifier(const std::string& name) const;

    /// Starts listening on CHANNEL (quoted); notifications are read by takeNotifications.
    core::Result<bool> listen(const std::string& channel);
    /// The payloads of notifications received so far (without waiting).
    std::vector<std::string> takeNotifications();

    /// GDAL's connection string for this server and SCHEMA (with the password when the prompt
    /// gave one, so never show or store it; use gdalInput for anything shown).
    QString gdalConnectionString(const QString& schema) const;

private:
    struct Impl;
    explicit PgConnection(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace greenrenew::gis
