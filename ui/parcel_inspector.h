#pragma once

// The parcel inspector: every figure the analysis computed for one parcel, grouped by stage
// (form and compliance, walking gaps, carbon ledger, index ratings, interventions).

#include "core/analysis.h"
#include "core/model.h"

#include <QTreeWidget>

namespace greenrenew::ui {

class ParcelInspector : public QTreeWidget {
    Q_OBJECT

public:
    explicit ParcelInspector(QWidget* parent = nullptr);

    /// Shows parcel INDEX of PROJECT with its results in ANALYSIS (project parcel order); an
    /// index out of range clears the view. Both must outlive nothing: the text is copied.
    void showParcel(const core::Project& project, const core::Analysis& analysis, int index);
    void showNothing();

    /// Text shown for the row with KEY (e.g. "area_m2", "far", "gaps_5min"), empty if absent.
    QString valueText(const QString& key) const;
    /// Label shown for the row with KEY (e.g. "rating_walk_life_circle"), empty if absent.
    QString labelText(const QString& key) const;

private:
    QString columnText(const QString& key, int column) const;
    QTreeWidgetItem* addSection(const QString& title);
    QTreeWidgetItem* addRow(QTreeWidgetItem* section, const QString& key, const QString& label,
                            const QString& value);
    void addFormRows(const core::FormMetrics& form);
    void addWalkRows(const core::Project& project, const core::WalkAccess& walk);
    void addCarbonRows(const core::Project& project, const core::CarbonAssessment& carbon);
};

} // namespace greenrenew::ui
