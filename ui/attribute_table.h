#pragma once

// The attribute table: one row per parcel with its figures and results, sortable by any
// column (numerically), filtered by a text box, its selection kept in step with the map by
// the main window. With an editing session, the name, renewal type, planned floors and notes
// are edited in place (double-click or F2); each edit is an undoable step of the session.

#include "core/analysis.h"
#include "core/model.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace greenrenew::ui {

class EditSession;
class RenewalTypeDelegate;

class AttributeTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Id, Name, Type, AreaM2, Density, Far, GreenCoverage, WalkScore, TotalT, TPerM2,
        Leading, SeriousCount, Compliance, PriorityRank, PlannedFloors, Notes, ColumnCount
    };
    /// The raw value of a cell (number or text), which sorting uses.
    static constexpr int SortRole = Qt::UserRole;

    explicit AttributeTableModel(QObject* parent = nullptr);

    /// Row i is parcels[i] with analysis.parcels[i]; both are kept alive by the model. The
    /// same parcels changed in place only update the cells. With KEEPROWS (an editor is open)
    /// parcels added or removed since add or remove no rows: each row goes on showing its
    /// parcel, found by id, so the editor stays on the parcel it was opened on; the rows are
    /// out of date until a call without KEEPROWS.
    void setData(std::shared_ptr<const core::Project> project,
                 std::shared_ptr<const core::Analysis> analysis, bool keepRows = false);
    std::shared_ptr<const core::Project> project() const { return m_project; }
    std::shared_ptr<const core::Analysis> analysis() const { return m_analysis; }
    bool rowsOutOfDate() const { return m_rowsOutOfDate; }
    /// Project index of the parcel in ROW, -1 for one removed while the rows were kept.
    int parcelOfRow(int row) const;
    /// Row of the parcel at project index PARCEL, -1 for none.
    int rowOfParcel(int parcel) const;
    void setLanguage(const QString& language);
    /// Edits of the editable cells go to SESSION (whose project the model must show); none
    /// without one.
    void setEditSession(EditSession* session);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// An edit of a cell (Qt::EditRole): passed to the session once the editor is closed.
    bool setData(const QModelIndex& index, const QVariant& value,
                 int role = Qt::EditRole) override;

private:
    bool showsParcelsOf(const core::Project& project) const;
    void mapRowsByIds();
    void emitAllCellsChanged();
    QVariant rawValue(int parcel, int column) const;
    QString displayText(int parcel, int column) const;

    std::shared_ptr<const core::Project> m_project;
    std::shared_ptr<const core::Analysis> m_analysis;
    // What each row shows: the parcel's id, and its index in the project now.
    std::vector<core::FeatureId> m_rowIds;
    std::vector<int> m_rowParcel;
    std::vector<int> m_parcelRow;
    bool m_rowsOutOfDate = false;
    QString m_language = QStringLiteral("zh");
    QPointer<EditSession> m_session;
};

class AttributeTable : public QWidget {
    Q_OBJECT

public:
    explicit AttributeTable(QWidget* parent = nullptr);

    void setData(std::shared_ptr<const core::Project> project,
                 std::shared_ptr<const core::Analysis> analysis);
    void setLanguage(const QString& language);
    /// Makes the name, type, planned floors and notes editable through SESSION.
    void setEditSession(EditSession* session);

    /// Selects the rows of parcels INDICES (project order) without emitting
    /// selectionChanged; CURRENT is scrolled into view.
    void selectParcels(const QList<int>& indices, int current);
    /// Parcels (project order) of the selected rows, ascending.
    QList<int> selectedParcels() const;
    /// Parcel index shown in view row ROW (after sorting and filtering), -1 past the end.
    int parcelAtRow(int row) const;
    /// Rows left by the filter.
    int visibleRows() const;

    QTableView* view() const { return m_view; }
    QLineEdit* filterBox() const { return m_filter; }
    AttributeTableModel* model() const { return m_model; }

signals:
    /// The user changed the selection: INDICES in project order, CURRENT the row last clicked.
    void selectionChanged(const QList<int>& indices, int current);

private:
    bool editing() const;
    void onEditorOpened();
    void onEditorClosed();
    void onSelectionChanged();
    void updateCount();

    AttributeTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    std::function<bool()> m_viewEditing;
    bool m_changedWhileEditing = false;
    QLineEdit* m_filter = nullptr;
    QLabel* m_count = nullptr;
    RenewalTypeDelegate* m_typeDelegate = nullptr;
    bool m_updating = false;
};

} // namespace greenrenew::ui
