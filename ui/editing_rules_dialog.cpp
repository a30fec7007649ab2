#include "ui/editing_rules_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSettings>
#include <QStringList>

namespace greenrenew::ui {

namespace {

const QString kGroup = QStringLiteral("editingRules/");

QString joinedKeys(const std::set<std::string>& keys)
{
    QStringList names;
    for (const std::string& key : keys)
        names << QString::fromStdString(key);
    return names.join(QStringLiteral(", "));
}

std::set<std::string> parsedKeys(const QString& text)
{
    std::set<std::string> keys;
    for (const QString& key : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!key.trimmed().isEmpty())
            keys.insert(key.trimmed().toStdString());
    return keys;
}

QDoubleSpinBox* areaBox(double value, QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setDecimals(3);
    box->setRange(0.0, 10000.0);
    box->setSuffix(QStringLiteral(" m²"));
    box->setValue(value);
    return box;
}

} // namespace

void readEditingRules(core::TopologyRules& topology, core::AttributeRules& attributes)
{
    QSettings settings;
    topology.allowOverlaps =
        settings.value(kGroup + QStringLiteral("allowOverlaps"), topology.allowOverlaps).toBool();
    topology.repairOverlaps =
        settings.value(kGroup + QStringLiteral("repairOverlaps"), topology.repairOverlaps)
            .toBool();
    topology.overlapToleranceM2 =
        settings.value(kGroup + QStringLiteral("overlapToleranceM2"), topology.overlapToleranceM2)
            .toDouble();
    topology.sliverAreaM2 =
        settings.value(kGroup + QStringLiteral("sliverAreaM2"), topology.sliverAreaM2).toDouble();
    attributes.typeFromLargerPart =
        settings.value(kGroup + QStringLiteral("typeFromLargerPart"), attributes.typeFromLargerPart)
            .toBool();
    const QVariant keys = settings.value(kGroup + QStringLiteral("proportionalKeys"));
    if (keys.isValid())
        attributes.proportionalKeys = parsedKeys(keys.toString());
}

void rememberEditingRules(const core::TopologyRules& topology,
                          const core::AttributeRules& attributes)
{
    QSettings settings;
    settings.setValue(kGroup + QStringLiteral("allowOverlaps"), topology.allowOverlaps);
    settings.setValue(kGroup + QStringLiteral("repairOverlaps"), topology.repairOverlaps);
    settings.setValue(kGroup + QStringLiteral("overlapToleranceM2"), topology.overlapToleranceM2);
    settings.setValue(kGroup + QStringLiteral("sliverAreaM2"), topology.sliverAreaM2);
    settings.setValue(kGroup + QStringLiteral("typeFromLargerPart"),
                      attributes.typeFromLargerPart);
    settings.setValue(kGroup + QStringLiteral("proportionalKeys"),
                      joinedKeys(attributes.proportionalKeys));
}

EditingRulesDialog::EditingRulesDialog(const core::TopologyRules& topology,
                                       const core::AttributeRules& attributes, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Editing rules"));
    m_allowOverlaps = new QCheckBox(tr("Allow parcels to overlap (reported, never refused)"), this);
    m_allowOverlaps->setObjectName(QStringLiteral("allowOverlaps"));
    m_allowOverlaps->setChecked(topology.allowOverlaps);
    m_repairOverlaps =
        new QCheckBox(tr("Cut an edited parcel back to its neighbours instead of refusing"), this);
    m_repairOverlaps->setObjectName(QStringLiteral("repairOverlaps"));
    m_repairOverlaps->setChecked(topology.repairOverlaps);
    m_overlapTolerance = areaBox(topology.overlapToleranceM2, this);
    m_overlapTolerance->setObjectName(QStringLiteral("overlapTolerance"));
    m_sliverArea = areaBox(topology.sliverAreaM2, this);
    m_sliverArea->setObjectName(QStringLiteral("sliverArea"));
    m_mergeType = new QComboBox(this);
    m_mergeType->setObjectName(QStringLiteral("mergeType"));
    m_mergeType->addItem(tr("the larger part"), true);
    m_mergeType->addItem(tr("the first selected parcel"), false);
    m_mergeType->setCurrentIndex(attributes.typeFromLargerPart ? 0 : 1);
    m_proportional = new QLineEdit(joinedKeys(attributes.proportionalKeys), this);
    m_proportional->setObjectName(QStringLiteral("proportionalKeys"));
    m_proportional->setToolTip(tr("Attribute names, separated by commas, whose numbers a split "
                                  "shares out by area and a merge adds up"));

    auto* form = new QFormLayout(this);
    form->addRow(m_allowOverlaps);
    form->addRow(m_repairOverlaps);
    form->addRow(tr("Overlap tolerated up to"), m_overlapTolerance);
    form->addRow(tr("Pieces and gaps smaller than this are slivers"), m_sliverArea);
    form->addRow(tr("A merged parcel's type and name come from"), m_mergeType);
    form->addRow(tr("Split by area, added on merge"), m_proportional);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void EditingRulesDialog::apply(core::TopologyRules& topology,
                               core::AttributeRules& attributes) const
{
    topology.allowOverlaps = m_allowOverlaps->isChecked();
    topology.repairOverlaps = m_repairOverlaps->isChecked();
    topology.overlapToleranceM2 = m_overlapTolerance->value();
    topology.sliverAreaM2 = m_sliverArea->value();
    attributes.typeFromLargerPart = m_mergeType->currentData().toBool();
    attributes.proportionalKeys = parsedKeys(m_proportional->text());
}

} // namespace greenrenew::ui
