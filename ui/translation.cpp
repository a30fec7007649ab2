#include "ui/translation.h"

#include "ui/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace greenrenew::ui {

namespace {
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kEnglish = QStringLiteral("en");
const QString kChinese = QStringLiteral("zh_CN");
} // namespace

QStringList availableLanguages()
{
    return {kEnglish, kChinese};
}

QString preferredLanguage()
{
    const QString language = QSettings().value(kLanguageKey).toString();
    return availableLanguages().contains(language) ? language : QString();
}

void setPreferredLanguage(const QString& language)
{
    QSettings settings;
    if (language.isEmpty())
        settings.remove(kLanguageKey);
    else
        settings.setValue(kLanguageKey, language);
}

QString effectiveLanguage()
{
    const QString forced = qEnvironmentVariable("GREENRENEW_LANGUAGE");
    if (availableLanguages().contains(forced))
        return forced;
    const QString preferred = preferredLanguage();
    if (!preferred.isEmpty())
        return preferred;
    return QLocale::system().language() == QLocale::Chinese ? kChinese : kEnglish;
}

QString translationResource(const QString& language)
{
    return QStringLiteral(":/i18n/greenrenew_%1.qm").arg(language);
}

bool installTranslation(QCoreApplication& app, const QString& language)
{
    if (language == kEnglish)
        return true;
    // Qt's own strings (the message boxes' buttons, the file dialogs) where Qt's translations
    // are installed; without them those stay in English.
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (!own->load(translationResource(language))) {
        qCWarning(lcUi) << "no translation for" << language << "in" << translationResource(language);
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace greenrenew::ui
