// gr_priority_weights: the expert weights as a GeoPackage attribute table (no geometry),
// written with GDAL in one SQLite transaction.

#include "gis/priority_weights_store.h"

#include "core/priority.h"
#include "gis/attribute_table_update.h"
#include "gis/gdal_error.h"
#include "gis/gdal_support.h"

#include <QFileInfo>

#include <cmath>
#include <vector>

namespace greenrenew::gis {

namespace {

constexpr const char* kTable = "gr_priority_weights";
constexpr const char* kLevelCategory = "category";
constexpr const char* kLevelIndex = "index";

using detail::DatasetPtr;

core::Error storeError(const char* operation, const QString& path, const QString& message)
{
    return detail::gdalWriteError(operation, path, kTable, message);
}

DatasetPtr openGeoPackage(const QString& path, unsigned flags)
{
    static const char* const kDrivers[] = {"GPKG", nullptr};
    GDALAllRegister();
    CPLErrorReset();
    return DatasetPtr(GDALDataset::FromHandle(GDALOpenEx(
        path.toUtf8().constData(), GDAL_OF_VECTOR | flags, kDrivers, nullptr, nullptr)));
}

OGRLayer* createTable(GDALDataset& dataset)
{
    // wkbNone: GDAL registers it in gpkg_contents as 'attributes', a table to QGIS.
    OGRLayer* layer = dataset.CreateLayer(kTable, nullptr, wkbNone, nullptr);
    if (!layer)
        return nullptr;
    const std::pair<const char*, OGRFieldType> columns[] = {
        {"level", OFTString}, {"element", OFTString}, {"category", OFTString},
        {"weight", OFTReal}, {"global_weight", OFTReal}, {"source", OFTString},
        {"note", OFTString}};
    for (const auto& [name, type] : columns) {
        OGRFieldDefn field(name, type);
        if (layer->CreateField(&field) != OGRERR_NONE)
            return nullptr;
    }
    return layer;
}

/// The category of an index id; empty for an unknown id.
bool isCategory(const std::string& name)
{
    for (const std::string& category : core::ahpBlockElements("categories"))
        if (category == name)
            return true;
    return false;
}

std::string categoryOfIndex(const std::string& index)
{
    for (const std::string& category : core::ahpBlockElements("categories"))
        for (const std::string& element : core::ahpBlockElements(category))
            if (element == index)
                return category;
    return {};
}

struct WeightRow {
    const char* level;
    std::string element;
    std::string category;
    double weight;
    double globalWeight;
};

std::vector<WeightRow> rowsOf(const core::HierarchyWeights& weights)
{
    std::vector<WeightRow> rows;
    for (const auto& [category, weight] : weights.categoryWeight)
        rows.push_back({kLevelCategory, category, category, weight, weight});
    for (const auto& [index, weight] : weights.localIndexWeight) {
        const auto global = weights.globalIndexWeight.find(index);
        rows.push_back({kLevelIndex, index, categoryOfIndex(index), weight,
                        global == weights.globalIndexWeight.end() ? 0.0 : global->second});
    }
    return rows;
}

} // namespace

core::Result<bool> storePriorityWeights(const QString& gpkgPath,
                                        const core::HierarchyWeights& weights,
                                        const std::string& source, const std::string& note)
{
    return detail::updateAttributeTable(
        gpkgPath, kTable, "store priority weights", createTable,
        [&](OGRLayer& layer) -> std::optional<QString> {
            std::vector<GIntBig> stale;
            layer.ResetReading();
            for (auto& feature : layer)
                stale.push_back(feature->GetFID());
            if (auto failed = detail::deleteRows(layer, stale))
                return failed;
            for (const WeightRow& row : rowsOf(weights)) {
                OGRFeature feature(layer.GetLayerDefn());
                feature.SetField("level", row.level);
                feature.SetField("element", row.element.c_str());
                feature.SetField("category", row.category.c_str());
                feature.SetField("weight", row.weight);
                feature.SetField("global_weight", row.globalWeight);
                feature.SetField("source", source.c_str());
                feature.SetField("note", note.c_str());
                if (layer.CreateFeature(&feature) != OGRERR_NONE)
                    return QStringLiteral("cannot write the row of %1")
                        .arg(QString::fromStdString(row.element));
            }
            return std::nullopt;
        });
}

core::Result<std::optional<StoredPriorityWeights>> loadPriorityWeights(const QString& gpkgPath)
{
    using Loaded = std::optional<StoredPriorityWeights>;
    if (!gpkgPath.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive) ||
        !QFileInfo(gpkgPath).isFile())
        return Loaded{};
    DatasetPtr dataset = openGeoPackage(gpkgPath, GDAL_OF_READONLY);
    if (!dataset)
        return storeError("load priority weights", gpkgPath,
                          QStringLiteral("cannot open the GeoPackage"));
    OGRLayer* layer = dataset->GetLayerByName(kTable);
    if (!layer)
        return Loaded{};
    StoredPriorityWeights stored;
    layer->ResetReading();
    for (auto& feature : *layer) {
        const std::string level = feature->GetFieldAsString("level");
        const std::string element = feature->GetFieldAsString("element");
        const double weight = feature->GetFieldAsDouble("weight");
        auto rowError = [&](const QString& problem) {
            core::Error error = storeError("load priority weights", gpkgPath, problem);
            error.featureId = feature->GetFID();
            return error;
        };
        if (!std::isfinite(weight) || weight < 0 || weight > 1)
            return rowError(QStringLiteral("weight of %1 is not in [0, 1]")
                                .arg(QString::fromStdString(element)));
        if (level == kLevelCategory && isCategory(element)) {
            stored.weights.categoryWeight[element] = weight;
        } else if (level == kLevelIndex && !categoryOfIndex(element).empty()) {
            stored.weights.localIndexWeight[element] = weight;
            stored.weights.globalIndexWeight[element] = feature->GetFieldAsDouble("global_weight");
        } else {
            return rowError(QStringLiteral("'%1' is not a %2 of the method")
                                .arg(QString::fromStdString(element),
                                     QString::fromStdString(level)));
        }
        stored.source = feature->GetFieldAsString("source");
        stored.note = feature->GetFieldAsString("note");
    }
    if (stored.weights.categoryWeight.empty() && stored.weights.localIndexWeight.empty())
        return Loaded{};
    return Loaded{std::move(stored)};
}

core::Result<bool> applyStoredPriorityWeights(core::MethodConfig& config, const QString& gpkgPath)
{
    core::Result<std::optional<StoredPriorityWeights>> stored = loadPriorityWeights(gpkgPath);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return false;
    const StoredPriorityWeights& weights = *stored.value();
    core::setPriorityWeights(config.parameters, weights.weights,
                             weights.source + " (table gr_priority_weights of " +
                                 gpkgPath.toStdString() + ")",
                             weights.note);
    return true;
}

} // namespace greenrenew::gis
