#include "gis/edit_log_store.h"

#include "gis/gdal_error.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace greenrenew::gis {

namespace {

constexpr const char* kTable = "gr_edit_log";

core::Result<bool> logError(const QString& path, const QString& message)
{
    return detail::gdalWriteError("write edit log", path, kTable, message);
}

std::string joinIds(const std::vector<core::FeatureId>& ids)
{
    std::string text;
    for (core::FeatureId id : ids) {
        if (!text.empty())
            text.push_back(',');
        text.append(std::to_string(id));
    }
    return text;
}

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};

} // namespace

core::Result<bool> writeEditLog(const QString& gpkgPath, const std::vector<EditLogEntry>& entries)
{
    GDALAllRegister();
    CPLErrorReset();
    std::unique_ptr<GDALDataset, DatasetCloser> dataset(GDALDataset::Open(
        gpkgPath.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr,
        nullptr));
    if (!dataset)
        return logError(gpkgPath, QStringLiteral("cannot open the GeoPackage for update"));
    if (dataset->StartTransaction() != OGRERR_NONE)
        return logError(gpkgPath, QStringLiteral("cannot start a transaction"));
    for (int i = 0; i < dataset->GetLayerCount(); ++i) {
        if (EQUAL(dataset->GetLayer(i)->GetName(), kTable)) {
            dataset->DeleteLayer(i);
            break;
        }
    }
    // wkbNone: GDAL registers it in gpkg_contents as 'attributes', a table to QGIS.
    OGRLayer* layer = dataset->CreateLayer(kTable, nullptr, wkbNone, nullptr);
    if (!layer) {
        dataset->RollbackTransaction();
        return logError(gpkgPath, QStringLiteral("cannot create the table"));
    }
    const std::pair<const char*, OGRFieldType> fields[] = {
        {"time_utc", OFTString}, {"parcel_ids", OFTString}, {"action", OFTString},
        {"description", OFTString}};
    for (const auto& [name, type] : fields) {
        OGRFieldDefn field(name, type);
        if (layer->CreateField(&field) != OGRERR_NONE) {
            dataset->RollbackTransaction();
            return logError(gpkgPath,
                            QStringLiteral("cannot create field %1").arg(QLatin1String(name)));
        }
    }
    for (const EditLogEntry& entry : entries) {
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("time_utc", entry.timeUtc.c_str());
        feature.SetField("parcel_ids", joinIds(entry.parcelIds).c_str());
        feature.SetField("action", entry.action.c_str());
        feature.SetField("description", entry.description.c_str());
        if (layer->CreateFeature(&feature) != OGRERR_NONE) {
            dataset->RollbackTransaction();
            return logError(gpkgPath, QStringLiteral("cannot write a row"));
        }
    }
    if (dataset->CommitTransaction() != OGRERR_NONE)
        return logError(gpkgPath, QStringLiteral("cannot commit"));
    return true;
}

} // namespace greenrenew::gis
