#include "ui/edit_journal.h"

#include <boost/geometry/io/wkt/read.hpp>
#include <boost/geometry/io/wkt/write.hpp>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sstream>

namespace greenrenew::ui {

namespace {

// Full double precision, so a replayed vertex is the very vertex that was edited.
constexpr int kDigits = 17;

QJsonObject parcelJson(const core::Parcel& parcel)
{
    std::ostringstream wkt;
    wkt.precision(kDigits);
    wkt << boost::geometry::wkt(parcel.geometry);
    QJsonObject attributes;
    for (const auto& [key, value] : parcel.attributes)
        attributes.insert(QString::fromStdString(key), QString::fromStdString(value));
    QJsonArray sources;
    for (core::FeatureId id : parcel.sourceIds)
        sources.append(static_cast<qint64>(id));
    return {{QStringLiteral("id"), static_cast<qint64>(parcel.id)},
            {QStringLiteral("wkt"), QString::fromStdString(wkt.str())},
            {QStringLiteral("type"), QString::fromUtf8(core::renewalTypeName(parcel.type))},
            {QStringLiteral("name"), QString::fromStdString(parcel.name)},
            {QStringLiteral("type_reason"), QString::fromStdString(parcel.typeReason)},
            {QStringLiteral("attributes"), attributes},
            {QStringLiteral("source_ids"), sources}};
}

core::Parcel parcelFrom(const QJsonObject& json)
{
    core::Parcel parcel;
    parcel.id = json.value(QStringLiteral("id")).toInteger();
    boost::geometry::read_wkt(json.value(QStringLiteral("wkt")).toString().toStdString(),
                              parcel.geometry);
    parcel.type = core::renewalTypeFromName(
                      json.value(QStringLiteral("type")).toString().toStdString())
                      .value_or(core::RenewalType::Residential);
    parcel.name = json.value(QStringLiteral("name")).toString().toStdString();
    parcel.typeReason = json.value(QStringLiteral("type_reason")).toString().toStdString();
    const QJsonObject attributes = json.value(QStringLiteral("attributes")).toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        parcel.attributes[it.key().toStdString()] = it.value().toString().toStdString();
    for (const QJsonValue& id : json.value(QStringLiteral("source_ids")).toArray())
        parcel.sourceIds.push_back(id.toInteger());
    return parcel;
}

QJsonArray parcelsJson(const std::vector<core::Parcel>& parcels)
{
    QJsonArray array;
    for (const core::Parcel& parcel : parcels)
        array.append(parcelJson(parcel));
    return array;
}

std::vector<core::Parcel> parcelsFrom(const QJsonValue& value)
{
    std::vector<core::Parcel> parcels;
    for (const QJsonValue& parcel : value.toArray())
        parcels.push_back(parcelFrom(parcel.toObject()));
    return parcels;
}

} // namespace

EditJournal::EditJournal(const QString& path) : m_file(path)
{
    m_file.open(QIODevice::Append | QIODevice::Text);
}

bool EditJournal::record(const core::ParcelChange& change, bool undone)
{
    if (!m_file.isOpen())
        return false;
    QJsonArray positions;
    for (std::size_t position : change.beforePositions)
        positions.append(static_cast<qint64>(position));
    const QJsonObject entry{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("action"), undone ? QStringLiteral("revert") : QStringLiteral("apply")},
        {QStringLiteral("description"), QString::fromStdString(change.description)},
        {QStringLiteral("before"), parcelsJson(change.before)},
        {QStringLiteral("after"), parcelsJson(change.after)},
        {QStringLiteral("positions"), positions}};
    const QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
    // Flushed line by line: a kill right after an edit leaves that edit on disk.
    return m_file.write(line) == line.size() && m_file.flush();
}

std::vector<JournalEntry> EditJournal::read(const QString& path)
{
    std::vector<JournalEntry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return entries;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.isEmpty())
            break;  // a line cut short by the crash: everything before it is whole
        JournalEntry read;
        core::ParcelChange& change = read.change;
        change.description = entry.value(QStringLiteral("description")).toString().toStdString();
        change.before = parcelsFrom(entry.value(QStringLiteral("before")));
        change.after = parcelsFrom(entry.value(QStringLiteral("after")));
        for (const QJsonValue& position : entry.value(QStringLiteral("positions")).toArray())
            change.beforePositions.push_back(static_cast<std::size_t>(position.toInteger()));
        read.undone = entry.value(QStringLiteral("action")).toString()
                      == QStringLiteral("revert");
        entries.push_back(std::move(read));
    }
    return entries;
}

int EditJournal::replay(const QString& path, core::Project& project)
{
    int replayed = 0;
    for (JournalEntry& entry : read(path)) {
        if (!(entry.undone ? core::revertChange(project, entry.change)
                           : core::applyChange(project, entry.change)))
            return -1;
        ++replayed;
    }
    return replayed;
}

} // namespace greenrenew::ui
