// What the desktop prints and exports: the report through QPrinter (the code under the print
// dialog, printing to a PDF file) against the report writer, and Export Map… writing the
// batch command's sheet with the annotations. Three 100 m parcels (test_project.h) with the
// shipped method resources; the PDFs are read with poppler's tools, not with our code.

#include "../render/report_pdf_text.h"
#include "core/analysis.h"
#include "gis/method_resources.h"
#include "test_project.h"
#include "ui/main_window.h"
#include "ui/map_canvas.h"
#include "ui/report_output.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

namespace greenrenew::ui {
namespace {

struct Analysed {
    std::shared_ptr<core::Project> project;
    std::shared_ptr<core::Analysis> analysis;
};

Analysed analysedThreeParcels()
{
    const auto data = test::makeThreeParcels();
    auto project = std::make_shared<core::Project>(*data.project);
    auto config = gis::loadMethodConfig(gis::resourceDir());
    EXPECT_TRUE(config.ok()) << config.error().describe();
    if (config.ok())
        project->config = config.value();
    auto analysis = std::make_shared<core::Analysis>(core::runAnalysis(*project));
    return {project, analysis};
}

/// Pages of a PDF as poppler's pdfinfo counts them; -1 when it cannot read the file.
int pdfinfoPages(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdfinfo"), {path});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return -1;
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
            .match(QString::fromUtf8(process.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

TEST(ReportOutput, PrintedReportHasTheWrittenReportsPagesAndText)
{
    const Analysed data = analysedThreeParcels();
    render::ReportOptions options;
    options.title = QStringLiteral("Three parcels");
    options.language = QStringLiteral("en");
    options.parcelPages = true;  // three atlas pages, so page breaks are exercised
    QTemporaryDir dir;
    const QString printedPath = dir.filePath(QStringLiteral("printed.pdf"));
    const QString writtenPath = dir.filePath(QStringLiteral("written.pdf"));

    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(printedPath);
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(0, 0, 0, 0)));
    const core::Result<int> printed = printReport(printer, *data.project, *data.analysis, options);
    ASSERT_TRUE(printed.ok()) << printed.error().describe();
    const core::Result<int> written =
        render::writeReportPdf(writtenPath, *data.project, *data.analysis, options);
    ASSERT_TRUE(written.ok()) << written.error().describe();

    EXPECT_EQ(printed.value(), written.value());
    EXPECT_EQ(pdfinfoPages(printedPath), written.value());
    // Page for page the same words: the printout is the report, not a likeness of it.
    const QStringList printedText = render::test::pdfPages(printedPath);
    const QStringList writtenText = render::test::pdfPages(writtenPath);
    ASSERT_EQ(printedText.size(), writtenText.size());
    for (qsizetype page = 0; page < printedText.size(); ++page)
        EXPECT_EQ(render::test::squeezed(printedText[page]),
                  render::test::squeezed(writtenText[page]))
            << "page " << page + 1;
}

TEST(ReportOutput, ExportedMapHasThePaperSizeAndTheAnnotations)
{
    const Analysed data = analysedThreeParcels();
    MainWindow window;
    window.resize(1000, 700);
    window.setProject(data.project, data.analysis);
    core::Annotation note;
    note.id = 1;
    note.kind = core::AnnotationKind::Callout;
    note.position = core::Point(160, 80);
    note.target = core::Point(150, 50);
    note.text = "Pocket park here";
    core::Annotation label = note;
    label.id = 2;
    label.kind = core::AnnotationKind::Text;
    label.position = core::Point(250, 80);
    label.text = "Shared garden";

    QTemporaryDir dir;
    OutputActions output(&window, window.canvas(), [&] { return std::vector{note, label}; },
                         [] { return QStringLiteral("Three parcels"); });
    MapExportChoice choice;
    choice.format = render::ExportFormat::Png;
    choice.paper = render::Paper::A4;
    choice.orientation = render::Orientation::Portrait;
    choice.dpi = 100;
    choice.language = QStringLiteral("en");
    const QString png = dir.filePath(QStringLiteral("map.png"));
    ASSERT_TRUE(output.exportMap(png, choice).ok());
    // A4 portrait, 210 x 297 mm at 100 dpi: 210 / 25.4 * 100 = 826.8 and 1169.3 pixels.
    const QImage image(png);
    EXPECT_NEAR(image.width(), 827, 1);
    EXPECT_NEAR(image.height(), 1169, 1);

    choice.format = render::ExportFormat::Pdf;
    const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
    ASSERT_TRUE(output.exportMap(pdf, choice).ok());
    const QStringList pages = render::test::pdfPages(pdf);
    ASSERT_EQ(pages.size(), 1);
    EXPECT_TRUE(pages[0].contains(QStringLiteral("Pocket park here"))) << pages[0].toStdString();
    EXPECT_TRUE(pages[0].contains(QStringLiteral("Three parcels")));
    // Haloed texts (a text annotation, parcel labels) are text in the PDF, not outlines.
    EXPECT_TRUE(pages[0].contains(QStringLiteral("Shared garden")));
    EXPECT_TRUE(pages[0].contains(QStringLiteral("地块 1"))) << pages[0].toStdString();

    // A title typed in the dialog replaces the district's name on the sheet.
    choice.title = QStringLiteral("Pocket parks, phase 1");
    const QString titled = dir.filePath(QStringLiteral("titled.pdf"));
    ASSERT_TRUE(output.exportMap(titled, choice).ok());
    const QString titledText = render::test::pdfPages(titled).join(QLatin1Char('\n'));
    EXPECT_TRUE(titledText.contains(QStringLiteral("Pocket parks, phase 1")));
    EXPECT_FALSE(titledText.contains(QStringLiteral("Three parcels")));
}

/// The language Export Map…'s dialog opens with, read from the dialog and then cancelled.
QString exportDialogLanguage(OutputActions& output)
{
    QString language = QStringLiteral("(no dialog)");
    QTimer::singleShot(0, [&language] {
        auto* dialog = qobject_cast<MapExportDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        language = dialog->choice().language;
        dialog->reject();
    });
    output.exportMapAction()->trigger();
    return language;
}

TEST(ReportOutput, ExportMapSpeaksTheInterfacesLanguage)
{
    // Issue 10: the dialog offered Chinese in the English interface; Print Report… follows
    // the interface (the canvas's language, set from it at start-up).
    const Analysed data = analysedThreeParcels();
    MainWindow window;
    window.setProject(data.project, data.analysis);
    OutputActions output(&window, window.canvas(), [] { return std::vector<core::Annotation>{}; },
                         [] { return QStringLiteral("Three parcels"); });
    window.canvas()->setLanguage(QStringLiteral("en"));
    EXPECT_EQ(exportDialogLanguage(output), QStringLiteral("en"));
    window.canvas()->setLanguage(QStringLiteral("zh"));
    EXPECT_EQ(exportDialogLanguage(output), QStringLiteral("zh"));
}

} // namespace
} // namespace greenrenew::ui
