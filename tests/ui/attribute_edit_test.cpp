// Attribute edits in the attribute table and the parcel inspector, driven by mouse and keys on
// the sample: each is one undoable step of the editing session, logged like a geometry edit,
// and the figures of the parcel follow. The expected figures come from a full
// core::runAnalysis of the edited project, independent of the incremental path the session
// uses.

#include "core/analysis.h"
#include "core/parcel_attributes.h"
#include "gis/project_loader.h"
#include "ui/attribute_table.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/main_window.h"
#include "ui/parcel_inspector.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;
using greenrenew::ui::AttributeTableModel;
using greenrenew::ui::MainWindow;

namespace {

constexpr double kTolerance = 1e-9;

class AttributeEditTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        gis::ImportReport report;
        core::Result<core::Project> loaded = gis::loadProject(
            QStringLiteral(GREENRENEW_SOURCE_DIR "/resources/sample/shanghai_bund.gpkg"), {},
            report);
        ASSERT_TRUE(loaded) << loaded.error().describe();
        opened = std::make_shared<core::Project>(loaded.value());
        before = std::make_shared<core::Analysis>(core::runAnalysis(*opened));
        window.resize(1400, 900);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.setProject(opened, before);
    }

    const core::Project& project() const { return *window.editor()->session()->project(); }
    const core::ParcelResult& shown(std::size_t index) const
    {
        return window.editor()->session()->analysis()->parcels.at(index);
    }
    QUndoStack& stack() const { return *window.editor()->session()->undoStack(); }

    /// A residential parcel with buildings whose floors the form stage estimates by type, so
    /// a change of type or planned floors moves its floor area.
    std::size_t residentialWithEstimatedFloors() const
    {
        for (std::size_t i = 0; i < opened->parcels.size(); ++i) {
            if (opened->parcels[i].type == core::RenewalType::Residential
                && before->parcels[i].form.floorsEstimated > 0)
                return i;
        }
        ADD_FAILURE() << "the sample has no residential parcel with estimated floors";
        return 0;
    }

    /// The full analysis of the opened project with parcel INDEX set to EDITED.
    core::ParcelResult expectedAfter(std::size_t index, const core::Parcel& edited) const
    {
        core::Project copy = *opened;
        copy.parcels[index] = edited;
        return core::runAnalysis(copy).parcels.at(index);
    }

    void expectSameFigures(const core::ParcelResult& got, const core::ParcelResult& want)
    {
        EXPECT_NEAR(got.form.grossFloorAreaM2, want.form.grossFloorAreaM2, kTolerance);
        EXPECT_NEAR(got.form.far, want.form.far, kTolerance);
        EXPECT_NEAR(got.carbon.ledger.totalT(), want.carbon.ledger.totalT(), kTolerance);
        ASSERT_EQ(got.carbon.ratings.size(), want.carbon.ratings.size());
        for (std::size_t i = 0; i < got.carbon.ratings.size(); ++i)
            EXPECT_EQ(got.carbon.ratings[i].rating, want.carbon.ratings[i].rating)
                << got.carbon.ratings[i].index;
    }

    template <typename Editor>
    Editor* waitForEditor(QWidget* view)
    {
        Editor* editor = nullptr;
        // The open editor is the visible one: a closed editor is hidden and stays a child of
        // the view until its deferred deletion, and typing into it would go nowhere.
        const auto openEditor = [&] {
            for (Editor* candidate : view->findChildren<Editor*>())
                if (candidate->isVisible())
                    return candidate;
            return static_cast<Editor*>(nullptr);
        };
        // A null editor fails the caller's ASSERT, naming the missing editor there.
        if (!QTest::qWaitFor([&] { return (editor = openEditor()) != nullptr; }, 2000))
            return nullptr;
        return editor;
    }

    std::shared_ptr<core::Project> opened;
    std::shared_ptr<core::Analysis> before;
    MainWindow window;
};

TEST_F(AttributeEditTest, TypeChosenInTheTableMovesTheFiguresAndUndoRestoresThem)
{
    const std::size_t index = residentialWithEstimatedFloors();
    const core::FeatureId id = opened->parcels[index].id;
    core::Parcel commercial = opened->parcels[index];
    commercial.type = core::RenewalType::Commercial;
    commercial.typeReason = "set by the designer";
    const core::ParcelResult want = expectedAfter(index, commercial);
    // The default floors differ by type (resources/method/form.json: residential 3,
    // commercial 4), so the floor area must move; else this test would prove nothing.
    ASSERT_GT(want.form.grossFloorAreaM2, before->parcels[index].form.grossFloorAreaM2);

    QTableView* view = window.attributeTable()->view();
    int row = 0;
    while (window.attributeTable()->parcelAtRow(row) != static_cast<int>(index))
        ASSERT_GE(window.attributeTable()->parcelAtRow(++row), 0);
    const QModelIndex cell = view->model()->index(row, AttributeTableModel::Type);
    view->scrollTo(cell);
    // The designer picks the row, then double-clicks its type. (QTest's synthetic double-click
    // on a row not yet selected reaches the view as a single press on the offscreen platform.)
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                      view->visualRect(cell).center());
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                       view->visualRect(cell).center());
    auto* box = waitForEditor<QComboBox>(view->viewport());
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->currentData().toString(), QStringLiteral("residential"));
    QTest::keyClick(box, Qt::Key_Down);  // the next type in the list: commercial
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return project().parcels[index].type == core::RenewalType::Commercial; }, 2000));

    EXPECT_EQ(stack().count(), 1);
    EXPECT_EQ(stack().undoText().toStdString(), "set type of parcel " + std::to_string(id));
    ASSERT_FALSE(window.editLog().empty());
    EXPECT_EQ(window.editLog().back().description, "set type of parcel " + std::to_string(id));
    EXPECT_EQ(window.editLog().back().parcelIds, (std::vector<core::FeatureId>{id}));
    expectSameFigures(shown(index), want);
    // The table shows the new floor area ratio.
    const QModelIndex far = view->model()->index(row, AttributeTableModel::Far);
    EXPECT_EQ(far.data().toString(), QLocale().toString(want.form.far, 'f', 2));

    QTest::keyClick(window.canvas(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(project().parcels[index].type, core::RenewalType::Residential);
    expectSameFigures(shown(index), before->parcels[index]);
}

TEST_F(AttributeEditTest, PlannedFloorsTypedInTheInspectorAndUndone)
{
    const std::size_t index = residentialWithEstimatedFloors();
    ASSERT_TRUE(window.selectParcelById(opened->parcels[index].id));
    core::Parcel planned = opened->parcels[index];
    planned.attributes[core::kPlannedFloorsKey] = "8";
    const core::ParcelResult want = expectedAfter(index, planned);

    ASSERT_TRUE(window.inspector()->editRow(QStringLiteral("planned_floors")));
    auto* line = waitForEditor<QLineEdit>(window.inspector()->viewport());
    ASSERT_NE(line, nullptr);
    QTest::keyClicks(line, QStringLiteral("8"));
    QTest::keyClick(line, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stack().count() == 1; }, 2000));

    expectSameFigures(shown(index), want);
    // The inspector shows the plan and the floor area ratio it gives.
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("planned_floors")),
              QStringLiteral("8"));
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("far")),
              QLocale().toString(want.form.far, 'f', 2));
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("mean_floors")),
              QStringLiteral("8.0"));

    stack().undo();
    EXPECT_EQ(project().parcels[index].attributes.count(core::kPlannedFloorsKey), 0u);
    expectSameFigures(shown(index), before->parcels[index]);
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("planned_floors")), QString());
}

TEST_F(AttributeEditTest, FloorsThatAreNoNumberAreRefusedWithAMessage)
{
    const std::size_t index = residentialWithEstimatedFloors();
    ASSERT_TRUE(window.selectParcelById(opened->parcels[index].id));
    ASSERT_TRUE(window.inspector()->editRow(QStringLiteral("planned_floors")));
    auto* line = waitForEditor<QLineEdit>(window.inspector()->viewport());
    ASSERT_NE(line, nullptr);
    QTest::keyClicks(line, QStringLiteral("many"));
    QTest::keyClick(line, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.messageText().isEmpty(); }, 2000));

    EXPECT_TRUE(window.messageText().contains(QStringLiteral("not 'many'")))
        << window.messageText().toStdString();
    EXPECT_TRUE(window.messageText().contains(
        QString::number(opened->parcels[index].id)));
    EXPECT_EQ(stack().count(), 0);
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("planned_floors")), QString());
}

TEST_F(AttributeEditTest, NotesAndNameTypedInTheTableAreOneStepEach)
{
    QTableView* view = window.attributeTable()->view();
    const int parcel = window.attributeTable()->parcelAtRow(0);
    for (const auto& [column, text] :
         {std::pair{AttributeTableModel::Notes, QStringLiteral("keep the plane trees")},
          std::pair{AttributeTableModel::Name, QStringLiteral("Bund pocket park")}}) {
        const QModelIndex cell = view->model()->index(0, column);
        view->scrollTo(cell);
        view->setCurrentIndex(cell);
        QTest::keyClick(view, Qt::Key_F2);
        auto* line = waitForEditor<QLineEdit>(view->viewport());
        ASSERT_NE(line, nullptr);
        line->selectAll();
        QTest::keyClicks(line, text);
        QTest::keyClick(line, Qt::Key_Return);
        ASSERT_TRUE(QTest::qWaitFor([&] { return view->model()->index(0, column).data()
                                                     .toString() == text; }, 2000));
        // The rest of the district follows once control is back; let it land before the
        // next editor opens, as it does between a designer's two edits.
        window.editor()->session()->finishPendingUpdates();
        QTest::qWait(0);
    }
    const core::Parcel& edited = project().parcels[static_cast<std::size_t>(parcel)];
    EXPECT_EQ(edited.attributes.at(core::kNotesKey), "keep the plane trees");
    EXPECT_EQ(edited.name, "Bund pocket park");
    EXPECT_EQ(stack().count(), 2);
    stack().undo();
    stack().undo();
    EXPECT_EQ(project().parcels[static_cast<std::size_t>(parcel)].name,
              opened->parcels[static_cast<std::size_t>(parcel)].name);
    EXPECT_EQ(project().parcels[static_cast<std::size_t>(parcel)].attributes.count(
                  core::kNotesKey),
              0u);
}

} // namespace
