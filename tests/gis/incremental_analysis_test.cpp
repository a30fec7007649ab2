// Incremental recompute after an edit, on the real Shanghai Bund sample read with the shipped
// resources (core cannot read them, hence a gis test): the independent reference is a full
// runAnalysis() of the edited project.

#include "core/analysis.h"
#include "core/incremental_analysis.h"
#include "core/parcel_attributes.h"
#include "core/parcel_edit.h"
#include "gis/project_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace greenrenew {
namespace {

const QString kSample =
    QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg");

void expectSameResult(const core::ParcelResult& a, const core::ParcelResult& b)
{
    SCOPED_TRACE("parcel " + std::to_string(a.parcelId));
    ASSERT_EQ(a.parcelId, b.parcelId);
    EXPECT_NEAR(a.form.areaM2, b.form.areaM2, 1e-6);
    EXPECT_NEAR(a.form.footprintM2, b.form.footprintM2, 1e-6);
    EXPECT_NEAR(a.form.far, b.form.far, 1e-9);
    EXPECT_NEAR(a.form.greenCoverage, b.form.greenCoverage, 1e-9);
    EXPECT_EQ(a.walk.distanceM, b.walk.distanceM);
    EXPECT_EQ(a.walk.crowflyM, b.walk.crowflyM);
    EXPECT_EQ(a.walk.gaps, b.walk.gaps);
    EXPECT_EQ(a.walk.accessPoints, b.walk.accessPoints);
    EXPECT_DOUBLE_EQ(a.walk.walkScore, b.walk.walkScore);
    EXPECT_NEAR(a.carbon.ledger.totalT(), b.carbon.ledger.totalT(), 1e-9);
    EXPECT_EQ(a.carbon.interventions.size(), b.carbon.interventions.size());
    EXPECT_NEAR(a.priorityScore, b.priorityScore, 1e-12);
    EXPECT_EQ(a.priorityRank, b.priorityRank);
}

TEST(IncrementalAnalysis, SplitRecomputesOnlyDirtyAndNeighboursAndMatchesFullRun)
{
    gis::ImportReport report;
    core::Result<core::Project> loaded = gis::loadProject(kSample, {}, report);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    core::Project& project = loaded.value();
    ASSERT_GT(project.parcels.size(), 10u);

    core::IncrementalAnalysis incremental(project);
    core::Analysis before = core::runAnalysis(project);
    core::Analysis analysis = before;

    // Split the largest parcel through the middle of its envelope, north to south.
    auto largest = std::max_element(project.parcels.begin(), project.parcels.end(),
                                    [](const core::Parcel& a, const core::Parcel& b) {
                                        return core::parcelAreaM2(a.geometry)
                                               < core::parcelAreaM2(b.geometry);
                                    });
    // (Boost's envelope trips GCC 12's maybe-uninitialized, so the extent is taken by hand.)
    double minX = 1e300, maxX = -1e300, minY = 1e300, maxY = -1e300;
    for (const core::Polygon& polygon : largest->geometry) {
        for (const core::Point& point : polygon.outer()) {
            minX = std::min(minX, point.x());
            maxX = std::max(maxX, point.x());
            minY = std::min(minY, point.y());
            maxY = std::max(maxY, point.y());
        }
    }
    const double midX = (minX + maxX) / 2;
    core::LineString cut{{midX, minY - 1}, {midX, maxY + 1}};
    auto pieces = core::splitParcel(*largest, cut, core::nextParcelId(project));
    ASSERT_TRUE(pieces.ok()) << pieces.error().describe();
    const core::FeatureId splitId = largest->id;
    core::ParcelChange change;
    change.before = {*largest};
    change.after = pieces.value();
    ASSERT_TRUE(core::applyChange(project, change));

    const std::vector<core::FeatureId> recomputed =
        incremental.update(change.touchedIds(), analysis);
    const core::Analysis full = core::runAnalysis(project);

    ASSERT_EQ(analysis.parcels.size(), full.parcels.size());
    for (std::size_t i = 0; i < full.parcels.size(); ++i)
        expectSameResult(analysis.parcels[i], full.parcels[i]);

    // Few parcels were measured again, and both pieces among them.
    EXPECT_LT(recomputed.size(), project.parcels.size() / 2);
    for (const core::Parcel& piece : pieces.value())
        EXPECT_NE(std::find(recomputed.begin(), recomputed.end(), piece.id), recomputed.end());
    // Every parcel not recomputed has, in the full run, the figures it had before the edit.
    const std::set<core::FeatureId> touched(recomputed.begin(), recomputed.end());
    std::size_t unchangedChecked = 0;
    for (const core::ParcelResult& old : before.parcels) {
        if (touched.count(old.parcelId) || old.parcelId == splitId)
            continue;
        for (const core::ParcelResult& now : full.parcels) {
            if (now.parcelId == old.parcelId) {
                EXPECT_NEAR(now.form.far, old.form.far, 1e-12);
                EXPECT_EQ(now.walk.distanceM, old.walk.distanceM);
                ++unchangedChecked;
            }
        }
    }
    EXPECT_GT(unchangedChecked, 0u);

    // Undo brings back the figures of the full run before the edit.
    ASSERT_TRUE(core::revertChange(project, change));
    incremental.update(change.touchedIds(), analysis);
    ASSERT_EQ(analysis.parcels.size(), before.parcels.size());
    for (std::size_t i = 0; i < before.parcels.size(); ++i)
        expectSameResult(analysis.parcels[i], before.parcels[i]);
}

// The desktop shows the edited parcel before the rest of the district follows: right after
// updateEdited() the edited parcel has the figures of a full run of the edited project; the
// others still hold assessments made with the old residents until updateDistrict().
TEST(IncrementalAnalysis, EditedParcelIsCurrentAtOnceAndTheDistrictAfterwards)
{
    gis::ImportReport report;
    core::Result<core::Project> loaded = gis::loadProject(kSample, {}, report);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    core::Project& project = loaded.value();
    core::IncrementalAnalysis incremental(project);
    core::Analysis analysis = core::runAnalysis(project);

    std::size_t index = 0;
    while (index < project.parcels.size() && analysis.parcels[index].form.populationEst <= 0)
        ++index;
    ASSERT_LT(index, project.parcels.size());
    // Nine planned floors move the parcel's residents, and with them the district's.
    core::Result<core::Parcel> planned =
        core::withField(project.parcels[index], core::ParcelField::PlannedFloors, "9");
    ASSERT_TRUE(planned.ok());
    core::ParcelChange change{"plan floors", {project.parcels[index]}, {planned.value()}, {}};
    ASSERT_TRUE(core::applyChange(project, change));

    const std::vector<core::FeatureId> recomputed =
        incremental.updateEdited(change.touchedIds(), analysis);
    EXPECT_EQ(recomputed, change.touchedIds());
    EXPECT_TRUE(incremental.districtPending());
    const core::Analysis full = core::runAnalysis(project);
    ASSERT_NE(full.parcels[index].form.populationEst, 0.0);
    const core::ParcelResult& edited = analysis.parcels[index];
    EXPECT_NEAR(edited.form.far, full.parcels[index].form.far, 1e-9);
    EXPECT_NEAR(edited.form.populationEst, full.parcels[index].form.populationEst, 1e-9);
    EXPECT_NEAR(edited.carbon.ledger.totalT(), full.parcels[index].carbon.ledger.totalT(), 1e-9);
    ASSERT_EQ(edited.carbon.ratings.size(), full.parcels[index].carbon.ratings.size());
    for (std::size_t k = 0; k < edited.carbon.ratings.size(); ++k)
        EXPECT_EQ(edited.carbon.ratings[k].reason, full.parcels[index].carbon.ratings[k].reason);

    incremental.updateDistrict(analysis);
    EXPECT_FALSE(incremental.districtPending());
    ASSERT_EQ(analysis.parcels.size(), full.parcels.size());
    for (std::size_t i = 0; i < full.parcels.size(); ++i)
        expectSameResult(analysis.parcels[i], full.parcels[i]);
}

} // namespace
} // namespace greenrenew
