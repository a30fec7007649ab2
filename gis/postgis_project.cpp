#include "gis/postgis_project.h"

#include "gis/gdal_support.h"
#include "gis/logging.h"

#include <gdal_utils.h>

#include <QFile>
#include <QFileInfo>

#include <filesystem>

namespace greenrenew::gis {

namespace {

using detail::DatasetPtr;

core::Error exportError(const char* operation, const QString& where, const QString& message)
{
    core::Error error;
    error.operation = operation;
    error.path = where.toStdString();
    const QString gdal = QString::fromUtf8(CPLGetLastErrorMsg());
    error.message = (gdal.isEmpty() ? message : message + QStringLiteral(": ") + gdal)
                        .toStdString();
    return error;
}

/// Opens SCHEMA through GDAL's PostgreSQL driver; LIST_ALL_TABLES makes the attribute tables
/// (gr_settings, ...) layers too, not only the tables with a geometry column.
DatasetPtr openSchema(const PgConnection& connection, const QString& schema, bool update)
{
    static const char* const kDrivers[] = {"PostgreSQL", nullptr};
    static const char* const kOptions[] = {"LIST_ALL_TABLES=YES", nullptr};
    ensureGdalInitialised();
    CPLErrorReset();
    const QByteArray connectionString = connection.gdalConnectionString(schema).toUtf8();
    return DatasetPtr(GDALDataset::FromHandle(GDALOpenEx(
        connectionString.constData(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : 0), kDrivers,
        kOptions, nullptr)));
}

DatasetPtr openGeoPackage(const QString& path)
{
    static const char* const kDrivers[] = {"GPKG", nullptr};
    ensureGdalInitialised();
    CPLErrorReset();
    return DatasetPtr(GDALDataset::FromHandle(GDALOpenEx(path.toUtf8().constData(),
                                                         GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                         kDrivers, nullptr, nullptr)));
}

/// ogr2ogr's options as a list (GDALVectorTranslate takes them as argv).
struct TranslateOptions {
    explicit TranslateOptions(std::vector<std::string> arguments)
        : m_arguments(std::move(arguments))
    {
        std::vector<char*> argv;
        for (std::string& argument : m_arguments)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        m_options = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    }
    ~TranslateOptions() { GDALVectorTranslateOptionsFree(m_options); }
    TranslateOptions(const TranslateOptions&) = delete;
    TranslateOptions& operator=(const TranslateOptions&) = delete;
    GDALVectorTranslateOptions* get() const { return m_options; }

private:
    std::vector<std::string> m_arguments;
    GDALVectorTranslateOptions* m_options = nullptr;
};

PgExportSummary summarise(GDALDataset& dataset)
{
    PgExportSummary summary;
    for (int i = 0; i < dataset.GetLayerCount(); ++i) {
        OGRLayer* layer = dataset.GetLayer(i);
        summary.tables << QString::fromUtf8(layer->GetName());
        summary.features += layer->GetFeatureCount();
    }
    return summary;
}

/// Removes the team-editing version column from every layer of a GeoPackage copy.
core::Result<bool> dropVersionColumns(GDALDataset& dataset, const QString& path)
{
    for (int i = 0; i < dataset.GetLayerCount(); ++i) {
        OGRLayer* layer = dataset.GetLayer(i);
        const int field = layer->GetLayerDefn()->GetFieldIndex(kVersionColumn);
        if (field >= 0 && layer->DeleteField(field) != OGRERR_NONE)
            return exportError("export PostGIS schema", path,
                               QStringLiteral("cannot leave out column %1 of layer %2")
                                   .arg(QLatin1String(kVersionColumn),
                                        QString::fromUtf8(layer->GetName())));
    }
    return true;
}

} // namespace

core::Result<QStringList> postgisTables(PgConnection& connection, const QString& schema)
{
    auto rows = connection.exec("list tables",
                                "SELECT table_name FROM information_schema.tables "
                                "WHERE table_schema = $1 ORDER BY table_name",
                                {schema.toStdString()});
    if (!rows)
        return rows.error();
    QStringList tables;
    for (const PgRow& row : rows.value())
        tables << QString::fromStdString(row.at(0).value_or(""));
    return tables;
}

core::Result<QStringList> postgisProjectSchemas(PgConnection& connection)
{
    auto rows = connection.exec("list projects",
                                "SELECT table_schema FROM information_schema.tables "
                                "WHERE table_name = 'parcels' ORDER BY table_schema");
    if (!rows)
        return rows.error();
    QStringList schemas;
    for (const PgRow& row : rows.value())
        schemas << QString::fromStdString(row.at(0).value_or(""));
    return schemas;
}

core::Result<PgExportSummary> exportGeoPackageToPostgis(const QString& gpkgPath,
                                                        PgConnection& connection,
                                                        const QString& schema)
{
    const QString target = describePgLocation(connection.location()) + QStringLiteral(
                               ", schema ") + schema;
    if (const QString problem = schemaNameProblem(schema); !problem.isEmpty())
        return exportError("export to PostGIS", target, problem);
    DatasetPtr source = openGeoPackage(gpkgPath);
    if (!source)
        return exportError("export to PostGIS", gpkgPath,
                           QStringLiteral("cannot open the GeoPackage"));

    auto existing = postgisTables(connection, schema);
    if (!existing)
        return existing.error();
    if (!existing.value().isEmpty())
        return exportError("export to PostGIS", target,
                           QStringLiteral("the schema already holds %1 tables (%2); choose "
                                          "another schema or drop it first")
                               .arg(existing.value().size())
                               .arg(existing.value().join(QStringLiteral(", "))));
    const std::string quotedSchema = connection.quoteIdentifier(schema.toStdString());
    auto created = connection.exec("create schema", "CREATE SCHEMA IF NOT EXISTS " + quotedSchema);
    if (!created)
        return created.error();

    DatasetPtr destination = openSchema(connection, schema, true);
    if (!destination)
        return exportError("export to PostGIS", target,
                           QStringLiteral("GDAL cannot open the schema for writing"));
    // Names stay exactly as they are (LAUNDER=NO: GDAL quotes them); ids are kept so results,
    // edit logs and annotations still point at the same parcels.
    TranslateOptions options({"-lco", "LAUNDER=NO", "-lco", "GEOMETRY_NAME=geom", "-lco",
                              "FID=fid", "-lco", "SCHEMA=" + schema.toStdString(),
                              "-preserve_fid"});
    GDALDatasetH sourceHandle = GDALDataset::ToHandle(source.get());
    int usageError = 0;
    CPLErrorReset();
    const bool copied = GDALVectorTranslate(nullptr, GDALDataset::ToHandle(destination.get()), 1,
                                            &sourceHandle, options.get(), &usageError)
                        != nullptr;
    if (!copied || CPLGetLastErrorType() >= CE_Failure) {
        const core::Error error = exportError("export to PostGIS", gpkgPath + QStringLiteral(
                                                  " to ") + target,
                                              QStringLiteral("copy failed"));
        destination.reset();
        // The schema was empty before: remove the partial copy so nothing half-written stays.
        connection.exec("drop partial schema", "DROP SCHEMA " + quotedSchema + " CASCADE");
        return error;
    }
    destination.reset();
    destination = openSchema(connection, schema, false);
    if (!destination)
        return exportError("export to PostGIS", target, QStringLiteral("cannot reopen"));
    return summarise(*destination);
}

core::Result<PgExportSummary> exportPostgisToGeoPackage(PgConnection& connection,
                                                        const QString& schema,
                                                        const QString& gpkgPath)
{
    const QString source = describePgLocation(connection.location()) + QStringLiteral(
                               ", schema ") + schema;
    if (const QString problem = schemaNameProblem(schema); !problem.isEmpty())
        return exportError("export PostGIS schema", source, problem);
    auto tables = postgisTables(connection, schema);
    if (!tables)
        return tables.error();
    if (tables.value().isEmpty())
        return exportError("export PostGIS schema", source,
                           QStringLiteral("the schema holds no tables"));
    DatasetPtr input = openSchema(connection, schema, false);
    if (!input)
        return exportError("export PostGIS schema", source,
                           QStringLiteral("GDAL cannot open the schema"));

    const QString partial = gpkgPath + QStringLiteral(".partial.gpkg");
    QFile::remove(partial);
    TranslateOptions options({"-f", "GPKG", "-preserve_fid"});
    GDALDatasetH inputHandle = GDALDataset::ToHandle(input.get());
    int usageError = 0;
    CPLErrorReset();
    DatasetPtr output(GDALDataset::FromHandle(GDALVectorTranslate(
        partial.toUtf8().constData(), nullptr, 1, &inputHandle, options.get(), &usageError)));
    if (!output || CPLGetLastErrorType() >= CE_Failure) {
        const core::Error error = exportError("export PostGIS schema", source + QStringLiteral(
                                                  " to ") + gpkgPath,
                                              QStringLiteral("copy failed"));
        output.reset();
        QFile::remove(partial);
        return error;
    }
    auto dropped = dropVersionColumns(*output, gpkgPath);
    if (!dropped) {
        output.reset();
        QFile::remove(partial);
        return dropped.error();
    }
    PgExportSummary summary = summarise(*output);
    output.reset();
    // rename(2) replaces an existing file in one step: readers see the old or the new copy.
    std::error_code renameError;
    std::filesystem::rename(partial.toStdString(), gpkgPath.toStdString(), renameError);
    if (renameError) {
        QFile::remove(partial);
        return exportError("export PostGIS schema", gpkgPath,
                           QStringLiteral("cannot rename %1 into place: %2")
                               .arg(partial, QString::fromStdString(renameError.message())));
    }
    return summary;
}

} // namespace greenrenew::gis
