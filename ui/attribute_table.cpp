#include "ui/attribute_table.h"

#include "core/parcel_attributes.h"
#include "ui/edit_commands.h"
#include "ui/renewal_type_delegate.h"
#include "ui/render/map_renderer.h"
#include "ui/render/theme.h"

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

} // namespace

AttributeTableModel::AttributeTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AttributeTableModel::setData(std::shared_ptr<const core::Project> project,
                                  std::shared_ptr<const core::Analysis> analysis)
{
    const int rows = project ? static_cast<int>(project->parcels.size()) : 0;
    if (project == m_project && analysis == m_analysis && rows == m_rows && rows > 0) {
        // The same parcels changed in place (an attribute edit, the district's figures after
        // an edit): a reset would close an editor the designer has open in another row and
        // drop what they typed, so the cells are only told to show their new values.
        emit dataChanged(index(0, Name), index(rows - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_project = std::move(project);
    m_analysis = std::move(analysis);
    m_rows = rows;
    endResetModel();
}

void AttributeTableModel::setLanguage(const QString& language)
{
    beginResetModel();
    m_language = language;
    endResetModel();
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const
{
    // The count as of the last setData(): the parcels may change before the model is told.
    return parent.isValid() ? 0 : m_rows;
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttributeTableModel::rawValue(int row, int column) const
{
    const core::Parcel& parcel = m_project->parcels[static_cast<std::size_t>(row)];
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
    if (!m_analysis || row >= static_cast<int>(m_analysis->parcels.size()))
        return {};
    const core::ParcelResult& result = m_analysis->parcels[static_cast<std::size_t>(row)];
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

QString AttributeTableModel::displayText(int row, int column) const
{
    const QVariant value = rawValue(row, column);
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
    if (!index.isValid() || !m_project || index.row() >= rowCount()
        || index.row() >= static_cast<int>(m_project->parcels.size()))
        return {};
    switch (role) {
    case Qt::DisplayRole: return displayText(index.row(), index.column());
    case Qt::EditRole: {
        const auto field = editableField(index.column());
        if (!field)
            return displayText(index.row(), index.column());
        // What the editor starts from and what it gives back: the stable type name, the
        // floors as typed (no thousands separators).
        const core::Parcel& parcel = m_project->parcels[static_cast<std::size_t>(index.row())];
        return QString::fromStdString(core::fieldText(parcel, *field));
    }
    case SortRole: return rawValue(index.row(), index.column());
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
    if (m_session && editableField(index.column()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool AttributeTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const auto field = editableField(index.column());
    if (role != Qt::EditRole || !m_session || !field || !index.isValid())
        return false;
    // The edit resets this model (the parcels changed), which must not happen while the view
    // is still closing the editor that sent it: the step is taken once control is back.
    const int row = index.row();
    const QString text = value.toString();
    QMetaObject::invokeMethod(
        m_session.data(), [session = m_session, row, field, text] {
            if (session)
                session->setField(row, *field, text);
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

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AttributeTableModel::Id, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
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
    m_model->setData(std::move(project), std::move(analysis));
    m_updating = false;
    m_view->resizeColumnsToContents();
    updateCount();
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
        const QModelIndex row = m_proxy->mapFromSource(m_model->index(parcel, 0));
        if (row.isValid())
            selection.select(row, row.siblingAtColumn(AttributeTableModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    const QModelIndex currentRow = m_proxy->mapFromSource(m_model->index(current, 0));
    // Moving the current cell closes the editor open on it: when the map's selection comes
    // back after an edit (the district's figures followed), the row is already current and
    // what the designer is typing in another of its cells must stay.
    if (currentRow.isValid() && m_view->currentIndex().row() != currentRow.row()) {
        m_view->selectionModel()->setCurrentIndex(currentRow, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(currentRow);
    }
    m_updating = false;
}

QList<int> AttributeTable::selectedParcels() const
{
    QList<int> parcels;
    for (const QModelIndex& row : m_view->selectionModel()->selectedRows())
        parcels.push_back(m_proxy->mapToSource(row).row());
    std::sort(parcels.begin(), parcels.end());
    return parcels;
}

int AttributeTable::parcelAtRow(int row) const
{
    const QModelIndex index = m_proxy->index(row, 0);
    return index.isValid() ? m_proxy->mapToSource(index).row() : -1;
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
    const int currentParcel = current.isValid() ? m_proxy->mapToSource(current).row() : -1;
    emit selectionChanged(selectedParcels(), currentParcel);
}

void AttributeTable::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

} // namespace greenrenew::ui
