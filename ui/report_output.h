#pragma once

// What leaves the desktop on paper: File > Print Report… (the system print dialog, through
// QPrinter, with the report's language, parcel pages and scope) and File > Export Map… (title,
// format, paper, orientation, resolution, language). Both draw with ui/render, the code the
// batch command uses, so the printed report has the pages of report.pdf and the exported sheet
// is the batch command's map sheet with the annotations.

#include "core/analysis.h"
#include "core/annotation.h"
#include "core/model.h"
#include "core/result.h"
#include "ui/render/map_export.h"
#include "ui/render/report_writer.h"

#include <QDialog>
#include <QObject>
#include <QString>

#include <functional>
#include <vector>

class QAction;
class QComboBox;
class QLineEdit;
class QMenu;
class QPrinter;
class QSpinBox;

namespace greenrenew::ui {

class MapCanvas;

/// Prints the report onto PRINTER as set up by the caller (a print dialog's choice, or a PDF
/// file): pages drawn by render::paintReport at 300 dpi on the printer's paper (A4 portrait
/// unless changed). Returns the number of pages printed.
core::Result<int> printReport(QPrinter& printer, const core::Project& project,
                              const core::Analysis& analysis,
                              const render::ReportOptions& options);

/// What Export Map… asks for.
struct MapExportChoice {
    render::ExportFormat format = render::ExportFormat::Pdf;
    render::Paper paper = render::Paper::A3;
    render::Orientation orientation = render::Orientation::Landscape;
    int dpi = 300;
    /// "zh" or "en"; empty: the interface's language, as Print Report… takes it.
    QString language;
    /// The canvas's view instead of the whole district.
    bool currentView = false;
    /// The sheet's title; empty: the district's name.
    QString title;
};

class MapExportDialog : public QDialog {
    Q_OBJECT

public:
    explicit MapExportDialog(const MapExportChoice& initial, QWidget* parent = nullptr);
    MapExportChoice choice() const;

private:
    QComboBox* m_format = nullptr;
    QComboBox* m_paper = nullptr;
    QComboBox* m_orientation = nullptr;
    QSpinBox* m_dpi = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_extent = nullptr;
    QLineEdit* m_title = nullptr;
};

/// The File menu's Print Report… and Export Map… for the project the canvas shows.
class OutputActions : public QObject {
    Q_OBJECT

public:
    /// ANNOTATIONS gives the annotations to draw on exported maps; TITLE the district's name.
    OutputActions(QWidget* window, MapCanvas* canvas,
                  std::function<std::vector<core::Annotation>()> annotations,
                  std::function<QString()> title, QObject* parent = nullptr);

    void addActions(QMenu* file);
    QAction* printAction() const { return m_print; }
    QAction* exportMapAction() const { return m_exportMap; }

    /// The map options the sheet is drawn with: the canvas's theme, layers and language.
    render::MapOptions mapOptions(const MapExportChoice& choice) const;
    /// Writes the sheet to PATH as CHOICE says; the error names the file.
    core::Result<QSizeF> exportMap(const QString& path, const MapExportChoice& choice) const;

signals:
    /// A failure or a file written, for the window's message bar and log.
    void message(const QString& text);
    void failed(const QString& text);

private:
    void print();
    void chooseAndExportMap();

    QWidget* m_window;
    MapCanvas* m_canvas;
    std::function<std::vector<core::Annotation>()> m_annotations;
    std::function<QString()> m_title;
    MapExportChoice m_lastChoice;
    QAction* m_print = nullptr;
    QAction* m_exportMap = nullptr;
};

} // namespace greenrenew::ui
