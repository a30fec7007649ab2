// End to end: the ratings, compliance and facility gaps that greenrenew-cli scenario writes
// into scenario_comparison.csv for the sample's demonstration_and_area scenario (parcels 108,
// 40 and 11; resources/sample/scenarios). Expected values come from the analysis read here
// through gis::loadProject and core::runAnalysis, not from core's scenario code:
//   - opening parcel 40's footprint at the proposed quantity brings its building density to
//     the edge of the slight band, limit x (1 - rating.medium_margin) = 0.5 x 0.85 = 0.425;
//   - the two new facilities on parcel 108 close exactly the circles in which the analysis
//     lists those types as gaps of parcel 108;
//   - the facility gaps before are the analysis's gaps of the three parcels.

#include "core/analysis.h"
#include "gis/project_loader.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <set>

namespace greenrenew {
namespace {

constexpr double kPrintTolerance = 1e-3;  // the CSV prints 4 decimals

const core::ParcelResult& parcelOf(const core::Analysis& analysis, core::FeatureId id)
{
    for (const core::ParcelResult& result : analysis.parcels)
        if (result.parcelId == id)
            return result;
    throw std::runtime_error("no parcel " + std::to_string(id));
}

/// The CSV's lines starting with PREFIX, split into cells.
std::vector<QStringList> linesStartingWith(const QString& text, const QString& prefix)
{
    std::vector<QStringList> lines;
    for (const QString& line : text.split(QLatin1Char('\n')))
        if (line.startsWith(prefix))
            lines.push_back(line.split(QLatin1Char(',')));
    return lines;
}

TEST(ScenarioOutcomeCsvTest, RatingsComplianceAndGapsOfTheSampleScenario)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("project.gpkg"));
    ASSERT_TRUE(QFile::copy(QStringLiteral(GREENRENEW_SOURCE_DIR
                                           "/resources/sample/shanghai_bund.gpkg"),
                            project));
    QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
    gis::ImportReport report;
    auto loaded = gis::loadProject(project, {}, report);
    ASSERT_TRUE(loaded.ok());
    const core::Analysis analysis = core::runAnalysis(loaded.value());

    QProcess process;
    process.start(QStringLiteral(GREENRENEW_CLI),
                  {QStringLiteral("scenario"), project, QStringLiteral("--import"),
                   QStringLiteral(GREENRENEW_SOURCE_DIR
                                  "/resources/sample/scenarios/demonstration_and_area.csv"),
                   QStringLiteral("--compare"), QStringLiteral("demonstration_and_area"),
                   QStringLiteral("--out"), dir.filePath(QStringLiteral("out"))});
    ASSERT_TRUE(process.waitForFinished(120000));
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    QFile csv(dir.filePath(QStringLiteral("out/scenario_comparison.csv")));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());

    // Parcel 40's density control: limit and value from the form stage, the band's margin
    // from the resources.
    double limit = 0;
    for (const core::ComplianceCheck& check : parcelOf(analysis, 40).form.compliance)
        if (check.figure == "building_density")
            limit = check.limit;
    ASSERT_GT(limit, 0);
    const double margin = loaded.value().config.parameters.value("rating.medium_margin");
    const auto density =
        linesStartingWith(text, QStringLiteral("demonstration_and_area,40,building_density,"));
    ASSERT_EQ(density.size(), 1u);
    EXPECT_EQ(density[0][7], QStringLiteral("no"));   // ok before: the sample fails it
    EXPECT_NEAR(density[0][6].toDouble(), limit * (1 - margin), kPrintTolerance);
    EXPECT_EQ(density[0][8], QStringLiteral("yes"));

    // Gaps closed on 108: the circles in which the analysis lists the two new types.
    std::set<QString> expectedClosed;
    for (const auto& [circle, types] : parcelOf(analysis, 108).walk.gaps)
        for (const std::string& type : types)
            if (type == "kindergarten" || type == "elderly_day_care")
                expectedClosed.insert(QString::fromStdString(circle + "," + type));
    ASSERT_FALSE(expectedClosed.empty());
    std::set<QString> closed;
    for (const QStringList& cells :
         linesStartingWith(text, QStringLiteral("demonstration_and_area,108,")))
        if (cells.size() == 4)  // the gaps-closed block: scenario, parcel, circle, type
            closed.insert(cells[2] + QLatin1Char(',') + cells[3]);
    EXPECT_EQ(closed, expectedClosed);

    std::size_t gapsBefore = 0;
    for (core::FeatureId id : {108, 40, 11})
        for (const auto& [circle, types] : parcelOf(analysis, id).walk.gaps)
            gapsBefore += types.size();
    const auto summary = linesStartingWith(text, QStringLiteral("demonstration_and_area,3,"));
    ASSERT_EQ(summary.size(), 1u);
    ASSERT_EQ(summary[0].size(), 15);
    EXPECT_EQ(summary[0][12].toULongLong(), gapsBefore);
    EXPECT_EQ(summary[0][13].toULongLong(), gapsBefore - expectedClosed.size());
    EXPECT_EQ(summary[0][14].toULongLong(), expectedClosed.size());
}

} // namespace
} // namespace greenrenew
