#include "app/cli/mapping_file.h"

#include "gis/field_detection.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace greenrenew::cli {

namespace {

QStringList roles()
{
    QStringList names;
    for (const char* role : gis::kRoles)
        names << QLatin1String(role);
    return names;
}

core::Error mappingError(const QString& path, const QString& message)
{
    core::Error error;
    error.operation = "read mapping file";
    error.path = path.toStdString();
    error.message = message.toStdString();
    return error;
}

/// The "fields" object of one role: model field key -> source field name.
core::Result<QMap<QString, QString>> readRoleFields(const QString& path, const QString& role,
                                                    const QJsonValue& value)
{
    if (!value.isObject())
        return mappingError(path, QStringLiteral("fields.%1 must be an object").arg(role));
    QStringList keys;
    for (const gis::ModelField& field : gis::modelFieldsOf(role))
        keys << QLatin1String(field.key);
    QMap<QString, QString> fields;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!keys.contains(it.key()))
            return mappingError(path,
                                QStringLiteral("unknown field '%1' for %2 (expected one of %3)")
                                    .arg(it.key(), role, keys.join(QStringLiteral(", "))));
        if (!it.value().isString() || it.value().toString().isEmpty())
            return mappingError(path, QStringLiteral("fields.%1.%2 must name a field")
                                          .arg(role, it.key()));
        fields.insert(it.key(), it.value().toString());
    }
    return fields;
}

} // namespace

core::Result<bool> readMappingFile(const QString& path, gis::ImportOptions& options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return mappingError(path, file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return mappingError(path, QStringLiteral("not a JSON object: ") + parseError.errorString());

    const QStringList known = roles();
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("fields")) {
            if (!it.value().isObject())
                return mappingError(path, QStringLiteral("'fields' must be an object"));
            const QJsonObject byRole = it.value().toObject();
            for (auto role = byRole.begin(); role != byRole.end(); ++role) {
                if (!known.contains(role.key()))
                    return mappingError(path, QStringLiteral("unknown role '%1' in fields")
                                                  .arg(role.key()));
                auto fields = readRoleFields(path, role.key(), role.value());
                if (!fields)
                    return fields.error();
                options.fieldsForRole.insert(role.key(), fields.value());
            }
            continue;
        }
        if (!known.contains(it.key()))
            return mappingError(path,
                                QStringLiteral("unknown role '%1' (expected one of %2, or fields)")
                                    .arg(it.key(), known.join(QStringLiteral(", "))));
        if (!it.value().isString())
            return mappingError(path, QStringLiteral("the layer for '%1' must be a string")
                                          .arg(it.key()));
        options.layerForRole.insert(it.key(), it.value().toString());
    }
    return true;
}

} // namespace greenrenew::cli
