// Help > User Guide: the guide built into the program is docs/user-guide.md, and every
// screenshot it names is found inside the program and drawn at the viewer's width.

#include "ui/help_viewer.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QPixmap>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>

namespace greenrenew::ui {
namespace {

QString guideSource()
{
    QFile file(QStringLiteral(GREENRENEW_SOURCE_DIR "/docs/user-guide.md"));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

/// The images of the shown document with the width they are drawn at.
std::vector<QTextImageFormat> imagesOf(const QTextDocument& document)
{
    std::vector<QTextImageFormat> images;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            if (fragment.fragment().charFormat().isImageFormat())
                images.push_back(fragment.fragment().charFormat().toImageFormat());
        }
    }
    return images;
}

TEST(HelpViewer, ShowsTheGuideWithEveryScreenshot)
{
    const QString source = guideSource();
    const QRegularExpression imageLink(QStringLiteral(R"(!\[[^\]]*\]\(([^)]+)\))"));
    QStringList named;
    for (const QRegularExpressionMatch& match : imageLink.globalMatch(source))
        named << match.captured(1);
    // The guide as written has five screenshots.
    ASSERT_EQ(named.size(), 5);

    HelpViewer viewer;
    QTextDocument& document = *viewer.browser()->document();
    EXPECT_TRUE(document.toPlainText().startsWith(QStringLiteral("GreenRenew user guide")));

    const std::vector<QTextImageFormat> images = imagesOf(document);
    ASSERT_EQ(images.size(), static_cast<std::size_t>(named.size()));
    for (std::size_t i = 0; i < images.size(); ++i) {
        const QString name = images[i].name();
        EXPECT_EQ(name, named[static_cast<int>(i)]);
        const QUrl url = viewer.browser()->source().resolved(QUrl(name));
        const QVariant loaded = document.resource(QTextDocument::ImageResource, url);
        const bool found = (loaded.canConvert<QImage>() && !loaded.value<QImage>().isNull())
                           || (loaded.canConvert<QPixmap>() && !loaded.value<QPixmap>().isNull());
        EXPECT_TRUE(found) << "not in the program: " << url.toString().toStdString();
        EXPECT_DOUBLE_EQ(images[i].width(), 840.0) << name.toStdString();
    }
}

} // namespace
} // namespace greenrenew::ui
