// A field whose name detection does not know (a survey institute's LYR_CS for 层数) is read
// when the mapping names it; the mapping beats a detected field; a mapped field the layer
// lacks, or a key the role has no use for, is said in the import report and detection used.

#include "gis/dataset_reader.h"

#include <QFile>
#include <QTemporaryDir>

#include "tests/support/write_text.h"

#include <gtest/gtest.h>

namespace greenrenew::gis {
namespace {

using test_support::writeText;

class FieldMappingTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        writeText(dir.filePath(QStringLiteral("parcels.geojson")),
                  R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": 1},
             "geometry": {"type": "Polygon", "coordinates": [[[121.52, 31.176],
                 [121.53, 31.176], [121.53, 31.178], [121.52, 31.178], [121.52, 31.176]]]}}]})");
        // Building 1 records its storeys only in LYR_CS; building 2 also in a detected field.
        writeText(dir.filePath(QStringLiteral("buildings.geojson")),
                  R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"LYR_CS": 6},
             "geometry": {"type": "Polygon", "coordinates": [[[121.521, 31.1765],
                 [121.522, 31.1765], [121.522, 31.1770], [121.521, 31.1770],
                 [121.521, 31.1765]]]}},
            {"type": "Feature", "properties": {"LYR_CS": 9, "floors": 3},
             "geometry": {"type": "Polygon", "coordinates": [[[121.524, 31.1765],
                 [121.525, 31.1765], [121.525, 31.1770], [121.524, 31.1770],
                 [121.524, 31.1765]]]}}]})");
    }

    core::Project read(const ImportOptions& options)
    {
        report = {};
        auto project = readDataset(dir.path(), options, report);
        EXPECT_TRUE(project.ok()) << project.error().describe();
        return project.ok() ? project.value() : core::Project{};
    }

    QString warnings() const
    {
        QString text;
        for (const ImportIssue& issue : report.issues)
            if (issue.what == QLatin1String("warning"))
                text += issue.message + QLatin1Char('\n');
        return text;
    }

    QTemporaryDir dir;
    ImportReport report;
};

TEST_F(FieldMappingTest, UnknownFieldNameIsReadWhenMapped)
{
    const core::Project detected = read({});
    ASSERT_EQ(detected.buildings.size(), 2u);
    EXPECT_FALSE(detected.buildings[0].floors.has_value());
    EXPECT_EQ(detected.buildings[1].floors, 3.0);

    ImportOptions options;
    options.fieldsForRole[QStringLiteral("buildings")][QStringLiteral("floors")] =
        QStringLiteral("LYR_CS");
    const core::Project mapped = read(options);
    ASSERT_EQ(mapped.buildings.size(), 2u);
    EXPECT_EQ(mapped.buildings[0].floors, 6.0);
    EXPECT_EQ(mapped.buildings[1].floors, 9.0);  // the mapping beats the detected "floors"
    EXPECT_TRUE(warnings().isEmpty()) << warnings().toStdString();
}

TEST_F(FieldMappingTest, MappingThatDoesNotFitIsSaidAndDetectionUsed)
{
    ImportOptions options;
    options.fieldsForRole[QStringLiteral("buildings")][QStringLiteral("floors")] =
        QStringLiteral("CENGSHU");
    options.fieldsForRole[QStringLiteral("buildings")][QStringLiteral("renewal_type")] =
        QStringLiteral("LYR_CS");
    const core::Project project = read(options);
    ASSERT_EQ(project.buildings.size(), 2u);
    EXPECT_FALSE(project.buildings[0].floors.has_value());
    EXPECT_EQ(project.buildings[1].floors, 3.0);
    const QString said = warnings();
    EXPECT_TRUE(said.contains(QStringLiteral("field 'CENGSHU' for floors, which "
                                             "buildings.geojson does not have; floors detected")))
        << said.toStdString();
    EXPECT_TRUE(said.contains(QStringLiteral("'renewal_type', which a buildings layer does not "
                                             "have; ignored")))
        << said.toStdString();
}

TEST_F(FieldMappingTest, ListingGivesEachLayersFields)
{
    auto listed = listLayers(dir.path(), {});
    ASSERT_TRUE(listed.ok()) << listed.error().describe();
    int buildings = 0;
    for (const LayerListing& layer : listed.value()) {
        if (layer.role != QLatin1String("buildings"))
            continue;
        ++buildings;
        EXPECT_EQ(layer.fields, (QStringList{QStringLiteral("LYR_CS"), QStringLiteral("floors")}));
    }
    EXPECT_EQ(buildings, 1);
}

} // namespace
} // namespace greenrenew::gis
