#include "gis/ahp_questionnaire.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <optional>

namespace greenrenew::gis {

namespace {

core::Error readError(const QString& path, const QString& message)
{
    core::Error error;
    error.operation = "read";
    error.path = path.toStdString();
    error.message = message.toStdString();
    return error;
}

/// A judgement as written: "3", "0.333" or "1/3"; std::nullopt for an empty cell.
std::optional<double> parseJudgement(const QString& cell, bool& ok)
{
    ok = true;
    const QString text = cell.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
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

using JudgementCells = std::vector<std::vector<std::optional<double>>>;

/// Fills the matrix from the written cells; an empty cell takes the reciprocal of its mirror.
std::optional<core::PairwiseMatrix> completeMatrix(const JudgementCells& cells,
                                                   const std::vector<std::string>& elements,
                                                   const QString& block, QString& problem)
{
    const std::size_t n = elements.size();
    core::PairwiseMatrix matrix(n, std::vector<double>(n, 1.0));
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (cells[i][j])
                matrix[i][j] = *cells[i][j];
            else if (cells[j][i] && *cells[j][i] != 0)
                matrix[i][j] = 1.0 / *cells[j][i];
            else if (i != j) {
                problem = QStringLiteral("block %1: no judgement for %2 against %3")
                              .arg(block, QString::fromStdString(elements[i]),
                                   QString::fromStdString(elements[j]));
                return std::nullopt;
            }
        }
    }
    return matrix;
}

/// Reads one block's header and rows from lines[at...], in the order of its header.
std::optional<core::PairwiseMatrix> readBlock(const QStringList& lines, qsizetype& at,
                                              const QString& block, QString& problem)
{
    const std::vector<std::string> elements = core::ahpBlockElements(block.toStdString());
    if (elements.empty()) {
        problem = QStringLiteral("line %1: unknown block '%2'").arg(at).arg(block);
        return std::nullopt;
    }
    const std::size_t n = elements.size();
    auto position = [&](const QString& name) -> std::optional<std::size_t> {
        for (std::size_t k = 0; k < n; ++k)
            if (name == QString::fromStdString(elements[k]))
                return k;
        return std::nullopt;
    };
    JudgementCells cells(n, std::vector<std::optional<double>>(n));
    std::vector<std::size_t> columnOf;
    for (std::size_t row = 0; row <= n; ++row, ++at) {
        if (at >= lines.size()) {
            problem = QStringLiteral("block %1 ends early").arg(block);
            return std::nullopt;
        }
        const QStringList fields = splitRow(lines[at]);
        if (static_cast<std::size_t>(fields.size()) < n + 1) {
            problem = QStringLiteral("line %1: expected %2 cells").arg(at + 1).arg(n + 1);
            return std::nullopt;
        }
        if (row == 0) {  // the header names the columns, first cell empty
            for (qsizetype k = 1; k <= qsizetype(n); ++k) {
                const auto column = position(fields[k]);
                if (!column) {
                    problem = QStringLiteral("line %1: '%2' is not an element of %3")
                                  .arg(at + 1).arg(fields[k], block);
                    return std::nullopt;
                }
                columnOf.push_back(*column);
            }
            continue;
        }
        const auto rowIndex = position(fields[0]);
        if (!rowIndex) {
            problem = QStringLiteral("line %1: '%2' is not an element of %3")
                          .arg(at + 1).arg(fields[0], block);
            return std::nullopt;
        }
        for (std::size_t k = 0; k < n; ++k) {
            bool ok = true;
            const QString& cell = fields[static_cast<qsizetype>(k + 1)];
            cells[*rowIndex][columnOf[k]] = parseJudgement(cell, ok);
            if (!ok) {
                problem = QStringLiteral("line %1, column %2: '%3' is not a judgement")
                              .arg(at + 1).arg(k + 2).arg(cell);
                return std::nullopt;
            }
        }
    }
    return completeMatrix(cells, elements, block, problem);
}

} // namespace

core::Result<core::AhpQuestionnaire> readAhpQuestionnaire(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return readError(path, file.errorString());
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
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
        if (fields[0] != QStringLiteral("block") || fields.size() < 2)
            return readError(path, QStringLiteral("line %1: expected 'expert,NAME' or "
                                                  "'block,NAME'").arg(at + 1));
        ++at;
        QString problem;
        auto matrix = readBlock(lines, at, fields[1], problem);
        if (!matrix)
            return readError(path, problem);
        if (fields[1] == QStringLiteral("categories")) {
            questionnaire.categories = std::move(*matrix);
            haveCategories = true;
        } else {
            questionnaire.indices[fields[1].toStdString()] = std::move(*matrix);
        }
    }
    if (!haveCategories)
        return readError(path, QStringLiteral("no 'block,categories'"));
    return questionnaire;
}

core::Result<bool> writeAhpTemplate(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        core::Error error = readError(path, file.errorString());
        error.operation = "write questionnaire template";
        return error;
    }
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
    if (!file.commit()) {
        core::Error error = readError(path, file.errorString());
        error.operation = "write questionnaire template";
        return error;
    }
    return true;
}

QByteArray ahpWeightsOverrideJson(const core::HierarchyWeights& weights, const QStringList& files)
{
    const QString source = QStringLiteral("AHP, principal eigenvector of the element-wise "
                                          "geometric mean of %1 questionnaire(s): %2")
                               .arg(files.size()).arg(files.join(QStringLiteral(", ")));
    QString note = QStringLiteral("aggregate CR:");
    for (const core::AhpBlockResult& block : weights.blocks)
        note += QStringLiteral(" %1 %2").arg(QString::fromStdString(block.block))
                    .arg(block.result.consistencyRatio, 0, 'f', 3);
    auto entry = [&](double value, const QString& unit) {
        return QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("unit"), unit},
                           {QStringLiteral("source"), source}, {QStringLiteral("note"), note}};
    };
    QJsonObject parameters;
    for (const auto& [category, weight] : weights.categoryWeight)
        parameters.insert(QStringLiteral("priority.weight.category.") +
                              QString::fromStdString(category),
                          entry(weight, QStringLiteral("AHP weight among the 4 categories")));
    for (const auto& [index, weight] : weights.localIndexWeight)
        parameters.insert(QStringLiteral("priority.weight.index.") + QString::fromStdString(index),
                          entry(weight, QStringLiteral("AHP local weight within its category")));
    return QJsonDocument(QJsonObject{{QStringLiteral("parameters"), parameters}}).toJson();
}

} // namespace greenrenew::gis
