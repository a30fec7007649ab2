// greenrenew-cli ahp: expert questionnaires (pairwise comparisons, docs/priorities.md) to the
// method's weights, with each expert's consistency ratio; or a blank questionnaire template.

#include "app/cli/commands.h"
#include "core/ahp.h"
#include "gis/ahp_questionnaire.h"
#include "gis/method_resources.h"

#include <QCommandLineParser>
#include <QSaveFile>

#include <cstdio>
#include <iostream>

namespace greenrenew::cli {

namespace {

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

void printConsistency(const core::HierarchyWeights& weights, const std::string& who)
{
    std::cout << who << "\n";
    for (const core::AhpBlockResult& block : weights.blocks) {
        std::cout << "  " << block.block << ": CR " << fixed(block.result.consistencyRatio, 3)
                  << " (lambda_max " << fixed(block.result.lambdaMax, 3) << ")"
                  << (block.result.consistent ? "" : "  FLAG: CR above the threshold, revise")
                  << "\n";
    }
}

bool writeWeights(const QString& path, const core::HierarchyWeights& weights,
                  const QStringList& files)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(gis::ahpWeightsOverrideJson(weights, files));
    return file.commit();
}

} // namespace

int runAhp(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("questionnaires"), QStringLiteral("CSV files"));
    parser.addOption({QStringLiteral("out"), QStringLiteral("weights as a method override "
                                                            "(JSON)"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("template"), QStringLiteral("write a blank questionnaire"),
                      QStringLiteral("FILE")});
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("ahp"));
    const char* usage = "greenrenew-cli ahp: expected QUESTIONNAIRE.csv... [--out FILE.json] "
                        "or --template FILE.csv\n";
    if (!parser.parse(withProgram)) {
        std::cerr << usage;
        return kExitBadUsage;
    }
    if (parser.isSet(QStringLiteral("template"))) {
        const QString path = parser.value(QStringLiteral("template"));
        const core::Result<bool> written = gis::writeAhpTemplate(path);
        if (!written) {
            std::cerr << "greenrenew-cli: " << written.error().describe() << "\n";
            return kExitBadInput;
        }
        std::cerr << "wrote the questionnaire template " << path.toStdString() << "\n";
        return kExitOk;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        std::cerr << usage;
        return kExitBadUsage;
    }

    core::Result<core::MethodConfig> config = gis::loadMethodConfig(gis::resourceDir());
    if (!config) {
        std::cerr << "greenrenew-cli: " << config.error().describe() << "\n";
        return kExitInternal;
    }
    const auto table = core::RandomIndexTable::fromParameters(config.value().parameters);

    std::vector<core::AhpQuestionnaire> experts;
    for (const QString& path : files) {
        core::Result<core::AhpQuestionnaire> questionnaire = gis::readAhpQuestionnaire(path);
        if (!questionnaire) {
            std::cerr << "greenrenew-cli: " << questionnaire.error().describe() << "\n";
            return kExitBadInput;
        }
        auto weights = core::hierarchyWeights(questionnaire.value(), table);
        if (!weights) {
            std::cerr << "greenrenew-cli: " << weights.error().describe() << "\n";
            return kExitBadInput;
        }
        printConsistency(weights.value(), "expert " + questionnaire.value().expert + " ("
                                              + path.toStdString() + ")");
        experts.push_back(std::move(questionnaire.value()));
    }

    auto group = core::aggregateHierarchy(experts, table);
    if (!group) {
        std::cerr << "greenrenew-cli: " << group.error().describe() << "\n";
        return kExitBadInput;
    }
    printConsistency(group.value(), "aggregate (geometric mean of " +
                                        std::to_string(experts.size()) + ")");
    std::cout << "category weights\n";
    for (const auto& [category, weight] : group.value().categoryWeight)
        std::cout << "  " << category << " " << fixed(weight, 4) << "\n";
    std::cout << "index weights (global = category x local)\n";
    for (const auto& [index, weight] : group.value().globalIndexWeight)
        std::cout << "  " << index << " " << fixed(weight, 4) << " (local "
                  << fixed(group.value().localIndexWeight.at(index), 4) << ")\n";

    if (parser.isSet(QStringLiteral("out"))) {
        const QString out = parser.value(QStringLiteral("out"));
        if (!writeWeights(out, group.value(), files)) {
            std::cerr << "greenrenew-cli: write " << out.toStdString() << " failed\n";
            return kExitBadInput;
        }
        std::cerr << "wrote the weights to " << out.toStdString()
                  << " (use it as analyze --config)\n";
    }
    return kExitOk;
}

} // namespace greenrenew::cli
