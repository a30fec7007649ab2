#include "gis/method_resources.h"

#include "core/model.h"
#include "gis/logging.h"
#include "gis/override_keys.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <map>
#include <optional>

namespace greenrenew::gis {

namespace {

using core::Error;
using core::ErrorKind;
using core::MethodConfig;

/// A failure while reading one resource file; `key` names the entry (dotted path inside the file).
Error resourceError(const QString& file, const QString& key, const QString& message)
{
    Error error;
    error.kind = ErrorKind::BadInput;
    error.operation = "load method resources";
    error.path = file.toStdString();
    error.message = (key.isEmpty() ? QString() : QStringLiteral("key %1: ").arg(key)).toStdString()
                    + message.toStdString();
    return error;
}

/// Reads one JSON file's entries; each reader returns an error message (empty when fine) and the
/// key it concerns, so the caller can build one Error naming file and key.
struct Problem {
    QString key;
    QString message;
};

std::optional<Problem> requireString(const QJsonObject& object, const char* field,
                                     const QString& key, std::string& out, bool required = true)
{
    const QJsonValue value = object.value(QLatin1String(field));
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return Problem{key, QStringLiteral("missing \"%1\"").arg(QLatin1String(field))};
        return std::nullopt;
    }
    if (!value.isString())
        return Problem{key, QStringLiteral("\"%1\" is not text").arg(QLatin1String(field))};
    out = value.toString().toStdString();
    if (required && out.empty())
        return Problem{key, QStringLiteral("\"%1\" is empty").arg(QLatin1String(field))};
    return std::nullopt;
}

std::optional<Problem> readNumber(const QJsonObject& object, const char* field,
                                  const QString& key, std::optional<double>& out,
                                  bool required)
{
    const QJsonValue value = object.value(QLatin1String(field));
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return Problem{key, QStringLiteral("missing \"%1\"").arg(QLatin1String(field))};
        out.reset();
        return std::nullopt;
    }
    if (!value.isDouble())
        return Problem{key, QStringLiteral("\"%1\" is not a number").arg(QLatin1String(field))};
    out = value.toDouble();
    return std::nullopt;
}

std::optional<Problem> requireNumber(const QJsonObject& object, const char* field,
                                     const QString& key, double& out)
{
    std::optional<double> value;
    if (auto problem = readNumber(object, field, key, value, true))
        return problem;
    out = *value;
    return std::nullopt;
}

std::optional<Problem> readParameter(const QString& key, const QJsonValue& json,
                                     core::SourcedValue& out)
{
    if (!json.isObject())
        return Problem{key, QStringLiteral("is not an object with \"value\" and \"source\"")};
    const QJsonObject object = json.toObject();
    if (auto problem = requireNumber(object, "value", key, out.value))
        return problem;
    if (auto problem = requireString(object, "source", key, out.source))
        return problem;
    if (auto problem = requireString(object, "unit", key, out.unit, false))
        return problem;
    if (auto problem = requireString(object, "note", key, out.note, false))
        return problem;
    std::optional<double> year;
    if (auto problem = readNumber(object, "year", key, year, false))
        return problem;
    if (year)
        out.year = static_cast<int>(*year);
    return std::nullopt;
}

std::optional<Problem> readFormControl(const QString& key, const QJsonValue& json,
                                       core::FormControl& out)
{
    if (!json.isObject())
        return Problem{key, QStringLiteral("is not an object")};
    const QJsonObject object = json.toObject();
    if (auto problem = requireString(object, "height_class", key, out.heightClass))
        return problem;
    if (auto problem = requireNumber(object, "min_mean_floors", key, out.minMeanFloors))
        return problem;
    if (auto problem = requireNumber(object, "max_mean_floors", key, out.maxMeanFloors))
        return problem;
    const std::pair<const char*, std::optional<double>*> bounds[] = {
        {"far_min", &out.farMin},         {"far_max", &out.farMax},
        {"density_max", &out.densityMax}, {"green_min", &out.greenMin},
        {"height_max_m", &out.heightMaxM},
    };
    for (const auto& [field, target] : bounds) {
        if (auto problem = readNumber(object, field, key, *target, false))
            return problem;
    }
    return requireString(object, "source", key, out.source);
}

std::optional<Problem> readLifeCircle(const QString& key, const QJsonValue& json,
                                      core::LifeCircle& out)
{
    if (!json.isObject())
        return Problem{key, QStringLiteral("is not an object")};
    const QJsonObject object = json.toObject();
    if (auto problem = requireString(object, "id", key, out.id))
        return problem;
    if (auto problem = requireNumber(object, "radius_m", key, out.radiusM))
        return problem;
    if (auto problem = requireNumber(object, "minutes", key, out.minutes))
        return problem;
    if (auto problem = requireString(object, "source", key, out.source))
        return problem;
    const QJsonValue types = object.value(QLatin1String("required_types"));
    if (!types.isArray())
        return Problem{key, QStringLiteral("\"required_types\" is not a list")};
    for (const QJsonValue& type : types.toArray()) {
        if (!type.isString())
            return Problem{key, QStringLiteral("\"required_types\" holds a non-text entry")};
        out.requiredTypes.push_back(type.toString().toStdString());
    }
    return std::nullopt;
}

std::optional<Problem> readFacilityType(const QString& key, const QJsonValue& json,
                                        core::FacilityType& out)
{
    if (!json.isObject())
        return Problem{key, QStringLiteral("is not an object")};
    const QJsonObject object = json.toObject();
    if (auto problem = requireString(object, "id", key, out.id))
        return problem;
    if (auto problem = requireString(object, "name_en", key, out.nameEn))
        return problem;
    return requireString(object, "name_zh", key, out.nameZh);
}

std::optional<Problem> readFacilityMapping(const QString& key, const QJsonValue& json,
                                           core::FacilityMapping& out)
{
    if (!json.isObject())
        return Problem{key, QStringLiteral("is not an object")};
    const QJsonObject object = json.toObject();
    if (auto problem = requireString(object, "match", key, out.match))
        return problem;
    return requireString(object, "type", key, out.facilityType);
}

std::optional<Problem> readIntervention(const QString& key, const QJsonValue& json,
                                        core::InterventionSpec& out)
{
    if (!json.isObject())
        return Problem{key, QStringLiteral("is not an object")};
    const QJsonObject object = json.toObject();
    if (auto problem = requireString(object, "index", key, out.index))
        return problem;
    if (auto problem = requireString(object, "technique", key, out.technique))
        return problem;
    if (auto problem = requireString(object, "name_en", key, out.nameEn))
        return problem;
    if (auto problem = requireString(object, "name_zh", key, out.nameZh))
        return problem;
    return requireString(object, "source", key, out.source);
}

/// Adds ITEM to LIST, or replaces the entry with the same identity when REPLACE is set (an
/// override file); a duplicate among the shipped files is ambiguous and therefore an error.
template <typename T, typename Identity>
std::optional<Problem> mergeItem(std::vector<T>& list, T item, Identity identity, bool replace,
                                 const QString& key)
{
    for (T& existing : list) {
        if (identity(existing) == identity(item)) {
            if (!replace)
                return Problem{key, QStringLiteral("defined twice")};
            existing = std::move(item);
            return std::nullopt;
        }
    }
    list.push_back(std::move(item));
    return std::nullopt;
}

template <typename T, typename Reader, typename Identity>
std::optional<Problem> mergeList(const QJsonObject& root, const char* section,
                                 std::vector<T>& list, Reader reader, Identity identity,
                                 bool replace)
{
    const QJsonValue json = root.value(QLatin1String(section));
    if (json.isUndefined())
        return std::nullopt;
    const QString sectionName = QLatin1String(section);
    if (!json.isArray())
        return Problem{sectionName, QStringLiteral("is not a list")};
    const QJsonArray array = json.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString key = QStringLiteral("%1[%2]").arg(sectionName).arg(i);
        T item;
        if (auto problem = reader(key, array.at(i), item))
            return problem;
        if (auto problem = mergeItem(list, std::move(item), identity, replace, key))
            return problem;
    }
    return std::nullopt;
}

std::optional<Problem> mergeParameters(const QJsonObject& root, MethodConfig& config,
                                       bool replace)
{
    const QJsonValue json = root.value(QLatin1String("parameters"));
    if (json.isUndefined())
        return std::nullopt;
    if (!json.isObject())
        return Problem{QStringLiteral("parameters"), QStringLiteral("is not an object")};
    const QJsonObject parameters = json.toObject();
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        core::SourcedValue value;
        if (auto problem = readParameter(it.key(), it.value(), value))
            return problem;
        const std::string key = it.key().toStdString();
        if (!replace && config.parameters.contains(key))
            return Problem{it.key(), QStringLiteral("defined twice")};
        config.parameters.values[key] = std::move(value);
    }
    return std::nullopt;
}

std::optional<Problem> mergeFormControls(const QJsonObject& root, MethodConfig& config,
                                         bool replace)
{
    const QJsonValue json = root.value(QLatin1String("form_controls"));
    if (json.isUndefined())
        return std::nullopt;
    if (!json.isObject())
        return Problem{QStringLiteral("form_controls"), QStringLiteral("is not an object")};
    const QJsonObject byType = json.toObject();
    for (auto it = byType.begin(); it != byType.end(); ++it) {
        const QString typeKey = QStringLiteral("form_controls.%1").arg(it.key());
        if (!core::renewalTypeFromName(it.key().toStdString()))
            return Problem{typeKey, QStringLiteral("names no renewal type")};
        if (!it.value().isArray())
            return Problem{typeKey, QStringLiteral("is not a list")};
        const std::string type = it.key().toStdString();
        if (!replace && config.formControls.count(type))
            return Problem{typeKey, QStringLiteral("defined twice")};
        std::vector<core::FormControl> controls;
        const QJsonArray array = it.value().toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            core::FormControl control;
            const QString key = QStringLiteral("%1[%2]").arg(typeKey).arg(i);
            if (auto problem = readFormControl(key, array.at(i), control))
                return problem;
            controls.push_back(std::move(control));
        }
        config.formControls[type] = std::move(controls);
    }
    return std::nullopt;
}

/// "keyword_lists": {"name": ["word", ...], ...}, read by the renewal-type rule.
std::optional<Problem> mergeKeywordLists(const QJsonObject& root, MethodConfig& config,
                                         bool replace)
{
    const QJsonValue json = root.value(QLatin1String("keyword_lists"));
    if (json.isUndefined())
        return std::nullopt;
    if (!json.isObject())
        return Problem{QStringLiteral("keyword_lists"), QStringLiteral("is not an object")};
    const QJsonObject lists = json.toObject();
    for (auto it = lists.begin(); it != lists.end(); ++it) {
        const QString key = QStringLiteral("keyword_lists.%1").arg(it.key());
        if (!it.value().isArray())
            return Problem{key, QStringLiteral("is not a list")};
        std::vector<std::string> words;
        for (const QJsonValue& word : it.value().toArray()) {
            if (!word.isString())
                return Problem{key, QStringLiteral("holds a non-text entry")};
            words.push_back(word.toString().toStdString());
        }
        const std::string name = it.key().toStdString();
        if (!replace && config.keywordLists.count(name) != 0)
            return Problem{key, QStringLiteral("defined twice")};
        config.keywordLists[name] = std::move(words);
    }
    return std::nullopt;
}

std::optional<Problem> mergeDocument(const QJsonObject& root, MethodConfig& config, bool replace)
{
    if (auto problem = mergeParameters(root, config, replace))
        return problem;
    if (auto problem = mergeKeywordLists(root, config, replace))
        return problem;
    if (auto problem = mergeFormControls(root, config, replace))
        return problem;
    if (auto problem = mergeList(root, "life_circles", config.lifeCircles, readLifeCircle,
                                 [](const core::LifeCircle& c) { return c.id; }, replace))
        return problem;
    if (auto problem = mergeList(root, "facility_types", config.facilityTypes,
                                 readFacilityType,
                                 [](const core::FacilityType& t) { return t.id; }, replace))
        return problem;
    if (auto problem = mergeList(root, "facility_mappings", config.facilityMappings,
                                 readFacilityMapping,
                                 [](const core::FacilityMapping& m) { return m.match; },
                                 replace))
        return problem;
    return mergeList(root, "interventions", config.interventions, readIntervention,
                     [](const core::InterventionSpec& s) { return s.index + "/" + s.technique; },
                     replace);
}

std::optional<Error> mergeJson(const QByteArray& json, const QString& origin,
                               MethodConfig& config, bool replace);

std::optional<Error> mergeFile(const QString& path, MethodConfig& config, bool replace)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return resourceError(path, {}, file.errorString());
    return mergeJson(file.readAll(), path, config, replace);
}

std::optional<Error> mergeJson(const QByteArray& json, const QString& origin,
                               MethodConfig& config, bool replace)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return resourceError(origin, {},
                             QStringLiteral("invalid JSON at offset %1: %2")
                                 .arg(parseError.offset)
                                 .arg(parseError.errorString()));
    if (!document.isObject())
        return resourceError(origin, {}, QStringLiteral("the top level is not an object"));
    // An override replaces known values only; a key the method lacks is a typo until shown
    // otherwise (the shipped files, read with REPLACE unset, define the keys).
    if (replace) {
        if (auto unknown = detail::findUnknownOverrideKey(document.object(), config))
            return resourceError(origin, unknown->key, unknown->message);
    }
    if (auto problem = mergeDocument(document.object(), config, replace))
        return resourceError(origin, problem->key, problem->message);
    return std::nullopt;
}

} // namespace

core::Result<bool> applyOverrides(core::MethodConfig& config, const QByteArray& json,
                                  const QString& origin)
{
    if (auto error = mergeJson(json, origin, config, true))
        return *error;
    return true;
}

QString resourceDir()
{
    const QString fromEnvironment = qEnvironmentVariable("GREENRENEW_RESOURCES");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // An installed program (the .deb: PREFIX/bin and PREFIX/share/greenrenew/resources) finds
    // its own copy wherever the prefix is, before the source tree it was built from.
    if (QCoreApplication::instance()) {
        const QDir installed(QCoreApplication::applicationDirPath()
                             + QStringLiteral("/../share/greenrenew/resources"));
        if (installed.exists(QStringLiteral("method")))
            return installed.canonicalPath();
    }
    return QStringLiteral(GREENRENEW_RESOURCE_DIR);
}

core::Result<core::MethodConfig> loadMethodConfig(const QString& dir, const QString& overrideFile)
{
    const QDir methodDir(QDir(dir).filePath(QStringLiteral("method")));
    if (!methodDir.exists())
        return resourceError(methodDir.path(), {}, QStringLiteral("folder not found"));
    const QStringList files = methodDir.entryList({QStringLiteral("*.json")}, QDir::Files,
                                                  QDir::Name);
    if (files.isEmpty())
        return resourceError(methodDir.path(), {}, QStringLiteral("no *.json resource files"));

    MethodConfig config;
    for (const QString& name : files) {
        if (auto error = mergeFile(methodDir.filePath(name), config, false))
            return *error;
    }
    if (!overrideFile.isEmpty()) {
        if (auto error = mergeFile(overrideFile, config, true))
            return *error;
    }
    qCInfo(lcResources, "loaded %zu parameters, %zu life circles, %zu interventions from %s",
           config.parameters.values.size(), config.lifeCircles.size(),
           config.interventions.size(), qUtf8Printable(methodDir.path()));
    return config;
}

} // namespace greenrenew::gis
