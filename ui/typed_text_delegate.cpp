#include "ui/typed_text_delegate.h"

#include <QLineEdit>
#include <QVariant>

namespace greenrenew::ui {

namespace {

constexpr char kFilledProperty[] = "greenrenewEditorFilled";

} // namespace

bool TypedTextDelegate::holdsDesignersValue(const QWidget* editor)
{
    if (!editor->property(kFilledProperty).toBool())
        return false;
    const auto* line = qobject_cast<const QLineEdit*>(editor);
    return !line || line->isModified();
}

void TypedTextDelegate::markFilled(QWidget* editor)
{
    editor->setProperty(kFilledProperty, true);
}

void TypedTextDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (holdsDesignersValue(editor))
        return;
    QStyledItemDelegate::setEditorData(editor, index);
    markFilled(editor);
}

} // namespace greenrenew::ui
