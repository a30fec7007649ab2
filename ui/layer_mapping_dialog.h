#pragma once

// File > Open with Layer Mapping…: the layers of a data set with the role each is read as
// (parcels, buildings, green, streets, facilities or none), the CRS to assume when a .prj is
// missing or wrong, and whether the facility points come from a Chinese web map's offset
// coordinates; below, for each layer given a role, the field that holds each of the role's
// model fields (floors, renewal type, ...) where detection finds none or the wrong one. What
// the designer sets is remembered for that data set and used whenever it
// is opened again, from the dialog, the recent list or the command line.

#include "gis/dataset_reader.h"

#include <QDialog>
#include <QMap>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace greenrenew::ui {

/// The options remembered for the data set at PATH (none: detection as usual).
gis::ImportOptions rememberedImportOptions(const QString& path);
/// Remembers OPTIONS' roles, fields, source CRS and facility offset for the data set at PATH.
void rememberImportOptions(const QString& path, const gis::ImportOptions& options);

class LayerMappingDialog : public QDialog {
    Q_OBJECT

public:
    /// Lists the layers of PATH under OPTIONS (the remembered ones, usually).
    LayerMappingDialog(const QString& path, const gis::ImportOptions& options,
                       QWidget* parent = nullptr);

    /// The roles, fields, CRS and offset as set in the dialog.
    gis::ImportOptions options() const;
    /// Why the data set cannot be opened as set ("" when it can).
    QString problem() const;

    /// Sets the role of the layer named LAYER (tests and keyboard users).
    void setRole(const QString& layer, const QString& role);
    /// Sets the source FIELD of model field KEY for ROLE; empty: detect (tests, keyboard).
    void setField(const QString& role, const QString& key, const QString& field);

private:
    void updateProblem();
    /// The fields table again for the roles as now chosen, keeping the fields chosen so far.
    void rebuildFields();
    /// The fields chosen in the table, by role and model field key.
    QMap<QString, QMap<QString, QString>> chosenFields() const;

    QString m_path;
    gis::ImportOptions m_base;
    QTableWidget* m_table = nullptr;
    QTableWidget* m_fields = nullptr;
    QMap<QString, QStringList> m_layerFields;  // layer name -> its attribute fields
    QMap<QString, QMap<QString, QString>> m_fieldChoice;  // kept while roles change
    QLineEdit* m_sourceCrs = nullptr;
    QComboBox* m_offset = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_open = nullptr;
};

} // namespace greenrenew::ui
