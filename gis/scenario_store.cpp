// gr_scenarios: the project's scenarios as a GeoPackage attribute table (no geometry), written
// with GDAL in one SQLite transaction.

#include "gis/scenario_store.h"

#include "gis/gdal_support.h"
#include "gis/gdal_error.h"

#include <algorithm>
#include <memory>
#include <set>

namespace greenrenew::gis {

namespace {

constexpr const char* kTable = "gr_scenarios";

core::Error storeError(const char* operation, const QString& path, const QString& message)
{
    return detail::gdalWriteError(operation, path, kTable, message);
}

using detail::DatasetPtr;

DatasetPtr openVector(const QString& path, unsigned flags)
{
    GDALAllRegister();
    CPLErrorReset();
    return DatasetPtr(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | flags,
                                        nullptr, nullptr, nullptr));
}

OGRLayer* createTable(GDALDataset& dataset)
{
    // wkbNone: GDAL registers it in gpkg_contents as 'attributes', a table to QGIS.
    OGRLayer* layer = dataset.CreateLayer(kTable, nullptr, wkbNone, nullptr);
    if (!layer)
        return nullptr;
    for (const char* name : scenarioColumns()) {
        const std::string column = name;
        const OGRFieldType type = column == "parcel_id" ? OFTInteger64
                                  : column == "quantity" ? OFTReal
                                  : column == "year"     ? OFTInteger
                                                         : OFTString;
        OGRFieldDefn field(name, type);
        if (layer->CreateField(&field) != OGRERR_NONE)
            return nullptr;
    }
    return layer;
}

void fillRow(OGRFeature& feature, const std::string& scenario,
             const core::PlannedIntervention& planned)
{
    feature.SetField("scenario", scenario.c_str());
    feature.SetField("parcel_id", static_cast<GIntBig>(planned.parcelId));
    feature.SetField("technique", planned.technique.c_str());
    feature.SetField("quantity", planned.quantity);
    feature.SetField("phase", planned.phase.c_str());
    if (planned.year > 0)
        feature.SetField("year", planned.year);
    feature.SetField("party", core::partyName(planned.party));
    feature.SetField("cost", core::costClassName(planned.cost));
    feature.SetField("status", core::planStatusName(planned.status));
    feature.SetField("note", planned.note.c_str());
}

} // namespace

core::Result<bool> storeScenarios(const QString& gpkgPath,
                                  const std::vector<core::Scenario>& scenarios)
{
    DatasetPtr dataset = openVector(gpkgPath, GDAL_OF_UPDATE);
    if (!dataset)
        return storeError("store scenarios", gpkgPath,
                          QStringLiteral("cannot open the GeoPackage for update"));
    if (dataset->StartTransaction() != OGRERR_NONE)
        return storeError("store scenarios", gpkgPath,
                          QStringLiteral("cannot start a transaction"));
    auto fail = [&](const QString& message) {
        const core::Error error = storeError("store scenarios", gpkgPath, message);
        dataset->RollbackTransaction();
        return error;
    };
    OGRLayer* layer = dataset->GetLayerByName(kTable);
    if (!layer)
        layer = createTable(*dataset);
    if (!layer)
        return fail(QStringLiteral("cannot create the table"));

    std::set<std::string> replaced;
    for (const core::Scenario& scenario : scenarios)
        replaced.insert(scenario.name);
    std::vector<GIntBig> stale;
    layer->ResetReading();
    for (auto& feature : *layer) {
        const char* name = feature->GetFieldAsString("scenario");
        if (replaced.count(name ? name : ""))
            stale.push_back(feature->GetFID());
    }
    for (GIntBig fid : stale)
        if (layer->DeleteFeature(fid) != OGRERR_NONE)
            return fail(QStringLiteral("cannot remove row %1").arg(fid));
    for (const core::Scenario& scenario : scenarios) {
        for (const core::PlannedIntervention& planned : scenario.interventions) {
            OGRFeature feature(layer->GetLayerDefn());
            fillRow(feature, scenario.name, planned);
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                return fail(QStringLiteral("cannot write a row of scenario %1")
                                .arg(QString::fromStdString(scenario.name)));
        }
    }
    if (dataset->CommitTransaction() != OGRERR_NONE)
        return storeError("store scenarios", gpkgPath, QStringLiteral("cannot commit"));
    return true;
}

core::Result<std::vector<core::Scenario>> loadScenarios(const QString& gpkgPath)
{
    DatasetPtr dataset = openVector(gpkgPath, GDAL_OF_READONLY);
    if (!dataset)
        return storeError("load scenarios", gpkgPath, QStringLiteral("cannot open the GeoPackage"));
    std::vector<core::Scenario> scenarios;
    OGRLayer* layer = dataset->GetLayerByName(kTable);
    if (!layer)
        return scenarios;
    layer->ResetReading();
    for (auto& feature : *layer) {
        std::map<QString, QString> cells;
        for (const char* column : scenarioColumns()) {
            const int index = feature->GetFieldIndex(column);
            if (index >= 0 && feature->IsFieldSetAndNotNull(index))
                cells[QLatin1String(column)] = QString::fromUtf8(feature->GetFieldAsString(index));
        }
        QString problem;
        const auto planned = detail::plannedFromCells(cells, problem);
        const std::string name = cells[QStringLiteral("scenario")].toStdString();
        if (!planned || name.empty()) {
            core::Error error = storeError("load scenarios", gpkgPath,
                                           planned ? QStringLiteral("no scenario name") : problem);
            error.featureId = feature->GetFID();
            return error;
        }
        auto scenario = std::find_if(scenarios.begin(), scenarios.end(),
                                     [&](const core::Scenario& s) { return s.name == name; });
        if (scenario == scenarios.end()) {
            scenarios.push_back({name, {}, {}});
            scenario = std::prev(scenarios.end());
        }
        scenario->interventions.push_back(*planned);
    }
    return scenarios;
}

} // namespace greenrenew::gis
