#include "ui/renewal_type_delegate.h"

#include "core/model.h"
#include "ui/render/theme.h"

#include <QComboBox>

namespace greenrenew::ui {

RenewalTypeDelegate::RenewalTypeDelegate(int valueRole, QObject* parent)
    : TypedTextDelegate(parent), m_valueRole(valueRole)
{
}

void RenewalTypeDelegate::restrictToKey(int role, const QString& key)
{
    m_keyRole = role;
    m_key = key;
}

bool RenewalTypeDelegate::isTypeCell(const QModelIndex& index) const
{
    return m_keyRole < 0 || index.siblingAtColumn(0).data(m_keyRole).toString() == m_key;
}

QWidget* RenewalTypeDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                           const QModelIndex& index) const
{
    if (!isTypeCell(index))
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto* box = new QComboBox(parent);
    for (core::RenewalType type : core::kAllRenewalTypes)
        box->addItem(render::renewalTypeLabel(type, m_language),
                     QString::fromUtf8(core::renewalTypeName(type)));
    // A choice is the whole edit: it goes to the model at once, not on leaving the cell.
    connect(box, &QComboBox::activated, this, [this, box] {
        auto* self = const_cast<RenewalTypeDelegate*>(this);
        emit self->commitData(box);
        emit self->closeEditor(box);
    });
    return box;
}

void RenewalTypeDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* box = qobject_cast<QComboBox*>(editor);
    if (!box || !isTypeCell(index)) {
        TypedTextDelegate::setEditorData(editor, index);
        return;
    }
    if (holdsDesignersValue(box))
        return;
    const int current = box->findData(index.data(m_valueRole).toString());
    box->setCurrentIndex(current < 0 ? 0 : current);
    markFilled(box);
}

void RenewalTypeDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                       const QModelIndex& index) const
{
    auto* box = qobject_cast<QComboBox*>(editor);
    if (!box || !isTypeCell(index)) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, box->currentData(), Qt::EditRole);
}

} // namespace greenrenew::ui
