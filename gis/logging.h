#pragma once

// Logging categories of the gis layer. GDAL's error handler is routed into greenrenew.gis.ogr
// so library messages are neither lost nor printed raw to stderr.

#include <QLoggingCategory>

namespace greenrenew::gis {

Q_DECLARE_LOGGING_CATEGORY(lcOgr)
Q_DECLARE_LOGGING_CATEGORY(lcProj)
Q_DECLARE_LOGGING_CATEGORY(lcResources)

/// Registers the GDAL drivers and installs the error handler once; every gis entry point that
/// touches GDAL calls it, so callers never need to.
void ensureGdalInitialised();

} // namespace greenrenew::gis
