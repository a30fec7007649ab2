#include "gis/project_file.h"

#include "gis/atomic_file.h"
#include "gis/gdal_error.h"
#include "gis/gdal_support.h"
#include "gis/logging.h"
#include "gis/project_settings.h"
#include "gis/results_writer.h"
#include "gis/service_area_layer.h"

#include <QFile>
#include <QFileInfo>

#include <optional>

namespace greenrenew::gis {

namespace {

using core::Error;
using detail::DatasetPtr;

Error projectWriteError(const QString& path, const std::string& layer, const QString& message)
{
    return detail::gdalWriteError("save project", path, layer, message);
}

bool addStringField(OGRLayer* layer, const char* name)
{
    OGRFieldDefn field(name, OFTString);
    return layer->CreateField(&field) == OGRERR_NONE;
}

bool addNumberField(OGRLayer* layer, const char* name, OGRFieldType type)
{
    OGRFieldDefn field(name, type);
    return layer->CreateField(&field) == OGRERR_NONE;
}

OGRMultiLineString toOgr(const core::MultiLineString& lines)
{
    OGRMultiLineString multi;
    for (const core::LineString& line : lines) {
        OGRLineString ogrLine;
        for (const core::Point& point : line)
            ogrLine.addPoint(point.x(), point.y());
        multi.addGeometry(&ogrLine);
    }
    return multi;
}

// Field names are the ones gis::loadProject looks for first (gis/field_detection.cpp), so a
// saved project reads back without a field mapping.
std::optional<Error> writeBuildings(GDALDataset& dataset, OGRSpatialReference* srs,
                                    const core::Project& project, const QString& path)
{
    OGRLayer* layer = dataset.CreateLayer("buildings", srs, wkbMultiPolygon, nullptr);
    if (!layer || !addNumberField(layer, "building_id", OFTInteger64)
        || !addNumberField(layer, "floors", OFTReal) || !addNumberField(layer, "height_m", OFTReal)
        || !addStringField(layer, "use") || !addStringField(layer, "name"))
        return projectWriteError(path, "buildings", QStringLiteral("cannot create the layer"));
    for (const core::Building& building : project.buildings) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("building_id", static_cast<GIntBig>(building.id));
        if (building.floors)
            feature->SetField("floors", *building.floors);
        if (building.heightM)
            feature->SetField("height_m", *building.heightM);
        feature->SetField("use", building.use.c_str());
        feature->SetField("name", building.name.c_str());
        OGRMultiPolygon geometry = detail::toOgr(building.footprint);
        feature->SetGeometry(&geometry);
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
            Error error = projectWriteError(path, "buildings", QStringLiteral("cannot write"));
            error.featureId = building.id;
            return error;
        }
    }
    return std::nullopt;
}

std::optional<Error> writeGreen(GDALDataset& dataset, OGRSpatialReference* srs,
                                const core::Project& project, const QString& path)
{
    OGRLayer* layer = dataset.CreateLayer("green", srs, wkbMultiPolygon, nullptr);
    if (!layer || !addNumberField(layer, "green_id", OFTInteger64) || !addStringField(layer, "kind")
        || !addStringField(layer, "name"))
        return projectWriteError(path, "green", QStringLiteral("cannot create the layer"));
    for (const core::GreenSpace& green : project.green) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("green_id", static_cast<GIntBig>(green.id));
        feature->SetField("kind", green.kind.c_str());
        feature->SetField("name", green.name.c_str());
        OGRMultiPolygon geometry = detail::toOgr(green.geometry);
        feature->SetGeometry(&geometry);
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
            Error error = projectWriteError(path, "green", QStringLiteral("cannot write"));
            error.featureId = green.id;
            return error;
        }
    }
    return std::nullopt;
}

std::optional<Error> writeStreets(GDALDataset& dataset, OGRSpatialReference* srs,
                                  const core::Project& project, const QString& path)
{
    OGRLayer* layer = dataset.CreateLayer("streets", srs, wkbMultiLineString, nullptr);
    if (!layer || !addNumberField(layer, "street_id", OFTInteger64)
        || !addStringField(layer, "highway") || !addNumberField(layer, "walkable", OFTInteger)
        || !addStringField(layer, "name"))
        return projectWriteError(path, "streets", QStringLiteral("cannot create the layer"));
    for (const core::Street& street : project.streets) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("street_id", static_cast<GIntBig>(street.id));
        feature->SetField("highway", street.highway.c_str());
        // Written out: the loader otherwise guesses walkability from the highway class, and
        // the data set's own foot=no would be lost.
        feature->SetField("walkable", street.walkable ? 1 : 0);
        feature->SetField("name", street.name.c_str());
        OGRMultiLineString geometry = toOgr(street.geometry);
        feature->SetGeometry(&geometry);
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
            Error error = projectWriteError(path, "streets", QStringLiteral("cannot write"));
            error.featureId = street.id;
            return error;
        }
    }
    return std::nullopt;
}

std::optional<Error> writeLayers(GDALDataset& dataset, const core::Project& project,
                                 const QString& path)
{
    detail::SrsPtr srs;
    if (!project.crsWkt.empty()) {
        srs.reset(new OGRSpatialReference);
        if (srs->importFromWkt(project.crsWkt.c_str()) != OGRERR_NONE)
            return projectWriteError(path, {}, QStringLiteral("the project CRS is not valid WKT"));
    }
    const bool inTransaction = dataset.StartTransaction() == OGRERR_NONE;
    std::optional<Error> failure = writeBuildings(dataset, srs.get(), project, path);
    if (!failure)
        failure = writeGreen(dataset, srs.get(), project, path);
    if (!failure)
        failure = writeStreets(dataset, srs.get(), project, path);
    if (!failure && inTransaction && dataset.CommitTransaction() != OGRERR_NONE)
        failure = projectWriteError(path, {}, QStringLiteral("cannot commit the layers"));
    return failure;
}

// The source's own tables (gr_settings, gr_scenarios, gr_annotations, ...), copied as they are.
std::optional<Error> copyProjectTables(GDALDataset& target, const QString& sourcePath,
                                       const QString& path)
{
    if (!sourcePath.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive)
        || !QFileInfo(sourcePath).isFile())
        return std::nullopt;
    static const char* const kDrivers[] = {"GPKG", nullptr};
    // gr_settings is a plain SQLite table; GDAL lists it only when asked to list all tables.
    static const char* const kOptions[] = {"LIST_ALL_TABLES=YES", nullptr};
    DatasetPtr source(GDALDataset::FromHandle(GDALOpenEx(sourcePath.toUtf8().constData(),
                                                         GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                         kDrivers, kOptions, nullptr)));
    if (!source)
        return projectWriteError(path, {}, QStringLiteral("cannot read %1").arg(sourcePath));
    for (OGRLayer* layer : source->GetLayers()) {
        const std::string name = layer->GetName();
        if (name.rfind("gr_", 0) != 0 || target.GetLayerByName(name.c_str()))
            continue;
        if (!target.CopyLayer(layer, name.c_str()))
            return projectWriteError(path, name, QStringLiteral("cannot copy the table"));
    }
    return std::nullopt;
}

} // namespace

bool isProjectFile(const QString& path)
{
    return readProjectSetting(path, kProjectMarkerKey).has_value();
}

core::Result<bool> writeProjectFile(const core::Project& project, const core::Analysis& analysis,
                                    const QString& gpkgPath, const QString& sourcePath)
{
    const QString temporary = temporarySavePath(gpkgPath);
    const core::Result<bool> results = writeResults(project, analysis, temporary);
    if (!results)
        return results.error();

    static const char* const kDrivers[] = {"GPKG", nullptr};
    CPLErrorReset();
    DatasetPtr dataset(GDALDataset::FromHandle(GDALOpenEx(temporary.toUtf8().constData(),
                                                          GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                                          kDrivers, nullptr, nullptr)));
    std::optional<Error> failure;
    if (!dataset)
        failure =
            projectWriteError(gpkgPath, {}, QStringLiteral("cannot reopen %1").arg(temporary));
    if (!failure)
        failure = writeLayers(*dataset, project, gpkgPath);
    if (!failure)
        failure = copyProjectTables(*dataset, sourcePath, gpkgPath);
    dataset.reset();
    if (!failure) {
        const core::Result<bool> marked =
            writeProjectSetting(temporary, kProjectMarkerKey, QByteArrayLiteral("1"));
        if (!marked)
            failure = marked.error();
    }
    if (failure) {
        QFile::remove(temporary);
        return *failure;
    }
    const core::Result<bool> replaced = replaceWithTemporary(temporary, gpkgPath);
    if (!replaced)
        return replaced.error();
    qCInfo(lcOgr, "saved the project (%zu parcels, %zu buildings) to %s",
           project.parcels.size(), project.buildings.size(), qUtf8Printable(gpkgPath));
    return true;
}

} // namespace greenrenew::gis
