// Form metrics on small hand-drawn layouts; every expected number is worked out by hand in the
// comment beside it (rectangles, so areas are width x height).

#include "core/form_metrics.h"

#include "form_test_support.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

namespace greenrenew::core {
namespace {

using test::box;
using test::building;
using test::green;
using test::multi;
using test::parcel;
using test::rectangle;

constexpr double kTolerance = 1e-9;

Project projectWith(std::vector<Parcel> parcels, std::vector<Building> buildings,
                    std::vector<GreenSpace> greens = {})
{
    Project project;
    project.config = test::formConfig();
    project.parcels = std::move(parcels);
    project.buildings = std::move(buildings);
    project.green = std::move(greens);
    return project;
}

const ComplianceCheck* findCheck(const FormMetrics& metrics, const std::string& figure,
                                 const std::string& bound)
{
    for (const ComplianceCheck& check : metrics.compliance) {
        if (check.figure == figure && check.bound == bound)
            return &check;
    }
    return nullptr;
}

TEST(FormMetrics, FootprintAcrossBoundaryCountsOnlyInside)
{
    // Parcel 100 x 100 = 10,000 m2. Building x 90..110, y 40..60 (400 m2), 2 floors: the part
    // inside is x 90..100 = 10 x 20 = 200 m2; GFA = 200 x 2 = 400 m2.
    Project project = projectWith({parcel(1, box(0, 0, 100, 100))},
                                  {building(1, box(90, 40, 110, 60), 2.0)});
    const FormMetrics m = computeFormMetrics(project).at(0);
    EXPECT_NEAR(m.areaM2, 10000, kTolerance);
    EXPECT_NEAR(m.footprintM2, 200, kTolerance);
    EXPECT_NEAR(m.buildingDensity, 0.02, kTolerance);
    EXPECT_NEAR(m.grossFloorAreaM2, 400, kTolerance);
    EXPECT_NEAR(m.far, 0.04, kTolerance);
    EXPECT_NEAR(m.farRecordedOnly, 0.04, kTolerance);
    EXPECT_NEAR(m.roofAreaM2, 200, kTolerance);
    EXPECT_NEAR(m.openSpaceShare, 0.98, kTolerance);
    EXPECT_EQ(m.buildingCount, 1);
    EXPECT_EQ(m.floorsEstimated, 0);
}

TEST(FormMetrics, HoleIsExcludedFromAreaBuildingsAndGreen)
{
    // Parcel 100 x 100 with a 20 x 20 hole at 40..60: area 10,000 - 400 = 9,600 m2.
    // A building in the hole (45..55) does not count. Building 0..10 (100 m2, 3 floors): GFA
    // 300. Green 30..70 (1,600 m2) loses the 400 m2 of the hole: 1,200 m2.
    Polygon withHole = rectangle(0, 0, 100, 100);
    withHole.inners().push_back(rectangle(40, 40, 60, 60).outer());
    Project project = projectWith({parcel(1, multi({withHole}))},
                                  {building(1, box(45, 45, 55, 55), 5.0),
                                   building(2, box(0, 0, 10, 10), 3.0)},
                                  {green(1, box(30, 30, 70, 70))});
    const FormMetrics m = computeFormMetrics(project).at(0);
    EXPECT_NEAR(m.areaM2, 9600, kTolerance);
    EXPECT_EQ(m.buildingCount, 1);
    EXPECT_NEAR(m.footprintM2, 100, kTolerance);
    EXPECT_NEAR(m.buildingDensity, 100.0 / 9600.0, kTolerance);  // 0.0104167
    EXPECT_NEAR(m.far, 300.0 / 9600.0, kTolerance);              // 0.03125
    EXPECT_NEAR(m.greenM2, 1200, kTolerance);
    EXPECT_NEAR(m.greenCoverage, 0.125, kTolerance);             // 1,200 / 9,600
}

TEST(FormMetrics, MultiPolygonParcelSumsItsParts)
{
    // Two 50 x 50 parts (x 0..50 and 100..150): 5,000 m2. The building between them
    // (x 60..90) lies in the envelope but not in the parcel. Buildings 10 x 10 with 4 floors
    // and 20 x 10 with 1 floor: footprint 300, GFA 400 + 200 = 600, mean floors 600 / 300 = 2.
    Project project = projectWith(
        {parcel(1, multi({rectangle(0, 0, 50, 50), rectangle(100, 0, 150, 50)}))},
        {building(1, box(60, 0, 90, 50), 9.0), building(2, box(10, 10, 20, 20), 4.0),
         building(3, box(110, 10, 130, 20), 1.0)});
    const FormMetrics m = computeFormMetrics(project).at(0);
    EXPECT_NEAR(m.areaM2, 5000, kTolerance);
    EXPECT_EQ(m.buildingCount, 2);
    EXPECT_NEAR(m.footprintM2, 300, kTolerance);
    EXPECT_NEAR(m.buildingDensity, 0.06, kTolerance);
    EXPECT_NEAR(m.grossFloorAreaM2, 600, kTolerance);
    EXPECT_NEAR(m.far, 0.12, kTolerance);
    EXPECT_NEAR(m.meanFloors, 2.0, kTolerance);
    EXPECT_NEAR(m.maxFloors, 4.0, kTolerance);
}

TEST(FormMetrics, TouchingEdgesCountOnlyAreasInside)
{
    // Parcel 0..100. Building x 100..120 only touches the east edge from outside: not counted.
    // Building 0..10 x 0..10 touches the parcel edges from inside: 100 m2. Buildings 20..30 and
    // 30..40 (y 0..10) share an edge: union 200 m2. Footprint 300 m2, density 0.03.
    Project project = projectWith({parcel(1, box(0, 0, 100, 100))},
                                  {building(1, box(100, 0, 120, 10), 2.0),
                                   building(2, box(0, 0, 10, 10), 1.0),
                                   building(3, box(20, 0, 30, 10), 1.0),
                                   building(4, box(30, 0, 40, 10), 1.0)});
    const FormMetrics m = computeFormMetrics(project).at(0);
    EXPECT_EQ(m.buildingCount, 3);
    EXPECT_NEAR(m.footprintM2, 300, kTolerance);
    EXPECT_NEAR(m.buildingDensity, 0.03, kTolerance);
    EXPECT_NEAR(m.far, 0.03, kTolerance);
    EXPECT_NEAR(m.maxFloors, 1.0, kTolerance);
}

TEST(FormMetrics, BuildingsThatOnlyTouchAreNotCounted)
{
    // Parcel (0,0) (90,30) (90,100) (0,100): the 90 x 100 rectangle less the triangle under
    // the diagonal y = x / 3, 9,000 - 90 x 30 / 2 = 7,650 m2.
    // Building 1 lies under the diagonal and shares its stretch x 33.3..66.6 (y 11.1..22.2;
    // none of these decimals is exact in binary, so its vertices sit a rounding error off the
    // line): zero area inside, not counted. Building 2 (90..100 x 100..110) meets the parcel
    // at the corner (90,100) only: not counted. Building 3 (10..20 x 50..60, 2 floors) lies
    // inside: count 1, footprint 100 m2, GFA 200 m2, density 100 / 7,650.
    Project project = projectWith(
        {parcel(1, test::rawRing({{0, 0}, {0, 100}, {90, 100}, {90, 30}, {0, 0}}))},
        {building(1, test::rawRing({{33.3, 11.1}, {66.6, 22.2}, {66.6, 0}, {33.3, 0},
                                     {33.3, 11.1}}), 4.0),
         building(2, box(90, 100, 100, 110), 5.0), building(3, box(10, 50, 20, 60), 2.0)});
    const FormMetrics m = computeFormMetrics(project).at(0);
    EXPECT_NEAR(m.areaM2, 7650, kTolerance);
    EXPECT_EQ(m.buildingCount, 1);
    EXPECT_NEAR(m.footprintM2, 100, 1e-6);
    EXPECT_NEAR(m.grossFloorAreaM2, 200, 1e-6);
    EXPECT_NEAR(m.buildingDensity, 100.0 / 7650.0, kTolerance);
    EXPECT_NEAR(m.maxFloors, 2.0, kTolerance);
}

TEST(FormMetrics, OneBuildingOverTwoParcelsIsSplitBetweenThem)
{
    // Building x 80..130, y 0..20 (1,000 m2), 5 floors, across the line x = 100.
    // Parcel A (0..100): 20 x 20 = 400 m2, GFA 2,000, FAR 0.2.
    // Parcel B (100..200): 30 x 20 = 600 m2, GFA 3,000, FAR 0.3. Parts add up to 1,000.
    Project project = projectWith(
        {parcel(1, box(0, 0, 100, 100)), parcel(2, box(100, 0, 200, 100))},
        {building(1, box(80, 0, 130, 20), 5.0)});
    const std::vector<FormMetrics> result = computeFormMetrics(project);
    ASSERT_EQ(result.size(), 2u);
    EXPECT_NEAR(result[0].footprintM2, 400, kTolerance);
    EXPECT_NEAR(result[0].grossFloorAreaM2, 2000, kTolerance);
    EXPECT_NEAR(result[0].far, 0.2, kTolerance);
    EXPECT_NEAR(result[1].footprintM2, 600, kTolerance);
    EXPECT_NEAR(result[1].far, 0.3, kTolerance);
    EXPECT_EQ(result[0].buildingCount, 1);
    EXPECT_EQ(result[1].buildingCount, 1);
}

TEST(FormMetrics, OverlappingFootprintsCountOnceForDensityButPerBuildingForFloorArea)
{
    // Buildings 10..30 and 20..40 (y 10..30), 400 m2 each, overlap 10 x 20 = 200 m2.
    // Footprint = union = 600 m2 -> density 0.06. GFA = 400 x 2 + 400 x 3 = 2,000 -> FAR 0.2.
    // Mean floors weighted by part area = 2,000 / 800 = 2.5.
    Project project = projectWith({parcel(1, box(0, 0, 100, 100))},
                                  {building(1, box(10, 10, 30, 30), 2.0),
                                   building(2, box(20, 10, 40, 30), 3.0)});
    const FormMetrics m = computeFormMetrics(project).at(0);
    EXPECT_NEAR(m.footprintM2, 600, kTolerance);
    EXPECT_NEAR(m.buildingDensity, 0.06, kTolerance);
    EXPECT_NEAR(m.grossFloorAreaM2, 2000, kTolerance);
    EXPECT_NEAR(m.far, 0.2, kTolerance);
    EXPECT_NEAR(m.meanFloors, 2.5, kTolerance);
    EXPECT_EQ(m.buildingCount, 2);
}

TEST(FormMetrics, ParcelWithoutBuildingsHasZeroFiguresAndFailsFarMinimum)
{
    // 10,000 m2 with nothing on it: density, FAR and green 0, all open space. Mean floors 0
    // selects the lowest residential class (low_rise, FAR 1.0-1.2): FAR min margin 0 - 1.0.
    Project project = projectWith({parcel(1, box(0, 0, 100, 100))}, {});
    const FormMetrics m = computeFormMetrics(project).at(0);
    EXPECT_NEAR(m.areaM2, 10000, kTolerance);
    EXPECT_EQ(m.buildingCount, 0);
    EXPECT_EQ(m.footprintM2, 0);
    EXPECT_EQ(m.far, 0);
    EXPECT_EQ(m.greenCoverage, 0);
    EXPECT_EQ(m.openSpaceShare, 1);
    EXPECT_EQ(m.populationEst, 0);
    EXPECT_EQ(m.heightClass, "low_rise");
    const ComplianceCheck* farMin = findCheck(m, "far", "min");
    ASSERT_NE(farMin, nullptr);
    EXPECT_FALSE(farMin->ok);
    EXPECT_NEAR(farMin->margin, -1.0, kTolerance);
}

TEST(FormMetrics, FloorsFromHeightAreRoundedStoreys)
{
    // Storey height 3 m. 10 m -> 3.33 -> 3 floors; 1 m -> 0.33 -> at least 1; 16.5 m -> 5.5 ->
    // 6 (half rounds up). Three 10 x 10 buildings: GFA 100 x (3 + 1 + 6) = 1,000 -> FAR 0.1.
    // All three are estimated, so the recorded-only FAR is 0.
    Project project = projectWith({parcel(1, box(0, 0, 100, 100))},
                                  {building(1, box(0, 0, 10, 10), std::nullopt, 10.0),
                                   building(2, box(20, 0, 30, 10), std::nullopt, 1.0),
                                   building(3, box(40, 0, 50, 10), std::nullopt, 16.5)});
    const FormMetrics m = computeFormMetrics(project).at(0);
    EXPECT_NEAR(m.grossFloorAreaM2, 1000, kTolerance);
    EXPECT_NEAR(m.far, 0.1, kTolerance);
    EXPECT_EQ(m.farRecordedOnly, 0);
    EXPECT_EQ(m.floorsEstimated, 3);
    EXPECT_NEAR(m.maxFloors, 6, kTolerance);
    // The height check uses the recorded 16.5 m, not 6 x 3 m.
    const ComplianceCheck* height = findCheck(m, "height", "max");
    ASSERT_NE(height, nullptr);
    EXPECT_NEAR(height->value, 16.5, kTolerance);
}

TEST(FormMetrics, FloorsDefaultByRenewalType)
{
    // No floors, no height: residential default 3, commercial default 4. Each parcel has one
    // 10 x 10 unknown building and one 10 x 10 building with 2 recorded floors.
    // Residential GFA = 100 x 3 + 100 x 2 = 500; commercial 100 x 4 + 200 = 600.
    // Recorded-only FAR = 200 / 10,000 = 0.02 for both.
    Project project = projectWith(
        {parcel(1, box(0, 0, 100, 100)),
         parcel(2, box(200, 0, 300, 100), RenewalType::Commercial)},
        {building(1, box(10, 10, 20, 20)), building(2, box(30, 10, 40, 20), 2.0),
         building(3, box(210, 10, 220, 20)), building(4, box(230, 10, 240, 20), 2.0)});
    const std::vector<FormMetrics> result = computeFormMetrics(project);
    EXPECT_NEAR(result[0].grossFloorAreaM2, 500, kTolerance);
    EXPECT_NEAR(result[1].grossFloorAreaM2, 600, kTolerance);
    EXPECT_NEAR(result[0].farRecordedOnly, 0.02, kTolerance);
    EXPECT_NEAR(result[1].farRecordedOnly, 0.02, kTolerance);
    EXPECT_EQ(result[0].floorsEstimated, 1);
    EXPECT_EQ(result[1].floorsEstimated, 1);
}

TEST(FormMetrics, ComplianceMarginsAgainstTheHeightClass)
{
    // Residential 10,000 m2; building 50 x 50 = 2,500 m2 with 5 floors -> mean floors 5 ->
    // multi_storey_1 (FAR 1.3-1.6, density <= 32 %, green >= 30 %, height <= 27 m).
    // FAR 12,500 / 10,000 = 1.25: min margin 1.25 - 1.3 = -0.05 (fails), max 1.6 - 1.25 = 0.35.
    // Density 0.25: margin 0.32 - 0.25 = 0.07. Green 50 x 70 = 3,500 -> 0.35: margin 0.05.
    // Height 5 x 3 m = 15 m: margin 27 - 15 = 12.
    Project project = projectWith({parcel(1, box(0, 0, 100, 100))},
                                  {building(1, box(0, 0, 50, 50), 5.0)},
                                  {green(1, box(50, 0, 100, 70))});
    const FormMetrics m = computeFormMetrics(project).at(0);
    EXPECT_EQ(m.heightClass, "multi_storey_1");
    ASSERT_EQ(m.compliance.size(), 5u);
    const ComplianceCheck* farMin = findCheck(m, "far", "min");
    const ComplianceCheck* farMax = findCheck(m, "far", "max");
    const ComplianceCheck* density = findCheck(m, "building_density", "max");
    const ComplianceCheck* greenMin = findCheck(m, "green_coverage", "min");
    const ComplianceCheck* height = findCheck(m, "height", "max");
    ASSERT_TRUE(farMin && farMax && density && greenMin && height);
    EXPECT_NEAR(farMin->margin, -0.05, kTolerance);
    EXPECT_FALSE(farMin->ok);
    EXPECT_NEAR(farMax->margin, 0.35, kTolerance);
    EXPECT_TRUE(farMax->ok);
    EXPECT_NEAR(density->margin, 0.07, kTolerance);
    EXPECT_NEAR(greenMin->margin, 0.05, kTolerance);
    EXPECT_NEAR(height->margin, 12, kTolerance);
    EXPECT_TRUE(height->onGrossArea);
}

TEST(FormMetrics, NetAreaBasisIsReported)
{
    Parcel net = parcel(1, box(0, 0, 10, 10));
    net.attributes["area_basis"] = "net";
    Project project = projectWith({net, parcel(2, box(20, 0, 30, 10))}, {});
    const std::vector<FormMetrics> result = computeFormMetrics(project);
    EXPECT_FALSE(result[0].grossArea);
    EXPECT_FALSE(result[0].compliance.at(0).onGrossArea);
    EXPECT_TRUE(result[1].grossArea);
}

TEST(FormMetrics, PopulationFromResidentialFloorArea)
{
    // Residential parcel: all GFA is residential; 30 x 26 = 780 m2 x 5 floors = 3,900 m2 ->
    // 3,900 / 39 = 100 people. Commercial parcel: only the "apartments" building counts:
    // 780 x 5 = 3,900 -> 100 people; the 780 m2 x 5 office adds none.
    Project project = projectWith(
        {parcel(1, box(0, 0, 100, 100)),
         parcel(2, box(200, 0, 300, 100), RenewalType::Commercial)},
        {building(1, box(0, 0, 30, 26), 5.0),
         building(2, box(200, 0, 230, 26), 5.0, std::nullopt, "apartments"),
         building(3, box(250, 0, 280, 26), 5.0, std::nullopt, "office")});
    const std::vector<FormMetrics> result = computeFormMetrics(project);
    EXPECT_NEAR(result[0].residentialFloorAreaM2, 3900, kTolerance);
    EXPECT_NEAR(result[0].populationEst, 100, kTolerance);
    EXPECT_NEAR(result[1].residentialFloorAreaM2, 3900, kTolerance);
    EXPECT_NEAR(result[1].populationEst, 100, kTolerance);
    EXPECT_NEAR(result[1].grossFloorAreaM2, 7800, kTolerance);
}

TEST(FormMetrics, InvalidGeometryIsRepairedNotThrown)
{
    // Bowtie parcel (0,0)-(10,10)-(10,0)-(0,10): made valid it is two triangles of 25 m2 each,
    // 50 m2 (its raw shoelace area would be 0). A bowtie building over the same points covers
    // the parcel exactly: density 1. A building ring left open is closed; a two-point ring is
    // dropped.
    const MultiPolygon bowtie = test::rawRing({{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}});
    const MultiPolygon open = test::rawRing({{20, 0}, {20, 10}, {30, 10}, {30, 0}});
    const MultiPolygon degenerate = test::rawRing({{0, 0}, {5, 5}});
    Project project = projectWith({parcel(1, bowtie), parcel(2, box(20, 0, 40, 10))},
                                  {building(1, bowtie, 1.0), building(2, open, 1.0),
                                   building(3, degenerate, 1.0)});
    std::vector<FormMetrics> result;
    ASSERT_NO_THROW(result = computeFormMetrics(project));
    EXPECT_NEAR(result[0].areaM2, 50, kTolerance);
    EXPECT_NEAR(result[0].buildingDensity, 1.0, kTolerance);
    EXPECT_NEAR(result[1].footprintM2, 100, kTolerance);  // the closed 10 x 10 ring
    EXPECT_NEAR(result[1].buildingDensity, 0.5, kTolerance);
}

TEST(FormMetrics, ParallelRunOverAGridMatchesHandValues)
{
    // 40 x 40 parcels of 10 x 10 m, each with a 2 x 5 m building (2 floors) and a 5 x 5 m
    // green: density 10 / 100 = 0.1, FAR 20 / 100 = 0.2, green 0.25, in every parcel.
    std::vector<Parcel> parcels;
    std::vector<Building> buildings;
    std::vector<GreenSpace> greens;
    for (int i = 0; i < 40; ++i) {
        for (int j = 0; j < 40; ++j) {
            const double x = 10.0 * i;
            const double y = 10.0 * j;
            const FeatureId id = i * 40 + j;
            parcels.push_back(parcel(id, box(x, y, x + 10, y + 10)));
            buildings.push_back(building(id, box(x + 1, y + 1, x + 3, y + 6), 2.0));
            greens.push_back(green(id, box(x + 5, y + 5, x + 10, y + 10)));
        }
    }
    Project project = projectWith(std::move(parcels), std::move(buildings), std::move(greens));
    double lastFraction = 0;
    StageControl control;
    control.progress = [&](const std::string&, double fraction) { lastFraction = fraction; };
    const std::vector<FormMetrics> result = computeFormMetrics(project, control);
    ASSERT_EQ(result.size(), 1600u);
    for (const FormMetrics& m : result) {
        EXPECT_NEAR(m.buildingDensity, 0.1, kTolerance);
        EXPECT_NEAR(m.far, 0.2, kTolerance);
        EXPECT_NEAR(m.greenCoverage, 0.25, kTolerance);
    }
    EXPECT_EQ(lastFraction, 1.0);
}

TEST(FormMetrics, CancelLeavesUnreachedParcelsEmpty)
{
    std::atomic<bool> cancel{true};
    StageControl control;
    control.cancel = &cancel;
    Project project = projectWith({parcel(1, box(0, 0, 10, 10))}, {});
    const std::vector<FormMetrics> result = computeFormMetrics(project, control);
    ASSERT_EQ(result.size(), 1u);
    EXPECT_EQ(result[0].areaM2, 0);
}

TEST(FormMetrics, CalculatorRecomputesAnEditedParcel)
{
    // The parcel grows from 0..100 to 0..200 (x): the building 150..170 x 0..10 (200 m2)
    // enters it. Density 200 / 20,000 = 0.01.
    Project project = projectWith({parcel(1, box(0, 0, 100, 100))},
                                  {building(1, box(150, 0, 170, 10), 1.0)});
    FormMetricsCalculator calculator(project);
    EXPECT_EQ(calculator.compute(project.parcels[0]).buildingCount, 0);
    Parcel edited = parcel(1, box(0, 0, 200, 100));
    const FormMetrics m = calculator.compute(edited);
    EXPECT_EQ(m.buildingCount, 1);
    EXPECT_NEAR(m.buildingDensity, 0.01, kTolerance);
    // Both shapes at once, in parallel: results in the order asked.
    const std::vector<FormMetrics> both = calculator.compute({&edited, &project.parcels[0]});
    ASSERT_EQ(both.size(), 2u);
    EXPECT_NEAR(both[0].buildingDensity, 0.01, kTolerance);
    EXPECT_EQ(both[1].buildingCount, 0);
    EXPECT_NEAR(both[1].areaM2, 10000, kTolerance);  // 100 x 100
}

TEST(FormMetrics, CalculatorKeepsFootprintsAcrossCallsAndThreads)
{
    // The footprints converted by one call are lent to the next ones, on other threads too;
    // each call must still see 200 m2 of the building 150..170 x 0..10 in the 200 x 100
    // parcel (density 0.01) and none in the 100 x 100 one.
    Project project = projectWith({parcel(1, box(0, 0, 100, 100))},
                                  {building(1, box(150, 0, 170, 10), 1.0)});
    const FormMetricsCalculator calculator(project);
    const Parcel edited = parcel(1, box(0, 0, 200, 100));
    std::atomic<int> wrong{0};
    auto editRepeatedly = [&] {
        for (int round = 0; round < 20; ++round) {
            const std::vector<FormMetrics> both = calculator.compute({&edited,
                                                                      &project.parcels[0]});
            if (std::abs(both[0].footprintM2 - 200) > kTolerance || both[1].buildingCount != 0)
                ++wrong;
            if (calculator.compute(edited).buildingCount != 1)
                ++wrong;
        }
    };
    std::thread other(editRepeatedly);
    editRepeatedly();
    other.join();
    EXPECT_EQ(wrong, 0);
}

TEST(FormMetrics, MissingParameterIsReported)
{
    Project project = projectWith({parcel(1, box(0, 0, 10, 10))}, {});
    project.config.parameters.values.erase("form.storey_height_m");
    EXPECT_THROW(computeFormMetrics(project), MissingParameter);
}

} // namespace
} // namespace greenrenew::core
