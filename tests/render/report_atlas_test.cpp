// The atlas page of a parcel with much to say: every intervention the analysis suggests and
// every walking gap is printed, in English and in Chinese, on the parcel's page and the pages
// it continues on (issue 10: parcel 4 of the sample lost 5 of its 12 interventions and the end
// of its gap list). Names and facility types are the shipped method resources'; the PDF is
// read with poppler's pdftotext.

#include "ui/render/report_writer.h"

#include "gis/method_resources.h"

#include "render_fixture.h"
#include "report_pdf_text.h"

#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace greenrenew::render {
namespace {

/// pdftotext's text in reading order (not -layout): a name wrapped onto a second line of its
/// table cell reads on, rather than being interleaved with the cells beside it.
QString readingText(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), { path, QStringLiteral("-") });
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

/// Parcel 102 of the fixture with 12 interventions (the first 12 techniques of the method)
/// and every facility type missing in every life circle.
core::Analysis crowdedParcel(const core::Project& project)
{
    core::Analysis analysis = test::threeResults();
    core::ParcelResult& result = analysis.parcels[1];
    const std::vector<core::InterventionSpec>& specs = project.config.interventions;
    for (std::size_t i = 0; i < 12 && i < specs.size(); ++i) {
        core::Intervention intervention;
        intervention.index = specs[i].index;
        intervention.technique = specs[i].technique;
        intervention.nameEn = specs[i].nameEn;
        intervention.nameZh = specs[i].nameZh;
        intervention.quantity = 100.0 * (i + 1);
        intervention.unit = "m2";
        intervention.effectTPerYear = 1.5 * (i + 1);
        intervention.confidence = "medium";
        result.carbon.interventions.push_back(intervention);
    }
    for (const core::LifeCircle& circle : project.config.lifeCircles) {
        for (const core::FacilityType& type : project.config.facilityTypes)
            result.walk.gaps[circle.id].push_back(type.id);
    }
    return analysis;
}

class ReportAtlasTest : public ::testing::TestWithParam<const char*> { };

TEST_P(ReportAtlasTest, PrintsEveryInterventionAndEveryGap)
{
    const QString language = QString::fromLatin1(GetParam());
    const bool english = language == QStringLiteral("en");
    core::Project project = test::threeParcels();
    const core::Result<core::MethodConfig> config = gis::loadMethodConfig(gis::resourceDir());
    ASSERT_TRUE(config.ok()) << config.error().describe();
    project.config = config.value();
    ASSERT_GE(project.config.interventions.size(), 12u);
    ASSERT_FALSE(project.config.lifeCircles.empty());
    const core::Analysis analysis = crowdedParcel(project);

    ReportOptions options;
    options.language = language;
    options.parcelPages = true;
    options.pageParcels = { 1 };
    options.priorities = false;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("atlas.pdf"));
    const core::Result<int> written = writeReportPdf(path, project, analysis, options);
    ASSERT_TRUE(written.ok()) << written.error().describe();

    // The atlas: the parcel's page and those it continues on, one after the other.
    const QStringList pages = readingText(path).split(QLatin1Char('\f'));
    const QString heading = english ? QStringLiteral("Parcel 102") : QStringLiteral("地块 102");
    QString atlas;
    int atlasPages = 0;
    for (const QString& page : pages) {
        if (page.contains(heading)) {
            atlas += page;
            ++atlasPages;
        } else if (atlasPages > 0) {
            break;
        }
    }
    ASSERT_GE(atlasPages, 1);
    EXPECT_EQ(pages.size() - 1, written.value()) << "pdftotext ends the last page with \\f";
    const QString text = test::squeezed(atlas);
    for (const core::Intervention& intervention : analysis.parcels[1].carbon.interventions) {
        const QString name = QString::fromStdString(
            english ? intervention.nameEn : intervention.nameZh);
        EXPECT_TRUE(text.contains(test::squeezed(name))) << name.toStdString();
    }
    // The last intervention's effect, 12 x 1.5 t.
    EXPECT_TRUE(text.contains(QStringLiteral("18.0")));
    for (const core::FacilityType& type : project.config.facilityTypes) {
        const QString name = QString::fromStdString(english ? type.nameEn : type.nameZh);
        // At least: a name may also be part of a longer one.
        EXPECT_GE(text.count(test::squeezed(name)),
            static_cast<int>(project.config.lifeCircles.size()))
            << name.toStdString() << " in every life circle";
    }
}

TEST(ReportAtlasNames, RatingsNameTheIndicesInTheReportsLanguage)
{
    // Issue 10: the ratings table showed ids ("compact density", "rain grey water").
    core::Analysis analysis = test::threeResults();
    for (const char* index : { "compact_density", "rain_grey_water" }) {
        core::IndexRating rating;
        rating.index = index;
        rating.rating = core::Rating::Medium;
        analysis.parcels[1].carbon.ratings.push_back(rating);
    }
    QTemporaryDir dir;
    for (const auto& [language, names] :
        { std::pair { "en", QStringList { QStringLiteral("Compact layout"),
                                QStringLiteral("Rain and grey water") } },
            std::pair { "zh", QStringList { QStringLiteral("紧凑布局"),
                                  QStringLiteral("雨水中水利用") } } }) {
        ReportOptions options;
        options.language = QString::fromLatin1(language);
        options.parcelPages = true;
        options.pageParcels = { 1 };
        const QString path = dir.filePath(options.language + QStringLiteral(".pdf"));
        ASSERT_TRUE(writeReportPdf(path, test::threeParcels(), analysis, options).ok());
        const QString text = readingText(path);
        for (const QString& name : names)
            EXPECT_TRUE(text.contains(name)) << language << ": " << name.toStdString();
        EXPECT_FALSE(text.contains(QStringLiteral("compact density"))) << language;
        EXPECT_FALSE(text.contains(QStringLiteral("rain grey water"))) << language;
    }
}

INSTANTIATE_TEST_SUITE_P(Languages, ReportAtlasTest, ::testing::Values("en", "zh"));

} // namespace
} // namespace greenrenew::render
