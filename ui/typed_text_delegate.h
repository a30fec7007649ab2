#pragma once

// The editor of a cell, filled from the model when it opens and kept as the designer left it
// afterwards. A model tells its views a value changed while an editor is open on it (the
// district's figures after an edit, a team edit arriving), and the view then fills the editor
// again: with the default delegate that would replace the text being typed. A text editor the
// designer has not typed into yet still follows, so committing it does not write back a value
// that changed meanwhile.

#include <QStyledItemDelegate>

namespace greenrenew::ui {

class TypedTextDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setEditorData(QWidget* editor, const QModelIndex& index) const override;

protected:
    /// Whether EDITOR holds a value of the designer's that filling it would replace; every
    /// editor but an untouched line edit once it has been filled.
    static bool holdsDesignersValue(const QWidget* editor);
    /// Notes that EDITOR was filled, for holdsDesignersValue().
    static void markFilled(QWidget* editor);
};

} // namespace greenrenew::ui
