#pragma once

// The legend dock: a combo choosing what colours the parcels (leading carbon-source
// category, each index's rating, a graduated metric, compliance), and the classes of that
// theme with the colours the map uses, read from render::ThemeClassifier.

#include "core/analysis.h"
#include "ui/render/map_theme.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;

namespace greenrenew::ui {

class LegendWidget : public QWidget {
    Q_OBJECT

public:
    explicit LegendWidget(QWidget* parent = nullptr);

    /// The analysis whose values set graduated classes (quantiles); null shows fixed classes.
    void setAnalysis(std::shared_ptr<const core::Analysis> analysis);
    void setLanguage(const QString& language);

    /// Chooses THEME in the combo; emits themeChanged when it differs.
    void setTheme(const render::MapTheme& theme);
    render::MapTheme theme() const;

    /// Labels of the legend's rows, in order (the theme's classes, then the layers).
    QStringList entryLabels() const;
    QComboBox* themeCombo() const { return m_combo; }
    /// Position in the combo of THEME, -1 when it is not offered.
    int comboIndexOf(const render::MapTheme& theme) const;

signals:
    void themeChanged(const render::MapTheme& theme);

private:
    void fillCombo();
    void rebuild();

    QComboBox* m_combo = nullptr;
    QLabel* m_title = nullptr;
    QListWidget* m_list = nullptr;
    std::vector<render::MapTheme> m_themes;  // one per combo row
    std::shared_ptr<const core::Analysis> m_analysis;
    QString m_language = QStringLiteral("zh");
};

} // namespace greenrenew::ui
