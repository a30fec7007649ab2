#include "gis/logging.h"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace greenrenew::gis {

Q_LOGGING_CATEGORY(lcOgr, "greenrenew.gis.ogr")
Q_LOGGING_CATEGORY(lcProj, "greenrenew.gis.proj")
Q_LOGGING_CATEGORY(lcResources, "greenrenew.gis.resources")

namespace {

void CPL_STDCALL routeGdalMessage(CPLErr level, CPLErrorNum code, const char* message)
{
    // PROJ reports through GDAL's handler too (as CPLE_AppDefined from the OSR code); the text
    // says which library spoke, so one category is enough.
    switch (level) {
    case CE_Debug:
        qCDebug(lcOgr, "GDAL: %s", message);
        break;
    case CE_Warning:
        qCWarning(lcOgr, "GDAL warning %d: %s", code, message);
        break;
    case CE_Failure:
    case CE_Fatal:
        qCWarning(lcOgr, "GDAL error %d: %s", code, message);
        break;
    default:
        break;
    }
}

} // namespace

void ensureGdalInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(routeGdalMessage);
    });
}

} // namespace greenrenew::gis
