// gr_scenarios: the project's scenarios as a GeoPackage attribute table (no geometry), written
// with GDAL in one SQLite transaction.

#include "gis/scenario_store.h"

#include "gis/attribute_table_update.h"
#include "gis/gdal_support.h"
#include "gis/gdal_error.h"

#include <QFile>

#include <algorithm>
#include <filesystem>
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
    return detail::updateAttributeTable(
        gpkgPath, kTable, "store scenarios", createTable,
        [&](OGRLayer& layer) -> std::optional<QString> {
            std::set<std::string> replaced;
            for (const core::Scenario& scenario : scenarios)
                replaced.insert(scenario.name);
            std::vector<GIntBig> stale;
            layer.ResetReading();
            for (auto& feature : layer) {
                const char* name = feature->GetFieldAsString("scenario");
                if (replaced.count(name ? name : ""))
                    stale.push_back(feature->GetFID());
            }
            if (auto failed = detail::deleteRows(layer, stale))
                return failed;
            for (const core::Scenario& scenario : scenarios) {
                for (const core::PlannedIntervention& planned : scenario.interventions) {
                    OGRFeature feature(layer.GetLayerDefn());
                    fillRow(feature, scenario.name, planned);
                    if (layer.CreateFeature(&feature) != OGRERR_NONE)
                        return QStringLiteral("cannot write a row of scenario %1")
                            .arg(QString::fromStdString(scenario.name));
                }
            }
            return std::nullopt;
        });
}

core::Result<bool> storeScenariosAtomically(const QString& gpkgPath,
                                            const std::vector<core::Scenario>& scenarios)
{
    // Ends in .gpkg: GDAL warns about a GeoPackage with another extension.
    const QString copy = gpkgPath + QStringLiteral(".scenario-store.gpkg");
    QFile::remove(copy);
    if (!QFile::copy(gpkgPath, copy))
        return storeError("store scenarios", gpkgPath,
                          QStringLiteral("cannot copy the project to %1").arg(copy));
    core::Result<bool> stored = storeScenarios(copy, scenarios);
    if (!stored) {
        QFile::remove(copy);
        return stored;
    }
    std::error_code error;
    std::filesystem::rename(copy.toStdString(), gpkgPath.toStdString(), error);
    if (error) {
        QFile::remove(copy);
        return storeError("store scenarios", gpkgPath,
                          QStringLiteral("cannot replace the project with its updated copy: %1")
                              .arg(QString::fromStdString(error.message())));
    }
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
