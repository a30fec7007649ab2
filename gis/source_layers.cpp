#include "gis/source_layers.h"

#include "gis/field_detection.h"
#include "gis/gdal_support.h"
#include "gis/logging.h"
#include "gis/postgis_connection.h"

#include <QDir>
#include <QFile>

namespace greenrenew::gis::detail {

using core::Error;
using core::ErrorKind;

namespace {

/// Suffixes of the files a folder is scanned for; sidecars (.shx, .dbf, .prj, .cpg) are not.
const QStringList kDataSuffixes = {QStringLiteral("shp"),    QStringLiteral("gpkg"),
                                   QStringLiteral("geojson"), QStringLiteral("json"),
                                   QStringLiteral("fgb"),    QStringLiteral("kml"),
                                   QStringLiteral("gml"),    QStringLiteral("sqlite"),
                                   QStringLiteral("csv"),    QStringLiteral("zip")};

/// Open options per kind of file: shapefiles are read without recoding (the importer decides
/// the encoding), CSV finds WKT or longitude/latitude columns by their usual names.
std::vector<const char*> openOptionsFor(const QString& path)
{
    if (hasSuffix(path, "shp"))
        return {"ENCODING=", nullptr};
    if (hasSuffix(path, "csv"))
        return {"GEOM_POSSIBLE_NAMES=WKT,wkt,geom,geometry,the_geom,wkt_geom,shape",
                "X_POSSIBLE_NAMES=lon,longitude,lng,long,x,\xe7\xbb\x8f\xe5\xba\xa6",
                "Y_POSSIBLE_NAMES=lat,latitude,y,\xe7\xba\xac\xe5\xba\xa6",
                "KEEP_GEOM_COLUMNS=NO", nullptr};
    return {nullptr};
}

/// Opens PATH as a vector data set; the error names the file and, for a shapefile without its
/// index, the missing .shx (GDAL's own message suggests a config option users cannot set).
core::Result<std::shared_ptr<GDALDataset>> openDataset(const QString& path)
{
    const QFileInfo info(path);
    if (info.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0) {
        if (detail::findSidecar(path, QStringLiteral("shx")).isEmpty())
            return inputError(QStringLiteral("open"), path, {},
                              QStringLiteral("%1.shx is missing (the shapefile's index); copy it "
                                             "beside the .shp").arg(info.completeBaseName()));
    }
    detail::QuietGdal quiet;
    CPLErrorReset();
    const std::vector<const char*> openOptions = openOptionsFor(path);
    GDALDataset* dataset = GDALDataset::Open(path.toUtf8().constData(),
                                             GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                             openOptions.data());
    if (!dataset)
        return inputError(QStringLiteral("open"), path, {}, lastGdalMessage());
    return std::shared_ptr<GDALDataset>(dataset, detail::DatasetCloser());
}

void addLayers(const QString& path, const std::shared_ptr<GDALDataset>& dataset,
               std::vector<SourceLayer>& out)
{
    const bool shapefile = QString::fromUtf8(dataset->GetDriver()->GetDescription())
                           == QLatin1String("ESRI Shapefile");
    for (int i = 0; i < dataset->GetLayerCount(); ++i) {
        OGRLayer* layer = dataset->GetLayer(i);
        if (!layer)
            continue;
        SourceLayer source{path, QString::fromUtf8(layer->GetName()), dataset, layer, {}, {}};
        if (shapefile) {
            const QString shp = hasSuffix(path, "shp")
                                    ? path
                                    : path + QLatin1Char('/') + source.layerName
                                          + QStringLiteral(".shp");
            source.path = shp;
            source.dbf = std::make_shared<detail::DbfInspection>(
                detail::inspectDbf(detail::findSidecar(shp, QStringLiteral("dbf"))));
            source.encoding = detail::chooseShapefileEncoding(shp, *source.dbf);
        }
        out.push_back(std::move(source));
    }
}

bool nameFitsAnyRole(const QString& name)
{
    for (const char* role : kRoles) {
        if (roleMatch(QLatin1String(role), name) > 0)
            return true;
    }
    return false;
}

/// A zip archive is read like a folder: every data file inside it, shapefiles with their
/// sidecars, through GDAL's /vsizip/ file system (nothing is unpacked to disk).
core::Result<std::vector<SourceLayer>> openZip(const QString& path, ImportReport& report)
{
    const QString root = QStringLiteral("/vsizip/") + QFileInfo(path).absoluteFilePath();
    char** entries = VSIReadDirRecursive(root.toUtf8().constData());
    QStringList files;
    for (char** entry = entries; entry && *entry; ++entry) {
        const QString name = QString::fromUtf8(*entry);
        const QString suffix = QFileInfo(name).suffix().toLower();
        if (kDataSuffixes.contains(suffix) && suffix != QLatin1String("zip")
            && !name.startsWith(QLatin1String("__MACOSX")))
            files << name;
    }
    CSLDestroy(entries);
    files.sort();
    if (files.isEmpty())
        return inputError(QStringLiteral("open"), path, {},
                          QStringLiteral("the zip archive holds no data file GreenRenew reads "
                                         "(.shp, .gpkg, .geojson, .fgb, .kml, .csv, ...)"));
    std::vector<SourceLayer> layers;
    for (const QString& file : files) {
        const QString inner = root + QLatin1Char('/') + file;
        auto dataset = openDataset(inner);
        if (!dataset) {
            report.issues.push_back({QFileInfo(path).fileName() + QLatin1Char('/') + file, -1,
                                     QStringLiteral("warning"),
                                     QString::fromStdString(dataset.error().describe())});
            continue;
        }
        addLayers(inner, dataset.value(), layers);
    }
    return layers;
}

} // namespace

bool hasSuffix(const QString& path, const char* suffix)
{
    return QFileInfo(path).suffix().compare(QLatin1String(suffix), Qt::CaseInsensitive) == 0;
}

Error inputError(const QString& operation, const QString& path, const QString& layer,
                 const QString& message, ErrorKind kind)
{
    Error error;
    error.kind = kind;
    error.operation = operation.toStdString();
    error.path = path.toStdString();
    error.layer = layer.toStdString();
    error.message = message.toStdString();
    return error;
}

QString lastGdalMessage()
{
    const QString message = QString::fromUtf8(CPLGetLastErrorMsg());
    return message.isEmpty() ? QStringLiteral("GDAL cannot read it") : message;
}

core::Result<std::vector<SourceLayer>> openSources(const QString& input, ImportReport& report)
{
    std::vector<SourceLayer> layers;
    const QFileInfo info(input);
    if (info.isFile() && hasSuffix(input, "zip"))
        return openZip(input, report);
    // An Esri file geodatabase is a folder that GDAL opens as one data set.
    const bool fileGeodatabase = info.isDir() && hasSuffix(input, "gdb");
    if (isPgInput(input) || input.startsWith(QLatin1String("/vsi")) || info.isFile()
        || fileGeodatabase) {
        // postgis://user@host/db?schema=s is GDAL's "PG:... schemas=s" (DESIGN.md).
        const std::optional<PgLocation> pg = parsePgLocation(input);
        auto dataset = openDataset(pg && !input.startsWith(QLatin1String("PG:"))
                                       ? gdalInput(*pg) : input);
        if (!dataset)
            return dataset.error();
        addLayers(input, dataset.value(), layers);
        return layers;
    }
    if (!info.isDir())
        return inputError(QStringLiteral("open"), input, {}, QStringLiteral("no such file"));

    const QDir dir(input);
    QStringList patterns;
    for (const QString& suffix : kDataSuffixes)
        patterns << QStringLiteral("*.") + suffix;
    const QStringList files = dir.entryList(patterns, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString path = dir.filePath(file);
        if (hasSuffix(file, "zip")) {
            auto zipped = openZip(path, report);
            if (!zipped)
                return zipped.error();
            for (SourceLayer& layer : zipped.value())
                layers.push_back(std::move(layer));
            continue;
        }
        auto dataset = openDataset(path);
        if (!dataset) {
            // A file that would fill a role must not vanish silently; others are noted only.
            if (nameFitsAnyRole(QFileInfo(file).completeBaseName()))
                return dataset.error();
            report.issues.push_back({file, -1, QStringLiteral("warning"),
                                     QString::fromStdString(dataset.error().describe())});
            continue;
        }
        addLayers(path, dataset.value(), layers);
    }
    return layers;
}

/// Picks the layer for each role: the user's choice, else the best name match.
core::Result<std::map<QString, const SourceLayer*>> assignRoles(
    const std::vector<SourceLayer>& layers, const ImportOptions& options, const QString& input,
    ImportReport& report)
{
    std::map<QString, const SourceLayer*> assigned;
    for (const char* roleName : kRoles) {
        const QString role = QLatin1String(roleName);
        const QString wanted = options.layerForRole.value(role);
        const SourceLayer* best = nullptr;
        int bestScore = 0;
        for (const SourceLayer& layer : layers) {
            if (!wanted.isEmpty()) {
                if (layer.layerName == wanted || QFileInfo(layer.path).fileName() == wanted) {
                    best = &layer;
                    break;
                }
                continue;
            }
            const int score = roleMatch(role, layer.layerName);
            if (score > bestScore) {
                best = &layer;
                bestScore = score;
            }
        }
        if (!wanted.isEmpty() && !best)
            return inputError(QStringLiteral("map layers"), input, wanted,
                              QStringLiteral("no layer of that name for role %1").arg(role),
                              ErrorKind::BadUsage);
        if (best)
            assigned[role] = best;
    }

    if (!assigned.count(QStringLiteral("parcels")) && layers.size() == 1
        && assigned.empty()) {
        assigned[QStringLiteral("parcels")] = &layers.front();
        report.issues.push_back({layers.front().layerName, -1, QStringLiteral("warning"),
                                 QStringLiteral("the only layer, taken as the parcels")});
    }
    // Without parcels the street network's blocks become the parcels (see readDataset).
    if (!assigned.count(QStringLiteral("parcels")) && !assigned.count(QStringLiteral("streets"))) {
        QStringList names;
        for (const SourceLayer& layer : layers)
            names << layer.layerName;
        return inputError(QStringLiteral("find parcels"), input, {},
                          QStringLiteral("no parcels layer (looked for parcels, 地块, plots, "
                                         "blocks, tessellation) among: %1")
                              .arg(names.isEmpty() ? QStringLiteral("no layers")
                                                   : names.join(QStringLiteral(", "))));
    }
    return assigned;
}


} // namespace greenrenew::gis::detail
