// Leftovers of killed saves: removed when their process is gone, kept while it still runs
// (another save in progress); the temporary copy replaces the target whole.

#include "gis/atomic_file.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <unistd.h>

namespace gis = greenrenew::gis;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    file.write(bytes);
}

/// The id of a process that has ended (and been reaped).
qint64 endedProcessId()
{
    QProcess process;
    process.start(QStringLiteral("true"), {});
    process.waitForStarted();
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

QString leftover(const QString& target, qint64 pid, const QString& suffix = {})
{
    return QStringLiteral(".%1.tmp-%2.gpkg%3").arg(target).arg(pid).arg(suffix);
}

TEST(AtomicFile, TemporaryCopySitsBesideTheTargetUnderThisProcess)
{
    EXPECT_EQ(gis::temporarySavePath(QStringLiteral("/data/plan/results.gpkg")),
              QStringLiteral("/data/plan/.results.gpkg.tmp-%1.gpkg")
                  .arg(QCoreApplication::applicationPid()));
}

TEST(AtomicFile, RemovesLeftoversOfEndedSavesOnly)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const qint64 ended = endedProcessId();
    ASSERT_GT(ended, 0);
    const qint64 running = static_cast<qint64>(getppid());  // the shell or ctest: alive
    const QString folder = dir.path();
    const QStringList stale{leftover(QStringLiteral("results.gpkg"), ended),
                            leftover(QStringLiteral("results.gpkg"), ended,
                                     QStringLiteral("-journal"))};
    const QStringList kept{leftover(QStringLiteral("results.gpkg"), running),
                           QStringLiteral("results.gpkg"), QStringLiteral(".hidden.gpkg"),
                           QStringLiteral(".notes.tmp-x.gpkg")};
    for (const QString& name : stale + kept)
        writeFile(QDir(folder).filePath(name), "half a save");

    QStringList removed = gis::removeInterruptedSaves(folder);
    removed.sort();
    QStringList expected = stale;
    expected.sort();
    EXPECT_EQ(removed, expected);
    for (const QString& name : stale)
        EXPECT_FALSE(QFile::exists(QDir(folder).filePath(name))) << name.toStdString();
    for (const QString& name : kept)
        EXPECT_TRUE(QFile::exists(QDir(folder).filePath(name))) << name.toStdString();
}

TEST(AtomicFile, TemporaryReplacesTheTargetWhole)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("results.gpkg"));
    const QString temporary = gis::temporarySavePath(target);
    writeFile(target, "old");
    writeFile(temporary, "new results");
    const auto replaced = gis::replaceWithTemporary(temporary, target);
    ASSERT_TRUE(replaced.ok()) << replaced.error().describe();
    EXPECT_FALSE(QFile::exists(temporary));
    QFile file(target);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray("new results"));
}

TEST(AtomicFile, MissingTemporaryLeavesTheTargetAndNamesIt)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("results.gpkg"));
    writeFile(target, "old");
    const QString temporary = gis::temporarySavePath(target);
    const auto replaced = gis::replaceWithTemporary(temporary, target);
    ASSERT_FALSE(replaced.ok());
    EXPECT_NE(replaced.error().describe().find(temporary.toStdString()), std::string::npos)
        << replaced.error().describe();
    QFile file(target);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray("old"));
}

} // namespace
