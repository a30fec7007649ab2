#include "gis/atomic_file.h"

#include "gis/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#if defined(Q_OS_UNIX)
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#endif

namespace greenrenew::gis {

namespace {

core::Error saveError(const QString& path, const QString& message)
{
    core::Error error;
    error.kind = core::ErrorKind::BadInput;
    error.operation = "save";
    error.path = path.toStdString();
    error.message = message.toStdString();
    return error;
}

bool processRuns(qint64 pid)
{
#if defined(Q_OS_UNIX)
    // Signal 0 only asks whether the process exists; EPERM means it does, as someone else's.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#else
    (void)pid;
    return false;
#endif
}

/// Flushes the file or folder at PATH to the disk: 0 when done, else the system's error number.
int syncToDisk(const QString& path, bool folder)
{
#if defined(Q_OS_UNIX)
    const int flags = folder ? O_RDONLY | O_DIRECTORY : O_RDONLY;
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int result = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return result;
#else
    // WORKAROUND: only POSIX systems flush here; elsewhere the rename alone keeps the old
    // file whole after a kill, not after a power cut. Remove when a Windows build is made.
    (void)path;
    (void)folder;
    return 0;
#endif
}

/// A file system that cannot flush (some network and virtual ones answer EINVAL) leaves the
/// save as safe as the rename makes it; any other failure (EIO: the disk lost the data) is one.
bool cannotFlushHere(int error)
{
    return error == EINVAL || error == ENOTSUP || error == EROFS;
}

} // namespace

QString temporarySavePath(const QString& targetPath)
{
    const QFileInfo target(targetPath);
    return target.absoluteDir().filePath(QStringLiteral(".%1.tmp-%2.gpkg")
                                             .arg(target.fileName())
                                             .arg(QCoreApplication::applicationPid()));
}

QStringList removeInterruptedSaves(const QString& folder)
{
    static const QRegularExpression kTemporary(
        QStringLiteral(R"(^\..+\.tmp-(\d+)\.gpkg(-journal|-wal|-shm)?$)"));
    QStringList removed;
    const QDir dir(folder);
    const QStringList candidates =
        dir.entryList({QStringLiteral(".*.tmp-*.gpkg*")}, QDir::Files | QDir::Hidden);
    for (const QString& name : candidates) {
        const QRegularExpressionMatch match = kTemporary.match(name);
        if (!match.hasMatch())
            continue;
        const qint64 pid = match.captured(1).toLongLong();
        // This process saves one file at a time, so its own leftover is from a failed save.
        if (pid != QCoreApplication::applicationPid() && processRuns(pid))
            continue;
        if (QFile::remove(dir.filePath(name))) {
            removed << name;
            qCWarning(lcOgr, "removed %s, left by a save that was interrupted",
                      qUtf8Printable(dir.filePath(name)));
        }
    }
    return removed;
}

core::Result<bool> replaceWithTemporary(const QString& temporary, const QString& target)
{
    const int fileError = syncToDisk(temporary, false);
    if (fileError != 0 && !cannotFlushHere(fileError)) {
        QFile::remove(temporary);
        return saveError(target, QStringLiteral("cannot flush %1 to the disk: %2")
                                     .arg(temporary, QString::fromLocal8Bit(
                                                         std::strerror(fileError))));
    }
    std::error_code code;
    std::filesystem::rename(QFile::encodeName(temporary).toStdString(),
                            QFile::encodeName(target).toStdString(), code);
    if (code) {
        QFile::remove(temporary);
        return saveError(target, QStringLiteral("cannot replace the file: %1")
                                     .arg(QString::fromStdString(code.message())));
    }
    // The rename lives in the folder's entries: flushed too, or a power cut could bring back
    // the old file. The new one is in place either way, so a failure here is only reported.
    const QString folder = QFileInfo(target).absolutePath();
    if (const int folderError = syncToDisk(folder, true); folderError != 0 || fileError != 0)
        qCWarning(lcOgr, "%s saved without flushing it to the disk: %s",
                  qUtf8Printable(target), std::strerror(fileError ? fileError : folderError));
    return true;
}

} // namespace greenrenew::gis
