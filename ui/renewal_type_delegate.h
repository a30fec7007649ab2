#pragma once

// The editor of a renewal type in an item view: a drop-down of the four types under their
// labels, which hands the model the type's stable name ("factory"). Views whose other cells
// are edited as text get the default editor there. Neither is refilled over the designer's
// choice or text when the model changes while it is open (TypedTextDelegate).

#include "ui/typed_text_delegate.h"

namespace greenrenew::ui {

class RenewalTypeDelegate : public TypedTextDelegate {
    Q_OBJECT

public:
    /// The current stable name is read from the cell at VALUEROLE.
    explicit RenewalTypeDelegate(int valueRole, QObject* parent = nullptr);

    /// Labels in LANGUAGE ("zh" or "en").
    void setLanguage(const QString& language) { m_language = language; }
    /// Only rows whose first cell holds KEY at ROLE get the drop-down (a view listing many
    /// kinds of value in one column, like the parcel inspector); by default every cell.
    void restrictToKey(int role, const QString& key);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;

private:
    bool isTypeCell(const QModelIndex& index) const;

    int m_valueRole;
    int m_keyRole = -1;
    QString m_key;
    QString m_language = QStringLiteral("zh");
};

} // namespace greenrenew::ui
