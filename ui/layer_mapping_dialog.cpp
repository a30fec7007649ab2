#include "ui/layer_mapping_dialog.h"

#include "gis/field_detection.h"
#include "gis/postgis_connection.h"
#include "gis/web_map_offset_option.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace greenrenew::ui {

namespace {

enum Column { kLayer, kFile, kGeometry, kFeatures, kRole, kColumns };
enum FieldColumn { kFieldRole, kFieldModel, kFieldSource, kFieldColumns };

/// One settings group per data set, keyed by its absolute path (slashes are separators in
/// QSettings keys, so the path is hex-encoded).
QString settingsGroup(const QString& path)
{
    const QString key = gis::isPgInput(path) ? path : QFileInfo(path).absoluteFilePath();
    return QStringLiteral("layerMapping/") + QString::fromLatin1(key.toUtf8().toHex());
}

QString roleLabel(const QString& role)
{
    if (role == QLatin1String("parcels"))
        return LayerMappingDialog::tr("Parcels");
    if (role == QLatin1String("buildings"))
        return LayerMappingDialog::tr("Buildings");
    if (role == QLatin1String("green"))
        return LayerMappingDialog::tr("Green spaces");
    if (role == QLatin1String("streets"))
        return LayerMappingDialog::tr("Streets");
    if (role == QLatin1String("facilities"))
        return LayerMappingDialog::tr("Daily facilities");
    return LayerMappingDialog::tr("Not used");
}

QString modelFieldLabel(const QString& key)
{
    if (key == QLatin1String("parcel_id"))
        return LayerMappingDialog::tr("Parcel id");
    if (key == QLatin1String("parcel_code"))
        return LayerMappingDialog::tr("Parcel code (DKBH)");
    if (key == QLatin1String("name"))
        return LayerMappingDialog::tr("Name");
    if (key == QLatin1String("renewal_type"))
        return LayerMappingDialog::tr("Renewal type");
    if (key == QLatin1String("floors"))
        return LayerMappingDialog::tr("Floors");
    if (key == QLatin1String("height"))
        return LayerMappingDialog::tr("Height (m)");
    if (key == QLatin1String("building_use"))
        return LayerMappingDialog::tr("Building use");
    if (key == QLatin1String("green_kind"))
        return LayerMappingDialog::tr("Kind of green space");
    if (key == QLatin1String("highway"))
        return LayerMappingDialog::tr("Street class (highway)");
    if (key == QLatin1String("walkable"))
        return LayerMappingDialog::tr("Walkable (yes/no)");
    if (key == QLatin1String("foot"))
        return LayerMappingDialog::tr("Foot access (foot)");
    if (key == QLatin1String("facility_category"))
        return LayerMappingDialog::tr("Facility category");
    if (key == QLatin1String("facility_tag"))
        return LayerMappingDialog::tr("OpenStreetMap tag");
    return key;
}

} // namespace

gis::ImportOptions rememberedImportOptions(const QString& path)
{
    gis::ImportOptions options;
    QSettings settings;
    settings.beginGroup(settingsGroup(path));
    for (const char* role : gis::kRoles) {
        const QString layer = settings.value(QStringLiteral("role/") + QLatin1String(role))
                                  .toString();
        if (!layer.isEmpty())
            options.layerForRole[QLatin1String(role)] = layer;
    }
    for (const char* role : gis::kRoles)
        for (const gis::ModelField& field : gis::modelFieldsOf(QLatin1String(role))) {
            const QString source = settings.value(QStringLiteral("field/%1/%2")
                                                      .arg(QLatin1String(role),
                                                           QLatin1String(field.key)))
                                       .toString();
            if (!source.isEmpty())
                options.fieldsForRole[QLatin1String(role)][QLatin1String(field.key)] = source;
        }
    options.sourceCrs = settings.value(QStringLiteral("sourceCrs")).toString();
    options.facilityOffset =
        gis::parseWebMapOffset(settings.value(QStringLiteral("facilityOffset")).toString())
            .value_or(core::WebMapOffset::None);
    return options;
}

void rememberImportOptions(const QString& path, const gis::ImportOptions& options)
{
    QSettings settings;
    settings.remove(settingsGroup(path));
    settings.beginGroup(settingsGroup(path));
    for (auto role = options.layerForRole.cbegin(); role != options.layerForRole.cend(); ++role)
        settings.setValue(QStringLiteral("role/") + role.key(), role.value());
    for (auto role = options.fieldsForRole.cbegin(); role != options.fieldsForRole.cend(); ++role)
        for (auto field = role.value().cbegin(); field != role.value().cend(); ++field)
            settings.setValue(QStringLiteral("field/%1/%2").arg(role.key(), field.key()),
                              field.value());
    if (!options.sourceCrs.isEmpty())
        settings.setValue(QStringLiteral("sourceCrs"), options.sourceCrs);
    if (options.facilityOffset != core::WebMapOffset::None)
        settings.setValue(QStringLiteral("facilityOffset"),
                          gis::webMapOffsetName(options.facilityOffset));
}

LayerMappingDialog::LayerMappingDialog(const QString& path, const gis::ImportOptions& options,
                                       QWidget* parent)
    : QDialog(parent), m_path(path), m_base(options), m_fieldChoice(options.fieldsForRole)
{
    setWindowTitle(tr("Layer mapping – %1").arg(QFileInfo(path).fileName()));
    m_table = new QTableWidget(0, kColumns, this);
    m_table->setObjectName(QStringLiteral("layers"));
    m_table->setHorizontalHeaderLabels(
        {tr("Layer"), tr("File"), tr("Geometry"), tr("Features"), tr("Read as")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields = new QTableWidget(0, kFieldColumns, this);
    m_fields->setObjectName(QStringLiteral("fields"));
    m_fields->setHorizontalHeaderLabels({tr("Role"), tr("Model field"), tr("Read from field")});
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);

    auto listed = gis::listLayers(path, options);
    if (!listed) {
        m_problem->setText(QString::fromStdString(listed.error().describe()));
    } else {
        for (const gis::LayerListing& layer : listed.value()) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, kLayer, new QTableWidgetItem(layer.name));
            m_layerFields[layer.name] = layer.fields;
            m_table->setItem(row, kFile, new QTableWidgetItem(layer.fileName));
            m_table->setItem(row, kGeometry, new QTableWidgetItem(layer.geometryType));
            m_table->setItem(row, kFeatures,
                             new QTableWidgetItem(QLocale().toString(layer.features)));
            auto* role = new QComboBox(m_table);
            role->addItem(roleLabel({}), QString());
            for (const char* name : gis::kRoles)
                role->addItem(roleLabel(QLatin1String(name)), QLatin1String(name));
            role->setCurrentIndex(std::max(0, role->findData(layer.role)));
            connect(role, &QComboBox::currentIndexChanged, this,
                    &LayerMappingDialog::updateProblem);
            m_table->setCellWidget(row, kRole, role);
        }
    }

    m_sourceCrs = new QLineEdit(options.sourceCrs, this);
    m_sourceCrs->setObjectName(QStringLiteral("sourceCrs"));
    m_sourceCrs->setPlaceholderText(tr("as the data declares it, e.g. EPSG:4547"));
    m_offset = new QComboBox(this);
    m_offset->setObjectName(QStringLiteral("facilityOffset"));
    m_offset->addItem(tr("WGS 84 / CGCS2000 (no offset)"),
                      gis::webMapOffsetName(core::WebMapOffset::None));
    m_offset->addItem(tr("GCJ-02 (Amap, Tencent)"),
                      gis::webMapOffsetName(core::WebMapOffset::Gcj02));
    m_offset->addItem(tr("BD-09 (Baidu)"), gis::webMapOffsetName(core::WebMapOffset::Bd09));
    m_offset->setCurrentIndex(
        std::max(0, m_offset->findData(gis::webMapOffsetName(options.facilityOffset))));

    auto* form = new QFormLayout;
    form->addRow(tr("CRS of the data"), m_sourceCrs);
    form->addRow(tr("Facility coordinates"), m_offset);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_open = buttons->addButton(tr("Open"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("openButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Choose what each layer is. Layers named in English or "
                                    "Chinese are found by themselves; set the rest here."),
                                 this));
    layout->addWidget(m_table, 3);
    layout->addWidget(new QLabel(tr("Fields: where detection finds none, or the wrong one, "
                                    "choose the field that holds it."),
                                 this));
    layout->addWidget(m_fields, 4);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(760, 640);
    if (listed)
        updateProblem();
    else
        m_open->setEnabled(false);
}

gis::ImportOptions LayerMappingDialog::options() const
{
    gis::ImportOptions options = m_base;
    options.layerForRole.clear();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto* role = qobject_cast<QComboBox*>(m_table->cellWidget(row, kRole));
        const QString name = role->currentData().toString();
        if (!name.isEmpty())
            options.layerForRole[name] = m_table->item(row, kLayer)->text();
    }
    options.fieldsForRole = chosenFields();
    options.sourceCrs = m_sourceCrs->text().trimmed();
    options.facilityOffset = gis::parseWebMapOffset(m_offset->currentData().toString())
                                 .value_or(core::WebMapOffset::None);
    return options;
}

QString LayerMappingDialog::problem() const
{
    return m_problem->text();
}

void LayerMappingDialog::setRole(const QString& layer, const QString& role)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, kLayer)->text() != layer)
            continue;
        auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(row, kRole));
        combo->setCurrentIndex(std::max(0, combo->findData(role)));
    }
}

void LayerMappingDialog::setField(const QString& role, const QString& key, const QString& field)
{
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        const QTableWidgetItem* model = m_fields->item(row, kFieldModel);
        if (m_fields->item(row, kFieldRole)->data(Qt::UserRole).toString() != role
            || model->data(Qt::UserRole).toString() != key)
            continue;
        auto* combo = qobject_cast<QComboBox*>(m_fields->cellWidget(row, kFieldSource));
        combo->setCurrentIndex(std::max(0, combo->findData(field)));
    }
}

QMap<QString, QMap<QString, QString>> LayerMappingDialog::chosenFields() const
{
    QMap<QString, QMap<QString, QString>> chosen;
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        const auto* combo = qobject_cast<QComboBox*>(m_fields->cellWidget(row, kFieldSource));
        const QString field = combo->currentData().toString();
        if (!field.isEmpty())
            chosen[m_fields->item(row, kFieldRole)->data(Qt::UserRole).toString()]
                  [m_fields->item(row, kFieldModel)->data(Qt::UserRole).toString()] = field;
    }
    return chosen;
}

void LayerMappingDialog::rebuildFields()
{
    if (m_fields->rowCount() > 0)
        m_fieldChoice = chosenFields();
    m_fields->setRowCount(0);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto* roleBox = qobject_cast<QComboBox*>(m_table->cellWidget(row, kRole));
        const QString role = roleBox->currentData().toString();
        const QStringList fields = m_layerFields.value(m_table->item(row, kLayer)->text());
        for (const gis::ModelField& model : gis::modelFieldsOf(role)) {
            const int line = m_fields->rowCount();
            m_fields->insertRow(line);
            auto* roleItem = new QTableWidgetItem(roleLabel(role));
            roleItem->setData(Qt::UserRole, role);
            m_fields->setItem(line, kFieldRole, roleItem);
            const QString key = QLatin1String(model.key);
            auto* modelItem = new QTableWidgetItem(modelFieldLabel(key));
            modelItem->setData(Qt::UserRole, key);
            m_fields->setItem(line, kFieldModel, modelItem);
            auto* source = new QComboBox(m_fields);
            const int detected = gis::findField(fields, model.candidates());
            source->addItem(detected >= 0 ? tr("Detected: %1").arg(fields.at(detected))
                                          : tr("Not found: estimated or left empty"),
                            QString());
            for (const QString& field : fields)
                source->addItem(field, field);
            source->setCurrentIndex(
                std::max(0, source->findData(m_fieldChoice.value(role).value(key))));
            m_fields->setCellWidget(line, kFieldSource, source);
        }
    }
}

void LayerMappingDialog::updateProblem()
{
    rebuildFields();
    QMap<QString, QStringList> layersOfRole;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto* role = qobject_cast<QComboBox*>(m_table->cellWidget(row, kRole));
        if (!role->currentData().toString().isEmpty())
            layersOfRole[role->currentData().toString()] << m_table->item(row, kLayer)->text();
    }
    QStringList problems;
    for (auto role = layersOfRole.cbegin(); role != layersOfRole.cend(); ++role)
        if (role.value().size() > 1)
            problems << tr("%1 is chosen for %2 layers (%3): one layer per role")
                            .arg(roleLabel(role.key()))
                            .arg(role.value().size())
                            .arg(role.value().join(QStringLiteral(", ")));
    if (!layersOfRole.contains(QStringLiteral("parcels"))
        && !layersOfRole.contains(QStringLiteral("streets")))
        problems << tr("Choose a parcels layer, or a streets layer whose blocks become the "
                       "parcels");
    m_problem->setText(problems.join(QLatin1Char('\n')));
    m_open->setEnabled(problems.isEmpty());
}

} // namespace greenrenew::ui
