#include "gis/attribute_table_update.h"

#include "gis/gdal_error.h"

namespace greenrenew::gis::detail {

core::Result<bool> updateAttributeTable(const QString& path, const char* table,
                                        const char* operation,
                                        const std::function<OGRLayer*(GDALDataset&)>& create,
                                        const TableEdit& edit)
{
    static const char* const kDrivers[] = {"GPKG", nullptr};
    GDALAllRegister();
    CPLErrorReset();
    DatasetPtr dataset(GDALDataset::FromHandle(GDALOpenEx(
        path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, kDrivers, nullptr, nullptr)));
    if (!dataset)
        return gdalWriteError(operation, path, table,
                              QStringLiteral("cannot open the GeoPackage for update"));
    if (dataset->StartTransaction() != OGRERR_NONE)
        return gdalWriteError(operation, path, table,
                              QStringLiteral("cannot start a transaction"));
    auto fail = [&](const QString& message) {
        const core::Error error = gdalWriteError(operation, path, table, message);
        dataset->RollbackTransaction();
        return error;
    };
    OGRLayer* layer = dataset->GetLayerByName(table);
    if (!layer)
        layer = create(*dataset);
    if (!layer)
        return fail(QStringLiteral("cannot create the table"));
    if (const std::optional<QString> failed = edit(*layer))
        return fail(*failed);
    if (dataset->CommitTransaction() != OGRERR_NONE)
        return gdalWriteError(operation, path, table, QStringLiteral("cannot commit"));
    return true;
}

std::optional<QString> deleteRows(OGRLayer& table, const std::vector<GIntBig>& fids)
{
    for (GIntBig fid : fids)
        if (table.DeleteFeature(fid) != OGRERR_NONE)
            return QStringLiteral("cannot remove row %1").arg(fid);
    return std::nullopt;
}

} // namespace greenrenew::gis::detail
