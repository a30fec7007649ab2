#include "ui/team_editing.h"

#include "core/parcel_attributes.h"
#include "core/parcel_edit.h"
#include "gis/postgis_connection.h"
#include "ui/edit_commands.h"
#include "ui/main_window.h"
#include "ui/parcel_id_source.h"

#include <QApplication>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>
#include <set>

namespace greenrenew::ui {

namespace {

constexpr int kListenIntervalMs = 2000;

std::optional<std::string> askPassword(const QString& where)
{
    bool ok = false;
    const QString password = QInputDialog::getText(
        QApplication::activeWindow(), TeamEditing::tr("PostGIS password"),
        TeamEditing::tr("Password for %1:").arg(where), QLineEdit::Password, {}, &ok);
    return ok ? std::optional(password.toStdString()) : std::nullopt;
}

gis::TeamEditSession::Choice askInMessageBox(const QString& question)
{
    QMessageBox box(QMessageBox::Warning, TeamEditing::tr("Another designer saved this parcel"),
                    question, QMessageBox::NoButton, QApplication::activeWindow());
    QPushButton* mine = box.addButton(TeamEditing::tr("Keep mine"), QMessageBox::AcceptRole);
    box.addButton(TeamEditing::tr("Take theirs"), QMessageBox::RejectRole);
    box.setDefaultButton(mine);
    box.exec();
    const bool keepMine = box.clickedButton() == static_cast<QAbstractButton*>(mine);
    return keepMine ? gis::TeamEditSession::Choice::KeepMine
                    : gis::TeamEditSession::Choice::TakeTheirs;
}

QString valueText(const std::optional<std::string>& value)
{
    return value ? QString::fromStdString(*value) : TeamEditing::tr("(empty)");
}

} // namespace

TeamEditing::TeamEditing(EditSession* session, std::unique_ptr<gis::PgConnection> connection)
    : QObject(session), m_session(session), m_connection(std::move(connection)),
      m_chooser(askInMessageBox)
{
}

TeamEditing::~TeamEditing() = default;

std::unique_ptr<TeamEditing> TeamEditing::start(const QString& input, EditSession* session,
                                                QString& error)
{
    const std::optional<gis::PgLocation> location = gis::parsePgLocation(input);
    if (!location || location->schema.isEmpty()) {
        error = tr("%1 names no PostGIS schema").arg(input);
        return nullptr;
    }
    auto connection = gis::PgConnection::open(*location, askPassword);
    if (!connection) {
        error = QString::fromStdString(connection.error().describe());
        return nullptr;
    }
    std::unique_ptr<TeamEditing> team(new TeamEditing(
        session, std::make_unique<gis::PgConnection>(std::move(connection.value()))));
    auto table = gis::PgTeamTable::open(*team->m_connection, location->schema,
                                        QStringLiteral("parcels"));
    if (!table) {
        error = QString::fromStdString(table.error().describe());
        return nullptr;
    }
    team->m_table.emplace(std::move(table.value()));
    auto parcels = gis::TeamParcels::read(*team->m_table, session->project()->crsWkt);
    if (!parcels) {
        error = QString::fromStdString(parcels.error().describe());
        return nullptr;
    }
    team->m_parcels.emplace(std::move(parcels.value()));
    team->m_queue = std::make_unique<gis::TeamEditSession>(*team->m_table);
    team->m_description = gis::describePgLocation(*location);

    auto listening = team->m_connection->listen(team->m_table->notifyChannel());
    if (listening) {
        team->m_listenTimer.setInterval(kListenIntervalMs);
        connect(&team->m_listenTimer, &QTimer::timeout, team.get(), [raw = team.get()] {
            raw->refresh();
        });
        team->m_listenTimer.start();
    }
    connect(session, &EditSession::changeMade, team.get(), &TeamEditing::onChange);
    new ParcelIdSource([raw = team.get()](int count) { return raw->reserveIds(count); },
                       team.get());
    return team;
}

int TeamEditing::pendingEdits() const
{
    return static_cast<int>(m_queue->pending().size());
}

core::Result<core::FeatureId> TeamEditing::reserveIds(int count)
{
    if (count > gis::kParcelIdBlock) {
        core::Error error;
        error.operation = "reserve parcel ids";
        error.message = "an edit cannot make more than " + std::to_string(gis::kParcelIdBlock)
                        + " parcels";
        return error;
    }
    if (m_idsLeft < count) {
        const long long floor =
            std::max<long long>(m_parcels->idFloor(), core::nextParcelId(*m_session->project()));
        auto first = m_table->reserveParcelIds(floor);
        if (!first && !m_connection->alive() && m_connection->reconnect())
            first = m_table->reserveParcelIds(floor);
        if (!first) {
            core::Error error = first.error();
            error.message = "new parcels take their ids from the database, which cannot be "
                            "reached: " + error.message;
            return error;
        }
        m_nextId = first.value();
        m_idsLeft = gis::kParcelIdBlock;
    }
    const core::FeatureId id = m_nextId;
    m_nextId += count;
    m_idsLeft -= count;
    return id;
}

void TeamEditing::onChange(const core::ParcelChange& change, bool undone)
{
    if (m_takingTheirs)
        return;
    const std::vector<core::Parcel>& was = undone ? change.after : change.before;
    const std::vector<core::Parcel>& now = undone ? change.before : change.after;
    auto find = [](const std::vector<core::Parcel>& parcels, core::FeatureId id) {
        return std::find_if(parcels.begin(), parcels.end(),
                            [id](const core::Parcel& p) { return p.id == id; });
    };
    // A split, merge, draw or delete (or its undo) removes rows and adds others: one edit,
    // saved in one transaction, so the table never holds half of it.
    std::vector<gis::TeamChange> edit;
    for (const core::Parcel& before : was)
        if (find(now, before.id) == now.end())
            if (std::optional<gis::TeamChange> removed = m_parcels->deleteFor(before))
                edit.push_back(std::move(*removed));
    for (const core::Parcel& after : now) {
        const auto before = find(was, after.id);
        if (before == was.end()) {
            gis::TeamChange added = m_parcels->insertFor(after);
            m_parcels->addRow(after.id, added.fid);
            edit.push_back(std::move(added));
            continue;
        }
        gis::TeamParcelChange team = m_parcels->changeFor(*before, after);
        for (const std::string& field : team.fieldsWithoutColumn)
            emit message(tr("Parcel %1: the PostGIS table has no column for the %2; it is "
                            "kept in this session only")
                             .arg(after.id)
                             .arg(QString::fromStdString(field)));
        if (team.change)
            edit.push_back(std::move(*team.change));
    }
    if (!edit.empty())
        m_queue->add(std::move(edit));
}

bool TeamEditing::save()
{
    while (true) {
        auto outcome = m_queue->saveAll();
        for (const auto& [fid, version] : m_queue->savedVersions())
            m_parcels->setVersion(fid, version);
        if (!outcome) {
            emit message(tr("Not saved to PostGIS (%1 edits kept, saved when you save again): "
                            "%2")
                             .arg(pendingEdits())
                             .arg(QString::fromStdString(outcome.error().describe())));
            if (!m_connection->alive())
                m_connection->reconnect();
            return false;
        }
        if (outcome.value().saved())
            return true;
        if (!resolveConflicts())
            return false;
    }
}

bool TeamEditing::resolveConflicts()
{
    const std::vector<gis::TeamConflict> conflicts = m_queue->conflicts();
    for (const gis::TeamConflict& conflict : conflicts) {
        const long long fid = conflict.mine.fid;
        const auto& open = m_queue->conflicts();
        if (std::none_of(open.begin(), open.end(),
                         [fid](const gis::TeamConflict& c) { return c.mine.fid == fid; }))
            continue;  // settled with the rest of its edit, dropped whole
        const auto choice = m_chooser(describeConflict(conflict));
        auto dropped = m_queue->resolve(fid, choice);
        if (!dropped) {
            emit message(QString::fromStdString(dropped.error().describe()));
            return false;
        }
        if (choice == gis::TeamEditSession::Choice::KeepMine) {
            m_parcels->setVersion(fid, conflict.theirs.version);
            emit message(tr("Parcel row %1: your version replaces the other designer's "
                            "(theirs is kept in gr_parcel_history)")
                             .arg(fid));
            continue;
        }
        std::set<long long> fids;
        for (const gis::TeamChange& change : dropped.value())
            fids.insert(change.fid);
        std::vector<gis::TeamRecord> records;
        for (long long row : fids) {
            auto record = m_table->read(row);
            if (!record) {
                emit message(QString::fromStdString(record.error().describe()));
                return false;
            }
            records.push_back(std::move(record.value()));
        }
        showAsSaved(records);
        if (gis::changesRows(dropped.value()))
            emit message(tr("Parcel row %1: the other designer's version is shown; your edit "
                            "that added or removed parcels is undone on the map, and its %n "
                            "change(s) are kept in gr_parcel_history",
                            nullptr, static_cast<int>(dropped.value().size()))
                             .arg(fid));
        else
            emit message(tr("Parcel row %1: the other designer's version is shown; yours "
                            "is kept in gr_parcel_history")
                             .arg(fid));
    }
    return true;
}

QString TeamEditing::describeConflict(const gis::TeamConflict& conflict) const
{
    QStringList lines;
    lines << tr("Parcel row %1 was saved by another designer (version %2) after you started "
                "editing version %3.")
                 .arg(conflict.mine.fid)
                 .arg(conflict.theirs.version)
                 .arg(conflict.mine.baseVersion);
    for (const auto& [field, value] : conflict.mine.values) {
        const auto theirs = conflict.theirs.values.find(field);
        lines << tr("%1 – yours: %2; theirs: %3")
                     .arg(QString::fromStdString(field), valueText(value),
                          theirs == conflict.theirs.values.end() ? tr("(no such field)")
                                                                 : valueText(theirs->second));
    }
    if (conflict.theirs.version == 0)
        lines << tr("The other designer removed this parcel.");
    if (conflict.mine.kind == gis::TeamChangeKind::Delete)
        lines << tr("You removed this parcel (a split, merge or delete). Keeping yours saves "
                    "that edit whole; taking theirs undoes it on your map.");
    else if (conflict.mine.geometryWkt)
        lines << tr("You changed the shape; theirs is the shape now in the database.");
    lines << tr("Keep your version, or take theirs? The one not kept stays in "
                "gr_parcel_history.");
    return lines.join(QLatin1Char('\n'));
}

void TeamEditing::showAsSaved(const std::vector<gis::TeamRecord>& records)
{
    const std::shared_ptr<core::Project> project = m_session->project();
    core::ParcelChange change;
    for (const gis::TeamRecord& record : records) {
        const std::optional<core::FeatureId> id = m_parcels->parcelOf(record.fid);
        const int index = id ? m_session->indexOf(*id) : -1;
        const core::Parcel* shown =
            index < 0 ? nullptr : &project->parcels[static_cast<std::size_t>(index)];
        if (record.version > 0) {
            auto saved = shown ? m_parcels->parcelFromRow(record, *shown)
                               : m_parcels->parcelFromNewRow(record);
            if (!saved) {
                emit message(QString::fromStdString(saved.error().describe()));
                continue;
            }
            m_parcels->addRow(saved.value().id, record.fid);
            change.after.push_back(std::move(saved.value()));
        }
        if (shown)
            change.before.push_back(*shown);
        m_parcels->setVersion(record.fid, record.version);
    }
    if (change.before.empty() && change.after.empty())
        return;
    std::string ids;
    for (const gis::TeamRecord& record : records)
        ids += (ids.empty() ? "" : ", ") + std::to_string(record.fid);
    change.description = "take parcel rows " + ids + " as the other designers saved them";
    m_takingTheirs = true;
    m_session->submit(std::move(change));
    m_takingTheirs = false;
}

int TeamEditing::refresh()
{
    std::set<long long> announced;
    for (const std::string& payload : m_connection->takeNotifications()) {
        const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(payload))
                                       .object();
        if (object.value(QStringLiteral("schema")).toString() != m_table->schema()
            || object.value(QStringLiteral("table")).toString() != m_table->table())
            continue;
        for (const QJsonValue& fid : object.value(QStringLiteral("fids")).toArray())
            announced.insert(fid.toInteger());
    }
    std::set<long long> mine;
    for (const std::vector<gis::TeamChange>& edit : m_queue->pending())
        for (const gis::TeamChange& change : edit)
            mine.insert(change.fid);
    std::vector<gis::TeamRecord> news;
    for (long long fid : announced) {
        if (mine.count(fid))
            continue;  // the save will meet it as a conflict and ask
        auto record = m_table->read(fid);
        if (!record)
            continue;
        const std::optional<core::FeatureId> id = m_parcels->parcelOf(fid);
        const bool shown = id && m_session->indexOf(*id) >= 0;
        // Deleted by a colleague while shown here, or a version newer than the one shown
        // (a colleague's new parcel is newer than none); one's own saves are neither.
        const bool deleted = record.value().version == 0 && shown;
        if (deleted || record.value().version > m_parcels->versionOf(fid))
            news.push_back(std::move(record.value()));
    }
    showAsSaved(news);
    const int updated = static_cast<int>(news.size());
    if (updated > 0)
        emit message(tr("%n parcel(s) updated from the other designers' saves", nullptr,
                        updated));
    return updated;
}

void startTeamEditing(MainWindow& window, EditSession* session, const QString& input)
{
    delete session->findChild<TeamEditing*>();
    if (input.isEmpty() || !gis::isPgInput(input))
        return;
    QString error;
    std::unique_ptr<TeamEditing> team = TeamEditing::start(input, session, error);
    if (!team) {
        window.logMessage(
            TeamEditing::tr("Edits of %1 cannot be saved to PostGIS: %2").arg(input, error));
        return;
    }
    QObject::connect(team.get(), &TeamEditing::message, &window, &MainWindow::logMessage);
    window.logMessage(TeamEditing::tr("Edits are saved to PostGIS (%1) as team edits; other "
                                      "designers' saves appear as they are made")
                          .arg(team->description()));
    team.release();  // owned by the session (its QObject parent)
}

} // namespace greenrenew::ui
