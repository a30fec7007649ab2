// greenrenew: the desktop. Opens the data set given on the command line, or the bundled sample.
// GREENRENEW_SCREENSHOT=FILE.png grabs the window once the data set is loaded and quits, so the
// window can be looked at without a person at the screen (xvfb-run, offscreen);
// GREENRENEW_SCREENSHOT_PARCEL=ID selects that parcel first, so the inspector shows it, and
// GREENRENEW_SCREENSHOT_ZOOM=1 zooms the map to it, GREENRENEW_SCREENSHOT_THEME=N picks row N
// of the legend's theme combo, GREENRENEW_SCREENSHOT_HELP=1 grabs the user guide's window
// instead. GREENRENEW_SCREENSHOT_DOCK=NAME brings the dock of that object
// name to the front (prioritiesDock, scenariosDock); GREENRENEW_QUESTIONNAIRES=A.csv,B.csv loads
// those questionnaires into the Priorities dock and GREENRENEW_SCREENSHOT_SCENARIOS=X,Y selects
// those scenarios in the Scenarios dock before the grab; GREENRENEW_SCREENSHOT_TAB=TEXT shows
// the tab of that title in the dock (Plan, Experts).
// Editing hooks (tests, scripted sessions): GREENRENEW_SCRIPT_EDITS=N applies N edits once the
// data set is loaded (session_script.h); GREENRENEW_DUMP_PARCELS=FILE then writes the parcels
// in full precision, and GREENRENEW_QUIT_AFTER_DUMP=1 quits after writing it. --restore
// yes|no answers the offer to restore unsaved edits without asking. GREENRENEW_LANGUAGE=en or
// zh_CN overrides the language chosen in the preferences.
// GREENRENEW_SAVE_LOOP=FILE.gpkg saves the results to FILE again and again after that, so a
// test can kill the process in the middle of a save.

#include "session_script.h"

#include "gis/method_resources.h"
#include "gis/postgis_connection.h"
#include "ui/attribute_table.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/help_viewer.h"
#include "ui/legend_widget.h"
#include "ui/main_window.h"
#include "ui/map_canvas.h"
#include "ui/priority_panel.h"
#include "ui/scenario_panel.h"
#include "ui/translation.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QTabWidget>
#include <QFileInfo>
#include <QTimer>

#include <memory>

#include <cstdio>

namespace {

// Lets the window lay itself out and paint once before it is grabbed.
constexpr int kScreenshotDelayMs = 300;
constexpr int kGrabbedBottomDockHeight = 430;

QString samplePath()
{
    return greenrenew::gis::resourceDir() + QStringLiteral("/sample/shanghai_bund.gpkg");
}

// What the dock hooks of the header ask for, so a grab shows the Priorities or Scenarios dock
// in use.
void prepareDocksForGrab(greenrenew::ui::MainWindow& window)
{
    const QStringList questionnaires =
        qEnvironmentVariable("GREENRENEW_QUESTIONNAIRES").split(u',', Qt::SkipEmptyParts);
    if (!questionnaires.isEmpty())
        window.findChild<greenrenew::ui::PriorityPanel*>()->loadQuestionnaires(questionnaires);
    const QStringList scenarios =
        qEnvironmentVariable("GREENRENEW_SCREENSHOT_SCENARIOS").split(u',', Qt::SkipEmptyParts);
    if (!scenarios.isEmpty())
        window.scenarios()->selectScenarios(scenarios);
    const QString dockName = qEnvironmentVariable("GREENRENEW_SCREENSHOT_DOCK");
    if (auto* dock = window.findChild<QDockWidget*>(dockName); dock && !dockName.isEmpty()) {
        dock->show();
        dock->raise();
        // A bottom dock gets the height a designer would drag it to, to read its tables.
        if (window.dockWidgetArea(dock) == Qt::BottomDockWidgetArea)
            window.resizeDocks({dock}, {kGrabbedBottomDockHeight}, Qt::Vertical);
        const QString tab = qEnvironmentVariable("GREENRENEW_SCREENSHOT_TAB");
        for (QTabWidget* tabs : dock->findChildren<QTabWidget*>())
            for (int i = 0; i < tabs->count() && !tab.isEmpty(); ++i)
                if (tabs->tabText(i) == tab)
                    tabs->setCurrentIndex(i);
    }
}

void grabWhenLoaded(greenrenew::ui::MainWindow& window, const QString& screenshotPath)
{
    QObject::connect(&window, &greenrenew::ui::MainWindow::loadFinished, &window,
                     [&window, screenshotPath](bool ok) {
        bool parsed = false;
        const qlonglong parcelId = qEnvironmentVariable("GREENRENEW_SCREENSHOT_PARCEL")
                                       .toLongLong(&parsed);
        if (ok && parsed && !window.selectParcelById(parcelId))
            std::fprintf(stderr, "no parcel with id %lld\n", parcelId);
        if (qEnvironmentVariableIntValue("GREENRENEW_SCREENSHOT_ZOOM") == 1)
            window.canvas()->zoomToSelection();
        bool themed = false;
        const int theme = qEnvironmentVariableIntValue("GREENRENEW_SCREENSHOT_THEME", &themed);
        if (themed)
            window.legend()->themeCombo()->setCurrentIndex(theme);
        if (ok)
            prepareDocksForGrab(window);
        // GREENRENEW_SCREENSHOT_HELP=1: the user guide's window (Help > User Guide) instead.
        QWidget* shown = &window;
        if (qEnvironmentVariableIntValue("GREENRENEW_SCREENSHOT_HELP") == 1) {
            shown = new greenrenew::ui::HelpViewer(&window);
            shown->show();
        }
        QTimer::singleShot(kScreenshotDelayMs, &window, [shown, screenshotPath] {
            const bool saved = shown->grab().save(screenshotPath);
            std::fprintf(stderr, "%s %s\n", saved ? "screenshot written to" : "cannot write",
                         qPrintable(screenshotPath));
            QApplication::exit(saved ? 0 : 1);
        });
    });
}

void runSessionHooks(greenrenew::ui::MainWindow& window)
{
    const int edits = qEnvironmentVariableIntValue("GREENRENEW_SCRIPT_EDITS");
    const QString dump = qEnvironmentVariable("GREENRENEW_DUMP_PARCELS");
    const QString saveLoop = qEnvironmentVariable("GREENRENEW_SAVE_LOOP");
    if (edits <= 0 && dump.isEmpty() && saveLoop.isEmpty())
        return;
    QObject::connect(&window, &greenrenew::ui::MainWindow::loadFinished, &window,
                     [&window, edits, dump, saveLoop](bool ok) {
        if (!ok)
            return;
        if (edits > 0) {
            const int applied = greenrenew::desktop::applyScriptedEdits(window, edits);
            std::fprintf(stderr, "scripted edits applied: %d\n", applied);
        }
        const auto project = window.editor()->session()->project();
        if (!dump.isEmpty() && project) {
            const bool written = greenrenew::desktop::dumpParcels(*project, dump);
            std::fprintf(stderr, "%s %s\n", written ? "parcels dumped to" : "cannot write",
                         qPrintable(dump));
            if (qEnvironmentVariableIntValue("GREENRENEW_QUIT_AFTER_DUMP") == 1)
                QApplication::exit(written ? 0 : 1);
        }
        if (!saveLoop.isEmpty()) {
            auto* timer = new QTimer(&window);
            auto saves = std::make_shared<int>(0);
            QObject::connect(timer, &QTimer::timeout, &window, [&window, saveLoop, saves] {
                if (window.saveResults(saveLoop) && ++*saves == 1)
                    std::fprintf(stderr, "first save done\n");
            });
            timer->start(0);
        }
    });
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("GreenRenew"));
    QApplication::setApplicationName(QStringLiteral("greenrenew"));
    const QString language = greenrenew::ui::effectiveLanguage();
    greenrenew::ui::installTranslation(app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "GreenRenew: green, low-carbon micro-renewal of old city districts."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QStringLiteral("GeoPackage, Shapefile, GeoJSON or folder of "
                                                "layers to open; the bundled sample if omitted."));
    const QCommandLineOption restoreOption(
        QStringLiteral("restore"),
        QStringLiteral("Unsaved edits left by a crash: restore them (yes), drop them (no) or "
                       "ask (default)."),
        QStringLiteral("yes|no|ask"), QStringLiteral("ask"));
    parser.addOption(restoreOption);
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    const QString path = arguments.isEmpty() ? samplePath() : arguments.first();

    greenrenew::ui::MainWindow window;
    // The map, its legend and the attribute table name categories, types and figures in the
    // interface's language, as the menus do.
    const QString dataLanguage = language == QStringLiteral("zh_CN") ? QStringLiteral("zh")
                                                                     : QStringLiteral("en");
    window.canvas()->setLanguage(dataLanguage);
    window.legend()->setLanguage(dataLanguage);
    window.attributeTable()->setLanguage(dataLanguage);
    const QString restore = parser.value(restoreOption);
    if (restore == QStringLiteral("yes"))
        window.setRestoreChoice(greenrenew::ui::MainWindow::RestoreChoice::Restore);
    else if (restore == QStringLiteral("no"))
        window.setRestoreChoice(greenrenew::ui::MainWindow::RestoreChoice::Discard);
    runSessionHooks(window);
    const QString screenshot = qEnvironmentVariable("GREENRENEW_SCREENSHOT");
    if (!screenshot.isEmpty())
        grabWhenLoaded(window, screenshot);
    window.show();
    // A PostGIS input ("PG:...", "postgis://...") is no file name.
    window.openDataset(greenrenew::gis::isPgInput(path) ? path
                                                        : QFileInfo(path).absoluteFilePath());
    return app.exec();
}
