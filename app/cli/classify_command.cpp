// greenrenew-cli classify: the renewal-type rule's suggestion for every parcel, as CSV.
// scripts/make-sample.sh joins this file into the bundled sample's parcels.

#include "app/cli/commands.h"
#include "core/renewal_type_rule.h"
#include "gis/project_loader.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <iostream>

namespace greenrenew::cli {

namespace {

/// A CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180).
QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

int runClassify(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("input"), QStringLiteral("data set"));
    parser.addOption({QStringLiteral("out"), QStringLiteral("CSV file to write"),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("config"), QStringLiteral("method overrides (JSON)"),
                      QStringLiteral("FILE")});
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("classify"));
    if (!parser.parse(withProgram) || parser.positionalArguments().size() != 1
        || !parser.isSet(QStringLiteral("out"))) {
        std::cerr << "greenrenew-cli classify: expected INPUT --out FILE.csv [--config FILE]\n";
        return kExitBadUsage;
    }

    gis::LoadOptions options;
    options.configOverride = parser.value(QStringLiteral("config"));
    gis::ImportReport importReport;
    core::Result<core::Project> loaded =
        gis::loadProject(parser.positionalArguments().first(), options, importReport);
    if (!loaded) {
        std::cerr << "greenrenew-cli: " << loaded.error().describe() << "\n";
        return loaded.error().kind == core::ErrorKind::Internal ? kExitInternal : kExitBadInput;
    }

    // The rule's own suggestion for every parcel, also where the data carries a type already:
    // this command exists to (re)compute what the rule says.
    const core::Project& project = loaded.value();
    const std::vector<core::TypeSuggestion> suggestions = core::suggestRenewalTypes(project);

    const QString outPath = parser.value(QStringLiteral("out"));
    QFile file(outPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        std::cerr << "greenrenew-cli: write " << outPath.toStdString() << ": "
                  << file.errorString().toStdString() << "\n";
        return kExitBadInput;
    }
    QTextStream out(&file);
    out << "parcel_id,renewal_type,type_reason\n";
    for (std::size_t i = 0; i < project.parcels.size(); ++i) {
        out << project.parcels[i].id << ','
            << core::renewalTypeName(suggestions[i].type) << ','
            << csvField(QString::fromStdString(suggestions[i].reason)) << '\n';
    }
    out.flush();
    if (file.error() != QFileDevice::NoError) {
        std::cerr << "greenrenew-cli: write " << outPath.toStdString() << ": "
                  << file.errorString().toStdString() << "\n";
        return kExitBadInput;
    }
    std::cerr << "classified " << project.parcels.size() << " parcels into "
              << outPath.toStdString() << "\n";
    return kExitOk;
}

} // namespace greenrenew::cli
