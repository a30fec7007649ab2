// greenrenew-cli: the batch command. Same core functions as the desktop, no widgets.

#include "app/cli/commands.h"
#include "core/method_config.h"

#include <QGuiApplication>
#include <QTextStream>

#include <exception>
#include <iostream>

namespace {

const char* const kUsage = R"(usage: greenrenew-cli COMMAND ...

commands:
  analyze INPUT --out DIR [--mapping FILE] [--config FILE] [--lang zh|en] [--crs EPSG:n]
          [--source-crs EPSG:n] [--unit-scale FACTOR] [--facility-offset gcj02|bd09]
      INPUT is a GeoPackage, a folder of files, a single file or PG:... Writes DIR/results.gpkg,
      DIR/map.png, DIR/report.pdf and DIR/import_report.txt.
  classify INPUT --out FILE.csv
      Writes the suggested renewal type of every parcel and the reason.
  ahp QUESTIONNAIRE.csv... [--out FILE.json] | ahp --template FILE.csv
      Expert weights by AHP (docs/priorities.md): each expert's consistency ratio, the
      geometric-mean aggregate; --out writes them as a method override for --config.
  scenario PROJECT.gpkg [--import FILE.csv ...] [--compare NAME ...] [--out DIR]
      Scenarios (docs/priorities.md): --import stores scenario files in the project's table
      gr_scenarios; --compare evaluates stored scenarios against the baseline and writes
      DIR/scenario_comparison.csv.
  postgis list PG:CONNECTION
  postgis push PROJECT.gpkg PG:CONNECTION --schema NAME
  postgis pull PG:CONNECTION --schema NAME --out FILE.gpkg
      A team's project in PostGIS: list the schemas holding one, copy a project GeoPackage
      into a new schema, or a schema into a new GeoPackage (every layer and gr_* table, ids
      and names kept). Password from pgpass or the service file, else asked on the terminal.

exit status: 0 success, 1 bad input, 2 bad usage, 3 internal error
)";

} // namespace

int main(int argc, char** argv)
{
    // The batch command must run without a display: draw through the offscreen platform.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("greenrenew-cli"));

    QStringList arguments = QGuiApplication::arguments();
    arguments.removeFirst();
    if (arguments.isEmpty() || arguments.first() == QStringLiteral("--help")
        || arguments.first() == QStringLiteral("-h")) {
        std::cerr << kUsage;
        return arguments.isEmpty() ? greenrenew::cli::kExitBadUsage : greenrenew::cli::kExitOk;
    }

    const QString command = arguments.takeFirst();
    try {
        if (command == QStringLiteral("analyze"))
            return greenrenew::cli::runAnalyze(arguments);
        if (command == QStringLiteral("classify"))
            return greenrenew::cli::runClassify(arguments);
        if (command == QStringLiteral("ahp"))
            return greenrenew::cli::runAhp(arguments);
        if (command == QStringLiteral("scenario"))
            return greenrenew::cli::runScenario(arguments);
        if (command == QStringLiteral("postgis"))
            return greenrenew::cli::runPostgis(arguments);
    } catch (const greenrenew::core::MissingParameter& error) {
        std::cerr << "greenrenew-cli: the method resources are incomplete: " << error.what()
                  << "\n";
        return greenrenew::cli::kExitInternal;
    } catch (const std::exception& error) {
        std::cerr << "greenrenew-cli: internal error: " << error.what() << "\n";
        return greenrenew::cli::kExitInternal;
    }
    std::cerr << "greenrenew-cli: unknown command '" << command.toStdString() << "'\n" << kUsage;
    return greenrenew::cli::kExitBadUsage;
}
