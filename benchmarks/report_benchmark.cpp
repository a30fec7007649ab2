// Report benchmark: the renewal report with one atlas page per parcel, timed. Not run by ctest.
//
//   /usr/bin/python3 benchmarks/generate_city.py --tiles 2 --out /tmp/city2.gpkg
//   build/benchmarks/report_benchmark /tmp/city2.gpkg [--pages 200] [--lang zh] [--out r.pdf]
//
// Loads and analyses the data set (not timed), then writes the report with atlas pages for the
// first --pages parcels and prints the time of the whole report and per page. The target of
// issue 10 is 200 parcel pages in at most 60 s on two cores.

#include "core/analysis.h"
#include "gis/project_loader.h"
#include "gis/import_report.h"
#include "ui/render/report_writer.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <string>

using namespace greenrenew;

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DATA [--pages N] [--lang zh|en] [--out FILE]\n", argv[0]);
        return 2;
    }
    int pages = 200;
    QString language = QStringLiteral("zh");
    QString out;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--pages")
            pages = std::max(1, std::stoi(argv[i + 1]));
        else if (arg == "--lang")
            language = QString::fromLocal8Bit(argv[i + 1]);
        else if (arg == "--out")
            out = QString::fromLocal8Bit(argv[i + 1]);
    }

    gis::ImportReport importReport;
    core::Result<core::Project> loaded
        = gis::loadProject(QString::fromLocal8Bit(argv[1]), gis::LoadOptions {}, importReport);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().describe().c_str());
        return 1;
    }
    const core::Project& project = loaded.value();
    QElapsedTimer timer;
    timer.start();
    const core::Analysis analysis = core::runAnalysis(project);
    const double analysisS = timer.nsecsElapsed() / 1e9;

    render::ReportOptions options;
    options.language = language;
    options.parcelPages = true;
    const int atlas = std::min<int>(pages, static_cast<int>(project.parcels.size()));
    for (int i = 0; i < atlas; ++i)
        options.pageParcels.push_back(i);

    QTemporaryDir dir;
    if (out.isEmpty())
        out = dir.filePath(QStringLiteral("report.pdf"));
    timer.restart();
    const core::Result<int> written = render::writeReportPdf(out, project, analysis, options);
    const double reportS = timer.nsecsElapsed() / 1e9;
    if (!written) {
        std::fprintf(stderr, "%s\n", written.error().describe().c_str());
        return 1;
    }
    std::printf("parcels %zu, analysis %.2f s (not counted)\n", project.parcels.size(), analysisS);
    std::printf("report: %d pages (%d atlas pages) in %.2f s: %.3f s per page, %.3f s per atlas "
                "page if the rest were free\n",
        written.value(), atlas, reportS, reportS / written.value(), reportS / atlas);
    return 0;
}
