// The recovery file's life: created by the first edit, removed by a clean save or a close
// without unsaved edits, kept by a close with unsaved edits; after a save it starts again with
// the saved state, so a replay on the data set as opened still reaches the current parcels.

#include "test_project.h"
#include "ui/edit_commands.h"
#include "ui/edit_journal.h"
#include "ui/recovery_journal.h"

#include <gtest/gtest.h>

#include <QFileInfo>
#include <QUndoStack>

#include <boost/geometry/algorithms/equals.hpp>

#include <memory>

namespace greenrenew::ui {
namespace {

core::ParcelChange renameChange(const core::Project& project, std::size_t index,
                                const std::string& name)
{
    core::Parcel renamed = project.parcels[index];
    renamed.name = name;
    return {"rename", {project.parcels[index]}, {renamed}, {}};
}

struct Fixture {
    test::TestData data = test::makeThreeParcels();
    EditSession session;
    RecoveryJournal recovery{&session};
    // A key of this test alone: ctest runs the tests of this file in parallel processes,
    // and a shared key let one test's discard() remove another's file. The file lands in
    // Qt's test-mode data folder.
    QString dataset = QStringLiteral("/nonexistent/recovery-journal-%1.gpkg")
                          .arg(QString::fromUtf8(
                              testing::UnitTest::GetInstance()->current_test_info()->name()));

    Fixture()
    {
        session.setProject(*data.project, *data.analysis);
        recovery.start(dataset);
        recovery.discard();
    }
    ~Fixture() { recovery.discard(); }
};

TEST(RecoveryJournal, FirstEditCreatesTheFileAndCloseWithoutChangesRemovesIt)
{
    Fixture f;
    EXPECT_FALSE(QFileInfo::exists(f.recovery.path()));
    ASSERT_TRUE(f.session.submit(renameChange(*f.session.project(), 0, "A")));
    EXPECT_TRUE(QFileInfo::exists(f.recovery.path()));
    EXPECT_EQ(f.recovery.pendingEntries(), 1);
    f.session.undoStack()->undo();  // back where it was opened: nothing unsaved
    EXPECT_EQ(f.recovery.pendingEntries(), 2);
    EXPECT_FALSE(f.recovery.hasUnsavedEdits());
    f.recovery.close();
    EXPECT_FALSE(QFileInfo::exists(f.recovery.path()));
}

TEST(RecoveryJournal, CloseWithUnsavedEditsKeepsTheFile)
{
    Fixture f;
    ASSERT_TRUE(f.session.submit(renameChange(*f.session.project(), 1, "B")));
    f.recovery.close();
    EXPECT_TRUE(QFileInfo::exists(f.recovery.path()));
}

TEST(RecoveryJournal, AfterASaveTheJournalReplaysOnTheOpenedDataSet)
{
    Fixture f;
    ASSERT_TRUE(f.session.submit(renameChange(*f.session.project(), 0, "before save")));
    f.recovery.saved();
    EXPECT_FALSE(QFileInfo::exists(f.recovery.path()));
    EXPECT_FALSE(f.recovery.hasUnsavedEdits());

    ASSERT_TRUE(f.session.submit(renameChange(*f.session.project(), 2, "after save")));
    // The saved state (one entry replacing the three opened parcels), then the new edit.
    EXPECT_EQ(f.recovery.pendingEntries(), 2);
    core::Project replayed = *f.data.project;
    EXPECT_EQ(EditJournal::replay(f.recovery.path(), replayed), 2);
    ASSERT_EQ(replayed.parcels.size(), 3u);
    EXPECT_EQ(replayed.parcels[0].name, "before save");
    EXPECT_EQ(replayed.parcels[1].name, "地块 2");
    EXPECT_EQ(replayed.parcels[2].name, "after save");
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(replayed.parcels[i].id, f.session.project()->parcels[i].id);
        EXPECT_TRUE(boost::geometry::equals(replayed.parcels[i].geometry,
                                            f.session.project()->parcels[i].geometry));
    }
}

TEST(RecoveryJournal, RestoreGoesThroughTheSessionAndKeepsJournaling)
{
    test::TestData data = test::makeThreeParcels();
    const QString dataset = QStringLiteral("/nonexistent/recovery-restore-test.gpkg");
    {
        EditSession session;
        RecoveryJournal recovery(&session);
        session.setProject(*data.project, *data.analysis);
        recovery.start(dataset);
        recovery.discard();
        ASSERT_TRUE(session.submit(renameChange(*session.project(), 1, "kept")));
        // The process dies here: no close(), the file stays.
    }
    EditSession session;
    RecoveryJournal recovery(&session);
    session.setProject(*data.project, *data.analysis);
    recovery.start(dataset);
    ASSERT_EQ(recovery.pendingEntries(), 1);
    EXPECT_EQ(recovery.restore(), 1);
    EXPECT_EQ(session.project()->parcels[1].name, "kept");
    EXPECT_TRUE(recovery.hasUnsavedEdits());
    // A further edit is appended after the restored one.
    ASSERT_TRUE(session.submit(renameChange(*session.project(), 0, "next")));
    EXPECT_EQ(recovery.pendingEntries(), 2);
    recovery.discard();
}

// Opens the test's data set in a fresh session, as the next start does, and restores.
struct Restarted {
    EditSession session;
    RecoveryJournal recovery{&session};
    int restored = 0;

    Restarted(const test::TestData& data, const QString& dataset)
    {
        session.setProject(*data.project, *data.analysis);
        recovery.start(dataset);
        restored = recovery.restore();
    }
    ~Restarted() { recovery.discard(); }
    std::string name(std::size_t index) const { return session.project()->parcels[index].name; }
};

TEST(RecoveryJournal, RestoredEditsAreUndoneOneByOne)
{
    auto f = std::make_unique<Fixture>();
    EditSession& first = f->session;
    ASSERT_TRUE(first.submit(renameChange(*first.project(), 1, "A")));
    ASSERT_TRUE(first.submit(renameChange(*first.project(), 0, "B")));
    ASSERT_TRUE(first.submit(renameChange(*first.project(), 2, "C")));
    first.undoStack()->undo();  // C taken back, left to redo
    const test::TestData data = f->data;
    const QString dataset = f->dataset;
    f->recovery.start({});  // the process dies: the fixture's cleanup must not remove the file
    f.reset();

    Restarted next(data, dataset);
    ASSERT_EQ(next.restored, 4);  // three edits and one undo
    QUndoStack* stack = next.session.undoStack();
    EXPECT_EQ(stack->count(), 3);
    EXPECT_EQ(stack->index(), 2);
    EXPECT_EQ(next.name(0), "B");
    EXPECT_EQ(next.name(1), "A");
    EXPECT_EQ(next.name(2), "地块 3");
    EXPECT_TRUE(next.recovery.hasUnsavedEdits());

    stack->undo();
    EXPECT_EQ(next.name(0), "地块 1");
    EXPECT_EQ(next.name(1), "A");
    stack->undo();
    EXPECT_EQ(next.name(1), "地块 2");
    EXPECT_FALSE(stack->canUndo());
    // Back at the data set as opened: nothing is left unsaved.
    EXPECT_FALSE(next.recovery.hasUnsavedEdits());
    stack->redo();
    stack->redo();
    stack->redo();  // the undone C, too
    EXPECT_EQ(next.name(0), "B");
    EXPECT_EQ(next.name(1), "A");
    EXPECT_EQ(next.name(2), "C");
}

TEST(RecoveryJournal, RestoredUndoStopsAtTheSavedState)
{
    auto f = std::make_unique<Fixture>();
    ASSERT_TRUE(f->session.submit(renameChange(*f->session.project(), 0, "saved")));
    f->recovery.saved();
    ASSERT_TRUE(f->session.submit(renameChange(*f->session.project(), 2, "after")));
    const test::TestData data = f->data;
    const QString dataset = f->dataset;
    f->recovery.start({});
    f.reset();

    Restarted next(data, dataset);
    ASSERT_EQ(next.restored, 2);  // the saved state, then the edit after it
    EXPECT_EQ(next.session.undoStack()->count(), 1);
    next.session.undoStack()->undo();
    EXPECT_EQ(next.name(2), "地块 3");
    EXPECT_EQ(next.name(0), "saved");  // in the saved results: not undone
    EXPECT_FALSE(next.session.undoStack()->canUndo());
    EXPECT_FALSE(next.recovery.hasUnsavedEdits());
}

TEST(RecoveryJournal, RestoredUndoOfAStepBeforeTheSaveStaysUnsaved)
{
    auto f = std::make_unique<Fixture>();
    ASSERT_TRUE(f->session.submit(renameChange(*f->session.project(), 0, "saved")));
    f->recovery.saved();
    f->session.undoStack()->undo();  // a step the next session's stack never held
    const test::TestData data = f->data;
    const QString dataset = f->dataset;
    f->recovery.start({});
    f.reset();

    Restarted next(data, dataset);
    ASSERT_EQ(next.restored, 2);
    EXPECT_EQ(next.name(0), "地块 1");
    EXPECT_FALSE(next.session.undoStack()->canUndo());
    // The saved results still say "saved": the restored state differs from them.
    EXPECT_TRUE(next.recovery.hasUnsavedEdits());
}

} // namespace
} // namespace greenrenew::ui
