// The edit log saved with the results: one row per step in the GeoPackage table gr_edit_log,
// registered as an attribute table (what QGIS lists as a table), read back with GDAL's own
// ogrinfo rather than our reader.

#include "test_project.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/main_window.h"

#include <gtest/gtest.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QUndoStack>

namespace greenrenew::ui {
namespace {

QString ogrSql(const QString& path, const QString& sql)
{
    QProcess process;
    process.start(QStringLiteral("ogrinfo"), {QStringLiteral("-ro"), path,
                                              QStringLiteral("-sql"), sql});
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

TEST(EditLog, SavedAsAnAttributeTableWithOneRowPerStep)
{
    MainWindow window;
    const auto data = test::makeThreeParcels();
    window.setProject(data.project, data.analysis);
    EditSession* session = window.editor()->session();

    core::Parcel renamed = session->project()->parcels[0];
    renamed.name = "pocket park";
    ASSERT_TRUE(session->submit({"rename parcel 101", {session->project()->parcels[0]},
                                 {renamed}, {}}));
    auto merged = core::mergeParcels(
        {session->project()->parcels[1], session->project()->parcels[2]}, 104);
    ASSERT_TRUE(merged.ok());
    ASSERT_TRUE(session->submit({"merge into parcel 104",
                                 {session->project()->parcels[1], session->project()->parcels[2]},
                                 {merged.value()}, {}}));
    session->undoStack()->undo();
    // Three steps: the rename, the merge and the merge taken back.
    ASSERT_EQ(window.editLog().size(), 3u);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.gpkg"));
    ASSERT_TRUE(window.saveResults(path)) << window.messageText().toStdString();

    EXPECT_TRUE(ogrSql(path, QStringLiteral("SELECT data_type FROM gpkg_contents WHERE "
                                            "table_name = 'gr_edit_log'"))
                    .contains(QStringLiteral("data_type (String) = attributes")));
    const QString rows = ogrSql(
        path, QStringLiteral("SELECT group_concat(action || ':' || parcel_ids, '|') AS steps "
                             "FROM gr_edit_log"));
    // Touched ids: the rename 101; the merge and its revert 102, 103 (before), 104 (after).
    EXPECT_TRUE(rows.contains(
        QStringLiteral("steps (String) = apply:101|apply:102,103,104|revert:102,103,104")))
        << rows.toStdString();
    EXPECT_TRUE(ogrSql(path, QStringLiteral("SELECT COUNT(*) AS n FROM gr_edit_log "
                                            "WHERE description = 'merge into parcel 104'"))
                    .contains(QStringLiteral("n (Integer) = 2")));
}

} // namespace
} // namespace greenrenew::ui
