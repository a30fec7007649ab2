// The project file from the window: Save As writes one GeoPackage that opens again with the
// same layers and the edits; the title carries a "*" while edits are unsaved; closing or
// opening another project with unsaved edits asks Save / Discard / Cancel (answered here
// through ProjectDocument's question seam); a load can be cancelled from the status bar.

#include "gis/project_file.h"
#include "gis/project_loader.h"
#include "test_project.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/main_window.h"
#include "ui/map_canvas.h"
#include "ui/project_document.h"

#include <gtest/gtest.h>

#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

namespace greenrenew::ui {
namespace {

using Choice = ProjectDocument::UnsavedChoice;

const QString kSample =
    QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg");

core::Project loadOrFail(const QString& path)
{
    gis::ImportReport report;
    core::Result<core::Project> project = gis::loadProject(path, gis::LoadOptions(), report);
    EXPECT_TRUE(project.ok()) << (project.ok() ? "" : project.error().describe());
    return project.ok() ? std::move(project.value()) : core::Project();
}

// Renames the parcel at INDEX through the editing session, as the inspector's edit does.
void rename(MainWindow& window, std::size_t index, const std::string& name)
{
    EditSession* session = window.editor()->session();
    core::Parcel renamed = session->project()->parcels[index];
    renamed.name = name;
    ASSERT_TRUE(session->submit({"rename", {session->project()->parcels[index]}, {renamed}, {}}));
}

const core::Parcel* parcelById(const core::Project& project, core::FeatureId id)
{
    for (const core::Parcel& parcel : project.parcels)
        if (parcel.id == id)
            return &parcel;
    return nullptr;
}

TEST(ProjectFile, SaveAsWritesAProjectThatOpensAgainWithTheEdits)
{
    const auto opened = std::make_shared<const core::Project>(loadOrFail(kSample));
    ASSERT_GT(opened->parcels.size(), 1u);
    MainWindow window;
    // A recovery file left for the sample by another test must not raise a modal question.
    window.setRestoreChoice(MainWindow::RestoreChoice::Discard);
    window.setProject(opened, std::make_shared<const core::Analysis>(core::runAnalysis(*opened)),
                      kSample);
    // Not a GreenRenew project file: Save has no file to write over the user's data.
    EXPECT_EQ(window.document()->filePath(), QString());
    EXPECT_EQ(window.windowTitle(),
              QStringLiteral("Untitled (from shanghai_bund.gpkg) – GreenRenew"));

    rename(window, 0, "pocket park");
    EXPECT_EQ(window.windowTitle(),
              QStringLiteral("Untitled (from shanghai_bund.gpkg)* – GreenRenew"));
    window.editor()->session()->undoStack()->undo();
    EXPECT_FALSE(window.windowTitle().contains(QLatin1Char('*')));  // back at the opened state
    window.editor()->session()->undoStack()->redo();
    EXPECT_TRUE(window.windowTitle().contains(QLatin1Char('*')));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bund project.gpkg"));
    ASSERT_TRUE(window.saveProjectTo(path)) << window.messageText().toStdString();
    EXPECT_EQ(window.windowTitle(), QStringLiteral("bund project.gpkg – GreenRenew"));
    EXPECT_EQ(window.document()->filePath(), path);
    EXPECT_TRUE(gis::isProjectFile(path));
    EXPECT_FALSE(gis::isProjectFile(kSample));

    // A second edit, then the window closes and the user answers Save: it lands in the file.
    rename(window, 1, "tea house");
    int asked = 0;
    window.document()->setUnsavedQuestion([&asked](const QString& name) {
        ++asked;
        EXPECT_EQ(name, QStringLiteral("bund project.gpkg"));
        return Choice::Save;
    });
    EXPECT_TRUE(window.close());
    EXPECT_EQ(asked, 1);

    // Read back by the loader on its own, compared with the sample as first read.
    const core::Project saved = loadOrFail(path);
    EXPECT_EQ(saved.parcels.size(), opened->parcels.size());
    EXPECT_EQ(saved.buildings.size(), opened->buildings.size());
    EXPECT_EQ(saved.green.size(), opened->green.size());
    EXPECT_EQ(saved.streets.size(), opened->streets.size());
    EXPECT_EQ(saved.facilities.size(), opened->facilities.size());
    const core::Parcel* first = parcelById(saved, opened->parcels[0].id);
    const core::Parcel* second = parcelById(saved, opened->parcels[1].id);
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(first->name, "pocket park");
    EXPECT_EQ(second->name, "tea house");
    EXPECT_EQ(first->type, opened->parcels[0].type);
}

TEST(ProjectFile, UnsavedEditsAreNeverLostWithoutAnAnswer)
{
    MainWindow window;
    window.show();
    const auto data = test::makeThreeParcels();
    window.setProject(data.project, data.analysis);
    std::vector<Choice> answers;
    int asked = 0;
    window.document()->setUnsavedQuestion([&](const QString&) {
        return answers.at(static_cast<std::size_t>(asked++));
    });

    // No edits: nothing to ask.
    EXPECT_TRUE(window.close());
    EXPECT_EQ(asked, 0);
    window.show();

    rename(window, 0, "A");
    answers = {Choice::Cancel, Choice::Cancel, Choice::Discard};
    EXPECT_FALSE(window.close());
    EXPECT_TRUE(window.isVisible());
    // Opening another data set asks too; Cancel starts no load.
    QSignalSpy loads(&window, &MainWindow::loadFinished);
    EXPECT_FALSE(window.openDataset(kSample));
    EXPECT_EQ(asked, 2);
    EXPECT_EQ(window.canvas()->project()->parcels[0].name, "A");
    EXPECT_TRUE(window.close());
    EXPECT_EQ(asked, 3);
    EXPECT_EQ(loads.count(), 0);
}

TEST(ProjectFile, CancelButtonStopsARunningLoad)
{
    MainWindow window;
    window.show();
    auto* cancel = window.findChild<QToolButton*>(QStringLiteral("cancelLoadButton"));
    ASSERT_NE(cancel, nullptr);
    EXPECT_FALSE(cancel->isVisible());

    QSignalSpy spy(&window, &MainWindow::loadFinished);
    ASSERT_TRUE(window.openDataset(kSample));
    ASSERT_TRUE(cancel->isVisible());
    // The click lands before the event loop runs again, so before the load's end can be
    // delivered: the worker sees the flag at its next check whatever the machine's speed.
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_TRUE(spy.wait(60000));
    EXPECT_FALSE(spy.at(0).at(0).toBool());
    EXPECT_EQ(window.canvas()->project(), nullptr);
    EXPECT_TRUE(window.messageText().isEmpty()) << window.messageText().toStdString();
    EXPECT_FALSE(cancel->isVisible());
    const auto* log = window.findChild<QPlainTextEdit*>();
    ASSERT_NE(log, nullptr);
    EXPECT_TRUE(log->toPlainText().contains(QStringLiteral("cancelled")));
}

} // namespace
} // namespace greenrenew::ui
