#include "ui/render/report_table.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

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
    , m_device(device)
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

QRectF PageTable::textRect(
    std::size_t column, const TableCell& cell, double y, double height) const
{
    QRectF rect(columnLeft(column) + m_padding, y, columnWidth(column) - 2 * m_padding, height);
    if (cell.swatch.isValid())
        rect.setLeft(rect.left() + QFontMetricsF(m_font, m_device).ascent() * 0.9 + m_padding);
    return rect;
}

double PageTable::rowHeight(const std::vector<TableCell>& cells) const
{
    double height = m_rowHeight;
    const QFontMetricsF metrics(m_font, m_device);
    for (std::size_t i = 0; i < m_columns.size() && i < cells.size(); ++i) {
        if (!m_columns[i].wraps)
            continue;
        const QRectF lines = metrics.boundingRect(textRect(i, cells[i], 0, 1e6),
            int(m_columns[i].align) | Qt::TextWordWrap, cells[i].text);
        // The same space above and below the text as a row of one line has.
        height = std::max(height, lines.height() + m_rowHeight - metrics.height());
    }
    return height;
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
    const double height = rowHeight(cells);
    if (shaded)
        painter.fillRect(QRectF(m_left, y, m_width, height), kBandFill);
    if (bold) {
        painter.setPen(QPen(kRuleColor, m_padding * 0.25));
        painter.drawLine(QPointF(m_left, y), QPointF(m_left + m_width, y));
    }

    painter.setPen(Qt::black);
    for (std::size_t i = 0; i < m_columns.size() && i < cells.size(); ++i) {
        const QRectF cell = textRect(i, cells[i], y, height);
        if (cells[i].swatch.isValid()) {
            const double side = metrics.ascent() * 0.9;
            painter.fillRect(QRectF(cell.left() - side - m_padding, y + (m_rowHeight - side) / 2,
                                 side, side),
                cells[i].swatch);
        }
        if (m_columns[i].wraps) {
            painter.drawText(cell, int(m_columns[i].align | Qt::AlignVCenter) | Qt::TextWordWrap,
                cells[i].text);
            continue;
        }
        const QString text = metrics.elidedText(cells[i].text, Qt::ElideRight, cell.width());
        painter.drawText(
            cell, int(m_columns[i].align | Qt::AlignVCenter) | Qt::TextSingleLine, text);
    }
    painter.restore();
    return y + height;
}

} // namespace greenrenew::render
