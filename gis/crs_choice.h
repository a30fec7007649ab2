#pragma once

// Which metric CRS a project is measured in: a projected source CRS in metres is kept (unless it
// is Web Mercator, whose scale error is too large for areas), geographic data gets the UTM zone
// of its centroid. Internal to gis.

#include "core/result.h"
#include "gis/gdal_support.h"

#include <QString>

#include <optional>

namespace greenrenew::gis::detail {

struct CrsChoice {
    SrsPtr srs;       // traditional GIS axis order (x = easting/longitude)
    QString name;     // "EPSG:32651 (WGS 84 / UTM zone 51N)"
    QString reason;   // why this CRS
};

/// A short label: "EPSG:n (name)" where an EPSG code is known, else the CRS name.
QString describeCrs(const OGRSpatialReference& srs);

/// True for EPSG:3857 and its aliases (900913, 3785, 102100, ESRI/WKT "Pseudo-Mercator").
bool isWebMercator(const OGRSpatialReference& srs);

/// The UTM zone CRS (EPSG:326zz north, 327zz south) for a longitude/latitude in degrees.
int utmEpsgFor(double longitudeDeg, double latitudeDeg);

/// Chooses the project CRS from the parcel layer's CRS SOURCE and its EXTENT (in SOURCE
/// units; may be null for an empty layer). OVERRIDE ("EPSG:n" or any OGR user input) wins.
core::Result<CrsChoice> chooseProjectCrs(const OGRSpatialReference& source,
                                         const OGREnvelope* extent, const QString& override);

/// A spatial reference with traditional GIS axis order from user input; null on failure.
/// "LOCAL" means a local grid in metres of unknown datum (CAD drawings, site surveys): areas
/// and lengths are measured in it as they are, and nothing can be reprojected into it.
SrsPtr srsFromUserInput(const QString& text);

/// A CRS guessed from where the coordinates lie, with why.
struct CrsGuess {
    SrsPtr srs;
    QString why;
};

/// Degrees -> WGS 84; 8-digit eastings whose first two digits are a Chinese Gauss-Kruger zone
/// -> CGCS2000 with that zone (3-degree zones 25-45, 6-degree zones 13-23, ranges that do not
/// overlap). Nothing when the range fits neither; then whyNoGuess says what it looks like.
std::optional<CrsGuess> guessCrsFromExtent(const OGREnvelope& extent);
QString whyNoGuess(const OGREnvelope& extent);

/// True when every coordinate of EXTENT lies within longitude/latitude ranges.
bool inDegreeRange(const OGREnvelope& extent);

} // namespace greenrenew::gis::detail
