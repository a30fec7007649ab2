#include "app/cli/mapping_file.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace greenrenew::cli {

namespace {
const QStringList kRoles = {QStringLiteral("parcels"), QStringLiteral("buildings"),
    QStringLiteral("green"), QStringLiteral("streets"), QStringLiteral("facilities")};

core::Error mappingError(const QString& path, const QString& message)
{
    core::Error error;
    error.operation = "read mapping file";
    error.path = path.toStdString();
    error.message = message.toStdString();
    return error;
}
} // namespace

core::Result<QMap<QString, QString>> readMappingFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return mappingError(path, file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return mappingError(path, QStringLiteral("not a JSON object: ") + parseError.errorString());

    QMap<QString, QString> mapping;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!kRoles.contains(it.key()))
            return mappingError(path, QStringLiteral("unknown role '%1' (expected one of %2)")
                                          .arg(it.key(), kRoles.join(QStringLiteral(", "))));
        if (!it.value().isString())
            return mappingError(path, QStringLiteral("the layer for '%1' must be a string")
                                          .arg(it.key()));
        mapping.insert(it.key(), it.value().toString());
    }
    return mapping;
}

} // namespace greenrenew::cli
