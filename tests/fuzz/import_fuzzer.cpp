// libFuzzer target for the import path: the input's first byte picks a format, the rest
// becomes the file (or, for a shapefile, its .shp/.shx/.dbf/.prj/.cpg parts separated by
// kPartSeparator), which gis::readDataset reads into the model. Only a crash, a sanitizer
// report or a hang counts; an error result is the importer doing its job.

#include "gis/dataset_reader.h"
#include "gis/import_report.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <unistd.h>

namespace {

using greenrenew::gis::ImportOptions;
using greenrenew::gis::ImportReport;

constexpr const char* kPartSeparator = "\n@@GRPART@@\n";

struct Format {
    const char* suffix;
    bool shapefileParts;
};

// One entry per format the fuzzer can write; the first input byte modulo the count picks.
constexpr std::array<Format, 6> kFormats = {{{"geojson", false},
                                             {"csv", false},
                                             {"shp", true},
                                             {"zip", false},
                                             {"fgb", false},
                                             {"kml", false}}};

QString workDir()
{
    static const QString dir = QDir::tempPath()
                               + QStringLiteral("/greenrenew-fuzz-%1").arg(getpid());
    return dir;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(bytes);
}

/// Writes the payload as the data set and returns the path readDataset is given.
QString writeInput(const Format& format, const QByteArray& payload)
{
    QDir dir(workDir());
    dir.removeRecursively();
    QDir().mkpath(workDir());
    const QString base = workDir() + QStringLiteral("/parcels.");
    if (!format.shapefileParts) {
        const QString path = base + QLatin1String(format.suffix);
        writeFile(path, payload);
        return path;
    }
    static const std::array<const char*, 5> sidecars = {"shp", "shx", "dbf", "prj", "cpg"};
    qsizetype start = 0;
    for (std::size_t i = 0; i < sidecars.size(); ++i) {
        const qsizetype end = payload.indexOf(kPartSeparator, start);
        const QByteArray part =
            payload.mid(start, end < 0 ? payload.size() - start : end - start);
        writeFile(base + QLatin1String(sidecars[i]), part);
        if (end < 0)
            break;
        start = end + static_cast<qsizetype>(qstrlen(kPartSeparator));
    }
    return base + QStringLiteral("shp");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // The importer logs every repair; at thousands of executions a second that is noise.
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const Format& format = kFormats[data[0] % kFormats.size()];
    const QByteArray payload(reinterpret_cast<const char*>(data + 1),
                             static_cast<qsizetype>(size - 1));
    const QString path = writeInput(format, payload);
    ImportReport report;
    ImportOptions options;
    auto project = greenrenew::gis::readDataset(path, options, report);
    (void)project;
    (void)report.toText();
    return 0;
}
