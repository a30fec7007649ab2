#include "app/cli/district_summary_writer.h"

#include "core/walk_access.h"

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

/// How the walk was measured: the same facts as the "Walk:" line of the import report, as
/// values a reader can check against resources/method/walking.json.
QJsonObject walkMethodOf(const core::Project& project)
{
    const core::WalkMethodNote note = core::describeWalkMethod(project);
    const core::ParameterSet& parameters = project.config.parameters;
    const double speed = parameters.at("walk.speed_m_per_min").value;
    QJsonArray circles;
    for (std::size_t i = 0; i < project.config.lifeCircles.size(); ++i) {
        const core::LifeCircle& circle = project.config.lifeCircles[i];
        QJsonObject entry;
        entry[QStringLiteral("id")] = QString::fromStdString(circle.id);
        entry[QStringLiteral("radius_m")] = circle.radiusM;
        entry[QStringLiteral("minutes")] = circle.minutes;
        // The flat-equivalent metres a parcel must reach the facility within.
        entry[QStringLiteral("threshold_m")] = note.thresholdsM[i];
        circles.append(entry);
    }
    QJsonObject walk;
    walk[QStringLiteral("circle_mode")] = QString::fromStdString(note.circleMode);
    walk[QStringLiteral("circles")] = circles;
    walk[QStringLiteral("speed_m_per_min")] = speed;
    walk[QStringLiteral("steps_time_factor")] = parameters.at("walk.steps_time_factor").value;
    walk[QStringLiteral("dem_used")] = note.slopeFromDem;
    walk[QStringLiteral("dem")] =
        note.slopeFromDem ? QJsonValue(QString::fromStdString(note.dem)) : QJsonValue();
    walk[QStringLiteral("statement")] = QString::fromStdString(note.text);
    return walk;
}

} // namespace

bool writeDistrictSummary(const QString& path, const core::DistrictSummary& summary,
                          const core::Project& project)
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
    root[QStringLiteral("walk_method")] = walkMethodOf(project);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    return file.commit();
}

} // namespace greenrenew::cli
