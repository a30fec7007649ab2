#pragma once

// The map legend: one swatch per carbon-source category, in the colours the map uses.

#include <QListWidget>

namespace greenrenew::ui {

class LegendWidget : public QListWidget {
    Q_OBJECT

public:
    explicit LegendWidget(QWidget* parent = nullptr);
};

} // namespace greenrenew::ui
