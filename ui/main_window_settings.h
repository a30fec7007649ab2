#pragma once

// The QSettings keys and defaults the main window's files share (window layout, last folder,
// recent projects). Internal to ui/main_window*.cpp.

#include <QString>

namespace greenrenew::ui::window_settings {

inline const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
inline const QString kStateKey = QStringLiteral("mainWindow/state");
inline const QString kLastDirKey = QStringLiteral("mainWindow/lastOpenDir");
inline const QString kRecentKey = QStringLiteral("mainWindow/recentProjects");
inline constexpr int kRecentCount = 8;

} // namespace greenrenew::ui::window_settings
