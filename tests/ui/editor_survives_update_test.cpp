// An editor open in the attribute table or the parcel inspector while the figures change under
// it (the district update that follows an edit, the edited parcel's own figures, a parcel
// removed) stays open with what the designer typed; Return then sets the parcel it was opened
// on as one undo step. Each change is an edit made through the session while the editor is
// open, as a click on the toolbar's Undo or a team edit arriving would make it.

#include "attribute_edit_fixture.h"

#include <QLineEdit>
#include <QLocale>
#include <QPointer>

namespace core = greenrenew::core;
using greenrenew::ui::AttributeTableModel;
using greenrenew::ui::EditSession;

namespace {

class EditorSurvivesUpdateTest : public greenrenew::ui::test::AttributeEditFixture {
protected:
    EditSession& session() const { return *window.editor()->session(); }
    const core::Parcel& parcel(std::size_t index) const { return project().parcels.at(index); }

    /// Opens the editor of COLUMN in the table row of parcel INDEX by F2 and types TEXT over
    /// its value, without letting the event loop run (so no update lands before the text is
    /// typed).
    QLineEdit* typeInTable(std::size_t index, int column, const QString& text)
    {
        QTableView* view = window.attributeTable()->view();
        const int row = tableRowOf(index);
        if (row < 0)
            return nullptr;
        const QModelIndex cell = view->model()->index(row, column);
        view->scrollTo(cell);
        view->setCurrentIndex(cell);
        QTest::keyClick(view, Qt::Key_F2);
        auto* line = openEditor<QLineEdit>(view->viewport());
        if (!line)
            return nullptr;
        line->selectAll();
        QTest::keyClicks(line, text);
        return line;
    }

    /// The same in the inspector's row KEY for the parcel selected.
    QLineEdit* typeInInspector(const QString& key, const QString& text)
    {
        if (!window.inspector()->editRow(key))
            return nullptr;
        auto* line = openEditor<QLineEdit>(window.inspector()->viewport());
        if (line)
            QTest::keyClicks(line, text);
        return line;
    }

    /// LINE is still open, showing TEXT.
    static void expectOpenWith(const QPointer<QLineEdit>& line, const QString& text)
    {
        ASSERT_TRUE(line) << "the editor was deleted";
        EXPECT_TRUE(line->isVisible()) << "the editor was closed";
        EXPECT_EQ(line->text(), text);
    }

    /// A parcel other than INDEX.
    std::size_t otherThan(std::size_t index) const { return index == 0 ? 1 : 0; }

    /// Waits for the district update of the edits made so far, which must not have landed
    /// before (else the editor would not have been open when it did).
    void letTheDistrictUpdateLand(int landedBefore)
    {
        ASSERT_EQ(districtUpdates, landedBefore) << "the district update landed too early";
        ASSERT_TRUE(QTest::qWaitFor([&] { return districtUpdates > landedBefore; }, 5000))
            << "no district update within 5 s";
    }
};

TEST_F(EditorSurvivesUpdateTest, TableNameEditorKeepsItsTextThroughTheDistrictUpdate)
{
    const std::size_t edited = residentialWithEstimatedFloors();
    const std::size_t named = otherThan(edited);
    const std::string oldName = parcel(named).name;
    const QString typed = QStringLiteral("Riverside lane");
    QPointer<QLineEdit> line = typeInTable(named, AttributeTableModel::Name, typed);
    ASSERT_TRUE(line);

    // The previous edit: the other parcel's planned floors, then its district update.
    ASSERT_TRUE(session().setField(static_cast<int>(edited), core::ParcelField::PlannedFloors,
                                   QStringLiteral("8")));
    letTheDistrictUpdateLand(0);

    ASSERT_NO_FATAL_FAILURE(expectOpenWith(line, typed));
    // The table shows the other parcel's new floors all the same.
    QTableView* view = window.attributeTable()->view();
    EXPECT_EQ(view->model()
                  ->index(tableRowOf(edited), AttributeTableModel::PlannedFloors)
                  .data()
                  .toString(),
              QStringLiteral("8"));

    QTest::keyClick(line, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stack().count() == 2; }, 2000));
    EXPECT_EQ(parcel(named).name, typed.toStdString());
    EXPECT_EQ(stack().undoText().toStdString(),
              "set name of parcel " + std::to_string(parcel(named).id));
    stack().undo();
    EXPECT_EQ(parcel(named).name, oldName);
    EXPECT_EQ(core::fieldText(parcel(edited), core::ParcelField::PlannedFloors), "8");
}

TEST_F(EditorSurvivesUpdateTest, TableNameEditorKeepsItsTextWhileItsOwnRowsFiguresChange)
{
    const std::size_t index = residentialWithEstimatedFloors();
    core::Parcel planned = opened->parcels[index];
    planned.attributes[core::kPlannedFloorsKey] = "8";
    const core::ParcelResult want = expectedAfter(index, planned);
    ASSERT_NE(QLocale().toString(want.form.far, 'f', 2),
              QLocale().toString(before->parcels[index].form.far, 'f', 2))
        << "the floor area ratio shown must change, else this test proves nothing";
    const QString typed = QStringLiteral("Old lane houses");
    QPointer<QLineEdit> line = typeInTable(index, AttributeTableModel::Name, typed);
    ASSERT_TRUE(line);

    ASSERT_TRUE(session().setField(static_cast<int>(index), core::ParcelField::PlannedFloors,
                                   QStringLiteral("8")));
    letTheDistrictUpdateLand(0);

    ASSERT_NO_FATAL_FAILURE(expectOpenWith(line, typed));
    // The row's figures changed under the editor.
    const QModelIndex far = window.attributeTable()->view()->model()->index(
        tableRowOf(index), AttributeTableModel::Far);
    EXPECT_EQ(far.data().toString(), QLocale().toString(want.form.far, 'f', 2));

    QTest::keyClick(line, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stack().count() == 2; }, 2000));
    EXPECT_EQ(parcel(index).name, typed.toStdString());
    stack().undo();
    EXPECT_EQ(parcel(index).name, opened->parcels[index].name);
    EXPECT_EQ(core::fieldText(parcel(index), core::ParcelField::PlannedFloors), "8");
    expectSameFigures(shown(index), want);
}

TEST_F(EditorSurvivesUpdateTest, TableEditorStaysOnItsParcelWhenAnotherIsRemoved)
{
    // Rows are in id order: the parcel of the first row goes, the editor is on the fourth.
    const std::size_t removed = static_cast<std::size_t>(window.attributeTable()->parcelAtRow(0));
    const std::size_t named = static_cast<std::size_t>(window.attributeTable()->parcelAtRow(3));
    const core::FeatureId namedId = opened->parcels[named].id;
    const int rows = window.attributeTable()->visibleRows();
    const QString typed = QStringLiteral("Corner garden");
    QPointer<QLineEdit> line = typeInTable(named, AttributeTableModel::Notes, typed);
    ASSERT_TRUE(line);

    const core::Parcel gone = opened->parcels[removed];
    ASSERT_TRUE(session().submit(
        {"delete 1 parcel(s)", {gone}, {}, {}}));
    letTheDistrictUpdateLand(0);

    ASSERT_NO_FATAL_FAILURE(expectOpenWith(line, typed));
    // The rows wait for the editor to close.
    EXPECT_EQ(window.attributeTable()->visibleRows(), rows);

    QTest::keyClick(line, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stack().count() == 2; }, 2000));
    const int now = session().indexOf(namedId);
    ASSERT_GE(now, 0);
    EXPECT_EQ(core::fieldText(parcel(static_cast<std::size_t>(now)), core::ParcelField::Notes),
              typed.toStdString());
    EXPECT_EQ(session().indexOf(gone.id), -1);
    // Closed, the table drops the removed parcel's row and shows the notes on the right one.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return window.attributeTable()->visibleRows() == rows - 1; }, 2000));
    const int row = tableRowOf(static_cast<std::size_t>(now));
    ASSERT_GE(row, 0);
    EXPECT_EQ(window.attributeTable()->view()->model()->index(row, AttributeTableModel::Notes)
                  .data().toString(),
              typed);
    stack().undo();
    EXPECT_EQ(parcel(static_cast<std::size_t>(now)).attributes.count(core::kNotesKey), 0u);
}

TEST_F(EditorSurvivesUpdateTest, InspectorNotesEditorKeepsItsTextThroughTheDistrictUpdate)
{
    const std::size_t edited = residentialWithEstimatedFloors();
    const std::size_t noted = otherThan(edited);
    ASSERT_TRUE(window.selectParcelById(opened->parcels[noted].id));
    const QString typed = QStringLiteral("keep the plane trees");
    QPointer<QLineEdit> line = typeInInspector(QStringLiteral("notes"), typed);
    ASSERT_TRUE(line);

    ASSERT_TRUE(session().setField(static_cast<int>(edited), core::ParcelField::PlannedFloors,
                                   QStringLiteral("8")));
    letTheDistrictUpdateLand(0);

    ASSERT_NO_FATAL_FAILURE(expectOpenWith(line, typed));

    QTest::keyClick(line, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stack().count() == 2; }, 2000));
    EXPECT_EQ(core::fieldText(parcel(noted), core::ParcelField::Notes), typed.toStdString());
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("notes")), typed);
    stack().undo();
    EXPECT_EQ(parcel(noted).attributes.count(core::kNotesKey), 0u);
    EXPECT_EQ(core::fieldText(parcel(edited), core::ParcelField::PlannedFloors), "8");
}

TEST_F(EditorSurvivesUpdateTest, InspectorNotesEditorKeepsItsTextWhileItsParcelsFiguresChange)
{
    const std::size_t index = residentialWithEstimatedFloors();
    core::Parcel planned = opened->parcels[index];
    planned.attributes[core::kPlannedFloorsKey] = "8";
    const core::ParcelResult want = expectedAfter(index, planned);
    ASSERT_TRUE(window.selectParcelById(opened->parcels[index].id));
    ASSERT_NE(window.inspector()->valueText(QStringLiteral("far")),
              QLocale().toString(want.form.far, 'f', 2));
    const QString typed = QStringLiteral("raise to eight floors");
    QPointer<QLineEdit> line = typeInInspector(QStringLiteral("notes"), typed);
    ASSERT_TRUE(line);

    ASSERT_TRUE(session().setField(static_cast<int>(index), core::ParcelField::PlannedFloors,
                                   QStringLiteral("8")));
    letTheDistrictUpdateLand(0);

    ASSERT_NO_FATAL_FAILURE(expectOpenWith(line, typed));
    // The rows around the editor show the new plan and what it gives.
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("planned_floors")),
              QStringLiteral("8"));
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("far")),
              QLocale().toString(want.form.far, 'f', 2));

    QTest::keyClick(line, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stack().count() == 2; }, 2000));
    EXPECT_EQ(core::fieldText(parcel(index), core::ParcelField::Notes), typed.toStdString());
    stack().undo();
    EXPECT_EQ(parcel(index).attributes.count(core::kNotesKey), 0u);
    EXPECT_EQ(core::fieldText(parcel(index), core::ParcelField::PlannedFloors), "8");
}

TEST_F(EditorSurvivesUpdateTest, InspectorFloorsEditorKeepsItsTextThroughTheDistrictUpdate)
{
    const std::size_t index = residentialWithEstimatedFloors();
    const std::size_t other = otherThan(index);
    ASSERT_TRUE(window.selectParcelById(opened->parcels[index].id));
    QPointer<QLineEdit> line = typeInInspector(QStringLiteral("planned_floors"),
                                               QStringLiteral("6"));
    ASSERT_TRUE(line);

    ASSERT_TRUE(session().setField(static_cast<int>(other), core::ParcelField::Notes,
                                   QStringLiteral("survey first")));
    letTheDistrictUpdateLand(0);

    ASSERT_NO_FATAL_FAILURE(expectOpenWith(line, QStringLiteral("6")));
    QTest::keyClick(line, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return stack().count() == 2; }, 2000));
    EXPECT_EQ(core::fieldText(parcel(index), core::ParcelField::PlannedFloors), "6");
    EXPECT_EQ(window.inspector()->valueText(QStringLiteral("planned_floors")),
              QStringLiteral("6"));
}

} // namespace
