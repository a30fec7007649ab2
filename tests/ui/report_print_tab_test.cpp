// The Report tab of the print dialog: which options its choices give, and the report they
// print through QPrinter (PDF format, read back with poppler's pdftotext). Three 100 m parcels
// (test_project.h): 101 residential, 102 commercial, 103 historic block, none a factory.

#include "../render/report_pdf_text.h"
#include "core/analysis.h"
#include "gis/method_resources.h"
#include "test_project.h"
#include "ui/report_output.h"
#include "ui/report_print_tab.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPrinter>
#include <QStandardItemModel>
#include <QTemporaryDir>

namespace greenrenew::ui {
namespace {

core::Project threeParcelsWithMethod()
{
    core::Project project = *test::makeThreeParcels().project;
    auto config = gis::loadMethodConfig(gis::resourceDir());
    EXPECT_TRUE(config.ok()) << config.error().describe();
    if (config.ok())
        project.config = config.value();
    return project;
}

TEST(ReportPrintTab, OffersTheTypesWithParcelsInTheReportsLanguage)
{
    const core::Project project = threeParcelsWithMethod();
    ReportPrintTab tab(QStringLiteral("zh"), {}, typesWithParcels(project));
    QComboBox* scope = tab.scopeBox();
    ASSERT_EQ(scope->count(), 4);  // the district and three types; no factory parcel
    EXPECT_EQ(scope->itemText(1), QStringLiteral("老旧居住区"));
    EXPECT_EQ(scope->itemText(3), QStringLiteral("历史街区"));
    scope->setCurrentIndex(3);
    tab.languageBox()->setCurrentIndex(1);  // English: the types renamed, the choice kept
    EXPECT_EQ(scope->itemText(2), QStringLiteral("Old commercial area"));
    EXPECT_EQ(scope->currentIndex(), 3);
}

TEST(ReportPrintTab, SelectedParcelPagesNeedASelection)
{
    const core::Project project = threeParcelsWithMethod();
    ReportPrintTab none(QStringLiteral("en"), {}, typesWithParcels(project));
    const auto* model = qobject_cast<QStandardItemModel*>(none.parcelPagesBox()->model());
    ASSERT_NE(model, nullptr);
    EXPECT_FALSE(model->item(2)->isEnabled());
    const render::ReportOptions plain = none.options(QStringLiteral("Bund"));
    EXPECT_FALSE(plain.parcelPages);
    EXPECT_FALSE(plain.renewalType.has_value());
    EXPECT_EQ(plain.language, QStringLiteral("en"));
    EXPECT_EQ(plain.title, QStringLiteral("Bund"));

    ReportPrintTab two(QStringLiteral("en"), {0, 2}, typesWithParcels(project));
    const render::ReportOptions chosen = two.options(QStringLiteral("Bund"));
    EXPECT_TRUE(chosen.parcelPages);
    EXPECT_EQ(chosen.pageParcels, (std::vector<int>{0, 2}));
}

TEST(ReportPrintTab, PrintsOneTypeWithTheSelectedParcelsPage)
{
    const core::Project project = threeParcelsWithMethod();
    const core::Analysis analysis = core::runAnalysis(project);
    // Parcels 101 and 103 selected; the report for historic blocks only.
    ReportPrintTab tab(QStringLiteral("en"), {0, 2}, typesWithParcels(project));
    tab.scopeBox()->setCurrentIndex(3);
    const render::ReportOptions options = tab.options(QStringLiteral("Three parcels"));
    ASSERT_EQ(options.renewalType, core::RenewalType::HistoricBlock);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("printed.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(0, 0, 0, 0)));
    const core::Result<int> printed = printReport(printer, project, analysis, options);
    ASSERT_TRUE(printed.ok()) << printed.error().describe();

    const QString text = render::test::pdfPages(path).join(QLatin1Char('\n'));
    // Of the two selected parcels only 103 is a historic block: one atlas page, its own.
    EXPECT_TRUE(text.contains(QStringLiteral("Parcel 103"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("Parcel 101")));
    // The parcel table holds 103 alone: its name, not those of 101 and 102 (the appendix
    // names every type's controls, so type names do not tell).
    EXPECT_TRUE(text.contains(QStringLiteral("地块 3")));
    EXPECT_FALSE(text.contains(QStringLiteral("地块 1")));
    EXPECT_FALSE(text.contains(QStringLiteral("地块 2")));
}

} // namespace
} // namespace greenrenew::ui
