// The recovery journal: edits made in a session, replayed on the project as opened, give the
// same parcels; a line cut short by a crash loses only that line.

#include "test_project.h"
#include "ui/edit_commands.h"
#include "ui/edit_journal.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>
#include <QUndoStack>

#include <boost/geometry/algorithms/equals.hpp>

namespace greenrenew::ui {
namespace {

void expectSameParcels(const core::Project& a, const core::Project& b)
{
    ASSERT_EQ(a.parcels.size(), b.parcels.size());
    for (std::size_t i = 0; i < a.parcels.size(); ++i) {
        EXPECT_EQ(a.parcels[i].id, b.parcels[i].id);
        EXPECT_TRUE(boost::geometry::equals(a.parcels[i].geometry, b.parcels[i].geometry));
        EXPECT_EQ(a.parcels[i].sourceIds, b.parcels[i].sourceIds);
        EXPECT_EQ(a.parcels[i].attributes, b.parcels[i].attributes);
    }
}

TEST(EditJournal, ReplayRestoresEveryEditAfterAKill)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edits.journal"));
    const auto data = test::makeThreeParcels();

    EditSession session;
    session.setProject(*data.project, *data.analysis);
    auto journal = std::make_unique<EditJournal>(path);
    QObject::connect(&session, &EditSession::changeMade,
                     [&](const core::ParcelChange& change, bool undone) {
                         journal->record(change, undone);
                     });

    const core::Project& project = *session.project();
    auto pieces = core::splitParcel(project.parcels[1], {{130, -1}, {130, 101}}, 104);
    ASSERT_TRUE(pieces.ok());
    ASSERT_TRUE(session.submit({"split", {project.parcels[1]}, pieces.value(), {}}));
    auto merged = core::mergeParcels({project.parcels[0], project.parcels[2]}, 106);
    ASSERT_TRUE(merged.ok());
    ASSERT_TRUE(session.submit(
        {"merge", {project.parcels[0], project.parcels[2]}, {merged.value()}, {}}));
    session.undoStack()->undo();  // the merge is taken back: journaled as a revert
    ASSERT_EQ(project.parcels.size(), 4u);

    // The session dies without closing anything; the journal was flushed line by line.
    journal.reset();
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write("{\"action\":\"apply\",\"bef");  // a line cut short mid-write
    }

    core::Project restored = *data.project;
    EXPECT_EQ(EditJournal::replay(path, restored), 3);
    expectSameParcels(restored, project);
    // 30 x 100 on the left of the cut: the piece with id 105.
    EXPECT_EQ(restored.parcels[2].id, 105);
}

} // namespace
} // namespace greenrenew::ui
