// The renewal-type rule on the real Shanghai Bund / Old Town sample (OpenStreetMap), read through
// the project loader with the shipped resources, and the loader's "keyword_lists" section.

#include "core/renewal_type_rule.h"
#include "gis/method_resources.h"
#include "gis/project_loader.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>

namespace greenrenew {
namespace {

const QString kSample =
    QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg");

/// parcel_id -> suggestion, computed once for the whole suite.
const std::map<core::FeatureId, core::TypeSuggestion>& sampleSuggestions()
{
    static const std::map<core::FeatureId, core::TypeSuggestion> suggestions = [] {
        std::map<core::FeatureId, core::TypeSuggestion> byId;
        gis::ImportReport report;
        core::Result<core::Project> project = gis::loadProject(kSample, {}, report);
        if (!project) {
            ADD_FAILURE() << project.error().describe();
            return byId;
        }
        const std::vector<core::TypeSuggestion> list = core::suggestRenewalTypes(project.value());
        for (std::size_t i = 0; i < list.size(); ++i)
            byId[project.value().parcels[i].id] = list[i];
        if (std::getenv("GREENRENEW_PRINT_TYPES")) {
            for (const auto& [id, suggestion] : byId) {
                std::cout << id << '\t' << core::renewalTypeName(suggestion.type) << '\t'
                          << suggestion.reason << '\n';
            }
        }
        return byId;
    }();
    return suggestions;
}

void expectType(core::FeatureId parcelId, core::RenewalType expected)
{
    const auto& suggestions = sampleSuggestions();
    auto it = suggestions.find(parcelId);
    ASSERT_NE(it, suggestions.end()) << "parcel " << parcelId;
    EXPECT_EQ(it->second.type, expected)
        << "parcel " << parcelId << ": " << core::renewalTypeName(it->second.type) << " because "
        << it->second.reason;
}

TEST(RenewalTypeSample, OneSuggestionPerParcel)
{
    EXPECT_EQ(sampleSuggestions().size(), 173u);
}

// Parcel 147 holds Yu Garden (豫园, its halls 三穗堂, 点春堂 ...) and the City God Temple
// (城隍庙); 150 the Yuyuan bazaar hall 悦宾楼 with the 豫园商城 sight; 135 the Shanghai Old
// Restaurant (上海老饭店); 131 the Old City Park (古城公园) with the 沪南钱业公所 guild hall.
TEST(RenewalTypeSample, YuGardenAndOldTownBlocksAreHistoric)
{
    for (core::FeatureId id : {147, 150, 135, 131})
        expectType(id, core::RenewalType::HistoricBlock);
}

// The first row behind the Zhongshan Road East No. 1 promenade, north to south: 52 (中国银行大楼,
// 怡和洋行大楼), 56 (沙逊大厦 / Peace Hotel north), 60 (外滩18号, 和平饭店 south, 汇中饭店),
// 67 (交通银行, 华俄道胜银行), 71 (江海关 Customs House, 汇丰银行), 74 (电报大楼, 旗昌洋行),
// 77 (外滩五号, 外滩六号), 82 (外滩三号, 上海总会, Waldorf Astoria).
TEST(RenewalTypeSample, BundWaterfrontRowIsCommercial)
{
    for (core::FeatureId id : {52, 56, 60, 67, 71, 74, 77, 82})
        expectType(id, core::RenewalType::Commercial);
}

// Old lane and apartment housing: 3 (浦西公寓) and 30 (瑞康公寓) in Hongkou, and 18, a Hongkou
// block of 65 small attached buildings (most 150–750 m²) that carry no use or name.
TEST(RenewalTypeSample, OldLaneHousingIsResidential)
{
    for (core::FeatureId id : {3, 18, 30})
        expectType(id, core::RenewalType::Residential);
}

// Parcel 10 on the North Bund riverside holds the former Yesong shipyard (耶松船厂旧址), the port
// authority tower (国际港务大厦) and the cruise terminal on the old wharves.
TEST(RenewalTypeSample, RiversideShipyardAndWharvesAreFactory)
{
    expectType(10, core::RenewalType::Factory);
}

TEST(RenewalTypeSample, ReasonNamesWhatDecided)
{
    const auto& suggestions = sampleSuggestions();
    auto it = suggestions.find(147);
    ASSERT_NE(it, suggestions.end());
    EXPECT_NE(it->second.reason.find("豫园"), std::string::npos) << it->second.reason;
}

TEST(RenewalTypeResources, ShippedKeywordListsAreLoaded)
{
    core::Result<core::MethodConfig> config = gis::loadMethodConfig(gis::resourceDir());
    ASSERT_TRUE(config) << config.error().describe();
    const auto& lists = config.value().keywordLists;
    ASSERT_EQ(lists.count("historic.names_strong"), 1u);
    const auto& strong = lists.at("historic.names_strong");
    EXPECT_NE(std::find(strong.begin(), strong.end(), "豫园"), strong.end());
    ASSERT_EQ(lists.count("ignored.facility_categories"), 1u);
    EXPECT_EQ(lists.at("ignored.facility_categories"), std::vector<std::string>{"transit"});
}

TEST(RenewalTypeResources, OverrideReplacesAKeywordList)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("override.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"keyword_lists": {"factory.names": ["酿酒"]}})");
    file.close();
    core::Result<core::MethodConfig> config = gis::loadMethodConfig(gis::resourceDir(), path);
    ASSERT_TRUE(config) << config.error().describe();
    EXPECT_EQ(config.value().keywordLists.at("factory.names"),
              std::vector<std::string>{"酿酒"});
}

TEST(RenewalTypeResources, KeywordListThatIsNoListIsRejected)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("override.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"keyword_lists": {"factory.names": "厂"}})");
    file.close();
    core::Result<core::MethodConfig> config = gis::loadMethodConfig(gis::resourceDir(), path);
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().describe().find("keyword_lists.factory.names"), std::string::npos)
        << config.error().describe();
}

} // namespace
} // namespace greenrenew
