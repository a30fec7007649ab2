#pragma once

// Settings > Preferences: the interface language (applied at the next start, as the dialog
// says). Kept in QSettings through ui/translation.h.

#include <QDialog>

class QComboBox;

namespace greenrenew::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    /// The language combo: "" (the system's), "en", "zh_CN" as item data.
    QComboBox* languageCombo() const { return m_language; }
    /// Stores the choices (what OK does).
    void apply();

private:
    QComboBox* m_language = nullptr;
};

} // namespace greenrenew::ui
