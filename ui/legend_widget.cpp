#include "ui/legend_widget.h"

#include "ui/render/map_renderer.h"

#include <QPainter>
#include <QPixmap>

namespace greenrenew::ui {

namespace {
constexpr int kSwatchPx = 16;
constexpr core::Category kCategories[] = {core::Category::Construction,
    core::Category::Transport, core::Category::Greening, core::Category::Waste};

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

LegendWidget::LegendWidget(QWidget* parent) : QListWidget(parent)
{
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setIconSize(QSize(kSwatchPx, kSwatchPx));

    auto* heading = new QListWidgetItem(tr("Leading carbon source / 主要碳源"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    for (core::Category category : kCategories) {
        const QString text = QStringLiteral("%1  %2").arg(
            render::categoryLabel(category, QStringLiteral("zh")),
            render::categoryLabel(category, QStringLiteral("en")));
        auto* item = new QListWidgetItem(swatch(render::categoryColor(category)), text, this);
        item->setData(Qt::UserRole, QString::fromUtf8(core::categoryName(category)));
    }
}

} // namespace greenrenew::ui
