#include "ui/attribute_table.h"

#include "core/parcel_attributes.h"
#include "ui/edit_commands.h"
#include "ui/renewal_type_delegate.h"
#include "ui/render/map_renderer.h"
#include "ui/render/theme.h"
#include "ui/typed_text_delegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMetaObject>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace greenrenew::ui {

namespace {

bool allCompliant(const core::FormMetrics& form)
{
    return std::all_of(form.compliance.begin(), form.compliance.end(),
                       [](const core::ComplianceCheck& check) { return check.ok; });
}

int seriousCount(const core::CarbonAssessment& carbon)
{
    return static_cast<int>(std::count_if(
        carbon.ratings.begin(), carbon.ratings.end(),
        [](const core::IndexRating& rating) { return rating.rating == core::Rating::Serious; }));
}

std::optional<core::ParcelField> editableField(int column)
{
    switch (column) {
    case AttributeTableModel::Name: return core::ParcelField::Name;
    case AttributeTableModel::Type: return core::ParcelField::Type;
    case AttributeTableModel::PlannedFloors: return core::ParcelField::PlannedFloors;
    case AttributeTableModel::Notes: return core::ParcelField::Notes;
    default: return std::nullopt;
    }
}

/// The table's view, telling when an editor opens and closes: while one is open, changes of
/// the parcels must leave its row where it is.
class EditingTableView : public QTableView {
public:
    using QTableView::QTableView;
    using QTableView::edit;

    bool editing() const { return state() == EditingState; }

    std::function<void()> editorOpened;
    std::function<void()> editorClosed;

protected:
    bool edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) override
    {
        const bool wasEditing = editing();
        const bool opened = QTableView::edit(index, trigger, event);
        if (opened && !wasEditing && editing() && editorOpened)
            editorOpened();
        return opened;
    }

    void closeEditor(QWidget* editor, QAbstractItemDelegate::EndEditHint hint) override
    {
        QTableView::closeEditor(editor, hint);
        if (!editing() && editorClosed)
            editorClosed();
    }
};

} // namespace

AttributeTableModel::AttributeTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AttributeTableModel::setData(std::shared_ptr<const core::Project> project,
                                  std::shared_ptr<const core::Analysis> analysis, bool keepRows)
{
    const bool sameObjects = project && project == m_project && analysis == m_analysis;
    if (sameObjects && showsParcelsOf(*project)) {
        // The same parcels changed in place (an attribute edit, the district's figures after
        // an edit): a reset would close an editor the designer has open and drop what they
        // typed, so the cells are only told to show their new values.
        mapRowsByIds();
        m_rowsOutOfDate = false;
        emitAllCellsChanged();
        return;
    }
    if (sameObjects && keepRows && !m_rowIds.empty()) {
        mapRowsByIds();
        m_rowsOutOfDate = true;
        emitAllCellsChanged();
        return;
    }
    beginResetModel();
    m_project = std::move(project);
    m_analysis = std::move(analysis);
    m_rowIds.clear();
    if (m_project) {
        for (const core::Parcel& parcel : m_project->parcels)
            m_rowIds.push_back(parcel.id);
    }
    mapRowsByIds();
    m_rowsOutOfDate = false;
    endResetModel();
}

bool AttributeTableModel::showsParcelsOf(const core::Project& project) const
{
    return std::equal(m_rowIds.begin(), m_rowIds.end(), project.parcels.begin(),
                      project.parcels.end(), [](core::FeatureId id, const core::Parcel& parcel) {
                          return id == parcel.id;
                      });
}

void AttributeTableModel::mapRowsByIds()
{
    const std::size_t count = m_project ? m_project->parcels.size() : 0;
    std::unordered_map<core::FeatureId, int> indexOfId;
    indexOfId.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        indexOfId.emplace(m_project->parcels[i].id, static_cast<int>(i));
    m_rowParcel.assign(m_rowIds.size(), -1);
    m_parcelRow.assign(count, -1);
    for (std::size_t row = 0; row < m_rowIds.size(); ++row) {
        const auto found = indexOfId.find(m_rowIds[row]);
        if (found == indexOfId.end())
            continue;
        m_rowParcel[row] = found->second;
        m_parcelRow[static_cast<std::size_t>(found->second)] = static_cast<int>(row);
    }
}

void AttributeTableModel::emitAllCellsChanged()
{
    if (!m_rowIds.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int AttributeTableModel::parcelOfRow(int row) const
{
    return row >= 0 && row < rowCount() ? m_rowParcel[static_cast<std::size_t>(row)] : -1;
}

int AttributeTableModel::rowOfParcel(int parcel) const
{
    return parcel >= 0 && parcel < static_cast<int>(m_parcelRow.size())
        ? m_parcelRow[static_cast<std::size_t>(parcel)]
        : -1;
}

void AttributeTableModel::setLanguage(const QString& language)
{
    // Labels only: the rows stay, and so does an editor open on one of them.
    m_language = language;
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    emitAllCellsChanged();
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const
{
    // The rows as of the last setData(): the parcels may change before the model is told.
    return parent.isValid() ? 0 : static_cast<int>(m_rowIds.size());
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttributeTableModel::rawValue(int parcelIndex, int column) const
{
    const core::Parcel& parcel = m_project->parcels[static_cast<std::size_t>(parcelIndex)];
    switch (column) {
    case Id: return QVariant::fromValue<qlonglong>(parcel.id);
    case Name: return QString::fromStdString(parcel.name);
    case Type: return render::renewalTypeLabel(parcel.type, m_language);
    case PlannedFloors: {
        const auto floors = core::plannedFloors(parcel);
        return floors ? QVariant(*floors) : QVariant();
    }
    case Notes: return QString::fromStdString(core::fieldText(parcel, core::ParcelField::Notes));
    default: break;
    }
    if (!m_analysis || parcelIndex >= static_cast<int>(m_analysis->parcels.size()))
        return {};
    const core::ParcelResult& result =
        m_analysis->parcels[static_cast<std::size_t>(parcelIndex)];
    switch (column) {
    case AreaM2: return result.form.areaM2;
    case Density: return result.form.buildingDensity;
    case Far: return result.form.far;
    case GreenCoverage: return result.form.greenCoverage;
    case WalkScore: return result.walk.walkScore;
    case TotalT: return result.carbon.ledger.totalT();
    case TPerM2: {
        const auto value = render::metricValue(render::ThemeMetric::TPerM2, result);
        return value ? QVariant(*value) : QVariant();
    }
    case Leading: return render::categoryLabel(result.carbon.leading, m_language);
    case SeriousCount: return seriousCount(result.carbon);
    case Compliance:
        if (result.form.compliance.empty())
            return {};
        // Sorts the failing parcels first (0) in ascending order.
        return allCompliant(result.form) ? 1 : 0;
    case PriorityRank:
        return result.priorityRank > 0 ? QVariant(result.priorityRank) : QVariant();
    default: return {};
    }
}

QString AttributeTableModel::displayText(int parcel, int column) const
{
    const QVariant value = rawValue(parcel, column);
    if (!value.isValid())
        return {};
    const QLocale locale;
    switch (column) {
    case AreaM2: return locale.toString(value.toDouble(), 'f', 0);
    case Density:
    case GreenCoverage:
    case WalkScore: return locale.toString(value.toDouble() * 100, 'f', 1) + QStringLiteral(" %");
    case Far: return locale.toString(value.toDouble(), 'f', 2);
    case PlannedFloors: return locale.toString(value.toDouble());
    case TotalT: return locale.toString(value.toDouble(), 'f', 1);
    case TPerM2: return locale.toString(value.toDouble(), 'f', 4);
    case Compliance:
        return value.toInt() == 1
            ? render::pick(m_language, QStringLiteral("符合"), QStringLiteral("Meets"))
            : render::pick(m_language, QStringLiteral("不符合"), QStringLiteral("Fails"));
    case Id:
        return QString::number(value.toLongLong());
    default: return value.toString();
    }
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const
{
    const int parcel = parcelOfRow(index.row());
    if (!index.isValid() || !m_project || parcel >= static_cast<int>(m_project->parcels.size()))
        return {};
    if (parcel < 0) {
        // Removed while an editor was open elsewhere in the table: the row goes at its close.
        if (index.column() == Id && (role == Qt::DisplayRole || role == SortRole))
            return QVariant::fromValue<qlonglong>(m_rowIds[static_cast<std::size_t>(index.row())]);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole: return displayText(parcel, index.column());
    case Qt::EditRole: {
        const auto field = editableField(index.column());
        if (!field)
            return displayText(parcel, index.column());
        // What the editor starts from and what it gives back: the stable type name, the
        // floors as typed (no thousands separators).
        return QString::fromStdString(
            core::fieldText(m_project->parcels[static_cast<std::size_t>(parcel)], *field));
    }
    case SortRole: return rawValue(parcel, index.column());
    case Qt::TextAlignmentRole: {
        const int column = index.column();
        const bool text = column == Name || column == Type || column == Leading
            || column == Compliance || column == Notes;
        return QVariant::fromValue<int>(Qt::AlignVCenter
                                        | (text ? Qt::AlignLeft : Qt::AlignRight));
    }
    default: return {};
    }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation,
                                         int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto pick = [this](const char* zh, const char* en) {
        return render::pick(m_language, QString::fromUtf8(zh), QString::fromUtf8(en));
    };
    switch (section) {
    case Id: return QStringLiteral("ID");
    case Name: return pick("名称", "Name");
    case Type: return pick("更新类型", "Renewal type");
    case AreaM2: return pick("面积 m²", "Area m²");
    case Density: return pick("建筑密度", "Density");
    case Far: return pick("容积率", "FAR");
    case GreenCoverage: return pick("绿地率", "Green");
    case WalkScore: return pick("步行得分", "Walk score");
    case TotalT: return pick("tCO₂e/年", "tCO₂e/yr");
    case TPerM2: return pick("tCO₂e/m²·年", "tCO₂e/m²·yr");
    case Leading: return pick("主导碳源", "Leading source");
    case SeriousCount: return pick("严重项", "Serious");
    case Compliance: return pick("形态控制", "Controls");
    case PriorityRank: return pick("优先序", "Priority");
    case PlannedFloors: return pick("规划层数", "Planned floors");
    case Notes: return pick("备注", "Notes");
    default: return {};
    }
}

void AttributeTableModel::setEditSession(EditSession* session)
{
    m_session = session;
}

Qt::ItemFlags AttributeTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (m_session && editableField(index.column()) && parcelOfRow(index.row()) >= 0)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool AttributeTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const auto field = editableField(index.column());
    if (role != Qt::EditRole || !m_session || !field || !index.isValid()
        || index.row() >= rowCount())
        return false;
    // The edit updates this model, which must not happen while the view is still closing the
    // editor that sent it: the step is taken once control is back, on the parcel the editor
    // was opened on, wherever parcels added or removed meanwhile have moved it.
    const core::FeatureId id = m_rowIds[static_cast<std::size_t>(index.row())];
    const QString text = value.toString();
    QMetaObject::invokeMethod(
        m_session.data(), [session = m_session, id, field, text] {
            if (session)
                session->setFieldOf(id, *field, text);
        },
        Qt::QueuedConnection);
    return true;
}

AttributeTable::AttributeTable(QWidget* parent) : QWidget(parent)
{
    m_model = new AttributeTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AttributeTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);  // every column: ids, names, types, categories
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by any text (id, name, type, source)…"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel(this);

    auto* view = new EditingTableView(this);
    view->editorOpened = [this] { onEditorOpened(); };
    view->editorClosed = [this] { onEditorClosed(); };
    m_viewEditing = [view] { return view->editing(); };
    m_view = view;
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AttributeTableModel::Id, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setItemDelegate(new TypedTextDelegate(this));
    m_typeDelegate = new RenewalTypeDelegate(Qt::EditRole, this);
    m_view->setItemDelegateForColumn(AttributeTableModel::Type, m_typeDelegate);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        updateCount();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AttributeTable::onSelectionChanged);
    updateCount();
}

void AttributeTable::setData(std::shared_ptr<const core::Project> project,
                             std::shared_ptr<const core::Analysis> analysis)
{
    m_updating = true;
    m_model->setData(std::move(project), std::move(analysis), editing());
    m_updating = false;
    if (editing())
        m_changedWhileEditing = true;
    else
        m_view->resizeColumnsToContents();
    updateCount();
}

bool AttributeTable::editing() const
{
    return m_viewEditing && m_viewEditing();
}

void AttributeTable::onEditorOpened()
{
    // Rows are neither moved by the sort nor dropped by the filter under the editor while the
    // figures change (a district update, a team edit); they are once it is closed.
    m_proxy->setDynamicSortFilter(false);
}

void AttributeTable::onEditorClosed()
{
    m_proxy->setDynamicSortFilter(true);
    if (!m_changedWhileEditing)
        return;
    // After the view is done closing the editor: the rows catch up with parcels added or
    // removed meanwhile, keeping the selection, then sort and filter see the new figures.
    // (Tab opens the next editor at once: then they wait for that one to close.)
    QMetaObject::invokeMethod(
        this, [this] {
            if (editing() || !m_changedWhileEditing)
                return;
            m_changedWhileEditing = false;
            if (m_model->rowsOutOfDate()) {
                const QModelIndex current =
                    m_proxy->mapToSource(m_view->selectionModel()->currentIndex());
                const int currentParcel = m_model->parcelOfRow(current.row());
                const QList<int> selected = selectedParcels();
                m_updating = true;
                m_model->setData(m_model->project(), m_model->analysis());
                m_updating = false;
                selectParcels(selected, currentParcel);
            }
            m_proxy->invalidate();
            m_view->resizeColumnsToContents();
            updateCount();
        },
        Qt::QueuedConnection);
}

void AttributeTable::setEditSession(EditSession* session)
{
    m_model->setEditSession(session);
}

void AttributeTable::setLanguage(const QString& language)
{
    m_typeDelegate->setLanguage(language);
    m_updating = true;
    m_model->setLanguage(language);
    m_updating = false;
}

void AttributeTable::selectParcels(const QList<int>& indices, int current)
{
    m_updating = true;
    QItemSelection selection;
    for (int parcel : indices) {
        const QModelIndex row =
            m_proxy->mapFromSource(m_model->index(m_model->rowOfParcel(parcel), 0));
        if (row.isValid())
            selection.select(row, row.siblingAtColumn(AttributeTableModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    const QModelIndex currentRow =
        m_proxy->mapFromSource(m_model->index(m_model->rowOfParcel(current), 0));
    // Moving the current cell closes the editor open on it: when the map's selection comes
    // back after an edit (the district's figures followed, parcels added or removed shifting
    // the map's selection) what the designer is typing must stay where it is.
    if (currentRow.isValid() && !editing()
        && m_view->currentIndex().row() != currentRow.row()) {
        m_view->selectionModel()->setCurrentIndex(currentRow, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(currentRow);
    }
    m_updating = false;
}

QList<int> AttributeTable::selectedParcels() const
{
    QList<int> parcels;
    for (const QModelIndex& row : m_view->selectionModel()->selectedRows()) {
        const int parcel = m_model->parcelOfRow(m_proxy->mapToSource(row).row());
        if (parcel >= 0)
            parcels.push_back(parcel);
    }
    std::sort(parcels.begin(), parcels.end());
    return parcels;
}

int AttributeTable::parcelAtRow(int row) const
{
    const QModelIndex index = m_proxy->index(row, 0);
    return index.isValid() ? m_model->parcelOfRow(m_proxy->mapToSource(index).row()) : -1;
}

int AttributeTable::visibleRows() const
{
    return m_proxy->rowCount();
}

void AttributeTable::onSelectionChanged()
{
    if (m_updating)
        return;
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const int currentParcel =
        current.isValid() ? m_model->parcelOfRow(m_proxy->mapToSource(current).row()) : -1;
    emit selectionChanged(selectedParcels(), currentParcel);
}

void AttributeTable::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

} // namespace greenrenew::ui
