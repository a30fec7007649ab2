#pragma once

// The interface language: English source strings, Simplified Chinese from the Qt Linguist
// translation built into gr_ui (resources/translations/greenrenew_zh_CN.ts). The choice made in
// the preferences is kept in QSettings and applied at the next start.

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace greenrenew::ui {

/// The languages offered: "en", "zh_CN".
QStringList availableLanguages();
/// The language chosen in the preferences; empty to follow the system's.
QString preferredLanguage();
void setPreferredLanguage(const QString& language);
/// The language to show: GREENRENEW_LANGUAGE when set, the preferred one, else Chinese on a Chinese system, else English.
QString effectiveLanguage();
/// The compiled translation of LANGUAGE inside the program (":/i18n/greenrenew_LANGUAGE.qm").
QString translationResource(const QString& language);
/// Installs GreenRenew's and Qt's own translations for LANGUAGE on APP; false when GreenRenew's
/// is missing (English needs none and returns true).
bool installTranslation(QCoreApplication& app, const QString& language);

} // namespace greenrenew::ui
