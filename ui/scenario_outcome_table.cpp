#include "ui/scenario_outcome_table.h"

#include <QHeaderView>

#include <array>

namespace greenrenew::ui {

namespace {

QTableWidgetItem* countItem(std::size_t count)
{
    auto* item = new QTableWidgetItem(QString::number(count));
    item->setData(Qt::UserRole, qulonglong(count));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ScenarioOutcomeTable::ScenarioOutcomeTable(QWidget* parent) : QTableWidget(parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setToolTip(tr("On the parcels each scenario touches: index ratings, planning controls "
                  "failed and facility gaps (circle and type) before and after"));
    showOutcomes({});
}

void ScenarioOutcomeTable::showOutcomes(
    const std::vector<core::ScenarioEvaluation>& evaluations)
{
    clear();
    setRowCount(RowCount);
    setVerticalHeaderLabels({tr("Indices serious"), tr("Indices medium"), tr("Indices slight"),
                             tr("Indices not assessed"), tr("Controls failed"),
                             tr("Facility gaps"), tr("Facility gaps closed")});
    QStringList columns;
    for (const core::ScenarioEvaluation& evaluation : evaluations) {
        const QString name = QString::fromStdString(evaluation.name);
        columns << tr("%1 before (%n parcel(s))", nullptr,
                      int(evaluation.outcome.parcels.size())).arg(name)
                << tr("%1 after").arg(name);
    }
    setColumnCount(int(columns.size()));
    setHorizontalHeaderLabels(columns);
    for (std::size_t i = 0; i < evaluations.size(); ++i) {
        const core::ScenarioOutcome& o = evaluations[i].outcome;
        const std::array<std::size_t, GapsClosedRow> before{
            o.ratingsBefore.serious, o.ratingsBefore.medium, o.ratingsBefore.slight,
            o.ratingsBefore.notAssessed, o.complianceFailedBefore, o.gapsBefore};
        const std::array<std::size_t, GapsClosedRow> after{
            o.ratingsAfter.serious, o.ratingsAfter.medium, o.ratingsAfter.slight,
            o.ratingsAfter.notAssessed, o.complianceFailedAfter, o.gapsAfter};
        for (int row = 0; row < GapsClosedRow; ++row) {
            setItem(row, beforeColumn(int(i)), countItem(before[std::size_t(row)]));
            setItem(row, afterColumn(int(i)), countItem(after[std::size_t(row)]));
        }
        setItem(GapsClosedRow, afterColumn(int(i)), countItem(o.gapsClosed()));
    }
}

} // namespace greenrenew::ui
