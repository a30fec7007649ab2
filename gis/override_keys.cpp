#include "gis/override_keys.h"

#include <QStringList>

#include <algorithm>
#include <vector>

namespace greenrenew::gis::detail {

namespace {

// The sections a method resource file may hold (see resources/method/*.json).
const QStringList kSections = {
    QStringLiteral("parameters"),     QStringLiteral("keyword_lists"),
    QStringLiteral("form_controls"),  QStringLiteral("life_circles"),
    QStringLiteral("facility_types"), QStringLiteral("facility_mappings"),
    QStringLiteral("interventions")};

// The fields of one parameter entry ({"value", "unit", "source", "note", "year"}).
const QStringList kParameterFields = {QStringLiteral("value"), QStringLiteral("unit"),
                                      QStringLiteral("source"), QStringLiteral("note"),
                                      QStringLiteral("year")};

int editDistance(const QString& a, const QString& b)
{
    std::vector<int> previous(static_cast<std::size_t>(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (std::size_t j = 0; j < previous.size(); ++j)
        previous[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous.back();
}

UnknownKey unknown(const QString& path, const QString& word, const QStringList& candidates)
{
    const QString closest = closestKey(word, candidates);
    return {path, closest.isEmpty()
                      ? QStringLiteral("unknown key, not in the method's resources")
                      : QStringLiteral("unknown key; did you mean \"%1\"?").arg(closest)};
}

} // namespace

QString closestKey(const QString& word, const QStringList& candidates)
{
    QString best;
    int bestDistance = static_cast<int>(word.size()) / 3 + 1;
    for (const QString& candidate : candidates) {
        const int distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

std::optional<UnknownKey> findUnknownOverrideKey(const QJsonObject& root,
                                                 const core::MethodConfig& config)
{
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!kSections.contains(it.key()))
            return unknown(it.key(), it.key(), kSections);
    }
    QStringList parameterNames;
    for (const auto& [name, value] : config.parameters.values)
        parameterNames << QString::fromStdString(name);
    const QJsonObject parameters = root.value(QLatin1String("parameters")).toObject();
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        const QString path = QStringLiteral("parameters.%1").arg(it.key());
        if (!parameterNames.contains(it.key()))
            return unknown(path, it.key(), parameterNames);
        const QJsonObject fields = it.value().toObject();
        for (auto field = fields.begin(); field != fields.end(); ++field) {
            if (!kParameterFields.contains(field.key()))
                return unknown(path + QLatin1Char('.') + field.key(), field.key(),
                               kParameterFields);
        }
    }
    QStringList listNames;
    for (const auto& [name, words] : config.keywordLists)
        listNames << QString::fromStdString(name);
    const QJsonObject lists = root.value(QLatin1String("keyword_lists")).toObject();
    for (auto it = lists.begin(); it != lists.end(); ++it) {
        if (!listNames.contains(it.key()))
            return unknown(QStringLiteral("keyword_lists.%1").arg(it.key()), it.key(),
                           listNames);
    }
    return std::nullopt;
}

} // namespace greenrenew::gis::detail
