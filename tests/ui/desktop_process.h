#pragma once

// Running the real desktop binary in a child process for the crash tests: where it is, and an
// environment that keeps its settings and recovery files inside a test folder.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace greenrenew::ui::test {

inline QString desktopBinary()
{
    // build-X/tests/ui_tests beside build-X/app/greenrenew.
    return QDir(QCoreApplication::applicationDirPath())
        .absoluteFilePath(QStringLiteral("../app/greenrenew"));
}

inline QProcessEnvironment childEnvironment(const QTemporaryDir& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    return env;
}

/// A private copy of the bundled sample (173 parcels) in HOME, so its recovery key is unique.
inline QString copySample(const QTemporaryDir& home)
{
    const QString dataset = home.filePath(QStringLiteral("bund.gpkg"));
    QFile::copy(QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg"),
                dataset);
    return dataset;
}

} // namespace greenrenew::ui::test
