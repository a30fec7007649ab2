// Attribute edits in the attribute table and the parcel inspector, driven by mouse and keys on
// the sample: each is one undoable step of the editing session, logged like a geometry edit,
// and the figures of the parcel follow (as a full core::runAnalysis of the edited project).

#include "attribute_edit_fixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QLocale>

using greenrenew::ui::AttributeTableModel;
namespace core = greenrenew::core;

namespace {

using AttributeEditTest = greenrenew::ui::test::AttributeEditFixture;

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
                                                     .toString() == text; }, 2000))
            << "column " << column << " shows "
            << view->model()->index(0, column).data().toString().toStdString() << ", "
            << stack().count() << " undo steps";
        // The next editor opens while the district update of this edit may still be on its
        // way: it must not disturb that editor (tests/ui/editor_survives_update_test.cpp).
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
