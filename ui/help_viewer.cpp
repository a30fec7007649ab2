#include "ui/help_viewer.h"

#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QUrl>
#include <QVBoxLayout>

namespace greenrenew::ui {

namespace {
constexpr int kWidth = 900;
constexpr int kHeight = 760;
// The screenshots are whole windows (1400 px); shown at this width they fit the viewer.
constexpr double kImageWidth = 840.0;

/// Gives every image of DOCUMENT the width kImageWidth, keeping its proportions.
void fitImages(QTextDocument& document)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            const QTextFragment part = fragment.fragment();
            if (!part.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = part.charFormat().toImageFormat();
            image.setWidth(kImageWidth);
            QTextCursor cursor(&document);
            cursor.setPosition(part.position());
            cursor.setPosition(part.position() + part.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(image);
        }
    }
}
} // namespace

HelpViewer::HelpViewer(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("GreenRenew User Guide"));
    m_browser = new QTextBrowser(this);
    m_browser->setOpenExternalLinks(true);
    // Markdown: the screenshots' relative paths resolve inside the program's resources.
    m_browser->setSource(guideUrl(), QTextDocument::MarkdownResource);
    fitImages(*m_browser->document());
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
