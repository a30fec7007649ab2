// greenrenew-cli analyze: the main job on one data set, from layers to results, map and report.

#include "app/cli/commands.h"
#include "app/cli/district_summary_writer.h"
#include "app/cli/mapping_file.h"
#include "core/analysis.h"
#include "core/district_summary.h"
#include "core/scenario.h"
#include "core/walk_access.h"
#include "gis/annotation_store.h"
#include "gis/dem_reader.h"
#include "gis/project_loader.h"
#include "gis/results_writer.h"
#include "gis/scenario_store.h"
#include "gis/web_map_offset_option.h"
#include "ui/render/map_export.h"
#include "ui/render/map_renderer.h"
#include "ui/render/report_writer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <iostream>
#include <stdexcept>
#include <vector>

namespace greenrenew::cli {

namespace {

struct AnalyzeArguments {
    QString input;
    QString outDir;
    QString mappingFile;
    QString configFile;
    QString language = QStringLiteral("zh");
    QString targetCrs;
    QString sourceCrs;
    double unitScale = 1.0;
    core::WebMapOffset facilityOffset = core::WebMapOffset::None;
    /// Terrain for walk slopes (GeoTIFF); empty: flat.
    QString demFile;
    /// Service areas for results.gpkg: "" none (they double the walk stage's time), "all" every
    /// required type in its circles, or facility types separated by commas (each in every
    /// circle).
    QString serviceAreas;
    /// Map sheet paper ("A3", "A1-portrait"); empty: no sheet, only the screen-size PNG.
    std::optional<render::Paper> paper;
    render::Orientation orientation = render::Orientation::Landscape;
    int dpi = 300;
    /// Also one report per renewal type, report_<type>.pdf, beside the district's.
    bool perType = false;
};

std::optional<AnalyzeArguments> parseArguments(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("input"), QStringLiteral("data set"));
    parser.addOption({QStringLiteral("out"), QStringLiteral("output folder"),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("mapping"), QStringLiteral("layer and field mapping (JSON)"),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("config"), QStringLiteral("method overrides (JSON)"),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("zh or en"),
                      QStringLiteral("LANG"), QStringLiteral("zh")});
    parser.addOption({QStringLiteral("crs"), QStringLiteral("target CRS, e.g. EPSG:4547"),
                      QStringLiteral("CRS")});
    parser.addOption({QStringLiteral("source-crs"),
                      QStringLiteral("CRS of the data when its .prj is missing or wrong"),
                      QStringLiteral("CRS")});
    parser.addOption({QStringLiteral("unit-scale"),
                      QStringLiteral("multiplies coordinates, e.g. 0.001 for millimetres"),
                      QStringLiteral("FACTOR")});
    parser.addOption({QStringLiteral("paper"),
                      QStringLiteral("map sheet A4..A0, landscape unless -portrait (A3-portrait)"),
                      QStringLiteral("PAPER")});
    parser.addOption({QStringLiteral("dpi"), QStringLiteral("map sheet PNG resolution"),
                      QStringLiteral("DPI"), QStringLiteral("300")});
    parser.addOption({QStringLiteral("dem"),
                      QStringLiteral("elevation raster (GeoTIFF): walk times follow the slope"),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("service-areas"),
                      QStringLiteral("service areas layer: TYPE[,TYPE] in every circle, or all "
                                     "(each required type in its circle); default none"),
                      QStringLiteral("TYPES")});
    parser.addOption({QStringLiteral("facility-offset"),
                      QStringLiteral("facility points are in a Chinese web map's offset "
                                     "coordinates: gcj02 (Amap, Tencent) or bd09 (Baidu)"),
                      QStringLiteral("OFFSET")});
    parser.addOption({QStringLiteral("per-type"),
                      QStringLiteral("also one report per renewal type (report_<type>.pdf)")});

    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("analyze"));
    if (!parser.parse(withProgram)) {
        std::cerr << "greenrenew-cli analyze: " << parser.errorText().toStdString() << "\n";
        return std::nullopt;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(QStringLiteral("out"))) {
        std::cerr << "greenrenew-cli analyze: expected INPUT and --out DIR\n";
        return std::nullopt;
    }
    AnalyzeArguments parsed;
    parsed.input = positional.first();
    parsed.outDir = parser.value(QStringLiteral("out"));
    parsed.mappingFile = parser.value(QStringLiteral("mapping"));
    parsed.configFile = parser.value(QStringLiteral("config"));
    parsed.language = parser.value(QStringLiteral("lang"));
    parsed.targetCrs = parser.value(QStringLiteral("crs"));
    parsed.sourceCrs = parser.value(QStringLiteral("source-crs"));
    parsed.demFile = parser.value(QStringLiteral("dem"));
    parsed.serviceAreas = parser.value(QStringLiteral("service-areas"));
    parsed.perType = parser.isSet(QStringLiteral("per-type"));
    if (parser.isSet(QStringLiteral("unit-scale"))) {
        bool ok = false;
        parsed.unitScale = parser.value(QStringLiteral("unit-scale")).toDouble(&ok);
        if (!ok || !(parsed.unitScale > 0)) {
            std::cerr << "greenrenew-cli analyze: --unit-scale must be a positive number\n";
            return std::nullopt;
        }
    }
    const auto offset = gis::parseWebMapOffset(parser.value(QStringLiteral("facility-offset")));
    if (!offset) {
        std::cerr << "greenrenew-cli analyze: --facility-offset must be gcj02 or bd09\n";
        return std::nullopt;
    }
    parsed.facilityOffset = *offset;
    if (parsed.language != QStringLiteral("zh") && parsed.language != QStringLiteral("en")) {
        std::cerr << "greenrenew-cli analyze: --lang must be zh or en\n";
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("paper"))) {
        const QStringList parts = parser.value(QStringLiteral("paper")).split(QLatin1Char('-'));
        parsed.paper = render::paperFromName(parts.first());
        const std::optional<render::Orientation> orientation = parts.size() == 2
            ? render::orientationFromName(parts.last())
            : std::optional<render::Orientation>(render::Orientation::Landscape);
        if (!parsed.paper || !orientation || parts.size() > 2) {
            std::cerr << "greenrenew-cli analyze: --paper must be A4..A0, optionally "
                         "-portrait or -landscape\n";
            return std::nullopt;
        }
        parsed.orientation = *orientation;
    }
    bool dpiOk = false;
    parsed.dpi = parser.value(QStringLiteral("dpi")).toInt(&dpiOk);
    if (!dpiOk || parsed.dpi < 36 || parsed.dpi > 1200) {
        std::cerr << "greenrenew-cli analyze: --dpi must be 36..1200\n";
        return std::nullopt;
    }
    return parsed;
}

void printProgress(const std::string& step, double fraction)
{
    static std::string lastStep;
    static int lastPercent = -1;
    const int percent = static_cast<int>(fraction * 100.0);
    if (step == lastStep && percent / 10 == lastPercent / 10)
        return;
    lastStep = step;
    lastPercent = percent;
    std::cerr << "  " << step << ": " << percent << " %\n";
}

bool writeText(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    return file.write(text.toUtf8()) >= 0;
}

/// The service areas the arguments ask for (see AnalyzeArguments::serviceAreas).
std::vector<core::ServiceAreaRequest> serviceAreaRequests(const AnalyzeArguments& arguments,
                                                          const core::MethodConfig& config)
{
    if (arguments.serviceAreas == QStringLiteral("all"))
        return core::requiredServiceAreas(config);
    std::vector<core::ServiceAreaRequest> requests;
    if (arguments.serviceAreas.isEmpty() || arguments.serviceAreas == QStringLiteral("none"))
        return requests;
    for (const QString& type : arguments.serviceAreas.split(QLatin1Char(','), Qt::SkipEmptyParts))
        for (const core::LifeCircle& circle : config.lifeCircles)
            requests.push_back({type.trimmed().toStdString(), circle.id});
    return requests;
}

QString districtTitle(const AnalyzeArguments& arguments)
{
    return QFileInfo(arguments.input).completeBaseName();
}

/// The scenarios the project GeoPackage keeps in gr_scenarios, evaluated for the report; none
/// for other inputs. A table that cannot be read is reported and leaves the section out.
std::vector<core::ScenarioEvaluation> evaluateStoredScenarios(const QString& input,
                                                              const core::Analysis& analysis)
{
    std::vector<core::ScenarioEvaluation> evaluations;
    if (!input.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive))
        return evaluations;
    core::Result<std::vector<core::Scenario>> stored = gis::loadScenarios(input);
    if (!stored) {
        std::cerr << "  warning: scenarios left out of the report: "
                  << stored.error().describe() << "\n";
        return evaluations;
    }
    for (const core::Scenario& scenario : stored.value()) {
        evaluations.push_back(core::evaluateScenario(scenario, analysis));
        std::cerr << "  scenario " << scenario.name << ": "
                  << evaluations.back().issues.size() << " measures not booked\n";
    }
    return evaluations;
}

/// The annotations the project GeoPackage keeps in gr_annotations; none for other inputs. A
/// table that cannot be read is reported and left off the map.
std::vector<core::Annotation> storedAnnotations(const QString& input)
{
    if (!input.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive))
        return {};
    core::Result<std::vector<core::Annotation>> stored = gis::readAnnotations(input);
    if (!stored) {
        std::cerr << "  warning: annotations left off the map: " << stored.error().describe()
                  << "\n";
        return {};
    }
    return stored.value();
}

} // namespace

int runAnalyze(const QStringList& arguments)
{
    const std::optional<AnalyzeArguments> parsed = parseArguments(arguments);
    if (!parsed)
        return kExitBadUsage;

    QElapsedTimer timer;
    timer.start();
    gis::LoadOptions options;
    options.configOverride = parsed->configFile;
    options.import.targetCrs = parsed->targetCrs;
    options.import.sourceCrs = parsed->sourceCrs;
    options.import.coordinateScale = parsed->unitScale;
    options.import.facilityOffset = parsed->facilityOffset;
    if (!parsed->mappingFile.isEmpty()) {
        core::Result<bool> mapping = readMappingFile(parsed->mappingFile, options.import);
        if (!mapping) {
            std::cerr << "greenrenew-cli: " << mapping.error().describe() << "\n";
            return kExitBadInput;
        }
    }

    std::cerr << "Reading " << parsed->input.toStdString() << "\n";
    gis::ImportReport importReport;
    core::Result<core::Project> loaded = gis::loadProject(parsed->input, options, importReport);
    if (!loaded) {
        std::cerr << "greenrenew-cli: " << loaded.error().describe() << "\n";
        return loaded.error().kind == core::ErrorKind::Internal ? kExitInternal : kExitBadInput;
    }
    core::Project& project = loaded.value();
    if (project.parcels.empty()) {
        // Nothing to analyse is bad input, not success: say why, from the import report.
        std::cerr << "greenrenew-cli: " << parsed->input.toStdString()
                  << ": no parcels could be imported\n"
                  << importReport.toText().toStdString() << "\n";
        return kExitBadInput;
    }
    std::cerr << "  " << project.parcels.size() << " parcels, " << project.buildings.size()
              << " buildings, " << project.green.size() << " green spaces, "
              << project.streets.size() << " streets, " << project.facilities.size()
              << " facilities in " << project.crsName << "\n";

    if (!parsed->demFile.isEmpty()) {
        std::vector<std::string> warnings;
        auto dem = gis::readDem(parsed->demFile, project.crsWkt, warnings);
        if (!dem) {
            std::cerr << "greenrenew-cli: " << dem.error().describe() << "\n";
            return kExitBadInput;
        }
        for (const std::string& warning : warnings)
            std::cerr << "  warning: " << warning << "\n";
        project.elevation = dem.value();
    }
    const std::string walkMethod = core::describeWalkMethod(project).text;
    std::cerr << "  " << walkMethod << "\n";

    std::cerr << "Analysing\n";
    core::StageControl control;
    control.progress = printProgress;
    const core::Analysis analysis = core::runAnalysis(project, control);

    const QDir outDir(parsed->outDir);
    if (!QDir().mkpath(outDir.absolutePath())) {
        std::cerr << "greenrenew-cli: cannot create the output folder "
                  << outDir.absolutePath().toStdString() << "\n";
        return kExitBadInput;
    }
    const QString resultsPath = outDir.filePath(QStringLiteral("results.gpkg"));
    const QString mapPath = outDir.filePath(QStringLiteral("map.png"));
    const QString reportPath = outDir.filePath(QStringLiteral("report.pdf"));
    const QString importPath = outDir.filePath(QStringLiteral("import_report.txt"));

    std::cerr << "Writing results\n";
    gis::ResultLayers layers;
    try {
        layers.serviceAreas =
            core::serviceAreas(project, serviceAreaRequests(*parsed, project.config), control);
    } catch (const std::invalid_argument& error) {
        std::cerr << "greenrenew-cli: --service-areas: " << error.what() << "\n";
        return kExitBadUsage;
    }
    std::string emptyAreas;
    for (const core::ServiceArea& area : layers.serviceAreas)
        if (area.area.empty())
            emptyAreas += " " + area.facilityType + "/" + area.circleId;
    if (!emptyAreas.empty())
        std::cerr << "  service areas left empty (no facility of the type):" << emptyAreas
                  << "\n";
    core::Result<bool> written = gis::writeResults(project, analysis, resultsPath, layers);
    if (!written) {
        std::cerr << "greenrenew-cli: " << written.error().describe() << "\n";
        return kExitBadInput;
    }
    if (!writeText(importPath, importReport.toText() + QStringLiteral("\n\nWalk: ")
                                   + QString::fromStdString(walkMethod) + QLatin1Char('\n')))
        std::cerr << "greenrenew-cli: cannot write " << importPath.toStdString() << "\n";
    const QString summaryPath = outDir.filePath(QStringLiteral("district_summary.json"));
    if (!writeDistrictSummary(summaryPath, core::summarizeDistrict(project, analysis),
                              project))
        std::cerr << "greenrenew-cli: cannot write " << summaryPath.toStdString() << "\n";

    render::MapOptions mapOptions;
    mapOptions.title = districtTitle(*parsed);
    mapOptions.language = parsed->language;
    if (!render::writeMapPng(mapPath, project, analysis, mapOptions)) {
        std::cerr << "greenrenew-cli: cannot write the map " << mapPath.toStdString() << "\n";
        return kExitBadInput;
    }

    // The map sheet on paper: vector PDF, and PNG at the chosen resolution, with the
    // designer's annotations as the desktop shows them.
    QStringList sheets;
    if (parsed->paper) {
        render::SheetOptions sheetOptions;
        sheetOptions.annotations = storedAnnotations(parsed->input);
        for (const auto& [format, name] :
             {std::pair{render::ExportFormat::Pdf, QStringLiteral("map_sheet.pdf")},
              {render::ExportFormat::Png, QStringLiteral("map_sheet.png")}}) {
            const QString sheetPath = outDir.filePath(name);
            core::Result<QSizeF> sheet =
                render::exportMap(sheetPath, format, *parsed->paper, parsed->orientation,
                                  parsed->dpi, project, analysis, mapOptions, sheetOptions);
            if (!sheet) {
                std::cerr << "greenrenew-cli: " << sheet.error().describe() << "\n";
                return kExitBadInput;
            }
            sheets << sheetPath;
        }
    }

    render::ReportOptions reportOptions;
    reportOptions.title = districtTitle(*parsed);
    reportOptions.language = parsed->language;
    reportOptions.scenarios = evaluateStoredScenarios(parsed->input, analysis);
    core::Result<int> pages =
        render::writeReportPdf(reportPath, project, analysis, reportOptions);
    if (!pages) {
        std::cerr << "greenrenew-cli: " << pages.error().describe() << "\n";
        return kExitBadInput;
    }

    std::vector<QString> typeReports;
    if (parsed->perType) {
        core::Result<std::vector<QString>> written = render::writeReportPdfPerType(
            outDir.absolutePath(), QStringLiteral("report"), project, analysis, reportOptions);
        if (!written) {
            std::cerr << "greenrenew-cli: " << written.error().describe() << "\n";
            return kExitBadInput;
        }
        typeReports = written.value();
    }

    std::cerr << "Done in " << timer.elapsed() / 1000.0 << " s\n";
    std::cout << "results: " << resultsPath.toStdString() << "\n"
              << "map: " << mapPath.toStdString() << "\n"
              << "report: " << reportPath.toStdString() << " (" << pages.value() << " pages)\n"
              << "import report: " << importPath.toStdString() << "\n"
              << "district summary: " << summaryPath.toStdString() << "\n";
    for (const QString& sheet : sheets)
        std::cout << "map sheet: " << sheet.toStdString() << "\n";
    for (const QString& typeReport : typeReports)
        std::cout << "type report: " << typeReport.toStdString() << "\n";
    return kExitOk;
}

} // namespace greenrenew::cli
