#include "ui/team_editing.h"

#include "core/parcel_attributes.h"
#include "core/parcel_edit.h"
#include "gis/postgis_connection.h"
#include "ui/edit_commands.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

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
    return team;
}

int TeamEditing::pendingEdits() const
{
    return static_cast<int>(m_queue->pending().size());
}

void TeamEditing::onChange(const core::ParcelChange& change, bool undone)
{
    if (m_takingTheirs)
        return;
    const std::vector<core::Parcel>& was = undone ? change.after : change.before;
    const std::vector<core::Parcel>& now = undone ? change.before : change.after;
    std::set<core::FeatureId> wasIds;
    std::set<core::FeatureId> nowIds;
    for (const core::Parcel& parcel : was)
        wasIds.insert(parcel.id);
    for (const core::Parcel& parcel : now)
        nowIds.insert(parcel.id);
    if (wasIds != nowIds) {
        ++m_keptLocally;
        emit message(tr("'%1' adds or removes parcels: it stays in this session and its "
                        "recovery file, but the team's PostGIS table takes only changes of "
                        "existing parcels (shape, name, type, floors, notes). Save the "
                        "project as a GeoPackage to keep it.")
                         .arg(QString::fromStdString(change.description)));
        return;
    }
    std::vector<gis::TeamChange> edit;
    for (const core::Parcel& after : now) {
        const auto before = std::find_if(was.begin(), was.end(), [&](const core::Parcel& p) {
            return p.id == after.id;
        });
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
        const auto choice = m_chooser(describeConflict(conflict));
        auto resolved = m_queue->resolve(conflict.mine.fid, choice);
        if (!resolved) {
            emit message(QString::fromStdString(resolved.error().describe()));
            return false;
        }
        if (choice == gis::TeamEditSession::Choice::TakeTheirs)
            takeTheirs(conflict.theirs);
        m_parcels->setVersion(conflict.mine.fid, conflict.theirs.version);
        emit message(choice == gis::TeamEditSession::Choice::KeepMine
                         ? tr("Parcel row %1: your version replaces the other designer's "
                              "(theirs is kept in gr_parcel_history)")
                               .arg(conflict.mine.fid)
                         : tr("Parcel row %1: the other designer's version is shown; yours "
                              "is kept in gr_parcel_history")
                               .arg(conflict.mine.fid));
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
    if (conflict.mine.geometryWkt)
        lines << tr("You changed the shape; theirs is the shape now in the database.");
    lines << tr("Keep your version, or take theirs? The one not kept stays in "
                "gr_parcel_history.");
    return lines.join(QLatin1Char('\n'));
}

void TeamEditing::takeTheirs(const gis::TeamRecord& theirs)
{
    const std::shared_ptr<core::Project> project = m_session->project();
    for (const core::Parcel& parcel : project->parcels) {
        if (m_parcels->fidOf(parcel.id) != theirs.fid)
            continue;
        auto updated = m_parcels->parcelFromRow(theirs, parcel);
        if (!updated) {
            emit message(QString::fromStdString(updated.error().describe()));
            return;
        }
        m_takingTheirs = true;
        m_session->submit({"take parcel " + std::to_string(parcel.id)
                               + " as another designer saved it",
                           {parcel}, {updated.value()}, {}});
        m_takingTheirs = false;
        return;
    }
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
    int updated = 0;
    for (long long fid : announced) {
        if (mine.count(fid))
            continue;  // the save will meet it as a conflict and ask
        auto record = m_table->read(fid);
        if (!record || record.value().version <= m_parcels->versionOf(fid))
            continue;  // one's own save, or nothing new
        takeTheirs(record.value());
        m_parcels->setVersion(fid, record.value().version);
        ++updated;
    }
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
