#pragma once

// Edit > Editing Rules…: what the designer may change about the editing tools' defaults (issue
// 9) - whether parcels may overlap (the check then reports and never refuses) or an overlap is
// cut back to the neighbours, the overlap and sliver tolerances, where a merged parcel takes
// its renewal type and name from, and which attributes split in proportion to area. The rules
// are kept in QSettings, so they hold for every project until changed.

#include "core/parcel_edit.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace greenrenew::ui {

/// The rules kept in the settings, over the defaults of core::TopologyRules and AttributeRules.
void readEditingRules(core::TopologyRules& topology, core::AttributeRules& attributes);
/// Keeps the rules in the settings.
void rememberEditingRules(const core::TopologyRules& topology,
                          const core::AttributeRules& attributes);

class EditingRulesDialog : public QDialog {
    Q_OBJECT

public:
    EditingRulesDialog(const core::TopologyRules& topology,
                       const core::AttributeRules& attributes, QWidget* parent = nullptr);

    /// Writes the rules as set in the dialog into TOPOLOGY and ATTRIBUTES.
    void apply(core::TopologyRules& topology, core::AttributeRules& attributes) const;

private:
    QCheckBox* m_allowOverlaps = nullptr;
    QCheckBox* m_repairOverlaps = nullptr;
    QDoubleSpinBox* m_overlapTolerance = nullptr;
    QDoubleSpinBox* m_sliverArea = nullptr;
    QComboBox* m_mergeType = nullptr;
    QLineEdit* m_proportional = nullptr;
};

} // namespace greenrenew::ui
