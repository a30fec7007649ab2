#include "ui/render/report_table.h"

#include <QFontMetricsF>
#include <QPainter>

namespace greenrenew::render {

namespace {

const QColor kHeaderFill(0xE4, 0xEA, 0xF0);
const QColor kBandFill(0xF5, 0xF5, 0xF5);
const QColor kRuleColor(0x80, 0x80, 0x80);

} // namespace

PageTable::PageTable(double left, double width, std::vector<TableColumn> columns, const QFont& font,
    QPaintDevice* device)
    : m_left(left)
    , m_width(width)
    , m_columns(std::move(columns))
    , m_font(font)
{
    for (const TableColumn& column : m_columns)
        m_shareSum += column.share;
    const QFontMetricsF metrics(m_font, device);
    m_rowHeight = metrics.height() * 1.55;
    // Headers may wrap onto a second line ("Area" over "m²").
    m_headerHeight = metrics.height() * 2.6;
    m_padding = metrics.height() * 0.3;
}

double PageTable::columnLeft(std::size_t column) const
{
    double share = 0;
    for (std::size_t i = 0; i < column; ++i)
        share += m_columns[i].share;
    return m_left + m_width * share / m_shareSum;
}

double PageTable::columnWidth(std::size_t column) const
{
    return m_width * m_columns[column].share / m_shareSum;
}

double PageTable::drawHeader(QPainter& painter, double y) const
{
    painter.save();
    QFont bold = m_font;
    bold.setBold(true);
    painter.setFont(bold);
    const QRectF band(m_left, y, m_width, m_headerHeight);
    painter.fillRect(band, kHeaderFill);
    painter.setPen(Qt::black);
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const QRectF cell(
            columnLeft(i) + m_padding, y, columnWidth(i) - 2 * m_padding, m_headerHeight);
        painter.drawText(cell, int(m_columns[i].align | Qt::AlignVCenter) | Qt::TextWordWrap,
            m_columns[i].header);
    }
    painter.setPen(QPen(kRuleColor, m_padding * 0.25));
    painter.drawLine(
        QPointF(m_left, y + m_headerHeight), QPointF(m_left + m_width, y + m_headerHeight));
    painter.restore();
    return y + m_headerHeight;
}

double PageTable::drawRow(
    QPainter& painter, double y, const std::vector<TableCell>& cells, bool shaded, bool bold) const
{
    painter.save();
    QFont font = m_font;
    font.setBold(bold);
    painter.setFont(font);
    const QFontMetricsF metrics(font, painter.device());
    if (shaded)
        painter.fillRect(QRectF(m_left, y, m_width, m_rowHeight), kBandFill);
    if (bold) {
        painter.setPen(QPen(kRuleColor, m_padding * 0.25));
        painter.drawLine(QPointF(m_left, y), QPointF(m_left + m_width, y));
    }

    painter.setPen(Qt::black);
    for (std::size_t i = 0; i < m_columns.size() && i < cells.size(); ++i) {
        QRectF cell(columnLeft(i) + m_padding, y, columnWidth(i) - 2 * m_padding, m_rowHeight);
        if (cells[i].swatch.isValid()) {
            const double side = metrics.ascent() * 0.9;
            const QRectF swatch(cell.left(), y + (m_rowHeight - side) / 2, side, side);
            painter.fillRect(swatch, cells[i].swatch);
            cell.setLeft(swatch.right() + m_padding);
        }
        const QString text = metrics.elidedText(cells[i].text, Qt::ElideRight, cell.width());
        painter.drawText(
            cell, int(m_columns[i].align | Qt::AlignVCenter) | Qt::TextSingleLine, text);
    }
    painter.restore();
    return y + m_rowHeight;
}

} // namespace greenrenew::render
