// Reading a hand-written scenario file: CSV with a header row, '#' comments, quoted cells.

#include "gis/scenario_store.h"

#include <QFile>
#include <QStringList>

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

namespace greenrenew::gis {

namespace {

core::Error fileError(const QString& path, qsizetype line, const QString& message)
{
    core::Error error;
    error.kind = core::ErrorKind::BadInput;
    error.operation = "read scenario file";
    error.path = path.toStdString();
    error.message = (line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(message) : message)
                        .toStdString();
    return error;
}

/// Splits one CSV line; a cell in double quotes may hold commas and "" for a quote. Returns
/// nothing when a quote is left open.
std::optional<QStringList> splitCsvLine(const QString& line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cell.append(c);
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell.append(c);
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells.append(cell.trimmed());
            cell.clear();
        } else {
            cell.append(c);
        }
    }
    if (quoted)
        return std::nullopt;
    cells.append(cell.trimmed());
    return cells;
}

} // namespace

namespace detail {

std::optional<core::PlannedIntervention> plannedFromCells(
    const std::map<QString, QString>& cells, QString& problem)
{
    auto cell = [&cells](const char* name) {
        auto found = cells.find(QLatin1String(name));
        return found == cells.end() ? QString() : found->second;
    };
    core::PlannedIntervention planned;
    bool ok = false;
    planned.parcelId = cell("parcel_id").toLongLong(&ok);
    if (!ok) {
        problem = QStringLiteral("parcel_id '%1' is not a whole number").arg(cell("parcel_id"));
        return std::nullopt;
    }
    planned.technique = cell("technique").toStdString();
    if (planned.technique.empty()) {
        problem = QStringLiteral("no technique");
        return std::nullopt;
    }
    planned.quantity = cell("quantity").toDouble(&ok);
    if (!ok || planned.quantity < 0) {
        problem = QStringLiteral("quantity '%1' is not a number >= 0").arg(cell("quantity"));
        return std::nullopt;
    }
    planned.phase = cell("phase").toStdString();
    if (!cell("year").isEmpty()) {
        planned.year = cell("year").toInt(&ok);
        if (!ok || planned.year < 0) {
            problem = QStringLiteral("year '%1' is not a year").arg(cell("year"));
            return std::nullopt;
        }
    }
    const auto party = core::partyFromName(cell("party").toStdString());
    if (!party) {
        problem = QStringLiteral("party '%1' is not government, enterprise, residents or shared")
                      .arg(cell("party"));
        return std::nullopt;
    }
    planned.party = *party;
    const auto cost = core::costClassFromName(cell("cost").toStdString());
    if (!cost) {
        problem = QStringLiteral("cost '%1' is not low, medium or high").arg(cell("cost"));
        return std::nullopt;
    }
    planned.cost = *cost;
    // An empty status is the natural one for a new plan; a misspelt one is an error.
    const QString statusText = cell("status");
    const auto status = statusText.isEmpty() ? std::optional(core::PlanStatus::Proposed)
                                             : core::planStatusFromName(statusText.toStdString());
    if (!status) {
        problem = QStringLiteral("status '%1' is not proposed, approved, under_way or done")
                      .arg(statusText);
        return std::nullopt;
    }
    planned.status = *status;
    planned.note = cell("note").toStdString();
    return planned;
}

} // namespace detail

const std::vector<const char*>& scenarioColumns()
{
    static const std::vector<const char*> columns = {
        "scenario", "parcel_id", "technique", "quantity", "phase",
        "year",     "party",     "cost",      "status",   "note"};
    return columns;
}

core::Result<std::vector<core::Scenario>> readScenarioFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return fileError(path, 0, QStringLiteral("cannot open: %1").arg(file.errorString()));
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))  // spreadsheets save UTF-8 with a byte order mark
        text.remove(0, 1);
    const QStringList lines = text.split(QLatin1Char('\n'));

    QStringList header;
    std::vector<core::Scenario> scenarios;
    for (qsizetype at = 0; at < lines.size(); ++at) {
        const QString line = lines[at].trimmed();
        const qsizetype lineNumber = at + 1;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const std::optional<QStringList> cells = splitCsvLine(line);
        if (!cells)
            return fileError(path, lineNumber, QStringLiteral("a quote is not closed"));
        if (header.isEmpty()) {
            header = *cells;
            for (const char* column : scenarioColumns()) {
                const bool optional = QLatin1String(column) == QLatin1String("note")
                                      || QLatin1String(column) == QLatin1String("status");
                if (!optional && !header.contains(QLatin1String(column)))
                    return fileError(path, lineNumber,
                                     QStringLiteral("the header has no column '%1'")
                                         .arg(QLatin1String(column)));
            }
            continue;
        }
        if (cells->size() > header.size())
            return fileError(path, lineNumber, QStringLiteral("%1 cells, the header has %2")
                                                   .arg(cells->size()).arg(header.size()));
        std::map<QString, QString> byColumn;
        for (qsizetype i = 0; i < cells->size(); ++i)
            byColumn[header[i]] = (*cells)[i];
        const QString name = byColumn[QStringLiteral("scenario")];
        if (name.isEmpty())
            return fileError(path, lineNumber, QStringLiteral("no scenario name"));
        QString problem;
        const auto planned = detail::plannedFromCells(byColumn, problem);
        if (!planned)
            return fileError(path, lineNumber, problem);
        auto scenario = std::find_if(scenarios.begin(), scenarios.end(),
                                     [&](const core::Scenario& s) {
                                         return s.name == name.toStdString();
                                     });
        if (scenario == scenarios.end()) {
            scenarios.push_back({name.toStdString(), {}, {}});
            scenario = std::prev(scenarios.end());
        }
        scenario->interventions.push_back(*planned);
    }
    if (header.isEmpty())
        return fileError(path, 0, QStringLiteral("no header row"));
    if (scenarios.empty())
        return fileError(path, 0, QStringLiteral("no planned interventions"));
    return scenarios;
}

} // namespace greenrenew::gis
