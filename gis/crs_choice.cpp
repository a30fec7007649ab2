#include "gis/crs_choice.h"

#include "gis/logging.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace greenrenew::gis::detail {

namespace {

core::Error crsError(const QString& message, core::ErrorKind kind = core::ErrorKind::BadInput)
{
    core::Error error;
    error.kind = kind;
    error.operation = "choose CRS";
    error.message = message.toStdString();
    return error;
}

SrsPtr cloneTraditional(const OGRSpatialReference& srs)
{
    SrsPtr copy(srs.Clone());
    copy->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return copy;
}

} // namespace

SrsPtr srsFromUserInput(const QString& text)
{
    SrsPtr srs(new OGRSpatialReference);
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (text.trimmed().compare(QLatin1String("LOCAL"), Qt::CaseInsensitive) == 0) {
        srs->SetLocalCS("local grid in metres (datum unknown)");
        srs->SetLinearUnits(SRS_UL_METER, 1.0);
        return srs;
    }
    QuietGdal quiet;
    if (srs->SetFromUserInput(text.toUtf8().constData()) != OGRERR_NONE)
        return nullptr;
    return srs;
}

QString describeCrs(const OGRSpatialReference& srs)
{
    const QString name = QString::fromUtf8(srs.GetName() ? srs.GetName() : "unnamed CRS");
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority && code)
        return QStringLiteral("%1:%2 (%3)").arg(QString::fromUtf8(authority),
                                                QString::fromUtf8(code), name);
    return name;
}

bool isWebMercator(const OGRSpatialReference& srs)
{
    if (!srs.IsProjected())
        return false;
    const QString code = QString::fromUtf8(srs.GetAuthorityCode(nullptr));
    static const QStringList codes = {QStringLiteral("3857"), QStringLiteral("900913"),
                                      QStringLiteral("3785"), QStringLiteral("102100"),
                                      QStringLiteral("102113")};
    if (codes.contains(code))
        return true;
    const QString name = QString::fromUtf8(srs.GetName() ? srs.GetName() : "");
    if (name.contains(QLatin1String("Pseudo-Mercator"), Qt::CaseInsensitive)
        || name.contains(QLatin1String("Pseudo Mercator"), Qt::CaseInsensitive)
        || name.contains(QLatin1String("Web Mercator"), Qt::CaseInsensitive))
        return true;
    const char* method = srs.GetAttrValue("PROJECTION");
    return method && QString::fromUtf8(method).contains(QLatin1String("Popular_Visualisation"));
}

bool inDegreeRange(const OGREnvelope& extent)
{
    return extent.MinX >= -180.0 && extent.MaxX <= 180.0 && extent.MinY >= -90.0
           && extent.MaxY <= 90.0;
}

std::optional<CrsGuess> guessCrsFromExtent(const OGREnvelope& extent)
{
    if (inDegreeRange(extent)) {
        return CrsGuess{srsFromUserInput(QStringLiteral("EPSG:4326")),
                        QStringLiteral("coordinates lie in degree ranges")};
    }
    // Gauss-Kruger with the zone number in the easting: 8 digits, the same zone at both ends
    // of the extent, the rest within 500 km of the false easting, northings of China.
    const int zone = static_cast<int>(std::floor(extent.MinX / 1e6));
    const bool eightDigits = extent.MinX >= 1e7 && extent.MaxX < 1e8;
    const bool oneZone = static_cast<int>(std::floor(extent.MaxX / 1e6)) == zone;
    const bool chinaNorthing = extent.MinY >= 0 && extent.MaxY <= 6.2e6;
    if (!eightDigits || !oneZone || !chinaNorthing)
        return std::nullopt;
    int epsg = 0;
    QString kind;
    if (zone >= 25 && zone <= 45) {
        epsg = 4513 + (zone - 25);  // CGCS2000 / 3-degree Gauss-Kruger zone 25 .. 45
        kind = QStringLiteral("3-degree");
    } else if (zone >= 13 && zone <= 23) {
        epsg = 4491 + (zone - 13);  // CGCS2000 / Gauss-Kruger zone 13 .. 23 (6-degree)
        kind = QStringLiteral("6-degree");
    } else {
        return std::nullopt;
    }
    SrsPtr srs = srsFromUserInput(QStringLiteral("EPSG:%1").arg(epsg));
    if (!srs)
        return std::nullopt;
    return CrsGuess{std::move(srs),
                    QStringLiteral("8-digit eastings start with %1, a %2 Gauss-Kruger zone "
                                   "number; CGCS2000 assumed (Xian 1980 and Beijing 1954 use "
                                   "the same zone numbers)")
                        .arg(zone)
                        .arg(kind)};
}

QString whyNoGuess(const OGREnvelope& extent)
{
    const double largest = std::max({std::abs(extent.MinX), std::abs(extent.MaxX),
                                     std::abs(extent.MinY), std::abs(extent.MaxY)});
    if (largest >= 1e9)
        return QStringLiteral("coordinates reach %1, far beyond any map grid (units may be "
                              "millimetres: set a unit scale of 0.001, and the CRS)")
            .arg(largest, 0, 'g', 3);
    if (extent.MinX >= 1e5 && extent.MaxX < 1e6 && extent.MinY >= 1e6 && extent.MaxY < 6.2e6)
        return QStringLiteral("6-digit eastings and 7-digit northings look like Gauss-Kruger "
                              "without the zone number, whose central meridian the numbers "
                              "cannot tell (e.g. CGCS2000 3-degree CM 105E is EPSG:4544)");
    return QStringLiteral("coordinates (%1 .. %2, %3 .. %4) fit no CRS the importer can guess")
        .arg(extent.MinX, 0, 'f', 0)
        .arg(extent.MaxX, 0, 'f', 0)
        .arg(extent.MinY, 0, 'f', 0)
        .arg(extent.MaxY, 0, 'f', 0);
}

int utmEpsgFor(double longitudeDeg, double latitudeDeg)
{
    int zone = static_cast<int>(std::floor((longitudeDeg + 180.0) / 6.0)) + 1;
    zone = std::clamp(zone, 1, 60);
    return (latitudeDeg >= 0 ? 32600 : 32700) + zone;
}

core::Result<CrsChoice> chooseProjectCrs(const OGRSpatialReference& source,
                                         const OGREnvelope* extent, const QString& override)
{
    if (!override.isEmpty()) {
        SrsPtr srs = srsFromUserInput(override);
        if (!srs)
            return crsError(QStringLiteral("the target CRS \"%1\" is not understood").arg(override),
                            core::ErrorKind::BadUsage);
        if (!srs->IsProjected() && !srs->IsLocal())
            return crsError(QStringLiteral("the target CRS \"%1\" is not projected").arg(override),
                            core::ErrorKind::BadUsage);
        CrsChoice choice{std::move(srs), {}, QStringLiteral("set by the user")};
        choice.name = describeCrs(*choice.srs);
        return choice;
    }

    if (source.IsLocal())
        return CrsChoice{cloneTraditional(source), describeCrs(source),
                         QStringLiteral("a local grid in metres, measured as it is")};
    const bool metric = source.IsProjected() && std::abs(source.GetLinearUnits() - 1.0) < 1e-9;
    if (metric && !isWebMercator(source)) {
        CrsChoice choice{cloneTraditional(source), describeCrs(source),
                         QStringLiteral("the source CRS is projected in metres")};
        return choice;
    }
    const QString why = isWebMercator(source)
                            ? QStringLiteral("the source is Web Mercator (scale error grows "
                                             "with latitude)")
                            : QStringLiteral("the source is not projected in metres");
    if (!extent || !extent->IsInit())
        return CrsChoice{cloneTraditional(source), describeCrs(source),
                         why + QStringLiteral("; kept, no features to choose a UTM zone from")};

    SrsPtr sourceSrs = cloneTraditional(source);
    SrsPtr wgs84(new OGRSpatialReference);
    wgs84->importFromEPSG(4326);
    wgs84->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    TransformPtr toDegrees(OGRCreateCoordinateTransformation(sourceSrs.get(), wgs84.get()));
    double x = (extent->MinX + extent->MaxX) / 2;
    double y = (extent->MinY + extent->MaxY) / 2;
    if (!toDegrees || !toDegrees->Transform(1, &x, &y) || !std::isfinite(x)
        || !std::isfinite(y))
        return crsError(QStringLiteral("cannot find the longitude/latitude of the data centre "
                                       "in %1").arg(describeCrs(source)));

    const int epsg = utmEpsgFor(x, y);
    SrsPtr utm(new OGRSpatialReference);
    if (utm->importFromEPSG(epsg) != OGRERR_NONE)
        return crsError(QStringLiteral("EPSG:%1 is unknown to PROJ").arg(epsg),
                        core::ErrorKind::Internal);
    utm->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CrsChoice choice{std::move(utm), {},
                     why + QStringLiteral("; UTM zone of the data centre (%1, %2)")
                               .arg(x, 0, 'f', 4)
                               .arg(y, 0, 'f', 4)};
    choice.name = describeCrs(*choice.srs);
    qCInfo(lcProj, "chose %s: %s", qUtf8Printable(choice.name), qUtf8Printable(choice.reason));
    return choice;
}

} // namespace greenrenew::gis::detail
