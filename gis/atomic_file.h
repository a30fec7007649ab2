#pragma once

// Saving a file so that neither a kill nor a power cut costs the previous one: the new file is
// written to a temporary copy beside the target, flushed to the disk, renamed over the target,
// and the folder flushed too. A save killed before its rename leaves its temporary copy; the
// next save, or the next start, removes such leftovers and says so.

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace greenrenew::gis {

/// The temporary copy this process writes a new TARGETPATH to, in the same folder (so the
/// rename stays on one file system): ".NAME.tmp-PID.gpkg" for TARGETPATH ".../NAME".
QString temporarySavePath(const QString& targetPath);

/// Removes the temporary copies left in FOLDER by saves whose process is gone (killed or
/// crashed mid-save), with SQLite's side files (-journal, -wal, -shm). A copy whose process
/// still runs is another save in progress and is left alone. Returns the names removed.
QStringList removeInterruptedSaves(const QString& folder);

/// Makes TEMPORARY the new TARGET: flushes the temporary file's contents to the disk, renames
/// it over TARGET and flushes the folder, so after a crash or power cut TARGET is either the
/// old file or the whole new one. On failure the temporary file is removed and TARGET is
/// untouched; the Error names the step and the system's reason.
core::Result<bool> replaceWithTemporary(const QString& temporary, const QString& target);

} // namespace greenrenew::gis
