// The renewal-type rule on small hand-built parcels: one case per branch of the rule, each
// share computed by hand from the rectangle areas and the facility weight (400 m² here).

#include "core/renewal_type_rule.h"

#include <boost/geometry.hpp>
#include <gtest/gtest.h>

namespace greenrenew::core {
namespace {

namespace bg = boost::geometry;

MultiPolygon rectangle(double x0, double y0, double x1, double y1)
{
    Polygon polygon;
    polygon.outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
    bg::correct(polygon);
    return MultiPolygon{polygon};
}

/// A small keyword configuration with the shape of resources/method/renewal_types.json.
MethodConfig ruleConfig()
{
    MethodConfig config;
    config.parameters.values["rule.type.facility_weight_m2"] = {400, "m2", {}, "test", ""};
    config.parameters.values["rule.type.min_share"] = {0.15, "ratio", {}, "test", ""};
    config.keywordLists = {
        {"ignored.facility_categories", {"transit"}},
        {"historic.names_strong", {"豫园", "庙"}},
        {"residential.uses", {"apartments", "house"}},
        {"commercial.uses", {"hotel", "restaurant", "bank", "jewelry"}},
        {"factory.uses", {"warehouse"}},
        {"historic.uses", {"place_of_worship"}},
        {"factory.names", {"厂", "仓库"}},
        {"historic.names_former", {"^原", "旧址"}},
        {"commercial.names", {"大楼"}},
        {"residential.names", {"里$", "弄$"}},
        {"historic.names_traditional", {"楼$", "亭$"}},
    };
    return config;
}

/// One 100 m × 100 m parcel (id 7) with the rule's configuration.
Project oneParcel()
{
    Project project;
    project.config = ruleConfig();
    Parcel parcel;
    parcel.id = 7;
    parcel.geometry = rectangle(0, 0, 100, 100);
    project.parcels.push_back(parcel);
    return project;
}

void addBuilding(Project& project, const MultiPolygon& footprint, const std::string& use,
                 const std::string& name = {})
{
    Building building;
    building.id = static_cast<FeatureId>(project.buildings.size() + 1);
    building.footprint = footprint;
    building.use = use;
    building.name = name;
    project.buildings.push_back(building);
}

void addFacility(Project& project, double x, double y, const std::string& category,
                 const std::string& tag, const std::string& name = {})
{
    Facility facility;
    facility.id = static_cast<FeatureId>(project.facilities.size() + 1);
    facility.location = Point(x, y);
    facility.category = category;
    facility.tag = tag;
    facility.name = name;
    project.facilities.push_back(facility);
}

TypeSuggestion suggestOne(const Project& project)
{
    const std::vector<TypeSuggestion> suggestions = suggestRenewalTypes(project);
    EXPECT_EQ(suggestions.size(), 1u);
    return suggestions.empty() ? TypeSuggestion{} : suggestions.front();
}

TEST(RenewalTypeKeyword, AnchorsAndCase)
{
    EXPECT_TRUE(matchesKeyword("元芳弄", "弄$"));
    EXPECT_FALSE(matchesKeyword("慈安里大楼", "里$"));
    EXPECT_TRUE(matchesKeyword("原新天安堂", "^原"));
    EXPECT_FALSE(matchesKeyword("外滩源", "^原"));
    EXPECT_TRUE(matchesKeyword("Westin Bund HOTEL", "hotel"));
    EXPECT_TRUE(matchesKeyword("Altstadt", "^altstadt$"));
    EXPECT_FALSE(matchesKeyword("Altstadt Bar", "^altstadt$"));
    EXPECT_FALSE(matchesKeyword("anything", ""));
    EXPECT_FALSE(matchesKeyword("anything", "^$"));
}

TEST(RenewalTypeRule, ApartmentFootprintGivesResidential)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(10, 10, 30, 40), "apartments");  // 600 m²
    addBuilding(project, rectangle(60, 60, 70, 70), "yes");         // 100 m², no evidence
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::Residential);
    // 600 / 700 = 85.7 %
    EXPECT_NE(suggestion.reason.find("86 % of the evidence"), std::string::npos)
        << suggestion.reason;
    EXPECT_NE(suggestion.reason.find("building=apartments (600 m² of 700 m² footprint)"),
              std::string::npos)
        << suggestion.reason;
}

TEST(RenewalTypeRule, ShopsAndBanksGiveCommercial)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(10, 10, 20, 20), "yes");  // 100 m²
    addFacility(project, 50, 50, "other", "tilezen_kind=restaurant;kind_detail=chinese", "A");
    addFacility(project, 55, 50, "other", "bank", "B");
    addFacility(project, 60, 50, "other", "toilets");  // untyped point: not counted
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::Commercial);
    // (400 + 400) / (100 + 800) = 88.9 %
    EXPECT_NE(suggestion.reason.find("89 %"), std::string::npos) << suggestion.reason;
    EXPECT_NE(suggestion.reason.find("places A, B"), std::string::npos) << suggestion.reason;
}

TEST(RenewalTypeRule, WarehouseNamesGiveFactoryAndFormerShipyardStaysFactory)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(0, 0, 40, 25), "yes", "第一仓库");  // 1000 m²
    addBuilding(project, rectangle(50, 50, 70, 60), "yes", "船厂旧址");  // 200 m²
    addBuilding(project, rectangle(80, 80, 90, 90), "yes");            // 100 m²
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::Factory);
    // 1200 / 1300 = 92.3 %; 旧址 would mark it historic, but factory names are checked first
    EXPECT_NE(suggestion.reason.find("92 %"), std::string::npos) << suggestion.reason;
    EXPECT_EQ(suggestion.reason.find("next"), std::string::npos) << suggestion.reason;
}

TEST(RenewalTypeRule, WarehouseUseGivesFactory)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(0, 0, 50, 40), "warehouse");  // 2000 m²
    addBuilding(project, rectangle(60, 60, 80, 80), "house");    // 400 m²
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::Factory);
    // 2000 / 2400 = 83.3 %, next residential 400 / 2400 = 16.7 %
    EXPECT_NE(suggestion.reason.find("83 %"), std::string::npos) << suggestion.reason;
    EXPECT_NE(suggestion.reason.find("next residential 17 %"), std::string::npos)
        << suggestion.reason;
}

TEST(RenewalTypeRule, TempleNameOutranksTheShopKind)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(0, 0, 10, 20), "yes", "得月楼");    // 200 m², traditional
    addBuilding(project, rectangle(50, 50, 80, 60), "yes", "外滩大楼");  // 300 m², commercial
    addFacility(project, 40, 40, "shop", "jewelry", "老庙黄金");        // 庙: historic first
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::HistoricBlock);
    // historic (200 + 400) / 900 = 66.7 %, commercial 300 / 900 = 33.3 %
    EXPECT_NE(suggestion.reason.find("67 %"), std::string::npos) << suggestion.reason;
    EXPECT_NE(suggestion.reason.find("places 老庙黄金"), std::string::npos) << suggestion.reason;
    EXPECT_NE(suggestion.reason.find("next commercial 33 %"), std::string::npos)
        << suggestion.reason;
}

TEST(RenewalTypeRule, PlaceOfWorshipAndFormerBuildingGiveHistoric)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(0, 0, 30, 30), "place_of_worship");  // 900 m²
    addBuilding(project, rectangle(40, 40, 50, 50), "yes", "原教会公寓");  // 100 m²
    addBuilding(project, rectangle(60, 60, 80, 70), "yes");               // 200 m²
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::HistoricBlock);
    // 1000 / 1200 = 83.3 %
    EXPECT_NE(suggestion.reason.find("83 %"), std::string::npos) << suggestion.reason;
}

TEST(RenewalTypeRule, LaneNamesGiveResidentialButOfficeBlockNamedAfterALaneDoesNot)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(0, 0, 20, 20), "yes", "元芳弄");      // 400 m²
    addBuilding(project, rectangle(50, 50, 60, 60), "yes", "慈安里大楼");  // 100 m²
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::Residential);
    // 400 / 500 = 80 %, the office block ends in 大楼 and counts as commercial: 20 %
    EXPECT_NE(suggestion.reason.find("80 %"), std::string::npos) << suggestion.reason;
    EXPECT_NE(suggestion.reason.find("next commercial 20 %"), std::string::npos)
        << suggestion.reason;
}

TEST(RenewalTypeRule, WeakEvidenceFallsBackToResidential)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(0, 0, 60, 50), "yes");  // 3000 m² of unknown use
    addFacility(project, 70, 70, "other", "hotel", "H");
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::Residential);
    // 400 / 3400 = 11.8 % < 15 %
    EXPECT_NE(suggestion.reason.find("no type reaches 15 %"), std::string::npos)
        << suggestion.reason;
    EXPECT_NE(suggestion.reason.find("commercial 12 %"), std::string::npos) << suggestion.reason;
}

TEST(RenewalTypeRule, JustAboveTheThresholdIsTrusted)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(0, 0, 40, 50), "yes");  // 2000 m²
    addFacility(project, 70, 70, "other", "hotel", "H");
    // 400 / 2400 = 16.7 % >= 15 %
    EXPECT_EQ(suggestOne(project).type, RenewalType::Commercial);
}

TEST(RenewalTypeRule, EmptyParcelAndTransitStopsGiveTheDefault)
{
    Project project = oneParcel();
    addFacility(project, 50, 50, "transit", "bus_stop", "豫园");  // a stop named after a place
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::Residential);
    EXPECT_NE(suggestion.reason.find("nothing inside"), std::string::npos) << suggestion.reason;
}

TEST(RenewalTypeRule, UntypedBuildingsOnlyGiveTheDefault)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(0, 0, 10, 10), "yes");
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::Residential);
    EXPECT_NE(suggestion.reason.find("no building use, facility or name"), std::string::npos)
        << suggestion.reason;
}

TEST(RenewalTypeRule, BuildingCountsWhereItsCentroidLies)
{
    Project project = oneParcel();
    Parcel east;
    east.id = 8;
    east.geometry = rectangle(100, 0, 200, 100);
    project.parcels.push_back(east);
    // Straddles the shared edge: 10 m in parcel 7, 30 m in parcel 8, centroid x = 110.
    addBuilding(project, rectangle(90, 0, 130, 10), "warehouse");
    const std::vector<TypeSuggestion> suggestions = suggestRenewalTypes(project);
    ASSERT_EQ(suggestions.size(), 2u);
    EXPECT_EQ(suggestions[0].type, RenewalType::Residential);
    EXPECT_NE(suggestions[0].reason.find("nothing inside"), std::string::npos);
    EXPECT_EQ(suggestions[1].type, RenewalType::Factory);
    EXPECT_NE(suggestions[1].reason.find("100 %"), std::string::npos) << suggestions[1].reason;
}

TEST(RenewalTypeRule, NamedGreenSpaceCountsLikeAFacility)
{
    Project project = oneParcel();
    addBuilding(project, rectangle(0, 0, 10, 10), "yes");  // 100 m²
    GreenSpace garden;
    garden.geometry = rectangle(40, 40, 90, 90);
    garden.kind = "garden";
    garden.name = "豫园";
    project.green.push_back(garden);
    const TypeSuggestion suggestion = suggestOne(project);
    EXPECT_EQ(suggestion.type, RenewalType::HistoricBlock);
    // 400 / 500 = 80 %
    EXPECT_NE(suggestion.reason.find("80 %"), std::string::npos) << suggestion.reason;
}

TEST(RenewalTypeRule, MissingThresholdIsReported)
{
    Project project = oneParcel();
    project.config.parameters.values.erase("rule.type.min_share");
    EXPECT_THROW(suggestRenewalTypes(project), MissingParameter);
}

} // namespace
} // namespace greenrenew::core
