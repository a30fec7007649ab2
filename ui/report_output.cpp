#include "ui/report_output.h"

#include "ui/map_canvas.h"
#include "ui/report_print_tab.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QMenu>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <QSpinBox>

namespace greenrenew::ui {

namespace {

// The resolution report.pdf is written at: printed pages are drawn the same way.
constexpr int kReportDpi = 300;
const QString kExportDirKey = QStringLiteral("mapExport/lastDir");

/// Fills COMBO with LABELS, each carrying the matching entry of VALUES as its data.
void fill(QComboBox* combo, const QStringList& labels, const QVariantList& values, int current)
{
    for (qsizetype i = 0; i < labels.size(); ++i)
        combo->addItem(labels[i], values[i]);
    combo->setCurrentIndex(current);
}

QString suffixOf(render::ExportFormat format)
{
    switch (format) {
    case render::ExportFormat::Png:
        return QStringLiteral("png");
    case render::ExportFormat::Svg:
        return QStringLiteral("svg");
    case render::ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QComboBox* languageBox(const QString& current, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    // Each language named in itself, so it can be found whatever the interface speaks.
    fill(box, {QStringLiteral("中文"), QStringLiteral("English")},
         {QStringLiteral("zh"), QStringLiteral("en")}, current == QStringLiteral("en") ? 1 : 0);
    return box;
}

} // namespace

core::Result<int> printReport(QPrinter& printer, const core::Project& project,
                              const core::Analysis& analysis,
                              const render::ReportOptions& options)
{
    // The pages are laid out from the paper's edge with their own margins.
    printer.setFullPage(true);
    printer.setResolution(kReportDpi);
    printer.setDocName(options.title);
    printer.setCreator(QStringLiteral("GreenRenew"));
    return render::paintReport(printer, project, analysis, options);
}

MapExportDialog::MapExportDialog(const MapExportChoice& initial, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Map"));
    auto* form = new QFormLayout(this);
    m_format = new QComboBox(this);
    fill(m_format, {tr("PDF (vector)"), tr("PNG (image)"), tr("SVG (vector)")},
         {static_cast<int>(render::ExportFormat::Pdf), static_cast<int>(render::ExportFormat::Png),
          static_cast<int>(render::ExportFormat::Svg)},
         0);
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(initial.format)));
    m_paper = new QComboBox(this);
    fill(m_paper, {QStringLiteral("A4"), QStringLiteral("A3"), QStringLiteral("A2"),
                   QStringLiteral("A1"), QStringLiteral("A0")},
         {static_cast<int>(render::Paper::A4), static_cast<int>(render::Paper::A3),
          static_cast<int>(render::Paper::A2), static_cast<int>(render::Paper::A1),
          static_cast<int>(render::Paper::A0)},
         0);
    m_paper->setCurrentIndex(m_paper->findData(static_cast<int>(initial.paper)));
    m_orientation = new QComboBox(this);
    fill(m_orientation, {tr("Landscape"), tr("Portrait")},
         {static_cast<int>(render::Orientation::Landscape),
          static_cast<int>(render::Orientation::Portrait)},
         initial.orientation == render::Orientation::Portrait ? 1 : 0);
    m_dpi = new QSpinBox(this);
    m_dpi->setRange(72, 1200);
    m_dpi->setSingleStep(50);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setValue(initial.dpi);
    m_language = languageBox(initial.language, this);
    m_title = new QLineEdit(initial.title, this);
    m_extent = new QComboBox(this);
    fill(m_extent, {tr("Whole district"), tr("Current view")}, {false, true},
         initial.currentView ? 1 : 0);

    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Paper:"), m_paper);
    form->addRow(tr("Orientation:"), m_orientation);
    form->addRow(tr("Resolution:"), m_dpi);
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Extent:"), m_extent);
    // The resolution sets a PNG's pixels and a PDF's internal raster; SVG has none.
    const auto updateDpi = [this] {
        m_dpi->setEnabled(m_format->currentData().toInt()
                          != static_cast<int>(render::ExportFormat::Svg));
    };
    connect(m_format, &QComboBox::currentIndexChanged, this, updateDpi);
    updateDpi();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

MapExportChoice MapExportDialog::choice() const
{
    MapExportChoice choice;
    choice.format = static_cast<render::ExportFormat>(m_format->currentData().toInt());
    choice.paper = static_cast<render::Paper>(m_paper->currentData().toInt());
    choice.orientation = static_cast<render::Orientation>(m_orientation->currentData().toInt());
    choice.dpi = m_dpi->value();
    choice.language = m_language->currentData().toString();
    choice.currentView = m_extent->currentData().toBool();
    choice.title = m_title->text().trimmed();
    return choice;
}

OutputActions::OutputActions(QWidget* window, MapCanvas* canvas,
                             std::function<std::vector<core::Annotation>()> annotations,
                             std::function<QString()> title, QObject* parent)
    : QObject(parent), m_window(window), m_canvas(canvas), m_annotations(std::move(annotations)),
      m_title(std::move(title))
{
    m_print = new QAction(tr("&Print Report…"), this);
    m_print->setShortcut(QKeySequence::Print);
    connect(m_print, &QAction::triggered, this, &OutputActions::print);
    m_exportMap = new QAction(tr("&Export Map…"), this);
    m_exportMap->setShortcut(QKeySequence(tr("Ctrl+E")));
    connect(m_exportMap, &QAction::triggered, this, &OutputActions::chooseAndExportMap);
}

void OutputActions::addActions(QMenu* file)
{
    file->addAction(m_print);
    file->addAction(m_exportMap);
}

render::MapOptions OutputActions::mapOptions(const MapExportChoice& choice) const
{
    render::MapOptions options;
    options.title = choice.title.isEmpty() ? m_title() : choice.title;
    options.language = choice.language;
    options.theme = m_canvas->theme();
    if (choice.currentView)
        options.extent = m_canvas->transform().visibleExtent();
    options.showParcels = m_canvas->layerVisible(MapCanvas::Layer::Parcels);
    options.showBuildings = m_canvas->layerVisible(MapCanvas::Layer::Buildings);
    options.showGreen = m_canvas->layerVisible(MapCanvas::Layer::Green);
    options.showStreets = m_canvas->layerVisible(MapCanvas::Layer::Streets);
    options.showFacilities = m_canvas->layerVisible(MapCanvas::Layer::Facilities);
    return options;
}

core::Result<QSizeF> OutputActions::exportMap(const QString& path,
                                              const MapExportChoice& choice) const
{
    render::SheetOptions sheet;
    sheet.annotations = m_annotations();
    return render::exportMap(path, choice.format, choice.paper, choice.orientation, choice.dpi,
                             *m_canvas->project(), *m_canvas->analysis(), mapOptions(choice),
                             sheet);
}

void OutputActions::print()
{
    const core::Project* project = m_canvas->project();
    const core::Analysis* analysis = m_canvas->analysis();
    if (!project || !analysis) {
        emit failed(tr("Nothing to print: open a data set first."));
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(0, 0, 0, 0)));
    QPrintDialog dialog(&printer, m_window);
    dialog.setWindowTitle(tr("Print Report"));
    auto* reportTab = new ReportPrintTab(m_canvas->language(), m_canvas->selectedParcels(),
                                         typesWithParcels(*project));
    dialog.setOptionTabs({reportTab});
    if (dialog.exec() != QDialog::Accepted)
        return;

    const render::ReportOptions options = reportTab->options(m_title());
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const core::Result<int> printed = printReport(printer, *project, *analysis, options);
    QApplication::restoreOverrideCursor();
    if (!printed) {
        emit failed(tr("Cannot print the report: %1")
                        .arg(QString::fromStdString(printed.error().describe())));
        return;
    }
    emit message(tr("Report printed: %n page(s)", nullptr, printed.value()));
}

void OutputActions::chooseAndExportMap()
{
    if (!m_canvas->project() || !m_canvas->analysis()) {
        emit failed(tr("Nothing to export: open a data set first."));
        return;
    }
    MapExportChoice initial = m_lastChoice;
    if (initial.title.isEmpty())
        initial.title = m_title();
    // Until one is chosen here, the sheet speaks the interface's language, as the report does.
    if (initial.language.isEmpty())
        initial.language = m_canvas->language();
    MapExportDialog dialog(initial, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const MapExportChoice choice = dialog.choice();
    m_lastChoice = choice;
    // A typed title belongs to this sheet; the next one starts from the district's name again,
    // so a title is never carried over to another project's map.
    m_lastChoice.title.clear();
    const QString suffix = suffixOf(choice.format);
    QSettings settings;
    const QString suggested = QFileInfo(settings.value(kExportDirKey).toString(),
                                        m_title() + QStringLiteral("_map.") + suffix)
                                  .filePath();
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export map as"), suggested,
        tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive))
        path += QLatin1Char('.') + suffix;
    settings.setValue(kExportDirKey, QFileInfo(path).absolutePath());
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const core::Result<QSizeF> written = exportMap(path, choice);
    QApplication::restoreOverrideCursor();
    if (!written) {
        emit failed(tr("Cannot export the map: %1")
                        .arg(QString::fromStdString(written.error().describe())));
        return;
    }
    emit message(tr("Map written to %1").arg(path));
}

} // namespace greenrenew::ui
