// Inputs the import fuzzer found (tests/data/fuzz-findings/README.md says how each was found).

#include "gis/dataset_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gis = greenrenew::gis;

namespace {

const QString kFindings = QStringLiteral(GREENRENEW_TEST_DATA_DIR "/fuzz-findings");

const gis::ImportIssue* findIssue(const gis::ImportReport& report, long long fid,
                                  const QString& what)
{
    auto it = std::find_if(report.issues.begin(), report.issues.end(),
                           [&](const gis::ImportIssue& issue) {
                               return issue.featureId == fid && issue.what == what;
                           });
    return it == report.issues.end() ? nullptr : &*it;
}

} // namespace

// ogrinfo -ro -al parcels.shp (GDAL 3.6.2) lists 3 features: record 1 (A06-01) with hole
// vertices up to 3.98457424702619E+252, record 2 (A06-02) two 70 x 60 m squares, record 3
// (A06-03) without geometry after "Error in fread() ... from .shp file".
TEST(FuzzFindings, CoordinatesBeyondAnyGridAreSkippedBeforeGeos)
{
    gis::ImportReport report;
    gis::ImportOptions options;
    options.sourceCrs = QStringLiteral("LOCAL");
    const QString input = kFindings + QStringLiteral("/shp-coordinates-1e252/parcels.shp");
    auto project = gis::readDataset(input, options, report);
    ASSERT_TRUE(project.ok()) << project.error().describe();
    ASSERT_EQ(report.layers.size(), 1u);
    EXPECT_EQ(report.layers[0].read, 3);
    EXPECT_EQ(report.layers[0].skipped, 2);
    ASSERT_EQ(project.value().parcels.size(), 1u);
    EXPECT_EQ(project.value().parcels[0].id, 1);  // GDAL's FID 1: record 2

    const gis::ImportIssue* huge = findIssue(report, 0, QStringLiteral("skipped"));
    ASSERT_NE(huge, nullptr);
    EXPECT_TRUE(huge->message.startsWith(QStringLiteral("parcels.shp record 1 (A06-01)")))
        << huge->message.toStdString();
    EXPECT_TRUE(huge->message.contains(QStringLiteral("3.98e+252"))) << huge->message.toStdString();
    EXPECT_NE(findIssue(report, 2, QStringLiteral("skipped")), nullptr);
}
