#include "ui/scenario_panel.h"

#include "gis/scenario_store.h"
#include "ui/scenario_outcome_table.h"
#include "ui/scenario_plan_editor.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace greenrenew::ui {

namespace {

const QString kLastScenarioDirKey = QStringLiteral("scenarios/lastDir");
constexpr int kListWidth = 220;  // the scenario names; the tables take the rest
constexpr int kRowPadding = 6;    // pixels above and below a table row's text

const std::array<core::Category, 4> kCategories = {core::Category::Construction,
    core::Category::Transport, core::Category::Greening, core::Category::Waste};

QString categoryLabel(core::Category category)
{
    switch (category) {
    case core::Category::Construction: return ScenarioPanel::tr("Construction");
    case core::Category::Transport: return ScenarioPanel::tr("Transport");
    case core::Category::Greening: return ScenarioPanel::tr("Greening");
    case core::Category::Waste: return ScenarioPanel::tr("Waste");
    case core::Category::None: break;
    }
    return {};
}

QTableWidgetItem* numberItem(double tonnes)
{
    auto* item = new QTableWidgetItem(QString::number(tonnes, 'f', 1));
    item->setData(Qt::UserRole, tonnes);  // the unrounded figure, for readers and tests
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

/// The figure of CATEGORY in LEDGER, or the net total for the row after the categories.
double ledgerRow(const core::CarbonLedger& ledger, std::size_t row)
{
    return row < kCategories.size() ? ledger.categoryT(kCategories[row]) : ledger.totalT();
}

/// One edit of one measure of a scenario, by scenario name and position, so it applies to the
/// right plan whichever scenario is shown when it is undone.
class MeasureEditCommand : public QUndoCommand {
public:
    MeasureEditCommand(ScenarioPanel& panel, QString scenario, int row,
                       core::PlannedIntervention before, core::PlannedIntervention after)
        : m_panel(panel), m_scenario(std::move(scenario)), m_row(row),
          m_before(std::move(before)), m_after(std::move(after))
    {
        setText(ScenarioPanel::tr("edit measure %1 of %2").arg(row + 1).arg(m_scenario));
    }
    void redo() override { m_panel.replaceMeasure(m_scenario, m_row, m_after); }
    void undo() override { m_panel.replaceMeasure(m_scenario, m_row, m_before); }

private:
    ScenarioPanel& m_panel;
    QString m_scenario;
    int m_row;
    core::PlannedIntervention m_before;
    core::PlannedIntervention m_after;
};

} // namespace

ScenarioPanel::ScenarioPanel(QWidget* parent)
    : QWidget(parent)
{
    // The list and its buttons on the left leave the dock's height to the tables.
    auto* outer = new QHBoxLayout(this);
    auto* layout = new QVBoxLayout;
    outer->addLayout(layout);
    auto* importButton = new QPushButton(tr("Import scenario file…"), this);
    importButton->setObjectName(QStringLiteral("importScenarioButton"));
    connect(importButton, &QPushButton::clicked, this, &ScenarioPanel::chooseAndImport);
    layout->addWidget(importButton);

    m_list = new QListWidget(this);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setMaximumWidth(kListWidth);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &ScenarioPanel::updateComparison);
    layout->addWidget(m_list);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a01010"));
    m_problem->hide();
    layout->addWidget(m_problem);

    m_undo = new QUndoStack(this);
    auto* undoButton = new QToolButton(this);
    undoButton->setDefaultAction(m_undo->createUndoAction(this, tr("Undo plan edit")));
    auto* redoButton = new QToolButton(this);
    redoButton->setDefaultAction(m_undo->createRedoAction(this, tr("Redo plan edit")));
    auto* undoRow = new QHBoxLayout;
    undoRow->addWidget(undoButton);
    undoRow->addWidget(redoButton);
    undoRow->addStretch(1);
    layout->addLayout(undoRow);

    auto* tabs = new QTabWidget(this);
    auto* comparison = new QSplitter(Qt::Vertical, tabs);
    m_table = new QTableWidget(comparison);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_outcome = new ScenarioOutcomeTable(comparison);
    // Rows at the text's height, so both tables fit a bottom dock of usual height.
    for (QTableWidget* table : {static_cast<QTableWidget*>(m_table),
                                static_cast<QTableWidget*>(m_outcome)})
        table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + kRowPadding);
    tabs->addTab(comparison, tr("Comparison"));
    m_plan = new ScenarioPlanEditor(tabs);
    tabs->addTab(m_plan, tr("Plan"));
    connect(m_plan, &ScenarioPlanEditor::measureEdited, this,
            [this](int row, const core::PlannedIntervention& measure) {
        editMeasure(m_shownPlan, row, measure);
    });
    connect(m_list, &QListWidget::currentTextChanged, this, &ScenarioPanel::showPlan);
    outer->addWidget(tabs, 1);
    updateComparison();
}

void ScenarioPanel::setProject(const QString& projectPath,
                               std::shared_ptr<const core::Analysis> analysis)
{
    m_projectPath = projectPath;
    m_analysis = std::move(analysis);
    m_scenarios.clear();
    m_undo->clear();
    m_problem->hide();
    if (!m_projectPath.isEmpty() && m_projectPath.endsWith(QStringLiteral(".gpkg"),
                                                           Qt::CaseInsensitive)) {
        core::Result<std::vector<core::Scenario>> stored = gis::loadScenarios(m_projectPath);
        if (stored)
            m_scenarios = std::move(stored.value());
        else
            showProblem(QString::fromStdString(stored.error().describe()));
    }
    refreshList();
    // The project's own plans are compared at once; the designer narrows the selection.
    m_list->selectAll();
}

bool ScenarioPanel::importFile(const QString& path)
{
    core::Result<std::vector<core::Scenario>> read = gis::readScenarioFile(path);
    if (!read) {
        showProblem(QString::fromStdString(read.error().describe()));
        return false;
    }
    m_problem->hide();
    std::vector<core::Scenario> scenarios = std::move(read.value());
    if (!m_projectPath.isEmpty()) {
        // Kept in the project so the next session and the batch command see them.
        core::Result<bool> stored = gis::storeScenarios(m_projectPath, scenarios);
        if (!stored)
            showProblem(tr("Imported %1 but could not store it in the project: %2")
                            .arg(QFileInfo(path).fileName(),
                                 QString::fromStdString(stored.error().describe())));
    }
    emit message(tr("Imported %n scenario(s) from %1", nullptr, int(scenarios.size()))
                     .arg(path));
    addScenarios(std::move(scenarios));
    return true;
}

void ScenarioPanel::chooseAndImport()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import scenario file"),
        settings.value(kLastScenarioDirKey).toString(),
        tr("Scenario files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(kLastScenarioDirKey, QFileInfo(path).absolutePath());
    importFile(path);
}

void ScenarioPanel::addScenarios(std::vector<core::Scenario> scenarios)
{
    for (core::Scenario& scenario : scenarios) {
        bool replaced = false;
        for (core::Scenario& known : m_scenarios) {
            if (known.name == scenario.name) {
                known = scenario;  // the store replaces one of the same name too
                replaced = true;
            }
        }
        if (!replaced)
            m_scenarios.push_back(std::move(scenario));
    }
    refreshList();
}

void ScenarioPanel::selectScenarios(const QStringList& names)
{
    m_list->clearSelection();
    for (int row = 0; row < m_list->count(); ++row)
        if (names.contains(m_list->item(row)->text()))
            m_list->item(row)->setSelected(true);
    // The plan shown follows the first scenario selected.
    const QList<QListWidgetItem*> selected = m_list->selectedItems();
    if (!selected.isEmpty() && !selected.contains(m_list->currentItem()))
        m_list->setCurrentItem(selected.front(), QItemSelectionModel::NoUpdate);
}

QStringList ScenarioPanel::scenarioNames() const
{
    QStringList names;
    for (const core::Scenario& scenario : m_scenarios)
        names << QString::fromStdString(scenario.name);
    return names;
}

const core::Scenario* ScenarioPanel::scenario(const QString& name) const
{
    for (const core::Scenario& known : m_scenarios)
        if (QString::fromStdString(known.name) == name)
            return &known;
    return nullptr;
}

bool ScenarioPanel::editMeasure(const QString& name, int row,
                                const core::PlannedIntervention& measure)
{
    const core::Scenario* known = scenario(name);
    if (!known || row < 0 || std::size_t(row) >= known->interventions.size())
        return false;
    m_undo->push(new MeasureEditCommand(*this, name, row,
                                        known->interventions[std::size_t(row)], measure));
    return true;
}

bool ScenarioPanel::replaceMeasure(const QString& name, int row,
                                   const core::PlannedIntervention& measure)
{
    const std::string wanted = name.toStdString();
    auto known = std::find_if(m_scenarios.begin(), m_scenarios.end(),
                              [&](const core::Scenario& s) { return s.name == wanted; });
    if (known == m_scenarios.end() || row < 0 || std::size_t(row) >= known->interventions.size())
        return false;
    known->interventions[std::size_t(row)] = measure;
    if (!m_projectPath.isEmpty()) {
        const core::Result<bool> stored = gis::storeScenariosAtomically(m_projectPath, {*known});
        if (!stored)
            showProblem(tr("The plan edit is shown but not stored in the project: %1")
                            .arg(QString::fromStdString(stored.error().describe())));
    }
    updateComparison();
    if (m_shownPlan == name)
        showPlan(name);
    return true;
}

void ScenarioPanel::showPlan(const QString& name)
{
    m_shownPlan = name;
    m_plan->showScenario(scenario(name), m_analysis.get());
}

QString ScenarioPanel::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ScenarioPanel::refreshList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const core::Scenario& scenario : m_scenarios) {
        auto* item = new QListWidgetItem(QString::fromStdString(scenario.name), m_list);
        item->setToolTip(tr("%n measure(s)", nullptr, int(scenario.interventions.size())) +
                         (scenario.description.empty()
                              ? QString()
                              : QStringLiteral("\n") +
                                    QString::fromStdString(scenario.description)));
    }
    updateComparison();
}

void ScenarioPanel::updateComparison()
{
    std::vector<core::ScenarioEvaluation> evaluations;
    if (m_analysis) {
        for (int row = 0; row < m_list->count(); ++row)
            if (m_list->item(row)->isSelected())
                evaluations.push_back(
                    core::evaluateScenario(m_scenarios[std::size_t(row)], *m_analysis));
    }

    m_table->clear();
    QStringList columns{tr("Baseline")};
    for (const core::ScenarioEvaluation& evaluation : evaluations) {
        const QString name = QString::fromStdString(evaluation.name);
        columns << tr("%1 after").arg(name) << tr("%1 reduction").arg(name);
    }
    QStringList rows;
    for (core::Category category : kCategories)
        rows << categoryLabel(category);
    rows << tr("Net total");
    m_table->setColumnCount(int(columns.size()));
    m_table->setRowCount(int(rows.size()));
    m_table->setHorizontalHeaderLabels(columns);
    m_table->setVerticalHeaderLabels(rows);
    m_table->setToolTip(tr("tCO2e per year; reduction positive = less CO2"));
    m_outcome->showOutcomes(evaluations);
    if (evaluations.empty())
        return;

    for (std::size_t row = 0; row < std::size_t(rows.size()); ++row) {
        m_table->setItem(int(row), 0, numberItem(ledgerRow(evaluations.front().baseline, row)));
        for (std::size_t i = 0; i < evaluations.size(); ++i) {
            m_table->setItem(int(row), reductionColumn(int(i)) - 1,
                             numberItem(ledgerRow(evaluations[i].after, row)));
            m_table->setItem(int(row), reductionColumn(int(i)),
                             numberItem(ledgerRow(evaluations[i].reduction, row)));
        }
    }
    QStringList issues;
    for (const core::ScenarioEvaluation& evaluation : evaluations)
        for (const core::PlanIssue& issue : evaluation.issues)
            issues << tr("%1, measure %2: %3")
                          .arg(QString::fromStdString(evaluation.name))
                          .arg(issue.item + 1)
                          .arg(QString::fromStdString(issue.message));
    if (!issues.isEmpty())
        showProblem(issues.join(QLatin1Char('\n')));
}

void ScenarioPanel::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->show();
    emit message(text);
}

} // namespace greenrenew::ui
