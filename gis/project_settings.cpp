#include "gis/project_settings.h"

#include "gis/logging.h"
#include "gis/postgis_connection.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFileInfo>

#include <memory>

namespace greenrenew::gis {

namespace {

constexpr const char* kSettingsTable = "gr_settings";

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr openGeoPackage(const QString& path, bool update)
{
    static const char* const kDrivers[] = {"GPKG", nullptr};
    const unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALAllRegister();
    DatasetPtr dataset(GDALDataset::FromHandle(
        GDALOpenEx(path.toUtf8().constData(), flags, kDrivers, nullptr, nullptr)));
    CPLPopErrorHandler();
    return dataset;
}

/// A project in PostGIS (its schema's gr_settings table, an attribute table GDAL lists only
/// when asked to list all tables).
DatasetPtr openPostgisSchema(const QString& input)
{
    const std::optional<PgLocation> location = parsePgLocation(input);
    if (!location)
        return nullptr;
    static const char* const kDrivers[] = {"PostgreSQL", nullptr};
    static const char* const kOptions[] = {"LIST_ALL_TABLES=YES", nullptr};
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALAllRegister();
    DatasetPtr dataset(GDALDataset::FromHandle(
        GDALOpenEx(gdalInput(*location).toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                   kDrivers, kOptions, nullptr)));
    CPLPopErrorHandler();
    return dataset;
}

// Settings are written through SQL so the table is a plain attribute table (no geometry).
std::string quoted(const QByteArray& text)
{
    std::string result = "'";
    for (char c : text.toStdString()) {
        result += c;
        if (c == '\'')
            result += '\'';
    }
    return result + "'";
}

} // namespace

std::optional<QByteArray> readProjectSetting(const QString& path, const char* key)
{
    DatasetPtr dataset;
    if (isPgInput(path))
        dataset = openPostgisSchema(path);
    else if (path.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive)
             && QFileInfo(path).isFile())
        dataset = openGeoPackage(path, false);
    if (!dataset)
        return std::nullopt;
    OGRLayer* table = dataset->GetLayerByName(kSettingsTable);
    if (!table || table->GetLayerDefn()->GetFieldIndex("key") < 0
        || table->GetLayerDefn()->GetFieldIndex("value") < 0)
        return std::nullopt;
    for (auto& feature : *table) {
        if (std::string(feature->GetFieldAsString("key")) == key)
            return QByteArray(feature->GetFieldAsString("value"));
    }
    return std::nullopt;
}

core::Result<bool> writeProjectSetting(const QString& path, const char* key,
                                       const QByteArray& value)
{
    core::Error error;
    error.operation = "write project setting";
    error.path = path.toStdString();
    error.layer = kSettingsTable;
    DatasetPtr dataset = openGeoPackage(path, true);
    if (!dataset) {
        error.message = "cannot open the GeoPackage for writing";
        return error;
    }
    const std::string create = std::string("CREATE TABLE IF NOT EXISTS ") + kSettingsTable
                               + " (key TEXT PRIMARY KEY NOT NULL, value TEXT)";
    const std::string upsert = std::string("INSERT OR REPLACE INTO ") + kSettingsTable
                               + " (key, value) VALUES (" + quoted(QByteArray(key)) + ", "
                               + quoted(value) + ")";
    for (const std::string& sql : {create, upsert}) {
        CPLErrorReset();
        dataset->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (CPLGetLastErrorType() >= CE_Failure) {
            error.message = CPLGetLastErrorMsg();
            return error;
        }
    }
    // Register the table as attributes so GDAL and QGIS list it.
    const std::string contents = std::string("INSERT OR IGNORE INTO gpkg_contents ")
                                 + "(table_name, data_type, identifier) VALUES ('"
                                 + kSettingsTable + "', 'attributes', '" + kSettingsTable + "')";
    dataset->ExecuteSQL(contents.c_str(), nullptr, nullptr);
    return true;
}

} // namespace greenrenew::gis
