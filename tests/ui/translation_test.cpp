// The Simplified Chinese translation: every message of the .ts is translated (none unfinished
// or empty), the .qm built into the program gives those same translations, a window built
// with it installed reads in Chinese, and the language picked in the preferences is the one
// the next start uses.

#include "ui/main_window.h"
#include "ui/preferences_dialog.h"
#include "ui/translation.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QMenuBar>
#include <QTranslator>
#include <QXmlStreamReader>

namespace greenrenew::ui {
namespace {

const QString kTsFile =
    QStringLiteral(GREENRENEW_SOURCE_DIR "/resources/translations/greenrenew_zh_CN.ts");

struct Message {
    QString context;
    QString source;
    QString comment;
    QStringList translations;  // one, or one per plural form
    bool unfinished = false;
};

std::vector<Message> readTs(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    QXmlStreamReader xml(&file);
    std::vector<Message> messages;
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message();
            message.context = context;
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            message.unfinished = type == QLatin1String("unfinished")
                                 || type == QLatin1String("vanished")
                                 || type == QLatin1String("obsolete");
            QString text;
            QStringList forms;
            // <translation> holds text, or <numerusform> children for %n messages.
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))
                   && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    forms << xml.readElementText();
            }
            message.translations = forms.isEmpty() ? QStringList{text.trimmed()} : forms;
            messages.push_back(message);
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return messages;
}

TEST(Translation, EveryMessageIsTranslatedAndTheProgramCarriesIt)
{
    const std::vector<Message> messages = readTs(kTsFile);
    // The desktop has a few hundred strings; a handful would mean lupdate found no sources.
    ASSERT_GT(messages.size(), 200u);

    QTranslator translator;
    ASSERT_TRUE(translator.load(translationResource(QStringLiteral("zh_CN"))));
    for (const Message& message : messages) {
        const std::string where =
            message.context.toStdString() + ": " + message.source.toStdString();
        EXPECT_FALSE(message.unfinished) << where;
        for (const QString& translation : message.translations)
            EXPECT_FALSE(translation.isEmpty()) << where;
        const QString fromQm = translator.translate(
            message.context.toUtf8().constData(), message.source.toUtf8().constData(),
            message.comment.isEmpty() ? nullptr : message.comment.toUtf8().constData(), 1);
        EXPECT_FALSE(fromQm.isEmpty()) << "missing from the .qm: " << where;
    }
}

TEST(Translation, FileMenuReadsInChinese)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(translationResource(QStringLiteral("zh_CN"))));
    ASSERT_TRUE(QCoreApplication::installTranslator(&translator));
    {
        MainWindow window;
        const QList<QAction*> menus = window.menuBar()->actions();
        ASSERT_FALSE(menus.isEmpty());
        EXPECT_EQ(menus.first()->text(), QStringLiteral("文件(&F)"));
        EXPECT_EQ(window.menuBar()->actions().last()->text(), QStringLiteral("帮助(&H)"));
    }
    QCoreApplication::removeTranslator(&translator);
    MainWindow english;
    EXPECT_EQ(english.menuBar()->actions().first()->text(), QStringLiteral("&File"));
}

TEST(Translation, PreferencesChooseTheLanguageOfTheNextStart)
{
    // The environment override would hide the stored choice.
    const QByteArray forced = qgetenv("GREENRENEW_LANGUAGE");
    qunsetenv("GREENRENEW_LANGUAGE");

    PreferencesDialog chinese;
    QComboBox* combo = chinese.languageCombo();
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    chinese.apply();
    EXPECT_EQ(preferredLanguage(), QStringLiteral("zh_CN"));
    EXPECT_EQ(effectiveLanguage(), QStringLiteral("zh_CN"));

    PreferencesDialog english;
    // The dialog opens on the stored choice.
    EXPECT_EQ(english.languageCombo()->currentData().toString(), QStringLiteral("zh_CN"));
    english.languageCombo()->setCurrentIndex(
        english.languageCombo()->findData(QStringLiteral("en")));
    english.apply();
    EXPECT_EQ(effectiveLanguage(), QStringLiteral("en"));

    setPreferredLanguage(QString());
    if (!forced.isNull())
        qputenv("GREENRENEW_LANGUAGE", forced);
}

} // namespace
} // namespace greenrenew::ui
