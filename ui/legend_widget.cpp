#include "ui/legend_widget.h"

#include "ui/render/theme.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

namespace greenrenew::ui {

namespace {
constexpr int kSwatchPx = 16;

QIcon swatch(const QColor& fill)
{
    QPixmap pixmap(kSwatchPx, kSwatchPx);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QPen(fill.darker(140), 1));
    painter.setBrush(fill);
    painter.drawRect(QRectF(0.5, 0.5, kSwatchPx - 1, kSwatchPx - 1));
    return QIcon(pixmap);
}
} // namespace

LegendWidget::LegendWidget(QWidget* parent) : QWidget(parent)
{
    m_combo = new QComboBox(this);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(12);
    m_combo->setToolTip(tr("What colours the parcels"));
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setIconSize(QSize(kSwatchPx, kSwatchPx));
    m_list->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_combo);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);

    fillCombo();
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        rebuild();
        emit themeChanged(theme());
    });
    rebuild();
}

void LegendWidget::fillCombo()
{
    const render::MapTheme current = m_themes.empty() ? render::MapTheme() : theme();
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    m_themes.clear();
    const auto add = [this](const render::MapTheme& theme, const QString& text) {
        m_themes.push_back(theme);
        m_combo->addItem(text);
    };
    const QString& lang = m_language;
    add({}, render::pick(lang, QStringLiteral("主导碳源"), QStringLiteral("Leading carbon source")));
    for (render::ThemeMetric metric : render::kAllThemeMetrics)
        add({render::ThemeKind::Metric, {}, metric}, render::metricLabel(metric, lang));
    add({render::ThemeKind::Compliance, {}, {}},
        render::pick(lang, QStringLiteral("形态控制符合性"), QStringLiteral("Form compliance")));
    m_combo->insertSeparator(m_combo->count());
    m_themes.push_back({});  // the separator's row, never chosen
    for (const std::string& index : core::indexIds())
        add({render::ThemeKind::IndexRating, index, {}},
            render::pick(lang, QStringLiteral("评级：%1"), QStringLiteral("Rating: %1"))
                .arg(render::indexLabel(index, lang)));
    const int position = comboIndexOf(current);
    m_combo->setCurrentIndex(position < 0 ? 0 : position);
}

int LegendWidget::comboIndexOf(const render::MapTheme& theme) const
{
    for (std::size_t i = 0; i < m_themes.size(); ++i) {
        if (m_themes[i] == theme && !m_combo->itemText(static_cast<int>(i)).isEmpty())
            return static_cast<int>(i);
    }
    return -1;
}

void LegendWidget::setAnalysis(std::shared_ptr<const core::Analysis> analysis)
{
    m_analysis = std::move(analysis);
    rebuild();
}

void LegendWidget::setLanguage(const QString& language)
{
    m_language = language;
    fillCombo();
    rebuild();
}

void LegendWidget::setTheme(const render::MapTheme& theme)
{
    const int position = comboIndexOf(theme);
    if (position >= 0)
        m_combo->setCurrentIndex(position);
}

render::MapTheme LegendWidget::theme() const
{
    const int position = m_combo->currentIndex();
    if (position < 0 || position >= static_cast<int>(m_themes.size()))
        return {};
    return m_themes[static_cast<std::size_t>(position)];
}

QStringList LegendWidget::entryLabels() const
{
    QStringList labels;
    for (int i = 0; i < m_list->count(); ++i)
        labels.push_back(m_list->item(i)->text());
    return labels;
}

void LegendWidget::rebuild()
{
    static const core::Analysis kEmpty;
    const render::ThemeClassifier classifier(theme(), m_analysis ? *m_analysis : kEmpty,
                                             m_language);
    m_title->setText(classifier.title());
    m_list->clear();
    const std::vector<render::ThemeClass>& classes = classifier.classes();
    // The last class ("no value") only where some parcel falls into it, as on printed maps.
    bool anyWithoutValue = false;
    const std::size_t parcels = m_analysis ? m_analysis->parcels.size() : 0;
    for (std::size_t i = 0; i < parcels && !anyWithoutValue; ++i)
        anyWithoutValue = classifier.classOf(i) + 1 == classes.size();
    for (std::size_t i = 0; i < classes.size(); ++i) {
        if (i + 1 < classes.size() || anyWithoutValue)
            new QListWidgetItem(swatch(classes[i].color), classes[i].label, m_list);
    }
}

} // namespace greenrenew::ui
