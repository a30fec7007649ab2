#include "gis/postgis_team_table.h"

#include "gis/postgis_project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace greenrenew::gis {

namespace {

constexpr const char* kHistoryTable = "gr_parcel_history";

} // namespace

std::string PgTeamTable::qualified(const std::string& name) const
{
    return m_connection->quoteIdentifier(m_schema.toStdString()) + "."
           + m_connection->quoteIdentifier(name);
}

core::Error PgTeamTable::error(const char* operation, std::optional<long long> fid,
                               const std::string& message) const
{
    core::Error result;
    result.operation = operation;
    result.path = describePgLocation(m_connection->location()).toStdString() + ", schema "
                  + m_schema.toStdString();
    result.layer = m_table.toStdString();
    result.featureId = fid;
    result.message = message;
    return result;
}

core::Result<PgTeamTable> PgTeamTable::open(PgConnection& connection, const QString& schema,
                                            const QString& table)
{
    PgTeamTable team;
    team.m_connection = &connection;
    team.m_schema = schema;
    team.m_table = table;
    const std::string self = team.qualified(table.toStdString());
    const std::string history = team.qualified(kHistoryTable);
    const std::string version = connection.quoteIdentifier(kVersionColumn);
    const std::vector<std::string> setup = {
        "ALTER TABLE " + self + " ADD COLUMN IF NOT EXISTS " + version
            + " bigint NOT NULL DEFAULT 1",
        "CREATE TABLE IF NOT EXISTS " + history
            + " (id bigserial PRIMARY KEY, layer text NOT NULL, fid bigint NOT NULL, "
              "version bigint NOT NULL, kind text NOT NULL, saved_at timestamptz NOT NULL "
              "DEFAULT now(), saved_by text NOT NULL DEFAULT current_user, row_json text)"};
    for (const std::string& sql : setup) {
        auto done = connection.exec("prepare team editing", sql);
        if (!done)
            return team.error("prepare team editing", std::nullopt, done.error().message);
    }

    auto geometry = connection.exec(
        "read geometry column",
        "SELECT f_geometry_column FROM geometry_columns WHERE f_table_schema = $1 AND "
        "f_table_name = $2",
        {schema.toStdString(), table.toStdString()});
    if (!geometry)
        return geometry.error();
    if (!geometry.value().empty())
        team.m_geometryColumn = geometry.value().front().at(0).value_or("");

    auto columns = connection.exec(
        "read columns",
        "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND "
        "table_name = $2 ORDER BY ordinal_position",
        {schema.toStdString(), table.toStdString()});
    if (!columns)
        return columns.error();
    bool hasFid = false;
    for (const PgRow& row : columns.value()) {
        const std::string name = row.at(0).value_or("");
        if (name == "fid")
            hasFid = true;
        else if (name != kVersionColumn && name != team.m_geometryColumn)
            team.m_columns.push_back(name);
    }
    if (!hasFid)
        return team.error("prepare team editing", std::nullopt,
                          "the table has no fid column (export it with GreenRenew)");
    return team;
}

core::Result<TeamRecord> PgTeamTable::read(long long fid)
{
    std::string sql = "SELECT " + m_connection->quoteIdentifier(kVersionColumn);
    sql += m_geometryColumn.empty()
               ? std::string(", NULL")
               : ", ST_AsText(" + m_connection->quoteIdentifier(m_geometryColumn) + ")";
    for (const std::string& column : m_columns)
        sql += ", " + m_connection->quoteIdentifier(column) + "::text";
    sql += " FROM " + qualified(m_table.toStdString()) + " WHERE fid = $1";
    auto rows = m_connection->exec("read parcel", sql, {std::to_string(fid)});
    if (!rows)
        return error("read parcel", fid, rows.error().message);
    TeamRecord record;
    record.fid = fid;
    if (rows.value().empty())
        return record;
    const PgRow& row = rows.value().front();
    record.version = std::stoll(row.at(0).value_or("0"));
    record.geometryWkt = row.at(1).value_or("");
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        record.values[m_columns[i]] = row.at(i + 2);
    return record;
}

core::Result<std::vector<TeamConflict>> PgTeamTable::lockAndCheck(
    const std::vector<TeamChange>& edit)
{
    std::vector<TeamConflict> conflicts;
    const std::string sql = "SELECT " + m_connection->quoteIdentifier(kVersionColumn)
                            + " FROM " + qualified(m_table.toStdString())
                            + " WHERE fid = $1 FOR UPDATE";
    for (const TeamChange& change : edit) {
        auto rows = m_connection->exec("lock parcel", sql, {std::to_string(change.fid)});
        if (!rows)
            return error("lock parcel", change.fid, rows.error().message);
        const long long current =
            rows.value().empty() ? 0 : std::stoll(rows.value().front().at(0).value_or("0"));
        if (current != change.baseVersion)
            conflicts.push_back({change, {change.fid, current, {}, {}}});
    }
    return conflicts;
}

core::Result<long long> PgTeamTable::writeChange(const TeamChange& change)
{
    const std::string self = qualified(m_table.toStdString());
    // The version being replaced goes to the history first: the other designer's work, or
    // one's own earlier state, stays readable.
    const std::string keep = "INSERT INTO " + qualified(kHistoryTable)
                             + " (layer, fid, version, kind, row_json) SELECT $1, fid, "
                             + m_connection->quoteIdentifier(kVersionColumn)
                             + ", 'replaced', to_jsonb(t)::text FROM " + self
                             + " AS t WHERE fid = $2";
    auto kept = m_connection->exec("keep replaced version", keep,
                                   {m_table.toStdString(), std::to_string(change.fid)});
    if (!kept)
        return error("keep replaced version", change.fid, kept.error().message);

    std::vector<std::optional<std::string>> params = {std::to_string(change.fid)};
    const std::string version = m_connection->quoteIdentifier(kVersionColumn);
    std::string sql = "UPDATE " + self + " SET " + version + " = " + version + " + 1";
    for (const auto& [field, value] : change.values) {
        if (field == "fid" || field == kVersionColumn || field == m_geometryColumn)
            return error("save parcel", change.fid, "field " + field + " cannot be edited");
        params.push_back(value);
        sql += ", " + m_connection->quoteIdentifier(field) + " = $"
               + std::to_string(params.size());
    }
    if (change.geometryWkt) {
        if (m_geometryColumn.empty())
            return error("save parcel", change.fid, "the table has no geometry column");
        params.push_back(*change.geometryWkt);
        const std::string column = m_connection->quoteIdentifier(m_geometryColumn);
        sql += ", " + column + " = ST_GeomFromText($" + std::to_string(params.size())
               + ", ST_SRID(" + column + "))";
    }
    sql += " WHERE fid = $1 RETURNING " + version;
    auto rows = m_connection->exec("save parcel", sql, params);
    if (!rows)
        return error("save parcel", change.fid, rows.error().message);
    if (rows.value().empty())
        return error("save parcel", change.fid, "the parcel no longer exists");
    return std::stoll(rows.value().front().at(0).value_or("0"));
}

core::Result<TeamSaveOutcome> PgTeamTable::save(const std::vector<TeamChange>& edit,
                                               const BeforeCommit& beforeCommit)
{
    auto rollback = [this] {
        if (m_connection->alive())
            m_connection->exec("roll back", "ROLLBACK");
    };
    auto begun = m_connection->exec("begin save", "BEGIN");
    if (!begun)
        return error("begin save", std::nullopt, begun.error().message);

    TeamSaveOutcome outcome;
    auto conflicts = lockAndCheck(edit);
    if (!conflicts) {
        rollback();
        return conflicts.error();
    }
    if (!conflicts.value().empty()) {
        rollback();
        // Read the other versions after the rollback, so the designer sees them as committed.
        for (TeamConflict& conflict : conflicts.value()) {
            auto theirs = read(conflict.mine.fid);
            if (!theirs)
                return theirs.error();
            conflict.theirs = std::move(theirs.value());
        }
        outcome.conflicts = std::move(conflicts.value());
        return outcome;
    }

    QJsonArray changed;
    for (const TeamChange& change : edit) {
        auto version = writeChange(change);
        if (!version) {
            rollback();
            return version.error();
        }
        outcome.versions[change.fid] = version.value();
        changed.append(change.fid);
    }
    // Delivered to listeners only if the transaction commits.
    const QJsonObject payload{{QStringLiteral("schema"), m_schema},
                              {QStringLiteral("table"), m_table},
                              {QStringLiteral("fids"), changed}};
    auto notified = m_connection->exec(
        "announce save", "SELECT pg_notify($1, $2)",
        {notifyChannel(), QJsonDocument(payload).toJson(QJsonDocument::Compact).toStdString()});
    if (!notified) {
        rollback();
        return error("announce save", std::nullopt, notified.error().message);
    }
    if (beforeCommit)
        beforeCommit();
    auto committed = m_connection->exec("commit save", "COMMIT");
    if (!committed) {
        rollback();
        return error("commit save", std::nullopt,
                     committed.error().message + " (nothing of this edit was saved)");
    }
    return outcome;
}

core::Result<bool> PgTeamTable::recordDiscarded(const TeamChange& change)
{
    QJsonObject fields;
    for (const auto& [field, value] : change.values)
        fields.insert(QString::fromStdString(field),
                      value ? QJsonValue(QString::fromStdString(*value)) : QJsonValue());
    QJsonObject discarded{{QStringLiteral("values"), fields}};
    if (change.geometryWkt)
        discarded.insert(QStringLiteral("geometry_wkt"),
                         QString::fromStdString(*change.geometryWkt));
    const std::string json =
        QJsonDocument(discarded).toJson(QJsonDocument::Compact).toStdString();
    const std::string sql = "INSERT INTO " + qualified(kHistoryTable)
                            + " (layer, fid, version, kind, row_json) VALUES "
                              "($1, $2, $3, 'discarded', $4)";
    auto done = m_connection->exec("keep discarded version", sql,
                                   {m_table.toStdString(), std::to_string(change.fid),
                                    std::to_string(change.baseVersion), json});
    if (!done)
        return error("keep discarded version", change.fid, done.error().message);
    return true;
}

std::string PgTeamTable::notifyChannel() const
{
    // One channel for every project (a channel name is at most 63 bytes; schema names can
    // be as long): the payload names schema and table.
    return "greenrenew_edits";
}

} // namespace greenrenew::gis
