#pragma once

// A plain table on a report page: fixed columns, a header row, one line per row. Cell texts
// are data, drawn as plain text and cut with an ellipsis when too long, so no value can move
// the layout or be read as markup; a column made to wrap grows its row instead, for texts the
// reader must see whole (intervention names).

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

#include <utility>
#include <vector>

class QPainter;
class QPaintDevice;

namespace greenrenew::render {

struct TableColumn {
    TableColumn(QString header, double share, Qt::Alignment align = Qt::AlignLeft,
        bool wraps = false)
        : header(std::move(header))
        , share(share)
        , align(align)
        , wraps(wraps)
    {
    }

    QString header;
    double share = 1; // part of the table width, relative to the other columns
    Qt::Alignment align = Qt::AlignLeft;
    bool wraps = false; // long texts go onto further lines instead of being cut
};

struct TableCell {
    TableCell(QString text, QColor swatch = {})
        : text(std::move(text))
        , swatch(swatch)
    {
    }

    QString text;
    QColor swatch; // drawn as a small square before the text when valid
};

class PageTable {
public:
    /// A table LEFT..LEFT+WIDTH in device units of DEVICE, using FONT for cells (bold for the
    /// header).
    PageTable(double left, double width, std::vector<TableColumn> columns, const QFont& font,
        QPaintDevice* device);

    /// Height of a row of one line.
    double rowHeight() const { return m_rowHeight; }
    /// Height of the row of CELLS: one line, or more where a wrapping column needs them.
    double rowHeight(const std::vector<TableCell>& cells) const;
    double headerHeight() const { return m_headerHeight; }

    /// Draws the header row with its top at Y; returns the y below it.
    double drawHeader(QPainter& painter, double y) const;
    /// Draws one row, as high as rowHeight(CELLS); SHADED gives it a light band, BOLD marks
    /// totals. Returns the y below it.
    double drawRow(QPainter& painter, double y, const std::vector<TableCell>& cells, bool shaded,
        bool bold = false) const;

private:
    double columnLeft(std::size_t column) const;
    double columnWidth(std::size_t column) const;
    /// Where the text of cell COLUMN goes in a row at Y of HEIGHT, after its swatch if any.
    QRectF textRect(std::size_t column, const TableCell& cell, double y, double height) const;

    double m_left;
    double m_width;
    std::vector<TableColumn> m_columns;
    double m_shareSum = 0;
    QFont m_font;
    QPaintDevice* m_device;
    double m_rowHeight = 0;
    double m_headerHeight = 0;
    double m_padding = 0;
};

} // namespace greenrenew::render
