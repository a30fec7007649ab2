#pragma once

// Logging categories of the desktop widgets (greenrenew.ui.*).

#include <QLoggingCategory>

namespace greenrenew::ui {

Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace greenrenew::ui
