#include "gis/dataset_reader.h"

#include "gis/crs_choice.h"
#include "gis/field_detection.h"
#include "gis/gdal_support.h"
#include "gis/geometry_import.h"
#include "gis/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <memory>
#include <set>

namespace greenrenew::gis {

namespace {

using core::Error;
using core::ErrorKind;
using detail::DatasetPtr;
using detail::SrsPtr;
using detail::TransformPtr;

/// Suffixes of the files a folder is scanned for; sidecars (.shx, .dbf, .prj, .cpg) are not.
const QStringList kDataSuffixes = {QStringLiteral("shp"),    QStringLiteral("gpkg"),
                                   QStringLiteral("geojson"), QStringLiteral("json"),
                                   QStringLiteral("fgb"),    QStringLiteral("kml"),
                                   QStringLiteral("gml"),    QStringLiteral("sqlite"),
                                   QStringLiteral("csv")};

Error inputError(const QString& operation, const QString& path, const QString& layer,
                 const QString& message, ErrorKind kind = ErrorKind::BadInput)
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

struct SourceLayer {
    QString path;
    QString layerName;
    std::shared_ptr<GDALDataset> dataset;
    OGRLayer* layer = nullptr;
};

/// Opens PATH as a vector data set; the error names the file and, for a shapefile without its
/// index, the missing .shx (GDAL's own message suggests a config option users cannot set).
core::Result<std::shared_ptr<GDALDataset>> openDataset(const QString& path)
{
    const QFileInfo info(path);
    if (info.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0) {
        const QString base = info.path() + QLatin1Char('/') + info.completeBaseName();
        if (!QFile::exists(base + QStringLiteral(".shx"))
            && !QFile::exists(base + QStringLiteral(".SHX")))
            return inputError(QStringLiteral("open"), path, {},
                              QStringLiteral("%1.shx is missing (the shapefile's index); copy it "
                                             "beside the .shp").arg(info.completeBaseName()));
    }
    detail::QuietGdal quiet;
    CPLErrorReset();
    GDALDataset* dataset = GDALDataset::Open(path.toUtf8().constData(),
                                             GDAL_OF_VECTOR | GDAL_OF_READONLY);
    if (!dataset)
        return inputError(QStringLiteral("open"), path, {}, lastGdalMessage());
    return std::shared_ptr<GDALDataset>(dataset, detail::DatasetCloser());
}

void addLayers(const QString& path, const std::shared_ptr<GDALDataset>& dataset,
               std::vector<SourceLayer>& out)
{
    for (int i = 0; i < dataset->GetLayerCount(); ++i) {
        OGRLayer* layer = dataset->GetLayer(i);
        if (layer)
            out.push_back({path, QString::fromUtf8(layer->GetName()), dataset, layer});
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

core::Result<std::vector<SourceLayer>> openSources(const QString& input, ImportReport& report)
{
    std::vector<SourceLayer> layers;
    const QFileInfo info(input);
    if (input.startsWith(QLatin1String("PG:")) || info.isFile()) {
        auto dataset = openDataset(input);
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

    if (!assigned.count(QStringLiteral("parcels")) && layers.size() == 1) {
        assigned[QStringLiteral("parcels")] = &layers.front();
        report.issues.push_back({layers.front().layerName, -1, QStringLiteral("warning"),
                                 QStringLiteral("the only layer, taken as the parcels")});
    }
    if (!assigned.count(QStringLiteral("parcels"))) {
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

bool looksGeographic(const OGREnvelope& extent)
{
    return extent.MinX >= -180.0 && extent.MaxX <= 180.0 && extent.MinY >= -90.0
           && extent.MaxY <= 90.0;
}

/// The layer's CRS; a layer without one is taken as WGS 84 only when every coordinate lies in
/// degree ranges, and then with a visible warning.
core::Result<SrsPtr> layerCrs(const SourceLayer& source, const OGREnvelope* extent,
                              LayerImport& record, ImportReport& report)
{
    const OGRSpatialReference* srs = source.layer->GetSpatialRef();
    if (srs) {
        SrsPtr copy(srs->Clone());
        copy->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        record.crsDescription = detail::describeCrs(*copy);
        record.crsReason = QStringLiteral("declared by the data");
        return copy;
    }
    if (!extent) {
        record.crsDescription = QStringLiteral("none");
        record.crsReason = QStringLiteral("no CRS and no features");
        return SrsPtr();
    }
    if (looksGeographic(*extent)) {
        SrsPtr wgs84 = detail::srsFromUserInput(QStringLiteral("EPSG:4326"));
        record.crsDescription = detail::describeCrs(*wgs84);
        record.crsReason = QStringLiteral("no CRS given; coordinates lie in degree ranges, "
                                          "assumed WGS 84");
        report.issues.push_back({source.layerName, -1, QStringLiteral("warning"),
                                 record.crsReason});
        return wgs84;
    }
    return inputError(QStringLiteral("read CRS"), source.path, source.layerName,
                      QStringLiteral("the layer has no CRS (.prj missing?) and its coordinates "
                                     "are not degrees; set the CRS"));
}

/// Per-feature context shared by the role readers.
struct FeatureReader {
    const SourceLayer& source;
    OGRCoordinateTransformation* transform;
    detail::GeometryImporter& geometry;
    LayerImport& record;
    ImportReport& report;
    QStringList fields;

    int field(const QStringList& candidates) const { return findField(fields, candidates); }

    QString text(const OGRFeature& feature, int index) const
    {
        if (index < 0 || !feature.IsFieldSetAndNotNull(index))
            return {};
        return QString::fromUtf8(feature.GetFieldAsString(index));
    }

    std::optional<double> number(const OGRFeature& feature, int index) const
    {
        if (index < 0 || !feature.IsFieldSetAndNotNull(index))
            return std::nullopt;
        return parseLeadingNumber(QString::fromUtf8(feature.GetFieldAsString(index)));
    }

    void issue(long long fid, const QString& what, const QString& message)
    {
        report.issues.push_back({source.layerName, fid, what, message});
    }

    /// The feature's geometry, linear, 2D and in the project CRS; null (with a reported skip)
    /// when there is none or it cannot be reprojected.
    std::unique_ptr<OGRGeometry> prepared(const OGRFeature& feature, const QString& label)
    {
        const OGRGeometry* raw = feature.GetGeometryRef();
        const long long fid = feature.GetFID();
        // A failure GDAL raised while reading this feature (a truncated record, say) explains
        // a missing geometry better than "no geometry"; reset it so it is not blamed twice.
        const QString readFailure = CPLGetLastErrorType() >= CE_Failure
                                        ? QString::fromUtf8(CPLGetLastErrorMsg())
                                        : QString();
        CPLErrorReset();
        if (!raw || raw->IsEmpty()) {
            skip(fid, label + (readFailure.isEmpty()
                                   ? QStringLiteral(": no geometry, not imported")
                                   : QStringLiteral(": geometry could not be read (%1), not "
                                                    "imported").arg(readFailure)));
            return nullptr;
        }
        std::unique_ptr<OGRGeometry> geometry(raw->getLinearGeometry());
        if (!geometry) {
            skip(fid, label + QStringLiteral(": curves could not be linearised"));
            return nullptr;
        }
        geometry->flattenTo2D();
        if (transform && geometry->transform(transform) != OGRERR_NONE) {
            skip(fid, label + QStringLiteral(": cannot be reprojected"));
            return nullptr;
        }
        return geometry;
    }

    void skip(long long fid, const QString& message)
    {
        ++record.skipped;
        issue(fid, QStringLiteral("skipped"), message);
    }

    template <typename T>
    bool accept(long long fid, const QString& label, const detail::Imported<T>& imported)
    {
        if (!imported.geometry) {
            skip(fid, label + QStringLiteral(": ") + imported.skipped);
            return false;
        }
        if (!imported.repair.isEmpty()) {
            ++record.repaired;
            issue(fid, QStringLiteral("repaired"), label + QStringLiteral(": ") + imported.repair);
        }
        return true;
    }

    /// "parcels_bowtie.shp record 2 (A02-02)" for shapefiles (records count from 1),
    /// "parcels feature 7 (name)" elsewhere.
    QString label(const OGRFeature& feature, int labelField) const
    {
        const QFileInfo info(source.path);
        const bool shapefile =
            info.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0;
        QString text = shapefile ? QStringLiteral("%1 record %2")
                                       .arg(info.fileName())
                                       .arg(feature.GetFID() + 1)
                                 : QStringLiteral("%1 feature %2")
                                       .arg(source.layerName)
                                       .arg(feature.GetFID());
        const QString name = this->text(feature, labelField);
        if (!name.isEmpty())
            text += QStringLiteral(" (%1)").arg(name);
        return text;
    }
};

using FeaturePtr = OGRFeatureUniquePtr;

void readParcels(FeatureReader& reader, std::vector<core::Parcel>& out)
{
    const int idField = reader.field(FieldCandidates::parcelId());
    const int nameField = reader.field(FieldCandidates::name());
    const int typeField = reader.field(FieldCandidates::renewalType());
    static const QStringList labelCandidates = {
        QStringLiteral("dkbh"), QString::fromUtf8("地块编号"), QStringLiteral("parcel_id"),
        QStringLiteral("id"), QStringLiteral("name"), QString::fromUtf8("名称")};
    const int labelField = reader.field(labelCandidates);
    bool warnedType = false;
    std::set<core::FeatureId> seenIds;

    OGRLayer* layer = reader.source.layer;
    layer->ResetReading();
    CPLErrorReset();
    while (FeaturePtr feature{layer->GetNextFeature()}) {
        ++reader.record.read;
        const long long fid = feature->GetFID();
        const QString label = reader.label(*feature, labelField);
        auto geometry = reader.prepared(*feature, label);
        if (!geometry)
            continue;
        auto imported = reader.geometry.polygonal(*geometry);
        if (!reader.accept(fid, label, imported))
            continue;

        core::Parcel parcel;
        parcel.geometry = std::move(*imported.geometry);
        parcel.id = fid;
        if (idField >= 0 && feature->IsFieldSetAndNotNull(idField)) {
            bool ok = false;
            const qlonglong id = reader.text(*feature, idField).trimmed().toLongLong(&ok);
            if (ok)
                parcel.id = id;
        }
        if (!seenIds.insert(parcel.id).second)
            reader.issue(fid, QStringLiteral("warning"),
                         label + QStringLiteral(": parcel id %1 used twice").arg(parcel.id));
        parcel.name = reader.text(*feature, nameField).toStdString();

        const QString typeText = reader.text(*feature, typeField);
        if (auto type = parseRenewalType(typeText)) {
            parcel.type = *type;
            parcel.typeReason = "from field " + reader.fields.at(typeField).toStdString();
        } else if (!typeText.isEmpty() && !warnedType) {
            warnedType = true;
            reader.issue(fid, QStringLiteral("warning"),
                         QStringLiteral("field %1 holds \"%2\", which names no renewal type; "
                                        "such parcels get a suggested type")
                             .arg(reader.fields.at(typeField), typeText));
        }
        for (int i = 0; i < reader.fields.size(); ++i) {
            if (feature->IsFieldSetAndNotNull(i))
                parcel.attributes[reader.fields.at(i).toStdString()] =
                    feature->GetFieldAsString(i);
        }
        out.push_back(std::move(parcel));
    }
}

void readBuildings(FeatureReader& reader, std::vector<core::Building>& out)
{
    const int floorsField = reader.field(FieldCandidates::floors());
    const int heightField = reader.field(FieldCandidates::height());
    const int useField = reader.field(FieldCandidates::buildingUse());
    const int nameField = reader.field(FieldCandidates::name());
    OGRLayer* layer = reader.source.layer;
    layer->ResetReading();
    CPLErrorReset();
    while (FeaturePtr feature{layer->GetNextFeature()}) {
        ++reader.record.read;
        const long long fid = feature->GetFID();
        const QString label = reader.label(*feature, nameField);
        auto geometry = reader.prepared(*feature, label);
        if (!geometry)
            continue;
        auto imported = reader.geometry.polygonal(*geometry);
        if (!reader.accept(fid, label, imported))
            continue;
        core::Building building;
        building.id = fid;
        building.footprint = std::move(*imported.geometry);
        building.floors = reader.number(*feature, floorsField);
        building.heightM = reader.number(*feature, heightField);
        building.use = reader.text(*feature, useField).toStdString();
        building.name = reader.text(*feature, nameField).toStdString();
        out.push_back(std::move(building));
    }
}

void readGreen(FeatureReader& reader, std::vector<core::GreenSpace>& out)
{
    const int kindField = reader.field(FieldCandidates::greenKind());
    const int nameField = reader.field(FieldCandidates::name());
    OGRLayer* layer = reader.source.layer;
    layer->ResetReading();
    CPLErrorReset();
    while (FeaturePtr feature{layer->GetNextFeature()}) {
        ++reader.record.read;
        const long long fid = feature->GetFID();
        const QString label = reader.label(*feature, nameField);
        auto geometry = reader.prepared(*feature, label);
        if (!geometry)
            continue;
        auto imported = reader.geometry.polygonal(*geometry);
        if (!reader.accept(fid, label, imported))
            continue;
        core::GreenSpace green;
        green.id = fid;
        green.geometry = std::move(*imported.geometry);
        green.kind = reader.text(*feature, kindField).toStdString();
        green.name = reader.text(*feature, nameField).toStdString();
        out.push_back(std::move(green));
    }
}

void readStreets(FeatureReader& reader, std::vector<core::Street>& out)
{
    const int highwayField = reader.field(FieldCandidates::highway());
    const int walkableField = reader.field(FieldCandidates::walkable());
    const int footField = reader.field(FieldCandidates::foot());
    const int nameField = reader.field(FieldCandidates::name());
    OGRLayer* layer = reader.source.layer;
    layer->ResetReading();
    CPLErrorReset();
    while (FeaturePtr feature{layer->GetNextFeature()}) {
        ++reader.record.read;
        const long long fid = feature->GetFID();
        const QString label = reader.label(*feature, nameField);
        auto geometry = reader.prepared(*feature, label);
        if (!geometry)
            continue;
        auto imported = reader.geometry.linear(*geometry);
        if (!reader.accept(fid, label, imported))
            continue;
        core::Street street;
        street.id = fid;
        street.geometry = std::move(*imported.geometry);
        street.highway = reader.text(*feature, highwayField).toStdString();
        street.name = reader.text(*feature, nameField).toStdString();
        const std::optional<double> walkable = reader.number(*feature, walkableField);
        street.walkable = walkable ? *walkable != 0.0
                                   : walkableByOsm(QString::fromStdString(street.highway),
                                                   reader.text(*feature, footField));
        out.push_back(std::move(street));
    }
}

void readFacilities(FeatureReader& reader, std::vector<core::Facility>& out)
{
    const int categoryField = reader.field(FieldCandidates::facilityCategory());
    const int tagField = reader.field(FieldCandidates::facilityTag());
    const int nameField = reader.field(FieldCandidates::name());
    OGRLayer* layer = reader.source.layer;
    layer->ResetReading();
    CPLErrorReset();
    while (FeaturePtr feature{layer->GetNextFeature()}) {
        ++reader.record.read;
        const long long fid = feature->GetFID();
        const QString label = reader.label(*feature, nameField);
        auto geometry = reader.prepared(*feature, label);
        if (!geometry)
            continue;
        auto imported = reader.geometry.point(*geometry);
        if (!reader.accept(fid, label, imported))
            continue;
        core::Facility facility;
        facility.id = fid;
        facility.location = *imported.geometry;
        facility.category = reader.text(*feature, categoryField).toStdString();
        facility.tag = reader.text(*feature, tagField).toStdString();
        facility.name = reader.text(*feature, nameField).toStdString();
        out.push_back(std::move(facility));
    }
}

QString layerEncoding(const SourceLayer& source)
{
    const char* encoding = source.layer->GetMetadataItem("SOURCE_ENCODING", "SHAPEFILE");
    if (encoding && *encoding)
        return QStringLiteral("%1 (from the .cpg or DBF language byte; read as UTF-8)")
            .arg(QString::fromUtf8(encoding));
    const QString driver =
        QString::fromUtf8(source.dataset->GetDriver()->GetDescription());
    if (driver == QLatin1String("ESRI Shapefile"))
        return QStringLiteral("not declared; read as is");
    return QStringLiteral("UTF-8 (%1)").arg(driver);
}

/// The attribution text beside the data: the segment of a layer DESCRIPTION that credits a
/// source, an "Attribution:" line of a SOURCE or ATTRIBUTION file, or OSM's credit when the
/// data carries OSM ids.
QString attributionFromDescription(const QString& description)
{
    const QStringList parts = description.split(QLatin1Char('|'));
    for (const QString& part : parts) {
        const QString trimmed = part.trimmed();
        if (trimmed.contains(QLatin1String("OpenStreetMap"), Qt::CaseInsensitive)
            || trimmed.contains(QChar(0x00A9)) || trimmed.startsWith(QLatin1String("(c)"))
            || trimmed.contains(QLatin1String("licen"), Qt::CaseInsensitive))
            return trimmed;
    }
    return description.trimmed();
}

QString attributionFromFiles(const QString& folder)
{
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("ATTRIBUTION*"),
                                             QStringLiteral("SOURCE*")},
                                            QDir::Files, QDir::Name);
    for (const QString& name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text) || file.size() > 1'000'000)
            continue;
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        for (const QString& line : lines) {
            const qsizetype at = line.indexOf(QLatin1String("Attribution:"), 0,
                                              Qt::CaseInsensitive);
            if (at < 0)
                continue;
            QString text = line.mid(at + 12);
            text.remove(QLatin1Char('*'));
            text = text.trimmed();
            if (text.endsWith(QLatin1Char('.')))
                text.chop(1);
            if (!text.isEmpty())
                return text;
        }
    }
    return {};
}

QString findAttribution(const std::map<QString, const SourceLayer*>& roles)
{
    for (const auto& [role, source] : roles) {
        const char* description = source->layer->GetMetadataItem("DESCRIPTION");
        if (description && *description)
            return attributionFromDescription(QString::fromUtf8(description));
    }
    for (const auto& [role, source] : roles) {
        const QString text = attributionFromFiles(QFileInfo(source->path).absolutePath());
        if (!text.isEmpty())
            return text;
    }
    for (const auto& [role, source] : roles) {
        if (source->layer->GetLayerDefn()->GetFieldIndex("osm_id") >= 0)
            return QString::fromUtf8("© OpenStreetMap contributors");
    }
    return {};
}

std::optional<OGREnvelope> layerExtent(OGRLayer* layer)
{
    OGREnvelope extent;
    detail::QuietGdal quiet;
    // An empty shapefile's header holds a zero or inverted box; it describes no data.
    if (layer->GetFeatureCount(TRUE) == 0)
        return std::nullopt;
    if (layer->GetExtent(&extent, TRUE) != OGRERR_NONE || !extent.IsInit()
        || extent.MinX > extent.MaxX || extent.MinY > extent.MaxY)
        return std::nullopt;
    return extent;
}

QStringList fieldNames(OGRLayer* layer)
{
    QStringList names;
    OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i)
        names << QString::fromUtf8(definition->GetFieldDefn(i)->GetNameRef());
    return names;
}

std::optional<Error> readRole(const QString& role, const SourceLayer& source,
                              const OGRSpatialReference& target, core::Project& project,
                              detail::GeometryImporter& geometry, ImportReport& report)
{
    LayerImport record;
    record.role = role;
    record.sourcePath = source.path;
    record.sourceLayer = source.layerName;
    record.encoding = layerEncoding(source);
    const std::optional<OGREnvelope> extent = layerExtent(source.layer);
    auto sourceSrs = layerCrs(source, extent ? &*extent : nullptr, record, report);
    if (!sourceSrs)
        return sourceSrs.error();

    TransformPtr transform;
    if (sourceSrs.value() && !sourceSrs.value()->IsSame(&target)) {
        detail::QuietGdal quiet;
        transform.reset(OGRCreateCoordinateTransformation(sourceSrs.value().get(), &target));
        if (!transform)
            return inputError(QStringLiteral("reproject"), source.path, source.layerName,
                              QStringLiteral("no transformation from %1 to %2: %3")
                                  .arg(record.crsDescription, detail::describeCrs(target),
                                       lastGdalMessage()));
        record.crsReason += QStringLiteral("; reprojected to %1").arg(detail::describeCrs(target));
    }

    FeatureReader reader{source, transform.get(), geometry, record, report,
                         fieldNames(source.layer)};
    if (role == QLatin1String("parcels"))
        readParcels(reader, project.parcels);
    else if (role == QLatin1String("buildings"))
        readBuildings(reader, project.buildings);
    else if (role == QLatin1String("green"))
        readGreen(reader, project.green);
    else if (role == QLatin1String("streets"))
        readStreets(reader, project.streets);
    else
        readFacilities(reader, project.facilities);

    if (record.read == 0)
        report.issues.push_back({source.layerName, -1, QStringLiteral("notice"),
                                 QStringLiteral("%1 contains no features")
                                     .arg(QFileInfo(source.path).fileName())});
    if (record.repaired || record.skipped)
        qCWarning(lcOgr, "%s, layer %s: %lld repaired, %lld skipped",
                  qUtf8Printable(source.path), qUtf8Printable(source.layerName),
                  record.repaired, record.skipped);
    qCInfo(lcOgr, "read %lld %s from %s", record.read, qUtf8Printable(role),
           qUtf8Printable(source.path));
    report.layers.push_back(record);
    return std::nullopt;
}

} // namespace

core::Result<core::Project> readDataset(const QString& input, const ImportOptions& options,
                                        ImportReport& report)
{
    ensureGdalInitialised();
    auto sources = openSources(input, report);
    if (!sources)
        return sources.error();
    auto roles = assignRoles(sources.value(), options, input, report);
    if (!roles)
        return roles.error();

    const SourceLayer& parcels = *roles.value().at(QStringLiteral("parcels"));
    const std::optional<OGREnvelope> parcelExtent = layerExtent(parcels.layer);
    // The parcel layer's CRS decides the project CRS; its warnings are reported when the layer
    // itself is read, so this look-ahead keeps them to itself.
    LayerImport probe;
    ImportReport probeReport;
    auto parcelSrs =
        layerCrs(parcels, parcelExtent ? &*parcelExtent : nullptr, probe, probeReport);
    if (!parcelSrs)
        return parcelSrs.error();
    if (!parcelSrs.value() && options.targetCrs.isEmpty()) {
        // Nothing to measure and nothing to say which CRS: an empty project, not an error.
        report.targetCrs = QStringLiteral("none: the parcels have no CRS and no features");
        report.issues.push_back({parcels.layerName, -1, QStringLiteral("notice"),
                                 QStringLiteral("%1 contains no features")
                                     .arg(QFileInfo(parcels.path).fileName())});
        return core::Project();
    }
    SrsPtr fallback = detail::srsFromUserInput(QStringLiteral("EPSG:4326"));
    const OGRSpatialReference& sourceForChoice =
        parcelSrs.value() ? *parcelSrs.value() : *fallback;
    auto choice = detail::chooseProjectCrs(sourceForChoice, parcelExtent ? &*parcelExtent : nullptr,
                                           options.targetCrs);
    if (!choice) {
        Error error = choice.error();
        error.path = parcels.path.toStdString();
        error.layer = parcels.layerName.toStdString();
        return error;
    }
    report.targetCrs = QStringLiteral("%1: %2").arg(choice.value().name, choice.value().reason);

    core::Project project;
    char* wkt = nullptr;
    const char* const wktOptions[] = {"FORMAT=WKT2_2019", nullptr};
    if (choice.value().srs->exportToWkt(&wkt, wktOptions) == OGRERR_NONE && wkt)
        project.crsWkt = wkt;
    CPLFree(wkt);
    project.crsName = choice.value().name.toStdString();

    detail::GeometryImporter geometry;
    for (const auto& [role, source] : roles.value()) {
        if (auto error = readRole(role, *source, *choice.value().srs, project, geometry, report))
            return *error;
    }
    project.attribution = findAttribution(roles.value()).toStdString();
    return project;
}

} // namespace greenrenew::gis
