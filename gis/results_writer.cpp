#include "gis/results_writer.h"

#include "gis/atomic_file.h"
#include "gis/gdal_error.h"
#include "gis/gdal_support.h"
#include "gis/logging.h"
#include "gis/service_area_layer.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <set>

namespace greenrenew::gis {

namespace {

using core::Error;
using core::ErrorKind;

const char* const kCircleIds[] = {"5min", "10min", "15min"};

Error writeError(const QString& path, const QString& layer, const QString& message)
{
    return detail::gdalWriteError("write results", path, layer.toStdString(), message);
}

/// Field stem of a compliance check: the bound is named only where a figure has both (FAR) or
/// where a check uses the unusual bound, so the usual flags read `building_density_ok`.
std::string complianceStem(const std::string& figure, const std::string& bound)
{
    if (figure == "far")
        return "far_" + bound;
    const bool usualBound = ((figure == "building_density" || figure == "height") && bound == "max")
                            || (figure == "green_coverage" && bound == "min");
    return usualBound ? figure : figure + "_" + bound;
}

/// The schema's variable parts: compliance stems and circle ids, the fixed ones first so the
/// layout is the same whatever the data.
struct Schema {
    std::vector<std::string> complianceStems;
    std::vector<std::string> circles;
};

Schema schemaFor(const core::Analysis& analysis)
{
    Schema schema;
    schema.complianceStems = {"far_min", "far_max", "building_density", "green_coverage",
                              "height"};
    for (const char* id : kCircleIds)
        schema.circles.emplace_back(id);
    auto addOnce = [](std::vector<std::string>& list, const std::string& item) {
        if (std::find(list.begin(), list.end(), item) == list.end())
            list.push_back(item);
    };
    for (const core::ParcelResult& result : analysis.parcels) {
        for (const core::ComplianceCheck& check : result.form.compliance)
            addOnce(schema.complianceStems, complianceStem(check.figure, check.bound));
        for (const auto& [circle, gaps] : result.walk.gaps)
            addOnce(schema.circles, circle);
    }
    return schema;
}

bool addField(OGRLayer* layer, const std::string& name, OGRFieldType type,
              OGRFieldSubType subType = OFSTNone)
{
    OGRFieldDefn field(name.c_str(), type);
    field.SetSubType(subType);
    return layer->CreateField(&field) == OGRERR_NONE;
}

bool createParcelFields(OGRLayer* layer, const Schema& schema)
{
    struct Field {
        const char* name;
        OGRFieldType type;
    };
    const Field leading[] = {
        {"parcel_id", OFTInteger64},       {"parcel_code", OFTString},
        {"renewal_type", OFTString},       {"type_reason", OFTString},
        {"name", OFTString},
        {"area_m2", OFTReal},              {"building_density", OFTReal},
        {"far", OFTReal},                  {"far_recorded_only", OFTReal},
        {"green_coverage", OFTReal},       {"gross_floor_area_m2", OFTReal},
        {"building_count", OFTInteger},    {"floors_estimated", OFTInteger},
        {"mean_floors", OFTReal},          {"max_floors", OFTReal},
        {"population_est", OFTReal},       {"height_class", OFTString},
    };
    bool ok = true;
    for (const Field& field : leading)
        ok = ok && addField(layer, field.name, field.type);
    for (const std::string& stem : schema.complianceStems) {
        ok = ok && addField(layer, stem + "_limit", OFTReal);
        ok = ok && addField(layer, stem + "_ok", OFTInteger, OFSTBoolean);
    }
    for (const std::string& circle : schema.circles)
        ok = ok && addField(layer, "gaps_" + circle, OFTString);
    for (const std::string& circle : schema.circles)
        ok = ok && addField(layer, "gaps_crowfly_" + circle, OFTString);
    ok = ok && addField(layer, "walk_score", OFTReal);
    for (const std::string& index : core::indexIds())
        ok = ok && addField(layer, "rating_" + index, OFTString);
    const Field trailing[] = {
        {"co2_construction_t", OFTReal}, {"co2_transport_t", OFTReal},
        {"co2_greening_t", OFTReal},     {"co2_waste_t", OFTReal},
        {"co2_total_t", OFTReal},        {"leading_category", OFTString},
        {"interventions", OFTString},    {"priority_score", OFTReal},
        {"priority_rank", OFTInteger},
        // "seed" or "cluster" of the suggested demonstration (docs/priorities.md), else null.
        {"demonstration", OFTString},
        // The grid factor the ledger used, cited with every parcel (issue 6).
        {"grid_factor_key", OFTString},  {"grid_factor_kg_per_kwh", OFTReal},
        {"grid_factor_source", OFTString},
    };
    for (const Field& field : trailing)
        ok = ok && addField(layer, field.name, field.type);
    return ok;
}

/// The part PARCEL plays in the suggested demonstration: "seed", "cluster" or none.
const char* demonstrationRole(const core::DemonstrationSuggestion& demo, core::FeatureId parcel)
{
    if (!demo.found)
        return nullptr;
    if (parcel == demo.seedParcelId)
        return "seed";
    const auto& cluster = demo.clusterParcelIds;
    return std::find(cluster.begin(), cluster.end(), parcel) != cluster.end() ? "cluster"
                                                                                : nullptr;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ",") + item;
    return text;
}

std::string interventionText(const std::vector<core::Intervention>& interventions)
{
    std::string text;
    for (const core::Intervention& item : interventions) {
        if (!text.empty())
            text += "; ";
        text += item.technique + " (" + QString::number(item.quantity, 'f', 1).toStdString()
                + " " + item.unit + ", "
                + QString::number(item.effectTPerYear, 'f', 2).toStdString() + " t/yr)";
    }
    return text;
}

void setFormFields(OGRFeature& feature, const core::FormMetrics& form)
{
    feature.SetField("area_m2", form.areaM2);
    feature.SetField("building_density", form.buildingDensity);
    feature.SetField("far", form.far);
    feature.SetField("far_recorded_only", form.farRecordedOnly);
    feature.SetField("green_coverage", form.greenCoverage);
    feature.SetField("gross_floor_area_m2", form.grossFloorAreaM2);
    feature.SetField("building_count", form.buildingCount);
    feature.SetField("floors_estimated", form.floorsEstimated);
    feature.SetField("mean_floors", form.meanFloors);
    feature.SetField("max_floors", form.maxFloors);
    feature.SetField("population_est", form.populationEst);
    feature.SetField("height_class", form.heightClass.c_str());
    for (const core::ComplianceCheck& check : form.compliance) {
        const std::string stem = complianceStem(check.figure, check.bound);
        feature.SetField((stem + "_limit").c_str(), check.limit);
        feature.SetField((stem + "_ok").c_str(), check.ok ? 1 : 0);
    }
}

void setWalkFields(OGRFeature& feature, const core::WalkAccess& walk, const Schema& schema)
{
    for (const std::string& circle : schema.circles) {
        if (auto it = walk.gaps.find(circle); it != walk.gaps.end())
            feature.SetField(("gaps_" + circle).c_str(), joined(it->second).c_str());
        if (auto it = walk.crowflyGaps.find(circle); it != walk.crowflyGaps.end())
            feature.SetField(("gaps_crowfly_" + circle).c_str(), joined(it->second).c_str());
    }
    feature.SetField("walk_score", walk.walkScore);
}

void setCarbonFields(OGRFeature& feature, const core::CarbonAssessment& carbon)
{
    for (const std::string& index : core::indexIds())
        feature.SetField(("rating_" + index).c_str(), core::ratingName(core::Rating::NotAssessed));
    for (const core::IndexRating& rating : carbon.ratings) {
        const std::string field = "rating_" + rating.index;
        if (feature.GetFieldIndex(field.c_str()) >= 0)
            feature.SetField(field.c_str(), core::ratingName(rating.rating));
    }
    feature.SetField("co2_construction_t", carbon.ledger.constructionT);
    feature.SetField("co2_transport_t", carbon.ledger.transportT);
    feature.SetField("co2_greening_t", carbon.ledger.greeningT);
    feature.SetField("co2_waste_t", carbon.ledger.wasteT);
    feature.SetField("co2_total_t", carbon.ledger.totalT());
    feature.SetField("leading_category", core::categoryName(carbon.leading));
    feature.SetField("interventions", interventionText(carbon.interventions).c_str());
    feature.SetField("grid_factor_key", carbon.gridFactorKey.c_str());
    feature.SetField("grid_factor_kg_per_kwh", carbon.gridFactorKgPerKwh);
    feature.SetField("grid_factor_source", carbon.gridFactorSource.c_str());
}

std::optional<Error> writeParcels(GDALDataset& dataset, OGRSpatialReference* srs,
                                  const core::Project& project, const core::Analysis& analysis,
                                  const QString& path)
{
    const QString layerName = QStringLiteral("parcels");
    OGRLayer* layer = dataset.CreateLayer("parcels", srs, wkbMultiPolygon, nullptr);
    const Schema schema = schemaFor(analysis);
    if (!layer || !createParcelFields(layer, schema))
        return writeError(path, layerName, QStringLiteral("cannot create the layer"));

    for (std::size_t i = 0; i < project.parcels.size(); ++i) {
        const core::Parcel& parcel = project.parcels[i];
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("parcel_id", static_cast<GIntBig>(parcel.id));
        feature->SetField("renewal_type", core::renewalTypeName(parcel.type));
        feature->SetField("type_reason", parcel.typeReason.c_str());
        feature->SetField("name", parcel.name.c_str());
        if (!parcel.code.empty())
            feature->SetField("parcel_code", parcel.code.c_str());
        // Analysis results are in project order; a shorter analysis (cancelled run) leaves the
        // remaining parcels' figures null rather than inventing zeros.
        if (i < analysis.parcels.size()) {
            const core::ParcelResult& result = analysis.parcels[i];
            setFormFields(*feature, result.form);
            setWalkFields(*feature, result.walk, schema);
            setCarbonFields(*feature, result.carbon);
            feature->SetField("priority_score", result.priorityScore);
            feature->SetField("priority_rank", result.priorityRank);
            const char* role = demonstrationRole(analysis.demonstration, parcel.id);
            if (role != nullptr)
                feature->SetField("demonstration", role);
        }
        OGRMultiPolygon geometry = detail::toOgr(parcel.geometry);
        feature->SetGeometry(&geometry);
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
            Error error = writeError(path, layerName, QStringLiteral("cannot write the parcel"));
            error.featureId = parcel.id;
            return error;
        }
    }
    return std::nullopt;
}

std::optional<Error> writeFacilities(GDALDataset& dataset, OGRSpatialReference* srs,
                                     const core::Project& project, const QString& path)
{
    const QString layerName = QStringLiteral("facilities");
    OGRLayer* layer = dataset.CreateLayer("facilities", srs, wkbPoint, nullptr);
    if (!layer || !addField(layer, "facility_id", OFTInteger64)
        || !addField(layer, "category", OFTString) || !addField(layer, "tag", OFTString)
        || !addField(layer, "name", OFTString))
        return writeError(path, layerName, QStringLiteral("cannot create the layer"));
    for (const core::Facility& facility : project.facilities) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("facility_id", static_cast<GIntBig>(facility.id));
        feature->SetField("category", facility.category.c_str());
        feature->SetField("tag", facility.tag.c_str());
        feature->SetField("name", facility.name.c_str());
        OGRPoint point(facility.location.x(), facility.location.y());
        feature->SetGeometry(&point);
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
            Error error = writeError(path, layerName, QStringLiteral("cannot write the facility"));
            error.featureId = facility.id;
            return error;
        }
    }
    return std::nullopt;
}

} // namespace

core::Result<bool> writeResults(const core::Project& project, const core::Analysis& analysis,
                                const QString& gpkgPath, const ResultLayers& extra)
{
    ensureGdalInitialised();
    // Readers see the old results or the new ones, never half a file: the new file is
    // written beside the target and renamed over it. Leftovers of killed saves go first.
    removeInterruptedSaves(QFileInfo(gpkgPath).absolutePath());
    const QString temporary = temporarySavePath(gpkgPath);
    QFile::remove(temporary);

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        return writeError(gpkgPath, {}, QStringLiteral("GDAL has no GeoPackage driver"));
    CPLErrorReset();
    detail::DatasetPtr dataset(
        driver->Create(temporary.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset)
        return writeError(gpkgPath, {}, QStringLiteral("cannot create %1").arg(temporary));

    detail::SrsPtr srs;
    if (!project.crsWkt.empty()) {
        srs.reset(new OGRSpatialReference);
        if (srs->importFromWkt(project.crsWkt.c_str()) != OGRERR_NONE) {
            dataset.reset();
            QFile::remove(temporary);
            return writeError(gpkgPath, {}, QStringLiteral("the project CRS is not valid WKT"));
        }
    }

    const bool inTransaction = dataset->StartTransaction() == OGRERR_NONE;
    std::optional<Error> failure = writeParcels(*dataset, srs.get(), project, analysis, gpkgPath);
    if (!failure)
        failure = writeFacilities(*dataset, srs.get(), project, gpkgPath);
    if (!failure && !extra.serviceAreas.empty())
        failure = detail::writeServiceAreaLayer(*dataset, srs.get(), extra.serviceAreas, gpkgPath);
    if (!failure && inTransaction && dataset->CommitTransaction() != OGRERR_NONE)
        failure = writeError(gpkgPath, {}, QStringLiteral("cannot commit"));
    CPLErrorReset();
    dataset.reset();
    if (!failure && CPLGetLastErrorType() >= CE_Failure)
        failure = writeError(gpkgPath, {}, QStringLiteral("closing the file failed"));
    if (failure) {
        QFile::remove(temporary);
        return *failure;
    }

    core::Result<bool> replaced = replaceWithTemporary(temporary, gpkgPath);
    if (!replaced)
        return replaced.error();
    qCInfo(lcOgr, "wrote %zu parcels to %s", project.parcels.size(), qUtf8Printable(gpkgPath));
    return true;
}

} // namespace greenrenew::gis
