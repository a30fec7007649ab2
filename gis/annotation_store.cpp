#include "gis/annotation_store.h"

#include "gis/gdal_support.h"
#include "gis/logging.h"

#include <QFileInfo>

#include <algorithm>
#include <array>

namespace greenrenew::gis {

namespace {

constexpr const char* kTable = "gr_annotations";

const std::array<std::pair<core::AnnotationKind, const char*>, 4> kKindNames = { {
    { core::AnnotationKind::Text, "text" },
    { core::AnnotationKind::Arrow, "arrow" },
    { core::AnnotationKind::Callout, "callout" },
    { core::AnnotationKind::Intervention, "intervention" },
} };

core::Error storeError(
    const QString& path, const std::string& operation, const std::string& message)
{
    core::Error error;
    error.kind = core::ErrorKind::BadInput;
    error.operation = operation;
    error.path = path.toStdString();
    error.layer = kTable;
    error.message = message;
    return error;
}

std::string gdalMessage(const char* fallback)
{
    const std::string message = CPLGetLastErrorMsg();
    return message.empty() ? fallback : message;
}

} // namespace

core::Result<std::vector<core::Annotation>> readAnnotations(const QString& gpkg)
{
    ensureGdalInitialised();
    detail::DatasetPtr dataset;
    {
        detail::QuietGdal quiet;
        dataset.reset(GDALDataset::Open(gpkg.toUtf8().constData(),
            GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    }
    if (!dataset)
        return storeError(gpkg, "read annotations", gdalMessage("cannot open"));
    std::vector<core::Annotation> annotations;
    OGRLayer* layer = dataset->GetLayerByName(kTable);
    if (!layer)
        return annotations;
    layer->ResetReading();
    for (auto& feature : *layer) {
        core::Annotation annotation;
        annotation.id = feature->GetFieldAsInteger64("annotation_id");
        const std::string kind = feature->GetFieldAsString("kind");
        const auto found = std::find_if(kKindNames.begin(), kKindNames.end(),
            [&](const auto& entry) { return kind == entry.second; });
        if (found == kKindNames.end())
            return storeError(gpkg, "read annotations", "unknown kind \"" + kind + "\"");
        annotation.kind = found->first;
        annotation.text = feature->GetFieldAsString("text");
        annotation.target = core::Point(
            feature->GetFieldAsDouble("target_x"), feature->GetFieldAsDouble("target_y"));
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || wkbFlatten(geometry->getGeometryType()) != wkbPoint)
            return storeError(gpkg, "read annotations", "feature without a point");
        const OGRPoint* point = geometry->toPoint();
        annotation.position = core::Point(point->getX(), point->getY());
        annotations.push_back(annotation);
    }
    std::stable_sort(annotations.begin(), annotations.end(),
        [](const core::Annotation& a, const core::Annotation& b) { return a.id < b.id; });
    return annotations;
}

core::Result<bool> writeAnnotations(const QString& gpkg,
    const std::vector<core::Annotation>& annotations, const std::string& crsWkt)
{
    ensureGdalInitialised();
    detail::DatasetPtr dataset;
    {
        detail::QuietGdal quiet;
        if (QFileInfo::exists(gpkg)) {
            dataset.reset(GDALDataset::Open(gpkg.toUtf8().constData(),
                GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
        } else if (GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG")) {
            dataset.reset(driver->Create(gpkg.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        }
    }
    if (!dataset)
        return storeError(gpkg, "write annotations", gdalMessage("cannot open for update"));

    for (int i = 0; i < dataset->GetLayerCount(); ++i) {
        if (std::string(dataset->GetLayer(i)->GetName()) == kTable) {
            if (dataset->DeleteLayer(i) != OGRERR_NONE)
                return storeError(gpkg, "write annotations", gdalMessage("cannot replace"));
            break;
        }
    }
    detail::SrsPtr srs;
    if (!crsWkt.empty()) {
        srs.reset(new OGRSpatialReference());
        srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (srs->importFromWkt(crsWkt.c_str()) != OGRERR_NONE)
            srs.reset();
    }
    OGRLayer* layer = dataset->CreateLayer(kTable, srs.get(), wkbPoint, nullptr);
    if (!layer)
        return storeError(gpkg, "write annotations", gdalMessage("cannot create the table"));
    const std::pair<const char*, OGRFieldType> fields[]
        = { { "annotation_id", OFTInteger64 }, { "kind", OFTString }, { "text", OFTString },
              { "target_x", OFTReal }, { "target_y", OFTReal } };
    for (const auto& [name, type] : fields) {
        OGRFieldDefn field(name, type);
        if (layer->CreateField(&field) != OGRERR_NONE)
            return storeError(gpkg, "write annotations", gdalMessage("cannot add a field"));
    }
    if (layer->StartTransaction() != OGRERR_NONE)
        return storeError(gpkg, "write annotations", gdalMessage("cannot start a transaction"));
    for (const core::Annotation& annotation : annotations) {
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("annotation_id", static_cast<GIntBig>(annotation.id));
        const auto kind = std::find_if(kKindNames.begin(), kKindNames.end(),
            [&](const auto& entry) { return entry.first == annotation.kind; });
        feature.SetField("kind", kind->second);
        feature.SetField("text", annotation.text.c_str());
        feature.SetField("target_x", annotation.target.x());
        feature.SetField("target_y", annotation.target.y());
        OGRPoint point(annotation.position.x(), annotation.position.y());
        feature.SetGeometry(&point);
        if (layer->CreateFeature(&feature) != OGRERR_NONE) {
            layer->RollbackTransaction();
            return storeError(gpkg, "write annotations", gdalMessage("cannot write a feature"));
        }
    }
    if (layer->CommitTransaction() != OGRERR_NONE)
        return storeError(gpkg, "write annotations", gdalMessage("cannot commit"));
    return true;
}

} // namespace greenrenew::gis
