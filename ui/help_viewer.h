#pragma once

// Help > User Guide: docs/user-guide.md and its screenshots, built into the program (so the
// guide is there wherever the program is installed) and shown in a browser window.

#include <QDialog>

class QTextBrowser;

namespace greenrenew::ui {

class HelpViewer : public QDialog {
    Q_OBJECT

public:
    explicit HelpViewer(QWidget* parent = nullptr);

    /// The guide inside the program.
    static QUrl guideUrl();
    QTextBrowser* browser() const { return m_browser; }

private:
    QTextBrowser* m_browser = nullptr;
};

} // namespace greenrenew::ui
