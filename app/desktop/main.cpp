// greenrenew: the desktop. Opens the data set given on the command line, or the bundled sample.
// GREENRENEW_SCREENSHOT=FILE.png grabs the window once the data set is loaded and quits, so the
// window can be looked at without a person at the screen (xvfb-run, offscreen);
// GREENRENEW_SCREENSHOT_PARCEL=ID selects that parcel first, so the inspector shows it, and
// GREENRENEW_SCREENSHOT_ZOOM=1 zooms the map to it, GREENRENEW_SCREENSHOT_THEME=N picks row N
// of the legend's theme combo.

#include "gis/method_resources.h"
#include "ui/legend_widget.h"
#include "ui/main_window.h"
#include "ui/map_canvas.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

namespace {

// Lets the window lay itself out and paint once before it is grabbed.
constexpr int kScreenshotDelayMs = 300;

QString samplePath()
{
    return greenrenew::gis::resourceDir() + QStringLiteral("/sample/shanghai_bund.gpkg");
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
        QTimer::singleShot(kScreenshotDelayMs, &window, [&window, screenshotPath] {
            const bool saved = window.grab().save(screenshotPath);
            std::fprintf(stderr, "%s %s\n", saved ? "screenshot written to" : "cannot write",
                         qPrintable(screenshotPath));
            QApplication::exit(saved ? 0 : 1);
        });
    });
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("GreenRenew"));
    QApplication::setApplicationName(QStringLiteral("greenrenew"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "GreenRenew: green, low-carbon micro-renewal of old city districts."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QStringLiteral("GeoPackage, Shapefile, GeoJSON or folder of "
                                                "layers to open; the bundled sample if omitted."));
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    const QString path = arguments.isEmpty() ? samplePath() : arguments.first();

    greenrenew::ui::MainWindow window;
    const QString screenshot = qEnvironmentVariable("GREENRENEW_SCREENSHOT");
    if (!screenshot.isEmpty())
        grabWhenLoaded(window, screenshot);
    window.show();
    window.openDataset(QFileInfo(path).absoluteFilePath());
    return app.exec();
}
