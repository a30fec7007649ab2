#pragma once

// Beside the ledger comparison of the Scenarios dock (issue 7): for each selected scenario, on
// the parcels it touches, the index ratings by band, the compliance checks failed and the
// facility gaps, before and after (core/scenario_outcome.h), and the gaps closed.

#include "core/scenario.h"

#include <QTableWidget>

#include <vector>

namespace greenrenew::ui {

class ScenarioOutcomeTable : public QTableWidget {
    Q_OBJECT

public:
    explicit ScenarioOutcomeTable(QWidget* parent = nullptr);

    /// One "before" and one "after" column per evaluation; empty clears the table.
    void showOutcomes(const std::vector<core::ScenarioEvaluation>& evaluations);

    enum Row {
        SeriousRow,
        MediumRow,
        SlightRow,
        NotAssessedRow,
        ComplianceFailedRow,
        FacilityGapsRow,
        GapsClosedRow,
        RowCount
    };
    static int beforeColumn(int selectedIndex) { return 2 * selectedIndex; }
    static int afterColumn(int selectedIndex) { return 2 * selectedIndex + 1; }
};

} // namespace greenrenew::ui
