// greenrenew-cli analyze --per-type on the bundled sample: one report per renewal type that
// has parcels, beside the district report. Which parcel has which type is read from
// results.gpkg with GDAL; what each PDF prints is read with poppler (pdftotext, pdfinfo).

#include "../render/report_pdf_text.h"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <set>
#include <string>

namespace {

using greenrenew::render::test::pdfPages;

const char* const kTypes[] = {"residential", "commercial", "factory", "historic_block"};

std::map<std::string, std::set<long long>> parcelsByType(const QString& resultsPath)
{
    std::map<std::string, std::set<long long>> byType;
    GDALAllRegister();
    std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(
        resultsPath.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* layer = dataset ? dataset->GetLayerByName("parcels") : nullptr;
    if (!layer)
        return byType;
    for (auto& feature : *layer)
        byType[feature->GetFieldAsString("renewal_type")].insert(
            feature->GetFieldAsInteger64("parcel_id"));
    return byType;
}

/// The page a contents line names: "Appendix: sources and factors ...... 12" -> 12.
int contentsPage(const QString& contents, const QString& entry)
{
    const QRegularExpressionMatch match =
        QRegularExpression(QRegularExpression::escape(entry) + QStringLiteral("[ .]*(\\d+)"))
            .match(contents);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

/// Parcel ids in the first column of the parcel table's pages FIRST..LAST (1-based).
std::set<long long> tableIds(const QStringList& pages, int first, int last)
{
    std::set<long long> ids;
    const QRegularExpression row(QStringLiteral("^\\s*(\\d+)\\s"));
    for (int page = first; page <= last && page <= pages.size(); ++page)
        for (const QString& line : pages[page - 1].split(QLatin1Char('\n'))) {
            const QRegularExpressionMatch match = row.match(line);
            if (match.hasMatch())
                ids.insert(match.captured(1).toLongLong());
        }
    return ids;
}

TEST(AnalyzePerType, OneReportPerTypeNamingOnlyItsParcels)
{
    QTemporaryDir out;
    QProcess cli;
    cli.start(QStringLiteral(GREENRENEW_CLI),
              {QStringLiteral("analyze"),
               QStringLiteral(GREENRENEW_SOURCE_DIR "/resources/sample/shanghai_bund.gpkg"),
               QStringLiteral("--out"), out.path(), QStringLiteral("--lang"),
               QStringLiteral("en"), QStringLiteral("--per-type")});
    ASSERT_TRUE(cli.waitForFinished(600000));
    ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    const auto byType = parcelsByType(out.filePath(QStringLiteral("results.gpkg")));
    ASSERT_FALSE(byType.empty());

    // The appendix lists every parameter used, the same in every report: as many pages.
    const QStringList district = pdfPages(out.filePath(QStringLiteral("report.pdf")));
    ASSERT_GT(district.size(), 2);
    const QString appendixEntry = QStringLiteral("Appendix: sources and factors");
    const int districtAppendix = contentsPage(district[1], appendixEntry);
    ASSERT_GT(districtAppendix, 0);
    const int appendixPages = static_cast<int>(district.size()) - districtAppendix + 1;

    std::set<long long> reported;
    for (const char* type : kTypes) {
        const QString path = out.filePath(QStringLiteral("report_%1.pdf").arg(
            QString::fromLatin1(type)));
        const auto found = byType.find(type);
        if (found == byType.end()) {
            EXPECT_FALSE(QFile::exists(path)) << type << " has no parcels, yet a report";
            continue;
        }
        SCOPED_TRACE(type);
        const QStringList pages = pdfPages(path);
        ASSERT_GT(pages.size(), 5);
        const int tableStart = contentsPage(pages[1], QStringLiteral("Parcel table"));
        const int appendixStart = contentsPage(pages[1], appendixEntry);
        ASSERT_GT(tableStart, 0);
        // Cover, contents, map, method, the one type page, then the table.
        EXPECT_EQ(tableStart, 6);
        EXPECT_EQ(static_cast<int>(pages.size()), appendixStart + appendixPages - 1);
        EXPECT_TRUE(pages[0].contains(QStringLiteral("Page 1 of %1").arg(pages.size())));
        EXPECT_EQ(tableIds(pages, tableStart, appendixStart - 1), found->second);
        reported.insert(found->second.begin(), found->second.end());
    }
    // Together the type reports list every parcel of the district once.
    std::set<long long> all;
    for (const auto& [type, ids] : byType)
        all.insert(ids.begin(), ids.end());
    EXPECT_EQ(reported, all);
    EXPECT_EQ(QDir(out.path())
                  .entryList({QStringLiteral("report_*.pdf")}, QDir::Files)
                  .size(),
              static_cast<qsizetype>(byType.size()));
}

} // namespace
