#include "app/cli/district_summary_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace greenrenew::cli {

namespace {

QJsonArray idsOf(const std::vector<core::FeatureId>& ids)
{
    QJsonArray array;
    for (core::FeatureId id : ids)
        array.append(static_cast<qint64>(id));
    return array;
}

} // namespace

bool writeDistrictSummary(const QString& path, const core::DistrictSummary& summary)
{
    QJsonObject categories;
    for (const core::CategorySummary& category : summary.categories) {
        QJsonObject entry;
        entry[QStringLiteral("total_t")] = category.totalT;
        entry[QStringLiteral("leading_parcels")] = static_cast<qint64>(category.leadingParcels);
        entry[QStringLiteral("parcels_by_amount")] = idsOf(category.parcelsByAmount);
        categories[QLatin1String(core::categoryName(category.category))] = entry;
    }
    QJsonObject ratings;
    const core::Rating order[] = {core::Rating::Serious, core::Rating::Medium,
                                  core::Rating::Slight, core::Rating::NotAssessed};
    for (std::size_t i = 0; i < summary.ratingCounts.size(); ++i)
        ratings[QLatin1String(core::ratingName(order[i]))] =
            static_cast<qint64>(summary.ratingCounts[i]);

    QJsonObject root;
    root[QStringLiteral("parcel_count")] = static_cast<qint64>(summary.parcelCount);
    root[QStringLiteral("co2_total_t")] = summary.totals.totalT();
    root[QStringLiteral("gross_emissions_t")] = summary.grossEmissionsT;
    root[QStringLiteral("categories")] = categories;
    root[QStringLiteral("parcels_leading_none")] =
        static_cast<qint64>(summary.noneLeadingParcels);
    root[QStringLiteral("parcels_by_total")] = idsOf(summary.parcelsByTotal);
    root[QStringLiteral("rating_counts")] = ratings;
    QJsonObject grid;
    grid[QStringLiteral("key")] = QString::fromStdString(summary.gridFactorKey);
    grid[QStringLiteral("kg_co2_per_kwh")] = summary.gridFactorKgPerKwh;
    grid[QStringLiteral("source")] = QString::fromStdString(summary.gridFactorSource);
    root[QStringLiteral("grid_factor")] = grid;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    return file.commit();
}

} // namespace greenrenew::cli
