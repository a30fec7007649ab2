// greenrenew-cli ahp: expert questionnaires (pairwise comparisons, docs/priorities.md) to the
// method's weights, with each expert's consistency ratio; or a blank questionnaire template.

#include "app/cli/commands.h"
#include "core/ahp.h"
#include "gis/method_resources.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <optional>

namespace greenrenew::cli {

namespace {

struct ParseError {
    QString message;
};

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

/// A judgement as written: "3", "0.333" or "1/3"; std::nullopt for an empty cell.
std::optional<double> parseJudgement(const QString& cell, bool& ok)
{
    ok = true;
    const QString text = cell.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const int slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return text.toDouble(&ok);
    bool okTop = false;
    bool okBottom = false;
    const double top = text.left(slash).toDouble(&okTop);
    const double bottom = text.mid(slash + 1).toDouble(&okBottom);
    ok = okTop && okBottom && bottom != 0;
    return ok ? std::optional<double>(top / bottom) : std::nullopt;
}

QStringList splitRow(const QString& line)
{
    QStringList cells = line.split(QLatin1Char(','));
    for (QString& cell : cells) {
        cell = cell.trimmed();
        const QLatin1Char quote('"');
        if (cell.size() >= 2 && cell.startsWith(quote) && cell.endsWith(quote))
            cell = cell.mid(1, cell.size() - 2);
    }
    return cells;
}

/// Reads one block's header and rows from lines[at...]; fills the lower (or upper) triangle
/// from reciprocals where left empty.
std::optional<core::PairwiseMatrix> readBlock(const QStringList& lines, qsizetype& at,
                                              const QString& block, ParseError& error)
{
    const std::vector<std::string> elements = core::ahpBlockElements(block.toStdString());
    if (elements.empty()) {
        error.message = QStringLiteral("unknown block '%1'").arg(block);
        return std::nullopt;
    }
    const std::size_t n = elements.size();
    std::vector<std::vector<std::optional<double>>> cells(
        n, std::vector<std::optional<double>>(n));
    // Header row, then one row per element, in the order of the header.
    std::vector<std::size_t> columnOf;
    for (std::size_t row = 0; row <= n; ++row, ++at) {
        if (at >= lines.size()) {
            error.message = QStringLiteral("block %1 ends early").arg(block);
            return std::nullopt;
        }
        const QStringList fields = splitRow(lines[at]);
        if (static_cast<std::size_t>(fields.size()) < n + 1) {
            error.message = QStringLiteral("line %1: expected %2 cells").arg(at + 1).arg(n + 1);
            return std::nullopt;
        }
        auto position = [&](const QString& name) -> std::optional<std::size_t> {
            for (std::size_t k = 0; k < n; ++k)
                if (name == QString::fromStdString(elements[k]))
                    return k;
            return std::nullopt;
        };
        if (row == 0) {
            for (std::size_t k = 0; k < n; ++k) {
                auto column = position(fields[static_cast<qsizetype>(k + 1)]);
                if (!column) {
                    error.message = QStringLiteral("line %1: '%2' is not an element of %3")
                                        .arg(at + 1).arg(fields[static_cast<qsizetype>(k + 1)],
                                                         block);
                    return std::nullopt;
                }
                columnOf.push_back(*column);
            }
            continue;
        }
        auto rowIndex = position(fields[0]);
        if (!rowIndex) {
            error.message = QStringLiteral("line %1: '%2' is not an element of %3")
                                .arg(at + 1).arg(fields[0], block);
            return std::nullopt;
        }
        for (std::size_t k = 0; k < n; ++k) {
            bool ok = true;
            cells[*rowIndex][columnOf[k]] =
                parseJudgement(fields[static_cast<qsizetype>(k + 1)], ok);
            if (!ok) {
                error.message = QStringLiteral("line %1, column %2: '%3' is not a judgement")
                                    .arg(at + 1).arg(k + 2)
                                    .arg(fields[static_cast<qsizetype>(k + 1)]);
                return std::nullopt;
            }
        }
    }

    core::PairwiseMatrix matrix(n, std::vector<double>(n, 1.0));
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (cells[i][j])
                matrix[i][j] = *cells[i][j];
            else if (cells[j][i] && *cells[j][i] != 0)
                matrix[i][j] = 1.0 / *cells[j][i];
            else if (i != j) {
                error.message = QStringLiteral("block %1: no judgement for %2 against %3")
                                    .arg(block, QString::fromStdString(elements[i]),
                                         QString::fromStdString(elements[j]));
                return std::nullopt;
            }
        }
    }
    return matrix;
}

std::optional<core::AhpQuestionnaire> readQuestionnaire(const QString& path, ParseError& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        error.message = file.errorString();
        return std::nullopt;
    }
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    core::AhpQuestionnaire questionnaire;
    questionnaire.source = path.toStdString();
    questionnaire.expert = QFileInfo(path).completeBaseName().toStdString();
    bool haveCategories = false;
    for (qsizetype at = 0; at < lines.size();) {
        const QString line = lines[at].trimmed();
        const QStringList fields = splitRow(line);
        const bool blank = line.isEmpty() || fields.join(QString()).isEmpty();
        if (blank || line.startsWith(QLatin1Char('#'))) {
            ++at;
            continue;
        }
        if (fields[0] == QStringLiteral("expert")) {
            if (fields.size() > 1 && !fields[1].isEmpty())
                questionnaire.expert = fields[1].toStdString();
            ++at;
            continue;
        }
        if (fields[0] != QStringLiteral("block") || fields.size() < 2) {
            error.message = QStringLiteral("line %1: expected 'expert,NAME' or 'block,NAME'")
                                .arg(at + 1);
            return std::nullopt;
        }
        ++at;
        auto matrix = readBlock(lines, at, fields[1], error);
        if (!matrix)
            return std::nullopt;
        if (fields[1] == QStringLiteral("categories")) {
            questionnaire.categories = std::move(*matrix);
            haveCategories = true;
        } else {
            questionnaire.indices[fields[1].toStdString()] = std::move(*matrix);
        }
    }
    if (!haveCategories) {
        error.message = QStringLiteral("no 'block,categories'");
        return std::nullopt;
    }
    return questionnaire;
}

bool writeTemplate(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    QTextStream out(&file);
    out << "# GreenRenew AHP questionnaire (docs/priorities.md). One file per expert.\n"
           "# Each cell: how much more important the ROW element is than the COLUMN element,\n"
           "# Saaty's scale 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme (2,4,6,8\n"
           "# between); 1/3 etc. when the column element is the more important. Fill the cells\n"
           "# above the diagonal; empty cells below it are taken as reciprocals.\n"
           "# 每格：行要素相对列要素的重要程度（Saaty 1-9 标度，倒数表示列更重要）；只填对角线以上。\n"
           "expert,\n";
    for (const std::string& block : core::ahpBlockNames()) {
        const std::vector<std::string> elements = core::ahpBlockElements(block);
        out << "\nblock," << QString::fromStdString(block) << '\n';
        for (const std::string& element : elements)
            out << ',' << QString::fromStdString(element);
        out << '\n';
        for (std::size_t i = 0; i < elements.size(); ++i) {
            out << QString::fromStdString(elements[i]);
            for (std::size_t j = 0; j < elements.size(); ++j)
                out << ',' << (i == j ? "1" : "");
            out << '\n';
        }
    }
    out.flush();
    return file.commit();
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

QJsonObject weightEntry(double value, const QString& unit, const QString& source,
                        const QString& note)
{
    return QJsonObject{{QStringLiteral("value"), value},
                       {QStringLiteral("unit"), unit},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("note"), note}};
}

bool writeWeights(const QString& path, const core::HierarchyWeights& weights,
                  const QStringList& files)
{
    const QString source = QStringLiteral("AHP, principal eigenvector of the element-wise "
                                          "geometric mean of %1 questionnaire(s): %2")
                               .arg(files.size()).arg(files.join(QStringLiteral(", ")));
    QString note = QStringLiteral("aggregate CR:");
    for (const core::AhpBlockResult& block : weights.blocks)
        note += QStringLiteral(" %1 %2").arg(QString::fromStdString(block.block))
                    .arg(block.result.consistencyRatio, 0, 'f', 3);
    QJsonObject parameters;
    for (const auto& [category, weight] : weights.categoryWeight)
        parameters.insert(QStringLiteral("priority.weight.category.")
                              + QString::fromStdString(category),
                          weightEntry(weight, QStringLiteral("AHP weight among the 4 categories"),
                                      source, note));
    for (const auto& [index, weight] : weights.localIndexWeight)
        parameters.insert(QStringLiteral("priority.weight.index.") + QString::fromStdString(index),
                          weightEntry(weight, QStringLiteral("AHP local weight within its "
                                                             "category"), source, note));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("parameters"), parameters}}).toJson());
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
        if (!writeTemplate(path)) {
            std::cerr << "greenrenew-cli: write " << path.toStdString() << " failed\n";
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
        ParseError error;
        auto questionnaire = readQuestionnaire(path, error);
        if (!questionnaire) {
            std::cerr << "greenrenew-cli: read " << path.toStdString() << ": "
                      << error.message.toStdString() << "\n";
            return kExitBadInput;
        }
        auto weights = core::hierarchyWeights(*questionnaire, table);
        if (!weights) {
            std::cerr << "greenrenew-cli: " << weights.error().describe() << "\n";
            return kExitBadInput;
        }
        printConsistency(weights.value(), "expert " + questionnaire->expert + " ("
                                              + path.toStdString() + ")");
        experts.push_back(std::move(*questionnaire));
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
