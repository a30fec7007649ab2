#include "gis/postgis_connection.h"

#include <libpq-fe.h>

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <cstring>

namespace greenrenew::gis {

namespace {

core::Error pgError(const std::string& operation, const QString& where, const std::string& why)
{
    core::Error error;
    error.operation = operation;
    error.path = where.toStdString();
    std::string message = why;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    error.message = message.empty() ? "no message from the server" : message;
    return error;
}

/// Splits libpq's "key=value key='quoted value'" into pairs (backslash escapes in quotes).
std::vector<std::pair<QString, QString>> connectionPairs(const QString& text)
{
    std::vector<std::pair<QString, QString>> pairs;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        const int keyStart = i;
        while (i < n && text[i] != QLatin1Char('=') && !text[i].isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        while (i < n && text[i].isSpace())
            ++i;
        if (i >= n || text[i] != QLatin1Char('='))
            break;
        ++i;
        while (i < n && text[i].isSpace())
            ++i;
        QString value;
        if (i < n && text[i] == QLatin1Char('\'')) {
            for (++i; i < n && text[i] != QLatin1Char('\''); ++i) {
                if (text[i] == QLatin1Char('\\') && i + 1 < n)
                    ++i;
                value += text[i];
            }
            ++i;
        } else {
            while (i < n && !text[i].isSpace())
                value += text[i++];
        }
        if (!key.isEmpty())
            pairs.emplace_back(key, value);
    }
    return pairs;
}

QString quotedValue(const QString& value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

std::optional<PgLocation> fromConnectionString(const QString& text)
{
    PgLocation location;
    for (const auto& [key, value] : connectionPairs(text)) {
        if (key == QLatin1String("service"))
            location.service = value;
        else if (key == QLatin1String("host") || key == QLatin1String("hostaddr"))
            location.host = value;
        else if (key == QLatin1String("port"))
            location.port = value.toInt();
        else if (key == QLatin1String("dbname"))
            location.database = value;
        else if (key == QLatin1String("user"))
            location.user = value;
        else if (key == QLatin1String("active_schema")
                 || (key == QLatin1String("schemas") && !value.contains(QLatin1Char(','))))
            location.schema = value;
    }
    return location;
}

std::optional<PgLocation> fromUri(const QString& text)
{
    const QUrl url(text);
    if (!url.isValid())
        return std::nullopt;
    PgLocation location;
    location.host = url.host();
    location.port = url.port(0);
    location.user = url.userName();
    location.database = url.path().mid(1);
    const QUrlQuery query(url);
    location.schema = query.queryItemValue(QStringLiteral("schema"), QUrl::FullyDecoded);
    location.service = query.queryItemValue(QStringLiteral("service"), QUrl::FullyDecoded);
    return location;
}

} // namespace

bool isPgInput(const QString& input)
{
    return input.startsWith(QLatin1String("PG:")) || input.startsWith(QLatin1String("postgis://"));
}

std::optional<PgLocation> parsePgLocation(const QString& input)
{
    if (input.startsWith(QLatin1String("PG:")))
        return fromConnectionString(input.mid(3));
    if (input.startsWith(QLatin1String("postgis://")))
        return fromUri(input);
    return std::nullopt;
}

QString schemaNameProblem(const QString& name)
{
    static const QRegularExpression plain(QStringLiteral("^[\\p{L}_][\\p{L}\\p{N}_]*$"));
    if (name.isEmpty())
        return QStringLiteral("the schema name is empty");
    if (!plain.match(name).hasMatch())
        return QStringLiteral("schema name '%1': use letters, digits and _ only, not starting "
                              "with a digit (a space, quote, '=' or ',' would change the "
                              "connection)")
            .arg(name);
    if (name.toUtf8().size() > 63)
        return QStringLiteral("schema name '%1' is longer than PostgreSQL's 63 bytes").arg(name);
    return {};
}

QString gdalInput(const PgLocation& location)
{
    QStringList parts;
    if (!location.service.isEmpty())
        parts << QStringLiteral("service=") + quotedValue(location.service);
    if (!location.host.isEmpty())
        parts << QStringLiteral("host=") + quotedValue(location.host);
    if (location.port > 0)
        parts << QStringLiteral("port=%1").arg(location.port);
    if (!location.database.isEmpty())
        parts << QStringLiteral("dbname=") + quotedValue(location.database);
    if (!location.user.isEmpty())
        parts << QStringLiteral("user=") + quotedValue(location.user);
    // GDAL reads schemas= itself and does not unquote it; one schema makes it the active one,
    // so its tables are the layers, named without the schema.
    if (!location.schema.isEmpty())
        parts << QStringLiteral("schemas=") + location.schema;
    return QStringLiteral("PG:") + parts.join(QLatin1Char(' '));
}

QString describePgLocation(const PgLocation& location)
{
    QString text;
    if (!location.service.isEmpty())
        text = QStringLiteral("service %1").arg(location.service);
    if (!location.host.isEmpty() || !location.database.isEmpty()) {
        if (!text.isEmpty())
            text += QStringLiteral(", ");
        if (!location.user.isEmpty())
            text += location.user + QLatin1Char('@');
        text += location.host.isEmpty() ? QStringLiteral("localhost") : location.host;
        if (location.port > 0)
            text += QStringLiteral(":%1").arg(location.port);
        text += QLatin1Char('/') + location.database;
    }
    if (text.isEmpty())
        text = QStringLiteral("the default PostgreSQL server");
    if (!location.schema.isEmpty())
        text += QStringLiteral(", schema %1").arg(location.schema);
    return text;
}

struct PgConnection::Impl {
    PgLocation location;
    std::string password;  // only what the prompt gave; pgpass passwords stay in libpq
    PGconn* conn = nullptr;

    ~Impl()
    {
        if (conn)
            PQfinish(conn);
    }

    PGconn* connect(bool withPassword) const
    {
        std::vector<std::string> keys;
        std::vector<std::string> values;
        auto add = [&](const char* key, const QString& value) {
            if (!value.isEmpty()) {
                keys.emplace_back(key);
                values.push_back(value.toStdString());
            }
        };
        add("service", location.service);
        add("host", location.host);
        add("port", location.port > 0 ? QString::number(location.port) : QString());
        add("dbname", location.database);
        add("user", location.user);
        add("application_name", QStringLiteral("GreenRenew"));
        add("connect_timeout", QStringLiteral("10"));
        if (withPassword) {
            keys.emplace_back("password");
            values.push_back(password);
        }
        std::vector<const char*> keyPointers;
        std::vector<const char*> valuePointers;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            keyPointers.push_back(keys[i].c_str());
            valuePointers.push_back(values[i].c_str());
        }
        keyPointers.push_back(nullptr);
        valuePointers.push_back(nullptr);
        return PQconnectdbParams(keyPointers.data(), valuePointers.data(), 0);
    }
};

PgConnection::PgConnection(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PgConnection::~PgConnection() = default;
PgConnection::PgConnection(PgConnection&&) noexcept = default;
PgConnection& PgConnection::operator=(PgConnection&&) noexcept = default;

core::Result<PgConnection> PgConnection::open(const PgLocation& location,
                                              const PasswordPrompt& prompt)
{
    const QString where = describePgLocation(location);
    if (!location.schema.isEmpty()) {
        const QString problem = schemaNameProblem(location.schema);
        if (!problem.isEmpty())
            return pgError("connect", where, problem.toStdString());
    }
    auto impl = std::make_unique<Impl>();
    impl->location = location;
    impl->conn = impl->connect(false);
    if (PQstatus(impl->conn) != CONNECTION_OK && PQconnectionNeedsPassword(impl->conn)
        && prompt) {
        std::optional<std::string> password = prompt(where);
        if (!password)
            return pgError("connect", where, "no password given");
        impl->password = std::move(*password);
        PQfinish(impl->conn);
        impl->conn = impl->connect(true);
    }
    if (PQstatus(impl->conn) != CONNECTION_OK)
        return pgError("connect", where, PQerrorMessage(impl->conn));
    // Quiet NOTICEs (CREATE ... IF NOT EXISTS says "already exists, skipping").
    PQsetNoticeProcessor(impl->conn, [](void*, const char*) {}, nullptr);
    return PgConnection(std::move(impl));
}

const PgLocation& PgConnection::location() const { return m_impl->location; }

int PgConnection::backendPid() const { return PQbackendPID(m_impl->conn); }

bool PgConnection::alive() const { return PQstatus(m_impl->conn) == CONNECTION_OK; }

core::Result<bool> PgConnection::reconnect()
{
    PQfinish(m_impl->conn);
    m_impl->conn = m_impl->connect(!m_impl->password.empty());
    if (PQstatus(m_impl->conn) != CONNECTION_OK)
        return pgError("reconnect", describePgLocation(m_impl->location),
                       PQerrorMessage(m_impl->conn));
    PQsetNoticeProcessor(m_impl->conn, [](void*, const char*) {}, nullptr);
    return true;
}

core::Result<std::vector<PgRow>> PgConnection::exec(
    const std::string& operation, const std::string& sql,
    const std::vector<std::optional<std::string>>& params)
{
    std::vector<const char*> values;
    for (const auto& param : params)
        values.push_back(param ? param->c_str() : nullptr);
    PGresult* result = PQexecParams(m_impl->conn, sql.c_str(), int(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const char* message = result ? PQresultErrorMessage(result) : "";
        const std::string why = message && *message ? message : PQerrorMessage(m_impl->conn);
        PQclear(result);
        return pgError(operation, describePgLocation(m_impl->location), why);
    }
    std::vector<PgRow> rows;
    const int columns = PQnfields(result);
    for (int r = 0; r < PQntuples(result); ++r) {
        PgRow row;
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result, r, c))
                row.push_back(std::nullopt);
            else
                row.emplace_back(std::string(PQgetvalue(result, r, c),
                                             std::size_t(PQgetlength(result, r, c))));
        }
        rows.push_back(std::move(row));
    }
    PQclear(result);
    return rows;
}

std::string PgConnection::quoteIdentifier(const std::string& name) const
{
    char* escaped = PQescapeIdentifier(m_impl->conn, name.c_str(), name.size());
    if (!escaped) {
        // Only for text invalid in the connection's encoding: doubling the quotes by hand
        // still keeps the name one identifier.
        std::string quoted = "\"";
        for (char c : name)
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        return quoted + "\"";
    }
    std::string quoted(escaped);
    PQfreemem(escaped);
    return quoted;
}

core::Result<bool> PgConnection::listen(const std::string& channel)
{
    auto done = exec("listen", "LISTEN " + quoteIdentifier(channel));
    if (!done)
        return done.error();
    return true;
}

std::vector<std::string> PgConnection::takeNotifications()
{
    std::vector<std::string> payloads;
    PQconsumeInput(m_impl->conn);
    while (PGnotify* notify = PQnotifies(m_impl->conn)) {
        payloads.emplace_back(notify->extra ? notify->extra : "");
        PQfreemem(notify);
    }
    return payloads;
}

QString PgConnection::gdalConnectionString(const QString& schema) const
{
    PgLocation location = m_impl->location;
    location.schema = schema;
    QString text = gdalInput(location);
    if (!m_impl->password.empty())
        text += QStringLiteral(" password=")
                + quotedValue(QString::fromStdString(m_impl->password));
    return text;
}

} // namespace greenrenew::gis
