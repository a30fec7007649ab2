#include "gis/gdal_error.h"

#include <cpl_error.h>

namespace greenrenew::gis::detail {

core::Error gdalWriteError(const char* operation, const QString& path, const std::string& layer,
                           const QString& message)
{
    core::Error error;
    error.kind = core::ErrorKind::BadInput;
    error.operation = operation;
    error.path = path.toStdString();
    error.layer = layer;
    const QString gdal = QString::fromUtf8(CPLGetLastErrorMsg());
    error.message = (gdal.isEmpty() ? message : message + QStringLiteral(": ") + gdal)
                        .toStdString();
    return error;
}

} // namespace greenrenew::gis::detail
