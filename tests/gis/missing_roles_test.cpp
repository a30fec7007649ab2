#include "gis/dataset_reader.h"
#include "gis/missing_roles.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include <algorithm>

namespace gis = greenrenew::gis;

namespace {

std::vector<gis::ImportIssue> missingIssues(const gis::ImportReport& report)
{
    std::vector<gis::ImportIssue> missing;
    std::copy_if(report.issues.begin(), report.issues.end(), std::back_inserter(missing),
                 [](const gis::ImportIssue& issue) { return issue.what == "missing"; });
    return missing;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

// tests/data/bubenec holds tessellation, buildings, streets and plots (ogrinfo -so lists these
// four layers): no facilities and no green layer, so exactly those two roles are missing.
TEST(MissingRoles, BubenecLacksFacilitiesAndGreen)
{
    gis::ImportReport report;
    auto project = gis::readDataset(
        QStringLiteral(GREENRENEW_TEST_DATA_DIR "/bubenec/bubenec.gpkg"), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    EXPECT_FALSE(project.value().parcels.empty());
    EXPECT_FALSE(project.value().buildings.empty());
    EXPECT_FALSE(project.value().streets.empty());

    const auto missing = missingIssues(report);
    ASSERT_EQ(missing.size(), 2u);
    EXPECT_EQ(missing[0].layer, QStringLiteral("green"));
    EXPECT_EQ(missing[1].layer, QStringLiteral("facilities"));
    EXPECT_TRUE(missing[1].message.startsWith(QStringLiteral("no facilities layer: walking "
                                                             "life circles are not assessed")))
        << missing[1].message.toStdString();
    EXPECT_TRUE(missing[0].message.startsWith(QStringLiteral("no green layer: green coverage")));

    // The batch command writes toText() as import_report.txt: the warning must be in it.
    const QString text = report.toText();
    EXPECT_TRUE(text.contains(QStringLiteral("[missing] facilities: no facilities layer")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("[missing] green: no green layer")));
}

// A green layer whose only feature has no geometry is found but gives nothing: the report
// tells that apart from a missing layer.
TEST(MissingRoles, LayerWithoutUsableFeaturesIsNamedAsSuch)
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("parcels.geojson")), R"({"type": "FeatureCollection",
      "features": [{"type": "Feature", "properties": {"id": 1}, "geometry": {"type": "Polygon",
      "coordinates": [[[121.49, 31.24], [121.491, 31.24], [121.491, 31.241],
                       [121.49, 31.241], [121.49, 31.24]]]}}]})");
    writeFile(dir.filePath(QStringLiteral("green.geojson")), R"({"type": "FeatureCollection",
      "features": [{"type": "Feature", "properties": {"name": "x"}, "geometry": null}]})");
    gis::ImportReport report;
    auto project = gis::readDataset(dir.path(), {}, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(project.value().parcels.size(), 1u);

    const auto missing = missingIssues(report);
    // buildings, green, streets, facilities: all four give the project nothing.
    ASSERT_EQ(missing.size(), 4u);
    EXPECT_EQ(missing[1].layer, QStringLiteral("green"));
    EXPECT_TRUE(missing[1].message.startsWith(
        QStringLiteral("the green layer gave no usable feature: green coverage")))
        << missing[1].message.toStdString();
    EXPECT_TRUE(missing[0].message.startsWith(QStringLiteral("no buildings layer")));
    EXPECT_TRUE(missing[2].message.startsWith(QStringLiteral("no streets layer")));
}

TEST(MissingRoles, EveryRoleHasAConsequence)
{
    for (const char* role : {"buildings", "green", "streets", "facilities"})
        EXPECT_FALSE(gis::missingRoleConsequence(QLatin1String(role)).isEmpty()) << role;
    EXPECT_TRUE(gis::missingRoleConsequence(QStringLiteral("parcels")).isEmpty());
}
