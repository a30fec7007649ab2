// Saving the results is atomic: the desktop, saving the same results over and over in a child
// process, is killed with SIGKILL while a save is half written; the results file on disk is
// then the last whole save, which GDAL's own ogrinfo opens with every parcel in it.

#include "desktop_process.h"
#include "gis/atomic_file.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <QThread>

namespace {

using greenrenew::ui::test::desktopBinary;

constexpr int kLoadTimeoutMs = 180000;
constexpr int kAttempts = 5;

QString ogrinfo(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral("ogrinfo"), arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Starts the saving child and kills it while its temporary file exists; true when the kill
// landed in the middle of a save (the half-written file is still there afterwards).
bool killDuringSave(const QProcessEnvironment& env, const QString& dataset,
                    const QString& results)
{
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(desktopBinary(), {dataset});
    if (!child.waitForStarted())
        return false;
    const QFileInfo target(results);
    const QString partial = target.absoluteDir().filePath(
        QStringLiteral(".%1.tmp-%2.gpkg").arg(target.fileName()).arg(child.processId()));
    for (int waited = 0; waited < kLoadTimeoutMs && !target.exists(); waited += 50)
        QTest::qWait(50);
    bool midSave = false;
    // Saves follow each other without a pause: the partial file is there most of the time.
    for (int polls = 0; polls < 200000 && child.state() == QProcess::Running; ++polls) {
        if (QFileInfo::exists(partial)) {
            child.kill();
            child.waitForFinished(10000);
            midSave = QFileInfo::exists(partial);
            break;
        }
        QThread::usleep(100);
    }
    if (child.state() != QProcess::NotRunning) {
        child.kill();
        child.waitForFinished(10000);
    }
    return midSave;
}

TEST(AtomicSaveProcess, KillMidSaveLeavesThePreviousResultsWhole)
{
    ASSERT_TRUE(QFileInfo::exists(desktopBinary())) << desktopBinary().toStdString();
    QTemporaryDir home;
    const QString dataset = greenrenew::ui::test::copySample(home);
    const QString results = home.filePath(QStringLiteral("results.gpkg"));
    QProcessEnvironment env = greenrenew::ui::test::childEnvironment(home);
    // Three edits, the last undone: parcels 0 and 1 changed, parcel 1 inserted a vertex and
    // parcel 2 keeps its name (its rename is the undone step).
    env.insert(QStringLiteral("GREENRENEW_SCRIPT_EDITS"), QStringLiteral("3"));
    env.insert(QStringLiteral("GREENRENEW_SAVE_LOOP"), results);

    bool midSave = false;
    for (int attempt = 0; attempt < kAttempts && !midSave; ++attempt)
        midSave = killDuringSave(env, dataset, results);
    ASSERT_TRUE(midSave) << "the kill never landed during a save";

    // The kept file is a whole GeoPackage with the sample's 173 parcels.
    const QString summary =
        ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"), results, QStringLiteral("parcels")});
    EXPECT_TRUE(summary.contains(QStringLiteral("Feature Count: 173"))) << summary.toStdString();
    const QString integrity = ogrinfo({QStringLiteral("-ro"), results, QStringLiteral("-sql"),
                                       QStringLiteral("PRAGMA integrity_check")});
    EXPECT_TRUE(integrity.contains(QStringLiteral("= ok"))) << integrity.toStdString();
    // The undone rename (step 2) is not in it; no parcel carries a scripted name.
    const QString renamed = ogrinfo({QStringLiteral("-ro"), results, QStringLiteral("-sql"),
        QStringLiteral("SELECT COUNT(*) AS n FROM parcels WHERE name LIKE 'renamed by script%'")});
    EXPECT_TRUE(renamed.contains(QStringLiteral("n (Integer) = 0"))) << renamed.toStdString();

    // The killed save left its temporary copy; the next save or start removes it, its
    // process being gone, and the folder holds the data set and the results alone.
    const QStringList leftovers = QDir(home.path()).entryList(
        {QStringLiteral(".results.gpkg.tmp-*")}, QDir::Files | QDir::Hidden);
    ASSERT_FALSE(leftovers.isEmpty());
    QStringList removed = greenrenew::gis::removeInterruptedSaves(home.path());
    removed.sort();
    EXPECT_EQ(removed, leftovers);
    EXPECT_TRUE(QDir(home.path()).entryList({QStringLiteral(".*.tmp-*")},
                                            QDir::Files | QDir::Hidden).isEmpty());
}

} // namespace
