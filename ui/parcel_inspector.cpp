#include "ui/parcel_inspector.h"

#include "core/parcel_attributes.h"
#include "ui/edit_commands.h"
#include "ui/renewal_type_delegate.h"
#include "ui/render/map_renderer.h"
#include "ui/render/map_theme.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QMetaObject>
#include <QStringList>

namespace greenrenew::ui {

namespace {

constexpr int kKeyRole = Qt::UserRole;
// The value an editor starts from (the stable type name rather than the label shown).
constexpr int kEditValueRole = Qt::UserRole + 1;
// The text shown before an edit, put back when the edit is refused.
constexpr int kShownRole = Qt::UserRole + 2;

std::optional<core::ParcelField> fieldOfKey(const QString& key)
{
    if (key == QLatin1String("name"))
        return core::ParcelField::Name;
    if (key == QLatin1String("renewal_type"))
        return core::ParcelField::Type;
    if (key == QLatin1String("planned_floors"))
        return core::ParcelField::PlannedFloors;
    if (key == QLatin1String("notes"))
        return core::ParcelField::Notes;
    return std::nullopt;
}
constexpr int kLabelColumnPx = 190;

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

/// Renewal type on screen in Chinese (names agreed in DESIGN.md) and English.
QString renewalTypeText(core::RenewalType type)
{
    switch (type) {
    case core::RenewalType::Residential:
        return QStringLiteral("老旧居住区 / Old residential area");
    case core::RenewalType::Commercial:
        return QStringLiteral("旧商业区 / Old commercial area");
    case core::RenewalType::Factory:
        return QStringLiteral("旧厂区 / Old factory area");
    case core::RenewalType::HistoricBlock:
        return QStringLiteral("历史街区 / Historic block");
    }
    return {};
}

QString ratingText(core::Rating rating)
{
    switch (rating) {
    case core::Rating::Serious:
        return QStringLiteral("严重 / serious");
    case core::Rating::Medium:
        return QStringLiteral("中等 / medium");
    case core::Rating::Slight:
        return QStringLiteral("轻微 / slight");
    case core::Rating::NotAssessed:
        return QStringLiteral("未评估 / not assessed");
    }
    return {};
}

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString percent(double share)
{
    return QStringLiteral("%1 %").arg(number(share * 100, 1));
}

/// "min" or "max" of a compliance check in the interface language.
QString boundText(const core::ComplianceCheck& check)
{
    if (check.bound == "min")
        return ParcelInspector::tr("min");
    if (check.bound == "max")
        return ParcelInspector::tr("max");
    return fromStd(check.bound);
}

/// "FAR max" for figure "far", bound "max": the compliance figures named as on screen, in the
/// interface language (marked for lupdate here, translated when shown).
QString complianceLabel(const core::ComplianceCheck& check)
{
    static const std::pair<const char*, const char*> kFigures[] = {
        {"far", QT_TRANSLATE_NOOP("greenrenew::ui::ParcelInspector", "FAR")},
        {"building_density",
         QT_TRANSLATE_NOOP("greenrenew::ui::ParcelInspector", "Building density")},
        {"green_coverage", QT_TRANSLATE_NOOP("greenrenew::ui::ParcelInspector", "Green coverage")},
        {"height", QT_TRANSLATE_NOOP("greenrenew::ui::ParcelInspector", "Height")}};
    QString figure = fromStd(check.figure);
    for (const auto& [id, label] : kFigures) {
        if (check.figure == id)
            figure = ParcelInspector::tr(label);
    }
    return QStringLiteral("%1 %2").arg(figure, boundText(check));
}

/// An index as on the map legend and in the report (render::indexLabel), in both languages
/// like every other label of the inspector.
QString indexText(const std::string& index)
{
    return QStringLiteral("%1 %2").arg(render::indexLabel(index, QStringLiteral("zh")),
                                      render::indexLabel(index, QStringLiteral("en")));
}

QString facilityTypeText(const core::Project& project, const std::string& id)
{
    for (const core::FacilityType& type : project.config.facilityTypes) {
        if (type.id == id)
            return QStringLiteral("%1 %2").arg(fromStd(type.nameZh), fromStd(type.nameEn));
    }
    return fromStd(id);
}

QString techniqueText(const core::Project& project, const core::Intervention& measure)
{
    if (!measure.nameZh.empty() || !measure.nameEn.empty())
        return QStringLiteral("%1 %2").arg(fromStd(measure.nameZh), fromStd(measure.nameEn))
            .trimmed();
    for (const core::InterventionSpec& spec : project.config.interventions) {
        if (spec.technique == measure.technique)
            return QStringLiteral("%1 %2").arg(fromStd(spec.nameZh), fromStd(spec.nameEn));
    }
    return fromStd(measure.technique);
}

} // namespace

ParcelInspector::ParcelInspector(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Figure"), tr("Value")});
    setRootIsDecorated(true);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setWordWrap(false);
    // Labels are short; a fixed first column keeps the values in view whatever their length.
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    header()->resizeSection(0, kLabelColumnPx);
    header()->setStretchLastSection(true);
    // Only the value column is edited, and only through editRow(): a double-click on a label
    // must not open an editor over it.
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_typeDelegate = new RenewalTypeDelegate(kEditValueRole, this);
    m_typeDelegate->restrictToKey(kKeyRole, QStringLiteral("renewal_type"));
    setItemDelegateForColumn(1, m_typeDelegate);
    connect(this, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        editRow(item->data(0, kKeyRole).toString());
    });
    connect(this, &QTreeWidget::itemChanged, this, &ParcelInspector::onItemChanged);
    showNothing();
}

void ParcelInspector::setEditSession(EditSession* session)
{
    m_session = session;
}

QTreeWidgetItem* ParcelInspector::findRow(const QString& key) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem* section = topLevelItem(i);
        for (int j = 0; j < section->childCount(); ++j) {
            if (section->child(j)->data(0, kKeyRole).toString() == key)
                return section->child(j);
        }
    }
    return nullptr;
}

bool ParcelInspector::editRow(const QString& key)
{
    QTreeWidgetItem* row = findRow(key);
    if (!row || !(row->flags() & Qt::ItemIsEditable))
        return false;
    setCurrentItem(row, 1);
    editItem(row, 1);
    return true;
}

void ParcelInspector::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_F2 && currentItem()
        && editRow(currentItem()->data(0, kKeyRole).toString()))
        return;
    QTreeWidget::keyPressEvent(event);
}

void ParcelInspector::onItemChanged(QTreeWidgetItem* item, int column)
{
    const auto field = fieldOfKey(item->data(0, kKeyRole).toString());
    if (m_filling || column != 1 || !field || !m_session)
        return;
    const QString text = item->text(1);
    // The edit rebuilds this view (the figures change), which must not happen inside the
    // item's own change signal: the step is taken once control is back.
    // It goes to the parcel the editor was opened on, wherever edits meanwhile moved it.
    QMetaObject::invokeMethod(
        this, [this, field, text, id = m_parcelId, key = item->data(0, kKeyRole).toString()] {
            if (m_session && m_session->setFieldOf(id, *field, text))
                return;
            // Refused or unchanged: the row shows the value again, not what was typed.
            if (QTreeWidgetItem* row = findRow(key)) {
                m_filling = true;
                row->setText(1, row->data(1, kShownRole).toString());
                m_filling = false;
            }
        },
        Qt::QueuedConnection);
}

void ParcelInspector::showNothing()
{
    m_parcelId = -1;
    clear();
    auto* hint = new QTreeWidgetItem(this, {tr("Click a parcel on the map.")});
    hint->setFirstColumnSpanned(true);
}

QTreeWidgetItem* ParcelInspector::addSection(const QString& title)
{
    auto* section = new QTreeWidgetItem(this, {title});
    QFont bold = section->font(0);
    bold.setBold(true);
    section->setFont(0, bold);
    section->setFirstColumnSpanned(true);
    section->setExpanded(true);
    return section;
}

QTreeWidgetItem* ParcelInspector::addRow(QTreeWidgetItem* section, const QString& key,
                                         const QString& label, const QString& value)
{
    auto* row = new QTreeWidgetItem(section, {label, value});
    row->setData(0, kKeyRole, key);
    row->setToolTip(1, value);
    return row;
}

QString ParcelInspector::valueText(const QString& key) const
{
    return columnText(key, 1);
}

QString ParcelInspector::labelText(const QString& key) const
{
    return columnText(key, 0);
}

QString ParcelInspector::columnText(const QString& key, int column) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem* section = topLevelItem(i);
        for (int j = 0; j < section->childCount(); ++j) {
            if (section->child(j)->data(0, kKeyRole).toString() == key)
                return section->child(j)->text(column);
        }
    }
    return {};
}

void ParcelInspector::showParcel(const core::Project& project, const core::Analysis& analysis,
                                 int index)
{
    if (editing()) {
        // Rebuilding the view would close the editor and drop what is being typed: an edit
        // (the district's figures after one, a team edit) only updates the rows around it.
        for (std::size_t i = 0; i < project.parcels.size(); ++i) {
            if (project.parcels[i].id == m_parcelId) {
                refreshAroundEditor(project, analysis, static_cast<int>(i));
                return;
            }
        }
        // The parcel is gone: the editor stays, and committing it says the parcel was removed.
        return;
    }
    if (index < 0 || index >= static_cast<int>(project.parcels.size())) {
        showNothing();
        return;
    }
    m_filling = true;
    clear();
    const core::Parcel& parcel = project.parcels[static_cast<std::size_t>(index)];
    m_parcelId = parcel.id;
    addParcelRows(addSection(tr("Parcel")), parcel);
    m_filling = false;
    addFigureSections(project, analysis, index);
}

namespace {

QString rowKey(const QTreeWidgetItem* row)
{
    return row->data(0, kKeyRole).toString();
}

bool hasRow(const QTreeWidgetItem* section, const QString& key)
{
    for (int i = 0; i < section->childCount(); ++i) {
        if (rowKey(section->child(i)) == key)
            return true;
    }
    return false;
}

/// ROW shows what WANT does: texts, tips, colours, edit values and flags.
void copyRow(QTreeWidgetItem* row, const QTreeWidgetItem* want)
{
    for (int column = 0; column < want->columnCount(); ++column) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::ForegroundRole),
                         kEditValueRole, kShownRole})
            row->setData(column, role, want->data(column, role));
    }
    row->setFlags(want->flags());
}

/// Makes the rows of SHOWN those of FRESH (same keys, same order), leaving EDITED, the row
/// with the open editor, as it is. Rows come in a fixed order, some of them optional, so the
/// rows shown are always in the order of FRESH.
void syncRows(QTreeWidgetItem* shown, const QTreeWidgetItem* fresh, const QTreeWidgetItem* edited)
{
    for (int i = shown->childCount() - 1; i >= 0; --i) {
        if (shown->child(i) != edited && !hasRow(fresh, rowKey(shown->child(i))))
            delete shown->takeChild(i);
    }
    for (int i = 0; i < fresh->childCount(); ++i) {
        const QTreeWidgetItem* want = fresh->child(i);
        QTreeWidgetItem* row = i < shown->childCount() ? shown->child(i) : nullptr;
        if (!row || rowKey(row) != rowKey(want))
            shown->insertChild(i, want->clone());
        else if (row != edited)
            copyRow(row, want);
    }
}

} // namespace

void ParcelInspector::refreshAroundEditor(const core::Project& project,
                                          const core::Analysis& analysis, int index)
{
    // Every editable row is in the first section: the figure sections after it are rebuilt,
    // its rows updated in place but for the one being edited.
    m_filling = true;
    while (topLevelItemCount() > 1)
        delete takeTopLevelItem(topLevelItemCount() - 1);
    QTreeWidgetItem fresh;
    addParcelRows(&fresh, project.parcels[static_cast<std::size_t>(index)]);
    if (QTreeWidgetItem* section = topLevelItem(0))
        syncRows(section, &fresh, currentItem());
    m_filling = false;
    addFigureSections(project, analysis, index);
    // Expanding the new sections leaves the view's state at rest although the editor is still
    // open; the next update would then take the view for idle and rebuild it.
    setState(EditingState);
}

void ParcelInspector::addParcelRows(QTreeWidgetItem* section, const core::Parcel& parcel)
{
    addRow(section, QStringLiteral("parcel_id"), tr("Id"), QString::number(parcel.id));
    addAttributeRows(section, parcel);
}

void ParcelInspector::addFigureSections(const core::Project& project,
                                        const core::Analysis& analysis, int index)
{
    if (index >= static_cast<int>(analysis.parcels.size()))
        return;
    const core::ParcelResult& result = analysis.parcels[static_cast<std::size_t>(index)];
    addFormRows(result.form);
    addWalkRows(project, result.walk);
    addCarbonRows(project, result.carbon);

    QTreeWidgetItem* priority = addSection(tr("Priority"));
    addRow(priority, QStringLiteral("priority_score"), tr("Score"),
           number(result.priorityScore, 3));
    addRow(priority, QStringLiteral("priority_rank"), tr("Rank"),
           QString::number(result.priorityRank));
}

void ParcelInspector::addAttributeRows(QTreeWidgetItem* section, const core::Parcel& parcel)
{
    const auto editable = [this, &parcel](QTreeWidgetItem* row, core::ParcelField field) {
        row->setData(1, kEditValueRole, fromStd(core::fieldText(parcel, field)));
        row->setData(1, kShownRole, row->text(1));
        if (m_session)
            row->setFlags(row->flags() | Qt::ItemIsEditable);
    };
    editable(addRow(section, QStringLiteral("name"), tr("Name"), fromStd(parcel.name)),
             core::ParcelField::Name);
    editable(addRow(section, QStringLiteral("renewal_type"), tr("Renewal type"),
                    renewalTypeText(parcel.type)),
             core::ParcelField::Type);
    if (!parcel.typeReason.empty())
        addRow(section, QStringLiteral("type_reason"), tr("Why this type"),
               fromStd(parcel.typeReason));
    const QString floors = fromStd(core::fieldText(parcel, core::ParcelField::PlannedFloors));
    QTreeWidgetItem* floorsRow =
        addRow(section, QStringLiteral("planned_floors"), tr("Planned floors"), floors);
    if (floors.isEmpty())
        floorsRow->setToolTip(1, tr("Not set: the buildings' floors come from the data. "
                                    "Double-click to plan them."));
    editable(floorsRow, core::ParcelField::PlannedFloors);
    editable(addRow(section, QStringLiteral("notes"), tr("Notes"),
                    fromStd(core::fieldText(parcel, core::ParcelField::Notes))),
             core::ParcelField::Notes);
}

void ParcelInspector::addFormRows(const core::FormMetrics& form)
{
    QTreeWidgetItem* section = addSection(tr("Form"));
    addRow(section, QStringLiteral("area_m2"), tr("Area"),
           QStringLiteral("%1 m²").arg(number(form.areaM2, 0)));
    addRow(section, QStringLiteral("building_density"), tr("Building density"),
           percent(form.buildingDensity));
    addRow(section, QStringLiteral("far"), tr("Floor area ratio"), number(form.far, 2));
    addRow(section, QStringLiteral("green_coverage"), tr("Green coverage"),
           percent(form.greenCoverage));
    addRow(section, QStringLiteral("building_count"), tr("Buildings"),
           tr("%1 (%2 with floors estimated)")
               .arg(form.buildingCount)
               .arg(form.floorsEstimated));
    addRow(section, QStringLiteral("mean_floors"), tr("Mean floors"), number(form.meanFloors, 1));
    if (!form.heightClass.empty())
        addRow(section, QStringLiteral("height_class"), tr("Height class"),
               fromStd(form.heightClass));

    if (form.compliance.empty())
        return;
    QTreeWidgetItem* checks = addSection(tr("Compliance"));
    for (const core::ComplianceCheck& check : form.compliance) {
        const QString key = QStringLiteral("%1_%2").arg(fromStd(check.figure),
                                                        fromStd(check.bound));
        const QString verdict = check.ok ? tr("ok") : tr("fails");
        const QString text = tr("%1 (%2 %3; %4)")
                                 .arg(number(check.value, 3), boundText(check),
                                      number(check.limit, 3), verdict);
        QTreeWidgetItem* row = addRow(checks, key, complianceLabel(check), text);
        if (!check.source.empty())
            row->setToolTip(0, fromStd(check.source));
        if (!check.ok)
            row->setForeground(1, QColor(0xb0, 0x20, 0x20));
    }
}

void ParcelInspector::addWalkRows(const core::Project& project, const core::WalkAccess& walk)
{
    QTreeWidgetItem* section = addSection(tr("Walking life circles"));
    addRow(section, QStringLiteral("walk_score"), tr("Coverage score"), number(walk.walkScore, 2));
    if (!walk.connected)
        addRow(section, QStringLiteral("connected"), tr("Network"),
               tr("not connected to the walkable streets"));
    for (const core::LifeCircle& circle : project.config.lifeCircles) {
        QStringList missing;
        const auto gaps = walk.gaps.find(circle.id);
        if (gaps != walk.gaps.end()) {
            for (const std::string& type : gaps->second)
                missing << facilityTypeText(project, type);
        }
        const QString id = fromStd(circle.id);
        addRow(section, QStringLiteral("gaps_") + id, tr("Gaps within %1").arg(id),
               missing.isEmpty() ? tr("none") : missing.join(QStringLiteral(", ")));
    }
}

void ParcelInspector::addCarbonRows(const core::Project& project,
                                    const core::CarbonAssessment& carbon)
{
    const QString zh = QStringLiteral("zh");
    const QString en = QStringLiteral("en");
    QTreeWidgetItem* ledger = addSection(tr("Carbon ledger, tCO2e/yr"));
    addRow(ledger, QStringLiteral("leading_category"), tr("Leading category"),
           QStringLiteral("%1 %2").arg(render::categoryLabel(carbon.leading, zh),
                                      render::categoryLabel(carbon.leading, en)));
    const std::pair<core::Category, double> entries[] = {
        {core::Category::Construction, carbon.ledger.constructionT},
        {core::Category::Transport, carbon.ledger.transportT},
        {core::Category::Greening, carbon.ledger.greeningT},
        {core::Category::Waste, carbon.ledger.wasteT}};
    for (const auto& [category, tonnes] : entries) {
        const QString name = QString::fromUtf8(core::categoryName(category));
        addRow(ledger, QStringLiteral("co2_%1_t").arg(name),
               QStringLiteral("%1 %2").arg(render::categoryLabel(category, zh),
                                          render::categoryLabel(category, en)),
               number(tonnes, 1));
    }
    addRow(ledger, QStringLiteral("co2_total_t"), tr("Total"), number(carbon.ledger.totalT(), 1));

    QTreeWidgetItem* ratings = addSection(tr("Index ratings"));
    for (const core::IndexRating& rating : carbon.ratings) {
        QString text = ratingText(rating.rating);
        if (rating.rating != core::Rating::NotAssessed)
            text += QStringLiteral(" (%1)").arg(
                QStringLiteral("%1 %2").arg(number(rating.proxy, 2), fromStd(rating.proxyUnit))
                    .trimmed());
        QTreeWidgetItem* row = addRow(ratings, QStringLiteral("rating_") + fromStd(rating.index),
                                      indexText(rating.index), text);
        row->setToolTip(1, fromStd(rating.reason));
    }

    QTreeWidgetItem* measures = addSection(tr("Suggested interventions"));
    if (carbon.interventions.empty())
        addRow(measures, QStringLiteral("interventions"), tr("None"), QString());
    for (const core::Intervention& measure : carbon.interventions) {
        // Technique names run long in both languages, so they go to the wide value column
        // and the label is the index the intervention answers.
        const QString text = tr("%1: %2 %3, saves %4 tCO2e/yr (%5 confidence)")
                                 .arg(techniqueText(project, measure),
                                      number(measure.quantity, 0), fromStd(measure.unit),
                                      number(measure.effectTPerYear, 2),
                                      fromStd(measure.confidence));
        QTreeWidgetItem* row =
            addRow(measures, QStringLiteral("intervention_") + fromStd(measure.technique),
                   indexText(measure.index), text);
        if (!measure.basis.empty())
            row->setToolTip(1, text + QStringLiteral("\n") + fromStd(measure.basis));
    }
}

} // namespace greenrenew::ui
