#include "ui/logging.h"

namespace greenrenew::ui {

Q_LOGGING_CATEGORY(lcUi, "greenrenew.ui")

} // namespace greenrenew::ui
