#pragma once

// The parcel inspector: every figure the analysis computed for one parcel, grouped by stage
// (form and compliance, walking gaps, carbon ledger, index ratings, interventions). With an
// editing session the name, renewal type, planned floors and notes are edited in place
// (double-click the value, or F2 on the row); each edit is an undoable step of the session.

#include "core/analysis.h"
#include "core/model.h"

#include <QPointer>
#include <QTreeWidget>

namespace greenrenew::ui {

class EditSession;
class RenewalTypeDelegate;

class ParcelInspector : public QTreeWidget {
    Q_OBJECT

public:
    explicit ParcelInspector(QWidget* parent = nullptr);

    /// Shows parcel INDEX of PROJECT with its results in ANALYSIS (project parcel order); an
    /// index out of range clears the view. Both must outlive nothing: the text is copied.
    /// While an editor is open its row stays as it is, with what was typed, and the rest is
    /// brought up to date around it, for the parcel the editor was opened on.
    void showParcel(const core::Project& project, const core::Analysis& analysis, int index);
    void showNothing();
    /// Edits of the parcel's attributes go to SESSION, whose project the inspector shows.
    void setEditSession(EditSession* session);
    /// Opens the editor of the row with KEY ("name", "renewal_type", "planned_floors",
    /// "notes"); false when the row is missing or cannot be edited.
    bool editRow(const QString& key);

    /// Text shown for the row with KEY (e.g. "area_m2", "far", "gaps_5min"), empty if absent.
    QString valueText(const QString& key) const;
    /// Label shown for the row with KEY (e.g. "rating_walk_life_circle"), empty if absent.
    QString labelText(const QString& key) const;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QTreeWidgetItem* findRow(const QString& key) const;
    void onItemChanged(QTreeWidgetItem* item, int column);
    QString columnText(const QString& key, int column) const;
    bool editing() const { return state() == EditingState; }
    void refreshAroundEditor(const core::Project& project, const core::Analysis& analysis,
                             int index);
    void addParcelRows(QTreeWidgetItem* section, const core::Parcel& parcel);
    void addFigureSections(const core::Project& project, const core::Analysis& analysis,
                           int index);
    QTreeWidgetItem* addSection(const QString& title);
    QTreeWidgetItem* addRow(QTreeWidgetItem* section, const QString& key, const QString& label,
                            const QString& value);
    void addFormRows(const core::FormMetrics& form);
    void addWalkRows(const core::Project& project, const core::WalkAccess& walk);
    void addCarbonRows(const core::Project& project, const core::CarbonAssessment& carbon);
    void addAttributeRows(QTreeWidgetItem* section, const core::Parcel& parcel);

    QPointer<EditSession> m_session;
    RenewalTypeDelegate* m_typeDelegate = nullptr;
    // The parcel shown, by id: edits go to it wherever other edits move it in the project.
    core::FeatureId m_parcelId = -1;
    bool m_filling = false;
};

} // namespace greenrenew::ui
