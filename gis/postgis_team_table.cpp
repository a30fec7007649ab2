#include "gis/postgis_team_table.h"

#include "gis/postgis_project.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace greenrenew::gis {

namespace {

constexpr const char* kHistoryTable = "gr_parcel_history";
constexpr const char* kIdSequence = "gr_parcel_ids";

bool isIntegerType(const std::string& type)
{
    return type == "smallint" || type == "integer" || type == "bigint";
}

} // namespace

bool changesRows(const std::vector<TeamChange>& edit)
{
    return std::any_of(edit.begin(), edit.end(), [](const TeamChange& change) {
        return change.kind != TeamChangeKind::Update;
    });
}

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
        "ALTER TABLE " + self + " ADD COLUMN IF NOT EXISTS "
            + connection.quoteIdentifier(kSourceIdsColumn) + " text",
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
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 "
        "AND table_name = $2 ORDER BY ordinal_position",
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
        team.m_columnTypes[name] = row.at(1).value_or("");
    }
    if (!hasFid)
        return team.error("prepare team editing", std::nullopt,
                          "the table has no fid column (export it with GreenRenew)");
    auto sequence = team.prepareIdSequence();
    if (!sequence)
        return sequence.error();
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

// New parcel ids come from a sequence of the schema that hands out blocks of kParcelIdBlock
// ids (INCREMENT BY the block): nextval is atomic and never returns a value twice, whatever
// the transactions around it, so two designers drawing or splitting at the same moment get
// disjoint blocks, and a designer can keep creating parcels without a round trip per parcel
// (or with the server briefly gone) until the block is used up. max()+1 would not do: a
// colleague's parcels created but not saved yet are not in the table, so two sessions would
// take the same id and only the second save would find out. Ids skipped by unused blocks are
// harmless gaps.
core::Result<bool> PgTeamTable::prepareIdSequence()
{
    auto done = m_connection->exec(
        "prepare parcel ids", "CREATE SEQUENCE IF NOT EXISTS " + qualified(kIdSequence)
                                  + " INCREMENT BY " + std::to_string(kParcelIdBlock)
                                  + " MINVALUE 1");
    if (!done)
        return error("prepare parcel ids", std::nullopt, done.error().message);
    return true;
}

core::Result<long long> PgTeamTable::reserveParcelIds(long long atLeast)
{
    auto rollback = [this] {
        if (m_connection->alive())
            m_connection->exec("roll back", "ROLLBACK");
    };
    auto failed = [&](const core::Result<std::vector<PgRow>>& step) {
        rollback();
        return error("reserve parcel ids", std::nullopt, step.error().message);
    };
    const std::string sequence = qualified(kIdSequence);
    auto begun = m_connection->exec("reserve parcel ids", "BEGIN");
    if (!begun)
        return failed(begun);
    // The sequence may be behind the table's ids (created on an imported table, or rows added
    // by other tools): its next block then starts above them. Checked and moved under one
    // advisory lock per sequence, so two sessions never move it back past a block taken.
    auto locked = m_connection->exec("reserve parcel ids",
                                     "SELECT pg_advisory_xact_lock(hashtext($1))",
                                     {m_schema.toStdString() + "." + kIdSequence});
    if (!locked)
        return failed(locked);
    auto state = m_connection->exec(
        "reserve parcel ids",
        "SELECT CASE WHEN is_called THEN last_value + " + std::to_string(kParcelIdBlock)
            + " ELSE last_value END, (SELECT COALESCE(MAX(fid), 0) + 1 FROM "
            + qualified(m_table.toStdString()) + ") FROM " + sequence);
    if (!state)
        return failed(state);
    const long long next = std::stoll(state.value().front().at(0).value_or("0"));
    const long long floor =
        std::max(atLeast, std::stoll(state.value().front().at(1).value_or("1")));
    if (next < floor) {
        auto moved = m_connection->exec("reserve parcel ids",
                                        "SELECT setval($1::regclass, $2::bigint, false)",
                                        {sequence, std::to_string(floor)});
        if (!moved)
            return failed(moved);
    }
    auto block = m_connection->exec("reserve parcel ids", "SELECT nextval($1::regclass)",
                                    {sequence});
    if (!block)
        return failed(block);
    auto committed = m_connection->exec("reserve parcel ids", "COMMIT");
    if (!committed)
        return failed(committed);
    return std::stoll(block.value().front().at(0).value_or("0"));
}

std::string PgTeamTable::valueExpression(const std::string& column, std::size_t parameter) const
{
    // Values travel as text; a whole-number column takes a figure split in proportion to
    // area ("12.5" people) rounded, where the server would refuse the text.
    const std::string bound = "$" + std::to_string(parameter);
    auto type = m_columnTypes.find(column);
    return type != m_columnTypes.end() && isIntegerType(type->second)
               ? "round(" + bound + "::numeric)"
               : bound;
}

core::Result<bool> PgTeamTable::keepInHistory(long long fid, const char* kind)
{
    // The version being replaced or deleted goes to the history first: the other
    // designer's work, or one's own earlier state, stays readable.
    const std::string keep = "INSERT INTO " + qualified(kHistoryTable)
                             + " (layer, fid, version, kind, row_json) SELECT $1, fid, "
                             + m_connection->quoteIdentifier(kVersionColumn) + ", $3"
                             + ", to_jsonb(t)::text FROM " + qualified(m_table.toStdString())
                             + " AS t WHERE fid = $2";
    auto kept = m_connection->exec("keep replaced version", keep,
                                   {m_table.toStdString(), std::to_string(fid), kind});
    if (!kept)
        return error("keep replaced version", fid, kept.error().message);
    return true;
}

core::Result<long long> PgTeamTable::writeChange(const TeamChange& change)
{
    for (const auto& [field, value] : change.values)
        if (field == "fid" || field == kVersionColumn || field == m_geometryColumn)
            return error("save parcel", change.fid, "field " + field + " cannot be edited");
    if (change.geometryWkt && m_geometryColumn.empty())
        return error("save parcel", change.fid, "the table has no geometry column");
    switch (change.kind) {
    case TeamChangeKind::Insert: return insertRow(change);
    case TeamChangeKind::Delete: return deleteRow(change);
    case TeamChangeKind::Update: break;
    }
    return updateRow(change);
}

core::Result<long long> PgTeamTable::updateRow(const TeamChange& change)
{
    auto kept = keepInHistory(change.fid, "replaced");
    if (!kept)
        return kept.error();
    std::vector<std::optional<std::string>> params = {std::to_string(change.fid)};
    const std::string version = m_connection->quoteIdentifier(kVersionColumn);
    std::string sql = "UPDATE " + qualified(m_table.toStdString()) + " SET " + version + " = "
                      + version + " + 1";
    for (const auto& [field, value] : change.values) {
        params.push_back(value);
        sql += ", " + m_connection->quoteIdentifier(field) + " = "
               + valueExpression(field, params.size());
    }
    if (change.geometryWkt) {
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

core::Result<long long> PgTeamTable::insertRow(const TeamChange& change)
{
    // A row brought back (the undo of a split, merge or delete) continues its numbering
    // after the versions its history holds, so the history reads as one sequence.
    std::vector<std::optional<std::string>> params = {std::to_string(change.fid),
                                                      m_table.toStdString()};
    std::string columns = "fid, " + m_connection->quoteIdentifier(kVersionColumn);
    std::string values = "$1::bigint, (SELECT COALESCE(MAX(version), 0) + 1 FROM "
                         + qualified(kHistoryTable) + " WHERE layer = $2 AND fid = $1::bigint)";
    for (const auto& [field, value] : change.values) {
        params.push_back(value);
        columns += ", " + m_connection->quoteIdentifier(field);
        values += ", " + valueExpression(field, params.size());
    }
    if (change.geometryWkt) {
        params.push_back(*change.geometryWkt);
        params.push_back(m_schema.toStdString());
        params.push_back(m_geometryColumn);
        const std::size_t wkt = params.size() - 2;
        columns += ", " + m_connection->quoteIdentifier(m_geometryColumn);
        values += ", ST_GeomFromText($" + std::to_string(wkt) + ", Find_SRID($"
                  + std::to_string(wkt + 1) + ", $2, $" + std::to_string(wkt + 2) + "))";
    }
    const std::string sql = "INSERT INTO " + qualified(m_table.toStdString()) + " (" + columns
                            + ") VALUES (" + values + ") RETURNING "
                            + m_connection->quoteIdentifier(kVersionColumn);
    auto rows = m_connection->exec("add parcel", sql, params);
    if (!rows)
        return error("add parcel", change.fid, rows.error().message);
    return std::stoll(rows.value().front().at(0).value_or("0"));
}

core::Result<long long> PgTeamTable::deleteRow(const TeamChange& change)
{
    auto kept = keepInHistory(change.fid, "deleted");
    if (!kept)
        return kept.error();
    auto done = m_connection->exec("delete parcel",
                                   "DELETE FROM " + qualified(m_table.toStdString())
                                       + " WHERE fid = $1",
                                   {std::to_string(change.fid)});
    if (!done)
        return error("delete parcel", change.fid, done.error().message);
    return 0;
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
    static const char* const kChangeNames[] = {"update", "insert", "delete"};
    QJsonObject discarded{
        {QStringLiteral("change"),
         QLatin1String(kChangeNames[static_cast<int>(change.kind)])},
        {QStringLiteral("values"), fields}};
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
