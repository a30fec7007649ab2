// The desktop killed with SIGKILL in the middle of an editing session loses no edit: the real
// greenrenew binary runs in a child process on the offscreen platform, applies scripted edits
// (with an undo, a redo and an undo among them), writes its parcels and is killed; a second
// run restores the recovery journal and must write the very same parcels.

#include "desktop_process.h"
#include "ui/recovery_journal.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kLoadTimeoutMs = 180000;

using greenrenew::ui::test::childEnvironment;
using greenrenew::ui::test::desktopBinary;

QStringList readLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool waitForFile(const QString& path, QProcess& process)
{
    for (int waited = 0; waited < kLoadTimeoutMs; waited += 100) {
        if (QFileInfo::exists(path))
            return true;
        if (process.state() == QProcess::NotRunning)
            return false;
        QTest::qWait(100);
    }
    return false;
}

// Runs the desktop on DATASET with ENV and ARGUMENTS until it quits after dumping to DUMP.
bool runToDump(QProcessEnvironment env, const QStringList& arguments, const QString& dump)
{
    env.insert(QStringLiteral("GREENRENEW_DUMP_PARCELS"), dump);
    env.insert(QStringLiteral("GREENRENEW_QUIT_AFTER_DUMP"), QStringLiteral("1"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(desktopBinary(), arguments);
    const bool finished = process.waitForFinished(kLoadTimeoutMs);
    if (!finished || process.exitCode() != 0)
        ADD_FAILURE() << process.readAllStandardError().toStdString();
    return finished && process.exitCode() == 0;
}

TEST(RecoveryProcess, KilledSessionIsRestoredEditForEdit)
{
    ASSERT_TRUE(QFileInfo::exists(desktopBinary()))
        << "build the greenrenew target first: " << desktopBinary().toStdString();
    QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    const QString dataset = greenrenew::ui::test::copySample(home);
    ASSERT_TRUE(QFileInfo::exists(dataset));
    const QProcessEnvironment env = childEnvironment(home);

    // 1. Seven edits on parcels 0..6 (move, insert, rename, ...), then undo, redo, undo: six
    //    parcels end up changed. The dump is written after the last step; then SIGKILL.
    const QString killed = home.filePath(QStringLiteral("before-kill.txt"));
    QProcessEnvironment editing = env;
    editing.insert(QStringLiteral("GREENRENEW_SCRIPT_EDITS"), QStringLiteral("7"));
    editing.insert(QStringLiteral("GREENRENEW_DUMP_PARCELS"), killed);
    QProcess session;
    session.setProcessEnvironment(editing);
    session.start(desktopBinary(), {dataset});
    ASSERT_TRUE(waitForFile(killed, session)) << session.readAllStandardError().toStdString();
    ASSERT_EQ(session.state(), QProcess::Running);
    session.kill();  // SIGKILL on Unix: no close event, no destructor runs
    ASSERT_TRUE(session.waitForFinished(10000));
    EXPECT_EQ(session.exitStatus(), QProcess::CrashExit);
    EXPECT_TRUE(QString::fromUtf8(session.readAllStandardError())
                    .contains(QStringLiteral("scripted edits applied: 7")));

    // The journal is where the next start looks for it, under the child's data folder.
    const QString journalName =
        QFileInfo(greenrenew::ui::RecoveryJournal::pathFor(dataset)).fileName();
    const QString journal =
        home.filePath(QStringLiteral("data/GreenRenew/greenrenew/recovery/")) + journalName;
    ASSERT_TRUE(QFileInfo::exists(journal)) << journal.toStdString();

    // 2. Restart, restore: the parcels are those the killed session had, byte for byte.
    const QString restored = home.filePath(QStringLiteral("restored.txt"));
    ASSERT_TRUE(runToDump(env, {QStringLiteral("--restore"), QStringLiteral("yes"), dataset},
                          restored));
    const QStringList afterKill = readLines(killed);
    ASSERT_EQ(afterKill.size(), 173);  // the sample's parcel count
    EXPECT_EQ(readLines(restored), afterKill);

    // 3. Restart, decline: the opened parcels differ from the killed session's in exactly the
    //    six edited parcels, and the journal is gone.
    const QString declined = home.filePath(QStringLiteral("declined.txt"));
    ASSERT_TRUE(runToDump(env, {QStringLiteral("--restore"), QStringLiteral("no"), dataset},
                          declined));
    const QStringList opened = readLines(declined);
    ASSERT_EQ(opened.size(), afterKill.size());
    int differing = 0;
    for (int i = 0; i < opened.size(); ++i)
        differing += opened[i] != afterKill[i] ? 1 : 0;
    EXPECT_EQ(differing, 6);
    EXPECT_FALSE(QFileInfo::exists(journal));
}

} // namespace
