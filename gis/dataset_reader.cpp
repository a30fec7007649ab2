#include "gis/dataset_reader.h"

#include "core/street_blocks.h"
#include "gis/arrow_polygon_batches.h"
#include "gis/crs_choice.h"
#include "gis/encoding_detection.h"
#include "gis/field_detection.h"
#include "gis/gdal_support.h"
#include "gis/geometry_import.h"
#include "gis/logging.h"
#include "gis/missing_roles.h"
#include "gis/postgis_connection.h"
#include "gis/postgis_project.h"
#include "gis/source_layers.h"
#include "gis/web_map_offset_transform.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <future>
#include <memory>
#include <set>

namespace greenrenew::gis {

namespace {

using core::Error;
using core::ErrorKind;
using detail::DatasetPtr;
using detail::SrsPtr;
using detail::TransformPtr;
using detail::SourceLayer;
using detail::assignRoles;
using detail::inputError;
using detail::lastGdalMessage;
using detail::openSources;

/// Why a shapefile's .prj gave no CRS ("htmlprj.prj is not valid WKT (looks like HTML)");
/// empty when there is no .prj.
QString prjProblem(const SourceLayer& source)
{
    if (!source.shapefile())
        return {};
    const QString prj = detail::findSidecar(source.path, QStringLiteral("prj"));
    if (prj.isEmpty())
        return {};
    const QByteArray content = detail::readSmallFile(prj, 4096).trimmed();
    const bool html = content.startsWith('<') || content.toLower().contains("<html");
    return QStringLiteral("%1 is not valid WKT%2; ignored")
        .arg(QFileInfo(prj).fileName(),
             html ? QStringLiteral(" (looks like HTML)") : QString());
}

/// The layer's CRS: the user's SOURCECRS, else the declared one when the coordinates fit it,
/// else a guess from the coordinate range with a visible warning. A declaration the
/// coordinates contradict stops the import: which of the two is wrong is the user's call.
core::Result<SrsPtr> layerCrs(const SourceLayer& source, const OGREnvelope* extent,
                              const QString& sourceCrs, LayerImport& record,
                              ImportReport& report)
{
    if (!sourceCrs.isEmpty()) {
        SrsPtr srs = detail::srsFromUserInput(sourceCrs);
        if (!srs)
            return inputError(QStringLiteral("read CRS"), source.path, source.layerName,
                              QStringLiteral("the source CRS \"%1\" is not understood")
                                  .arg(sourceCrs),
                              ErrorKind::BadUsage);
        record.crsDescription = detail::describeCrs(*srs);
        record.crsReason = QStringLiteral("set by the user");
        return srs;
    }
    const OGRSpatialReference* srs = source.layer->GetSpatialRef();
    if (srs) {
        SrsPtr copy(srs->Clone());
        copy->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        record.crsDescription = detail::describeCrs(*copy);
        record.crsReason = QStringLiteral("declared by the data");
        if (copy->IsGeographic() && extent && !detail::inDegreeRange(*extent)) {
            const auto guess = detail::guessCrsFromExtent(*extent);
            const QString suggestion =
                guess ? QStringLiteral("; the coordinate range suggests %1 (%2)")
                            .arg(detail::describeCrs(*guess->srs), guess->why)
                      : QStringLiteral("; %1").arg(detail::whyNoGuess(*extent));
            return inputError(
                QStringLiteral("read CRS"), source.path, source.layerName,
                QStringLiteral("%1 says geographic degrees (%2), but coordinates reach %3: "
                               "the CRS declaration is wrong%4; set the source CRS")
                    .arg(source.shapefile()
                             ? QFileInfo(source.path).completeBaseName() + QStringLiteral(".prj")
                             : source.fileName(),
                         record.crsDescription)
                    .arg(std::max(std::abs(extent->MaxX), std::abs(extent->MaxY)), 0, 'f', 0)
                    .arg(suggestion));
        }
        return copy;
    }

    // A broken .prj is named in the guess's warning or the error below, or alone if neither.
    const QString badPrj = prjProblem(source);
    const QString missing = badPrj.isEmpty() ? QStringLiteral("no CRS given") : badPrj;
    if (!extent) {
        if (!badPrj.isEmpty())
            report.issues.push_back({source.layerName, -1, QStringLiteral("warning"), badPrj});
        record.crsDescription = QStringLiteral("none");
        record.crsReason = QStringLiteral("no CRS and no features");
        return SrsPtr();
    }
    if (auto guess = detail::guessCrsFromExtent(*extent)) {
        record.crsDescription = detail::describeCrs(*guess->srs);
        record.crsReason = QStringLiteral("guessed: %1; %2, so %3 was assumed; set the source "
                                          "CRS if it is another")
                               .arg(missing, guess->why, record.crsDescription);
        report.issues.push_back({source.layerName, -1, QStringLiteral("warning"),
                                 QStringLiteral("%1: coordinate system unknown, %2")
                                     .arg(source.fileName(), record.crsReason)});
        return std::move(guess->srs);
    }
    return inputError(QStringLiteral("read CRS"), source.path, source.layerName,
                      QStringLiteral("coordinate system unknown (%1) and %2; set the source CRS")
                          .arg(missing, detail::whyNoGuess(*extent)));
}

/// Xian 1980 and Beijing 1954 have no published transformation to CGCS2000 or WGS 84 in
/// PROJ: reprojecting them uses a ballpark (null) datum shift, off by tens of metres.
bool legacyChineseDatum(const OGRSpatialReference& srs)
{
    const QString datum = QString::fromUtf8(srs.GetAttrValue("DATUM") ? srs.GetAttrValue("DATUM")
                                                                        : "");
    return datum.contains(QLatin1String("Xian"), Qt::CaseInsensitive)
           || datum.contains(QLatin1String("Beijing"), Qt::CaseInsensitive);
}

/// Multiplies coordinates by a unit scale (CAD drawings in millimetres: 0.001).
class ScaleTransform : public OGRCoordinateTransformation {
public:
    explicit ScaleTransform(double scale) : m_scale(scale) {}
    OGRSpatialReference* GetSourceCS() override { return nullptr; }
    OGRSpatialReference* GetTargetCS() override { return nullptr; }
    int Transform(int count, double* x, double* y, double* /*z*/, double* /*t*/,
                  int* success) override
    {
        for (int i = 0; i < count; ++i) {
            x[i] *= m_scale;
            y[i] *= m_scale;
            if (success)
                success[i] = TRUE;
        }
        return TRUE;
    }
    OGRCoordinateTransformation* Clone() const override { return new ScaleTransform(m_scale); }
    OGRCoordinateTransformation* GetInverse() const override
    {
        return new ScaleTransform(1.0 / m_scale);
    }

private:
    double m_scale;
};

// Beyond this magnitude (metres) a double resolves less than 0.1 mm and the cross products
// of an area formula lose whole square metres: no survey grid on Earth reaches it.
constexpr double kPrecisionLimitM = 1e9;
// Beyond 2^53 m consecutive doubles lie more than 1 m apart: a footprint cannot be drawn.
constexpr double kUnresolvableM = 9007199254740992.0;

/// Per-feature context shared by the role readers.
struct FeatureReader {
    const SourceLayer& source;
    OGRCoordinateTransformation* transform;
    detail::GeometryImporter& geometry;
    LayerImport& record;
    ImportReport& report;
    QStringList fields;
    OGRCoordinateTransformation* scale = nullptr;
    bool inBatches = false;  // ImportOptions::readInBatches

    /// ImportOptions::fieldsForRole of this layer's role: model field key -> source field.
    QMap<QString, QString> mappedFields{};

    /// The field the mapping names for the model field CANDIDATES stand for, else detection.
    int field(const QStringList& candidates) const
    {
        const QString mapped = mappedFields.value(modelFieldKey(candidates));
        const int index = mapped.isEmpty() ? -1 : fields.indexOf(mapped);
        return index >= 0 ? index : findField(fields, candidates);
    }

    /// A string as the data means it: shapefile bytes decoded with the layer's encoding.
    QString decode(const char* raw) const
    {
        return source.shapefile() ? detail::decodeText(QByteArray(raw), source.encoding.codec)
                                  : QString::fromUtf8(raw);
    }

    QString text(const OGRFeature& feature, int index) const
    {
        if (index < 0 || !feature.IsFieldSetAndNotNull(index))
            return {};
        return decode(feature.GetFieldAsString(index));
    }

    QString text(const detail::ArrowRow& row, int index) const
    {
        return row.batch.text(row.row, index);
    }

    std::optional<double> number(const detail::ArrowRow& row, int index) const
    {
        return row.batch.number(row.row, index);
    }

    std::optional<double> number(const OGRFeature& feature, int index) const
    {
        if (index < 0 || !feature.IsFieldSetAndNotNull(index))
            return std::nullopt;
        // A numeric field is a number already: formatting it as text to parse it back cost
        // a tenth of a large import.
        const OGRFieldType type = feature.GetFieldDefnRef(index)->GetType();
        if (type == OFTReal || type == OFTInteger || type == OFTInteger64) {
            const double value = feature.GetFieldAsDouble(index);
            return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
        }
        return parseLeadingNumber(QString::fromUtf8(feature.GetFieldAsString(index)));
    }

    /// A date field's value as an ISO date; GDAL passes impossible dates (31 February, month
    /// 13, "2019-6-1" read as 0000/20/19) through, so each is checked here and a bad one
    /// becomes null with a warning quoting the raw text.
    std::optional<QString> date(const OGRFeature& feature, int index, const QString& label)
    {
        if (!feature.IsFieldSetAndNotNull(index))
            return std::nullopt;
        int year = 0;
        int month = 0;
        int day = 0;
        int hour = 0;
        int minute = 0;
        float second = 0;
        int zone = 0;
        const_cast<OGRFeature&>(feature).GetFieldAsDateTime(index, &year, &month, &day, &hour,
                                                            &minute, &second, &zone);
        const QDate value(year, month, day);
        if (value.isValid() && year > 0)
            return value.toString(Qt::ISODate);
        QString raw = QString::fromUtf8(feature.GetFieldAsString(index));
        if (source.shapefile()) {
            const QByteArray bytes = source.dbf->rawText(feature.GetFID(), index);
            if (!bytes.isEmpty())
                raw = QString::fromLatin1(bytes);
        }
        issue(feature.GetFID(), QStringLiteral("warning"),
              QStringLiteral("%1: field %2 holds \"%3\", not a valid date; read as empty")
                  .arg(label, fields.at(index), raw));
        return std::nullopt;
    }

    void issue(long long fid, const QString& what, const QString& message)
    {
        report.issues.push_back({source.layerName, fid, what, message});
    }

    /// The feature's geometry, linear, 2D and in the project CRS; null (with a reported skip)
    /// when there is none or it cannot be reprojected.
    std::unique_ptr<OGRGeometry> prepared(const OGRFeature& feature, const QString& label)
    {
        // A failure GDAL raised while reading this feature (a truncated record, say) explains
        // a missing geometry better than "no geometry"; reset it so it is not blamed twice.
        const QString readFailure = CPLGetLastErrorType() >= CE_Failure
                                        ? QString::fromUtf8(CPLGetLastErrorMsg())
                                        : QString();
        CPLErrorReset();
        return prepared(feature.GetGeometryRef(), feature.GetFID(), label, readFailure);
    }

    std::unique_ptr<OGRGeometry> prepared(const OGRGeometry* raw, long long fid,
                                          const QString& label, const QString& readFailure)
    {
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
        if (scale)
            geometry->transform(scale);
        if (transform && geometry->transform(transform) != OGRERR_NONE) {
            skip(fid, label + QStringLiteral(": cannot be reprojected"));
            return nullptr;
        }
        OGREnvelope box;
        geometry->getEnvelope(&box);
        const double largest = std::max({std::abs(box.MinX), std::abs(box.MaxX),
                                         std::abs(box.MinY), std::abs(box.MaxY)});
        if (!std::isfinite(box.MinX) || !std::isfinite(box.MaxX) || !std::isfinite(box.MinY)
            || !std::isfinite(box.MaxY) || largest > kUnresolvableM) {
            // Found by the import fuzzer: GEOS's make-valid throws (and leaks) on such
            // coordinates; they are no position anyway, so the feature stops here.
            skip(fid, QStringLiteral("%1: coordinates reach %2, where a number no longer "
                                     "resolves 1 m (a corrupt record?); not imported")
                          .arg(label)
                          .arg(largest, 0, 'g', 3));
            return nullptr;
        }
        if (largest > kPrecisionLimitM)
            issue(fid, QStringLiteral("warning"),
                  QStringLiteral("%1: coordinates reach %2 m, far beyond any map grid; "
                                 "precision there is below 1 m, so its area is not precise "
                                 "(an offset or unit error in the source?)")
                      .arg(label)
                      .arg(largest, 0, 'g', 3));
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

    QString label(const OGRFeature& feature, int labelField) const
    {
        return label(feature.GetFID(), text(feature, labelField));
    }

    /// "parcels_bowtie.shp record 2 (A02-02)" for shapefiles (records count from 1),
    /// "mixed.geojson feature 7 (name)" for single-layer files, "file.gpkg layer L feature 7"
    /// for the others.
    QString label(long long fid, const QString& name) const
    {
        QString text;
        if (source.shapefile())
            text = QStringLiteral("%1 record %2").arg(source.fileName()).arg(fid + 1);
        else if (source.dataset->GetLayerCount() == 1)
            text = QStringLiteral("%1 feature %2").arg(source.fileName()).arg(fid);
        else
            text = QStringLiteral("%1 layer %2 feature %3")
                       .arg(source.fileName(), source.layerName)
                       .arg(fid);
        if (!name.isEmpty())
            text += QStringLiteral(" (%1)").arg(name);
        return text;
    }
};

using FeaturePtr = OGRFeatureUniquePtr;

/// The field that names a feature in messages: a parcel code, an id or a name.
int labelFieldOf(const FeatureReader& reader)
{
    static const QStringList candidates = {
        QStringLiteral("dkbh"), QString::fromUtf8("地块编号"), QStringLiteral("parcel_id"),
        QStringLiteral("id"), QStringLiteral("name"), QString::fromUtf8("名称")};
    return reader.field(candidates);
}

// Overlaps below this area are digitising slivers between neighbours rather than parcels
// drawn over each other; they are listed as such.
constexpr double kSliverAreaM2 = 0.5;

/// Overlapping and stacked parcels are reported, never merged: which one is right is the
/// designer's call, and a union would hide a data error.
void reportOverlaps(FeatureReader& reader, const std::vector<core::Parcel>& parcels,
                    std::size_t first, const std::vector<QString>& labels)
{
    std::vector<const core::MultiPolygon*> shapes;
    for (std::size_t i = first; i < parcels.size(); ++i)
        shapes.push_back(&parcels[i].geometry);
    QString failure;
    const auto overlaps = reader.geometry.overlaps(shapes, failure);
    if (!failure.isEmpty())
        reader.issue(-1, QStringLiteral("warning"), failure);
    for (const detail::Overlap& overlap : overlaps) {
        const QString& a = labels[overlap.first];
        const QString& b = labels[overlap.second];
        const long long fid = parcels[first + overlap.second].id;
        QString message;
        if (overlap.duplicate)
            message = QStringLiteral("%1 is stacked on %2 (the same footprint, %3 m2): a "
                                     "duplicate parcel, kept and not merged")
                          .arg(b, a)
                          .arg(overlap.area, 0, 'f', 1);
        else if (overlap.area < kSliverAreaM2)
            message = QStringLiteral("%1 and %2 overlap by a sliver of %3 m2 (below %4 m2; "
                                     "near-coincident edges), not merged")
                          .arg(a, b)
                          .arg(overlap.area, 0, 'f', 4)
                          .arg(kSliverAreaM2);
        else
            message = QStringLiteral("%1 and %2 overlap by %3 m2, not merged")
                          .arg(a, b)
                          .arg(overlap.area, 0, 'f', 1);
        reader.issue(fid, overlap.duplicate ? QStringLiteral("duplicate")
                                            : QStringLiteral("overlap"),
                     message);
    }
}

void readParcels(FeatureReader& reader, std::vector<core::Parcel>& out)
{
    const int idField = reader.field(FieldCandidates::parcelId());
    const int nameField = reader.field(FieldCandidates::name());
    const int codeField = reader.field(FieldCandidates::parcelCode());
    const int typeField = reader.field(FieldCandidates::renewalType());
    const int labelField = labelFieldOf(reader);
    bool warnedType = false;
    std::set<core::FeatureId> seenIds;
    const std::size_t first = out.size();
    std::vector<QString> labels;

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
        parcel.code = reader.text(*feature, codeField).toStdString();

        const QString typeText = reader.text(*feature, typeField);
        if (auto type = parseRenewalType(typeText)) {
            parcel.type = *type;
            parcel.typeReason = "from field " + reader.fields.at(typeField).toStdString();
            // A type_reason field beside it (GreenRenew's own output, the bundled sample) keeps
            // the explanation with the type.
            const QString storedReason =
                reader.text(*feature, reader.fields.indexOf(QStringLiteral("type_reason")));
            if (!storedReason.isEmpty())
                parcel.typeReason += ": " + storedReason.toStdString();
        } else if (!typeText.isEmpty() && !warnedType) {
            warnedType = true;
            reader.issue(fid, QStringLiteral("warning"),
                         QStringLiteral("field %1 holds \"%2\", which names no renewal type; "
                                        "such parcels get a suggested type")
                             .arg(reader.fields.at(typeField), typeText));
        }
        OGRFeatureDefn* definition = feature->GetDefnRef();
        for (int i = 0; i < reader.fields.size(); ++i) {
            const OGRFieldType type = definition->GetFieldDefn(i)->GetType();
            std::optional<QString> value;
            if (type == OFTDate || type == OFTDateTime)
                value = reader.date(*feature, i, label);
            else if (feature->IsFieldSetAndNotNull(i))
                value = reader.text(*feature, i);
            if (value)
                parcel.attributes[reader.fields.at(i).toStdString()] = value->toStdString();
        }
        // The lineage team editing records in PostGIS (kept by an export to a GeoPackage).
        const QString sources =
            reader.text(*feature, reader.fields.indexOf(QLatin1String(kSourceIdsColumn)));
        for (const QString& source : sources.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qlonglong id = source.trimmed().toLongLong(&ok);
            if (ok)
                parcel.sourceIds.push_back(id);
        }
        labels.push_back(label);
        out.push_back(std::move(parcel));
    }
    reportOverlaps(reader, out, first, labels);
}

/// A feature read and prepared on the reading thread, its geometry converted on another.
template <typename Imported>
struct PendingFeature {
    FeaturePtr feature;
    QString label;
    std::unique_ptr<OGRGeometry> geometry;  // null: skipped while reading
    Imported imported;
    std::vector<ImportIssue> readIssues;    // reported while reading, kept in feature order
};

// Features read per batch: large enough that a thread hand-over costs nothing next to it,
// small enough that a batch of footprints stays a few megabytes.
constexpr std::size_t kFeatureBatch = 2048;

constexpr auto kPolygonal = [](detail::GeometryImporter& importer, const OGRGeometry& geometry) {
    return importer.polygonal(geometry);
};
constexpr auto kLinear = [](detail::GeometryImporter& importer, const OGRGeometry& geometry) {
    return importer.linear(geometry);
};

/// The fields a role's visit reads, the only ones the Arrow path fetches.
struct UsedFields {
    std::vector<int> text;
    std::vector<int> numbers;
};

/// GeoPackage and FlatGeobuf layers are read in bulk; shapefiles (encoding detection and
/// repair work per record), other drivers and layers to transform go feature by feature.
bool arrowReadable(const FeatureReader& reader)
{
    const QString driver =
        QString::fromUtf8(reader.source.dataset->GetDriver()->GetDescription());
    return reader.inBatches && !reader.source.shapefile() && !reader.transform && !reader.scale
           && (driver == QLatin1String("GPKG") || driver == QLatin1String("FlatGeobuf"));
}

/// The feature path's steps for one row of an Arrow batch: its WKB as an OGR geometry,
/// prepared (skips reported) and converted; nullopt when skipped.
std::optional<detail::Imported<core::MultiPolygon>> importedByFeaturePath(
    FeatureReader& reader, std::span<const unsigned char> wkb, long long fid,
    const QString& label)
{
    OGRGeometry* parsed = nullptr;
    QString failure;
    if (!wkb.empty()
        && OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &parsed, wkb.size())
               != OGRERR_NONE)
        failure = QStringLiteral("not valid WKB");
    const std::unique_ptr<OGRGeometry> raw(parsed);
    auto geometry = reader.prepared(raw.get(), fid, label, failure);
    if (!geometry)
        return std::nullopt;
    return reader.geometry.polygonal(*geometry);
}

// forEachImported for polygons through GDAL's Arrow stream: ids, WKB and the used fields come
// in batches whose geometries two threads validate while GDAL reads the next; results are
// accepted and visited in the layer's order. A row whose WKB is not plain (curves, Z, empty,
// far coordinates) takes the feature path's steps, so model and report are those of a
// feature-by-feature read. False, with nothing read, when the layer is not read this way.
template <typename Visit>
bool forEachImportedThroughArrow(FeatureReader& reader, int nameField, const UsedFields& used,
                                 Visit visit)
{
    if (!arrowReadable(reader))
        return false;
    QString why;
    auto arrow =
        detail::ArrowLayerReader::open(*reader.source.layer, used.text, used.numbers, why);
    if (!arrow) {
        qCDebug(lcOgr, "%s: read feature by feature (%s)",
                qUtf8Printable(reader.source.layerName), qUtf8Printable(why));
        return false;
    }
    qCDebug(lcOgr, "%s: read in column batches", qUtf8Printable(reader.source.layerName));
    detail::PolygonBatches batches(*arrow, kPrecisionLimitM);
    std::optional<detail::ArrowBatch> batch;
    detail::PolygonBatches::Converted converted;
    QString failure;
    while (batches.next(batch, converted, failure)) {
        for (std::size_t row = 0; row < batch->size(); ++row) {
            ++reader.record.read;
            const long long fid = batch->fid(row);
            const auto label = [&] { return reader.label(fid, batch->text(row, nameField)); };
            auto& imported = converted[row];
            if (!imported)
                imported = importedByFeaturePath(reader, batch->wkb(row), fid, label());
            if (!imported)
                continue;
            // Only a repair or a skip is reported, so only then is the label made.
            if ((imported->geometry && imported->repair.isEmpty())
                || reader.accept(fid, label(), *imported))
                visit(detail::ArrowRow{*batch, row}, fid, std::move(*imported->geometry));
        }
    }
    if (!failure.isEmpty())
        reader.issue(-1, QStringLiteral("warning"),
                     QStringLiteral("%1: reading stopped after %2 features: %3")
                         .arg(reader.source.fileName())
                         .arg(reader.record.read)
                         .arg(failure));
    return true;
}

// Reads every feature of the reader's layer whose geometry CONVERT accepts and hands it to
// VISIT: counting, labelling, preparing and rejecting are the same for every layer role.
// Reading (GDAL, one thread) and converting with validation (GEOS) overlap: while a worker
// converts one batch with its own GEOS context, this thread reads the next; results are
// accepted and visited in the layer's order, so the report is the same as a serial read.
template <typename Convert, typename Visit>
void forEachImported(FeatureReader& reader, int nameField, Convert convert, Visit visit,
                     const UsedFields& used = {})
{
    using Result = decltype(convert(reader.geometry, std::declval<const OGRGeometry&>()));
    if constexpr (std::is_same_v<Result, detail::Imported<core::MultiPolygon>>) {
        if (forEachImportedThroughArrow(reader, nameField, used, visit))
            return;
    }
    using Pending = PendingFeature<Result>;
    OGRLayer* layer = reader.source.layer;
    layer->ResetReading();
    CPLErrorReset();
    auto readBatch = [&] {
        std::vector<Pending> batch;
        while (batch.size() < kFeatureBatch) {
            FeaturePtr feature{layer->GetNextFeature()};
            if (!feature)
                break;
            ++reader.record.read;
            std::vector<ImportIssue>& issues = reader.report.issues;
            const std::size_t issuesBefore = issues.size();
            QString label = reader.label(*feature, nameField);
            auto geometry = reader.prepared(*feature, label);
            Pending pending{std::move(feature), std::move(label), std::move(geometry), {}, {}};
            const auto firstNew = issues.begin() + static_cast<std::ptrdiff_t>(issuesBefore);
            pending.readIssues.assign(std::make_move_iterator(firstNew),
                                      std::make_move_iterator(issues.end()));
            issues.erase(firstNew, issues.end());
            batch.push_back(std::move(pending));
        }
        return batch;
    };
    detail::GeometryImporter workerImporter;
    std::vector<Pending> current = readBatch();
    while (!current.empty()) {
        std::future<void> converted = std::async(std::launch::async, [&] {
            for (Pending& pending : current) {
                if (pending.geometry)
                    pending.imported = convert(workerImporter, *pending.geometry);
            }
        });
        std::vector<Pending> next = readBatch();
        converted.get();
        for (Pending& pending : current) {
            std::vector<ImportIssue>& issues = reader.report.issues;
            issues.insert(issues.end(), std::make_move_iterator(pending.readIssues.begin()),
                          std::make_move_iterator(pending.readIssues.end()));
            if (!pending.geometry)
                continue;
            const long long fid = pending.feature->GetFID();
            if (reader.accept(fid, pending.label, pending.imported))
                visit(*pending.feature, fid, std::move(*pending.imported.geometry));
        }
        current = std::move(next);
    }
}

void readBuildings(FeatureReader& reader, std::vector<core::Building>& out)
{
    const int floorsField = reader.field(FieldCandidates::floors());
    const int heightField = reader.field(FieldCandidates::height());
    const int useField = reader.field(FieldCandidates::buildingUse());
    const int nameField = reader.field(FieldCandidates::name());
    forEachImported(
        reader, nameField, kPolygonal,
        [&](const auto& feature, long long fid, core::MultiPolygon footprint) {
            core::Building building;
            building.id = fid;
            building.footprint = std::move(footprint);
            building.floors = reader.number(feature, floorsField);
            building.heightM = reader.number(feature, heightField);
            building.use = reader.text(feature, useField).toStdString();
            building.name = reader.text(feature, nameField).toStdString();
            out.push_back(std::move(building));
        },
        {{useField, nameField}, {floorsField, heightField}});
}

void readGreen(FeatureReader& reader, std::vector<core::GreenSpace>& out)
{
    const int kindField = reader.field(FieldCandidates::greenKind());
    const int nameField = reader.field(FieldCandidates::name());
    forEachImported(
        reader, nameField, kPolygonal,
        [&](const auto& feature, long long fid, core::MultiPolygon area) {
            core::GreenSpace green;
            green.id = fid;
            green.geometry = std::move(area);
            green.kind = reader.text(feature, kindField).toStdString();
            green.name = reader.text(feature, nameField).toStdString();
            out.push_back(std::move(green));
        },
        {{kindField, nameField}, {}});
}

void readStreets(FeatureReader& reader, std::vector<core::Street>& out)
{
    const int highwayField = reader.field(FieldCandidates::highway());
    const int walkableField = reader.field(FieldCandidates::walkable());
    const int footField = reader.field(FieldCandidates::foot());
    const int nameField = reader.field(FieldCandidates::name());
    forEachImported(
        reader, nameField, kLinear,
        [&](const OGRFeature& feature, long long fid, core::MultiLineString lines) {
            core::Street street;
            street.id = fid;
            street.geometry = std::move(lines);
            street.highway = reader.text(feature, highwayField).toStdString();
            street.name = reader.text(feature, nameField).toStdString();
            const std::optional<double> walkable = reader.number(feature, walkableField);
            street.walkable = walkable ? *walkable != 0.0
                                       : walkableByOsm(QString::fromStdString(street.highway),
                                                       reader.text(feature, footField));
            out.push_back(std::move(street));
        });
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
    if (source.shapefile())
        return source.encoding.description;
    return QStringLiteral("UTF-8 (%1)")
        .arg(QString::fromUtf8(source.dataset->GetDriver()->GetDescription()));
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

QStringList fieldNames(const SourceLayer& source)
{
    QStringList names;
    OGRFeatureDefn* definition = source.layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
        const char* name = definition->GetFieldDefn(i)->GetNameRef();
        names << (source.shapefile() ? detail::decodeText(QByteArray(name), source.encoding.codec)
                                     : QString::fromUtf8(name));
    }
    return names;
}

/// A mapped field the layer lacks, or a key its role has no use for, is said and detected
/// instead, so a mapping written for last year's file never silently reads nothing.
void reportUnusableFieldMapping(const FeatureReader& reader, const QString& role)
{
    const std::vector<ModelField>& known = modelFieldsOf(role);
    for (auto it = reader.mappedFields.begin(); it != reader.mappedFields.end(); ++it) {
        const bool usable = std::any_of(known.begin(), known.end(), [&](const ModelField& f) {
            return it.key() == QLatin1String(f.key);
        });
        QString problem;
        if (!usable)
            problem = QStringLiteral("the field mapping names '%1', which a %2 layer does not "
                                     "have; ignored")
                          .arg(it.key(), role);
        else if (!reader.fields.contains(it.value()))
            problem = QStringLiteral("the field mapping names field '%1' for %2, which %3 does "
                                     "not have; %2 detected instead")
                          .arg(it.value(), it.key(), reader.source.fileName());
        if (!problem.isEmpty())
            reader.report.issues.push_back(
                {reader.source.layerName, -1, QStringLiteral("warning"), problem});
    }
}

/// GDAL skips records flagged deleted in the .dbf without a word (its feature count still
/// includes them); each is reported here as skipped.
void reportDeletedRecords(FeatureReader& reader)
{
    if (!reader.source.shapefile())
        return;
    const int labelField = labelFieldOf(reader);
    const QString dbfName =
        QFileInfo(reader.source.path).completeBaseName() + QStringLiteral(".dbf");
    for (long long record : reader.source.dbf->deletedRecords) {
        ++reader.record.read;
        const QString name = detail::decodeText(
            reader.source.dbf->rawText(record, labelField), reader.source.encoding.codec);
        reader.skip(record, QStringLiteral("%1 is marked deleted in %2; skipped")
                                .arg(reader.label(record, name), dbfName));
    }
}

bool polygonalRole(const QString& role)
{
    return role == QLatin1String("parcels") || role == QLatin1String("buildings")
           || role == QLatin1String("green");
}

/// A point or line layer cannot give parcels, buildings or green spaces: one clear message
/// instead of a skip per feature.
bool wrongGeometryKind(FeatureReader& reader, const QString& role)
{
    const OGRwkbGeometryType type = wkbFlatten(reader.source.layer->GetGeomType());
    const bool points = type == wkbPoint || type == wkbMultiPoint;
    const bool lines = type == wkbLineString || type == wkbMultiLineString;
    if (!polygonalRole(role) || !(points || lines))
        return false;
    const long long count = reader.source.layer->GetFeatureCount(TRUE);
    reader.record.read = count;
    reader.record.skipped = count;
    reader.issue(-1, QStringLiteral("skipped"),
                 QStringLiteral("%1: layer contains %2, not polygons; nothing to import as %3")
                     .arg(reader.source.fileName(),
                          points ? QStringLiteral("points") : QStringLiteral("lines"), role));
    return true;
}

void readFeatures(FeatureReader& reader, const QString& role, core::Project& project)
{
    if (wrongGeometryKind(reader, role))
        return;
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
}

/// The layer's extent in source units after the user's unit scale.
std::optional<OGREnvelope> scaledExtent(OGRLayer* layer, double scale)
{
    std::optional<OGREnvelope> extent = layerExtent(layer);
    if (extent && scale != 1.0) {
        extent->MinX *= scale;
        extent->MaxX *= scale;
        extent->MinY *= scale;
        extent->MaxY *= scale;
    }
    return extent;
}

std::optional<Error> readRole(const QString& role, const SourceLayer& source,
                              const OGRSpatialReference& target, const ImportOptions& options,
                              core::Project& project, detail::GeometryImporter& geometry,
                              ImportReport& report)
{
    LayerImport record;
    record.role = role;
    record.sourcePath = source.path;
    record.sourceLayer = source.layerName;
    record.encoding = layerEncoding(source);
    for (const QString& warning : source.encoding.warnings)
        report.issues.push_back({source.layerName, -1, QStringLiteral("warning"), warning});
    const std::optional<OGREnvelope> extent =
        scaledExtent(source.layer, options.coordinateScale);
    auto sourceSrs =
        layerCrs(source, extent ? &*extent : nullptr, options.sourceCrs, record, report);
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
        if (legacyChineseDatum(*sourceSrs.value()))
            report.issues.push_back(
                {source.layerName, -1, QStringLiteral("warning"),
                 QStringLiteral("%1: PROJ has no published datum transformation from %2 to %3; "
                                "only a ballpark shift was applied, positions may be off by "
                                "tens of metres (areas are unaffected)")
                     .arg(source.fileName(), record.crsDescription,
                          detail::describeCrs(target))});
    }

    ScaleTransform scale(options.coordinateScale);
    if (options.coordinateScale != 1.0)
        record.crsReason += QStringLiteral("; coordinates scaled by %1 (set by the user)")
                                .arg(options.coordinateScale);
    OGRCoordinateTransformation* beforeProjecting =
        options.coordinateScale != 1.0 ? &scale : nullptr;
    WebMapOffsetRemoval offsetRemoval(options.facilityOffset);
    const bool removeOffset = role == QStringLiteral("facilities")
                              && options.facilityOffset != core::WebMapOffset::None;
    if (removeOffset) {
        if (!sourceSrs.value() || !sourceSrs.value()->IsGeographic() || beforeProjecting)
            return inputError(QStringLiteral("remove web map offset"), source.path,
                              source.layerName,
                              QStringLiteral("%1 offsets apply to longitude and latitude; this "
                                             "layer is in %2")
                                  .arg(webMapOffsetName(options.facilityOffset),
                                       record.crsDescription));
        beforeProjecting = &offsetRemoval;
    }
    FeatureReader reader{source, transform.get(), geometry, record, report, fieldNames(source),
                         beforeProjecting};
    reader.inBatches = options.readInBatches;
    reader.mappedFields = options.fieldsForRole.value(role);
    reportUnusableFieldMapping(reader, role);
    readFeatures(reader, role, project);
    if (removeOffset)
        record.crsReason +=
            QStringLiteral("; %1 offset of Chinese web maps removed (set by the user) from %2 "
                           "points, largest residual of the inversion %3 m")
                .arg(webMapOffsetName(options.facilityOffset))
                .arg(offsetRemoval.pointsConverted())
                .arg(offsetRemoval.largestResidualM(), 0, 'g', 2);
    reportDeletedRecords(reader);

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

/// Street blocks as parcels, for a data set without a parcel layer. Each block's type is left
/// to the loader's suggestion (typeReason empty) for the designer to confirm.
std::optional<Error> parcelsFromStreets(const SourceLayer& streets, const ImportOptions& options,
                                        core::Project& project, ImportReport& report)
{
    const std::vector<core::MultiPolygon> blocks =
        core::streetBlocks(project.streets, options.minStreetBlockM2);
    if (blocks.empty())
        return inputError(QStringLiteral("find parcels"), streets.path, streets.layerName,
                          QStringLiteral("no parcels layer, and the streets of %1 enclose no "
                                         "block to use instead")
                              .arg(streets.layerName));
    core::FeatureId id = 0;
    for (const core::MultiPolygon& block : blocks) {
        core::Parcel parcel;
        parcel.id = ++id;
        parcel.geometry = block;
        parcel.attributes["origin"] = "street_block";
        project.parcels.push_back(std::move(parcel));
    }
    LayerImport record;
    record.role = QStringLiteral("parcels");
    record.sourcePath = streets.path;
    record.sourceLayer = QStringLiteral("street blocks of %1").arg(streets.layerName);
    record.read = static_cast<long long>(blocks.size());
    report.layers.push_back(record);
    report.issues.push_back(
        {streets.layerName, -1, QStringLiteral("notice"),
         QStringLiteral("no parcels layer: %1 street blocks (the polygons the streets enclose, "
                        "at least %2 m2) are offered as parcels, each with a suggested renewal "
                        "type to confirm")
             .arg(blocks.size())
             .arg(options.minStreetBlockM2)});
    return std::nullopt;
}

} // namespace

core::Result<std::vector<LayerListing>> listLayers(const QString& input,
                                                   const ImportOptions& options)
{
    ensureGdalInitialised();
    ImportReport report;
    auto layers = openSources(input, report);
    if (!layers)
        return layers.error();
    // Without parcels or streets no assignment stands: the layers are listed without roles,
    // for the user to give them.
    auto assigned = assignRoles(layers.value(), options, input, report);
    const std::map<QString, const SourceLayer*> roles =
        assigned ? assigned.value() : std::map<QString, const SourceLayer*>();
    std::vector<LayerListing> listing;
    for (const SourceLayer& layer : layers.value()) {
        LayerListing entry{layer.layerName, layer.fileName(),
                           QString::fromUtf8(OGRGeometryTypeToName(
                               wkbFlatten(layer.layer->GetGeomType()))),
                           layer.layer->GetFeatureCount(), {}, fieldNames(layer)};
        for (const auto& [role, source] : roles)
            if (source == &layer)
                entry.role = role;
        // No assignment stood: each layer shows the role its name suggests, once per role.
        for (const char* role : kRoles) {
            const QString name = QLatin1String(role);
            const bool taken = std::any_of(listing.begin(), listing.end(),
                                           [&](const LayerListing& l) { return l.role == name; });
            if (!assigned && entry.role.isEmpty() && !taken
                && roleMatch(name, layer.layerName) > 0)
                entry.role = name;
        }
        listing.push_back(std::move(entry));
    }
    return listing;
}

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

    const bool fromStreets = !roles.value().count(QStringLiteral("parcels"));
    const SourceLayer& parcels =
        *roles.value().at(fromStreets ? QStringLiteral("streets") : QStringLiteral("parcels"));
    if (options.coordinateScale <= 0.0 || !std::isfinite(options.coordinateScale))
        return inputError(QStringLiteral("read"), input, {},
                          QStringLiteral("the unit scale must be a positive number"),
                          ErrorKind::BadUsage);
    const std::optional<OGREnvelope> parcelExtent =
        scaledExtent(parcels.layer, options.coordinateScale);
    // The parcel layer's CRS decides the project CRS; its warnings are reported when the layer
    // itself is read, so this look-ahead keeps them to itself.
    LayerImport probe;
    ImportReport probeReport;
    auto parcelSrs = layerCrs(parcels, parcelExtent ? &*parcelExtent : nullptr,
                              options.sourceCrs, probe, probeReport);
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
        if (auto error = readRole(role, *source, *choice.value().srs, options, project,
                                  geometry, report))
            return *error;
    }
    if (fromStreets) {
        if (auto error = parcelsFromStreets(parcels, options, project, report))
            return *error;
    }
    QStringList assigned;
    for (const auto& [role, source] : roles.value())
        assigned << role;
    reportMissingRoles(project, assigned, report);
    project.attribution = findAttribution(roles.value()).toStdString();
    return project;
}

} // namespace greenrenew::gis
