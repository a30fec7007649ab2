#include "ui/scenario_plan_editor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace greenrenew::ui {

namespace {

constexpr core::Party kParties[] = {core::Party::Government, core::Party::Enterprise,
                                    core::Party::Residents, core::Party::Shared};
constexpr core::PlanStatus kStatuses[] = {core::PlanStatus::Proposed, core::PlanStatus::Approved,
                                          core::PlanStatus::UnderWay, core::PlanStatus::Done};

constexpr core::CostClass kCosts[] = {core::CostClass::Low, core::CostClass::Medium,
                                      core::CostClass::High};

QString costLabel(core::CostClass cost)
{
    switch (cost) {
    case core::CostClass::Low: return ScenarioPlanEditor::tr("low");
    case core::CostClass::Medium: return ScenarioPlanEditor::tr("medium");
    case core::CostClass::High: return ScenarioPlanEditor::tr("high");
    }
    return {};
}

QString partyLabel(core::Party party)
{
    switch (party) {
    case core::Party::Government: return ScenarioPlanEditor::tr("government");
    case core::Party::Enterprise: return ScenarioPlanEditor::tr("enterprise");
    case core::Party::Residents: return ScenarioPlanEditor::tr("residents");
    case core::Party::Shared: return ScenarioPlanEditor::tr("shared");
    }
    return {};
}

QString statusLabel(core::PlanStatus status)
{
    switch (status) {
    case core::PlanStatus::Proposed: return ScenarioPlanEditor::tr("proposed");
    case core::PlanStatus::Approved: return ScenarioPlanEditor::tr("approved");
    case core::PlanStatus::UnderWay: return ScenarioPlanEditor::tr("under way");
    case core::PlanStatus::Done: return ScenarioPlanEditor::tr("done");
    }
    return {};
}

QTableWidgetItem* fixedItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QTableWidgetItem* countItem(std::size_t count)
{
    auto* item = fixedItem(QString::number(count));
    item->setData(Qt::UserRole, qulonglong(count));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidgetItem* tonnesItem(double tonnes)
{
    auto* item = fixedItem(QLocale().toString(tonnes, 'f', 1));
    item->setData(Qt::UserRole, tonnes);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

/// A combo box in a table cell listing VALUES by LABEL, showing CURRENT.
template <typename Value, std::size_t N, typename Label>
QComboBox* valueCombo(const Value (&values)[N], Value current, Label label)
{
    auto* combo = new QComboBox;
    for (std::size_t i = 0; i < N; ++i) {
        combo->addItem(label(values[i]), int(i));
        if (values[i] == current)
            combo->setCurrentIndex(int(i));
    }
    return combo;
}

} // namespace

ScenarioPlanEditor::ScenarioPlanEditor(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* left = new QVBoxLayout;
    m_title = new QLabel(this);
    left->addWidget(m_title);
    m_measures = new QTableWidget(this);
    m_measures->setColumnCount(8);
    m_measures->setHorizontalHeaderLabels({tr("Parcel"), tr("Technique"), tr("Quantity"),
                                           tr("Phase"), tr("Year"), tr("Party"), tr("Status"),
                                           tr("Cost")});
    m_measures->verticalHeader()->hide();
    m_measures->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_measures->setToolTip(
        tr("Phase and year: double-click to edit; party, status and cost class: pick"));
    // Queued: the dock answers an edit by showing the plan again, which replaces the cells and
    // combo boxes; they must not be deleted while they are still emitting.
    connect(m_measures, &QTableWidget::cellChanged, this, &ScenarioPlanEditor::onItemChanged,
            Qt::QueuedConnection);
    left->addWidget(m_measures, 1);
    layout->addLayout(left, 3);

    auto* right = new QVBoxLayout;
    m_path = new QTableWidget(this);
    m_path->setColumnCount(3);
    m_path->setHorizontalHeaderLabels({tr("Year"), tr("Planned"), tr("Done")});
    m_path->verticalHeader()->hide();
    m_path->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_path->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_path->setToolTip(tr("Reduction in force at the end of each year, tCO2e per year"));
    right->addWidget(m_path, 1);
    m_phases = new QTableWidget(this);
    m_phases->setColumnCount(kPhaseColumnCount);
    m_phases->setHorizontalHeaderLabels(
        {tr("Phase"), tr("Years"), tr("Measures"), tr("Government"), tr("Enterprise"),
         tr("Residents"), tr("Shared"), tr("Proposed"), tr("Approved"), tr("Under way"),
         tr("Done"), tr("Reduction")});
    m_phases->verticalHeader()->hide();
    m_phases->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_phases->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_phases->setToolTip(tr("Measures per phase by party and by status, and their reduction "
                            "in tCO2e per year"));
    right->addWidget(m_phases, 1);
    layout->addLayout(right, 2);
    showScenario(nullptr, nullptr);
}

void ScenarioPlanEditor::showScenario(const core::Scenario* scenario,
                                      const core::Analysis* analysis)
{
    m_scenario = scenario ? *scenario : core::Scenario{};
    m_title->setText(scenario ? tr("Plan of %1").arg(QString::fromStdString(scenario->name))
                              : tr("Select a scenario to see and edit its plan"));
    fillMeasures();
    const core::ScenarioEvaluation evaluation =
        scenario && analysis ? core::evaluateScenario(*scenario, *analysis)
                             : core::ScenarioEvaluation{};
    fillPath(evaluation);
    fillPhases(evaluation);
}

void ScenarioPlanEditor::fillMeasures()
{
    m_measures->setRowCount(int(m_scenario.interventions.size()));
    for (int row = 0; row < m_measures->rowCount(); ++row) {
        const core::PlannedIntervention& measure = m_scenario.interventions[std::size_t(row)];
        m_measures->setItem(row, kParcelColumn, fixedItem(QString::number(measure.parcelId)));
        m_measures->setItem(row, kTechniqueColumn,
                            fixedItem(QString::fromStdString(measure.technique)));
        m_measures->setItem(row, kQuantityColumn,
                            fixedItem(QLocale().toString(measure.quantity, 'g', 6)));
        m_measures->setItem(row, kPhaseColumn,
                            new QTableWidgetItem(QString::fromStdString(measure.phase)));
        m_measures->setItem(row, kYearColumn, new QTableWidgetItem(
            measure.year > 0 ? QString::number(measure.year) : QString()));
        QComboBox* party = valueCombo(kParties, measure.party, partyLabel);
        QComboBox* status = valueCombo(kStatuses, measure.status, statusLabel);
        m_measures->setCellWidget(row, kPartyColumn, party);
        m_measures->setCellWidget(row, kStatusColumn, status);
        QComboBox* cost = valueCombo(kCosts, measure.cost, costLabel);
        m_measures->setCellWidget(row, kCostColumn, cost);
        connect(cost, &QComboBox::currentIndexChanged, this, [this, row](int index) {
            core::PlannedIntervention changed = m_scenario.interventions[std::size_t(row)];
            changed.cost = kCosts[index];
            emit measureEdited(row, changed);
        }, Qt::QueuedConnection);
        connect(party, &QComboBox::currentIndexChanged, this, [this, row](int index) {
            core::PlannedIntervention changed = m_scenario.interventions[std::size_t(row)];
            changed.party = kParties[index];
            emit measureEdited(row, changed);
        }, Qt::QueuedConnection);
        connect(status, &QComboBox::currentIndexChanged, this, [this, row](int index) {
            core::PlannedIntervention changed = m_scenario.interventions[std::size_t(row)];
            changed.status = kStatuses[index];
            emit measureEdited(row, changed);
        }, Qt::QueuedConnection);
    }
}

void ScenarioPlanEditor::fillPath(const core::ScenarioEvaluation& evaluation)
{
    m_path->setRowCount(int(evaluation.path.size()));
    for (int row = 0; row < m_path->rowCount(); ++row) {
        const core::YearStep& step = evaluation.path[std::size_t(row)];
        m_path->setItem(row, 0, fixedItem(QString::number(step.year)));
        m_path->setItem(row, kPathPlannedColumn, tonnesItem(step.plannedT));
        m_path->setItem(row, kPathDoneColumn, tonnesItem(step.doneT));
    }
}

void ScenarioPlanEditor::fillPhases(const core::ScenarioEvaluation& evaluation)
{
    m_phases->setRowCount(int(evaluation.phases.size()));
    for (int row = 0; row < m_phases->rowCount(); ++row) {
        const core::PhaseRow& phase = evaluation.phases[std::size_t(row)];
        m_phases->setItem(row, 0, fixedItem(QString::fromStdString(phase.phase)));
        const QString years = phase.firstYear == 0 ? QString()
            : phase.firstYear == phase.lastYear
                ? QString::number(phase.firstYear)
                : QStringLiteral("%1–%2").arg(phase.firstYear).arg(phase.lastYear);
        m_phases->setItem(row, 1, fixedItem(years));
        m_phases->setItem(row, kPhaseCountColumn, countItem(phase.count));
        int column = kPhaseCountColumn + 1;
        for (core::Party party : kParties) {
            const auto found = phase.byParty.find(party);
            m_phases->setItem(row, column++,
                              countItem(found == phase.byParty.end() ? 0 : found->second));
        }
        for (core::PlanStatus status : kStatuses) {
            const auto found = phase.byStatus.find(status);
            m_phases->setItem(row, column++,
                              countItem(found == phase.byStatus.end() ? 0 : found->second));
        }
        m_phases->setItem(row, kPhaseReductionColumn, tonnesItem(phase.reductionT));
    }
}

void ScenarioPlanEditor::onItemChanged(int row, int column)
{
    if (row < 0 || std::size_t(row) >= m_scenario.interventions.size() ||
        !m_measures->item(row, column))
        return;
    core::PlannedIntervention changed = m_scenario.interventions[std::size_t(row)];
    const QString text = m_measures->item(row, column)->text().trimmed();
    if (column == kPhaseColumn) {
        changed.phase = text.toStdString();
    } else if (column == kYearColumn) {
        bool ok = text.isEmpty();
        const int year = text.isEmpty() ? 0 : text.toInt(&ok);
        if (!ok || year < 0) {
            // Not a year: the cell goes back to the stored value.
            fillMeasures();
            return;
        }
        changed.year = year;
    } else {
        return;
    }
    const core::PlannedIntervention& stored = m_scenario.interventions[std::size_t(row)];
    if (changed.phase == stored.phase && changed.year == stored.year)
        return;  // the cell was filled, not edited
    emit measureEdited(row, changed);
}

} // namespace greenrenew::ui
