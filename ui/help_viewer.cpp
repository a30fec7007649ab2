#include "ui/help_viewer.h"

#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace greenrenew::ui {

namespace {
constexpr int kWidth = 900;
constexpr int kHeight = 760;
} // namespace

HelpViewer::HelpViewer(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("GreenRenew User Guide"));
    m_browser = new QTextBrowser(this);
    m_browser->setOpenExternalLinks(true);
    // Markdown: the screenshots' relative paths resolve inside the program's resources.
    m_browser->setSource(guideUrl(), QTextDocument::MarkdownResource);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    resize(kWidth, kHeight);
}

QUrl HelpViewer::guideUrl()
{
    return QUrl(QStringLiteral("qrc:/help/user-guide.md"));
}

} // namespace greenrenew::ui
