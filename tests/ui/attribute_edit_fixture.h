#pragma once

// The desktop on the sample with an editing session, for the tests of attribute edits in the
// attribute table and the parcel inspector. Expected figures come from a full
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

#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <memory>

namespace greenrenew::ui::test {

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

constexpr double kTolerance = 1e-9;

class AttributeEditFixture : public ::testing::Test {
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
        // The figures of the rest of the district follow an edit once control is back in the
        // event loop, said by edited() without ids.
        QObject::connect(window.editor()->session(), &EditSession::edited, &window,
                         [this](const QList<core::FeatureId>& ids) {
                             if (ids.isEmpty())
                                 ++districtUpdates;
                         });
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

    /// The editor open in VIEW, null for none. The open editor is the visible one: a closed
    /// editor is hidden and stays a child of the view until its deferred deletion, and typing
    /// into it would go nowhere.
    template <typename Editor>
    static Editor* openEditor(QWidget* view)
    {
        for (Editor* candidate : view->findChildren<Editor*>())
            if (candidate->isVisible())
                return candidate;
        return nullptr;
    }

    template <typename Editor>
    Editor* waitForEditor(QWidget* view)
    {
        Editor* editor = nullptr;
        // A null editor fails the caller's ASSERT, naming the missing editor there.
        if (!QTest::qWaitFor([&] { return (editor = openEditor<Editor>(view)) != nullptr; },
                             2000))
            return nullptr;
        return editor;
    }

    /// The table's view row showing parcel INDEX (project order), -1 for none.
    int tableRowOf(std::size_t index) const
    {
        for (int row = 0; window.attributeTable()->parcelAtRow(row) >= 0; ++row) {
            if (window.attributeTable()->parcelAtRow(row) == static_cast<int>(index))
                return row;
        }
        return -1;
    }

    std::shared_ptr<core::Project> opened;
    std::shared_ptr<core::Analysis> before;
    MainWindow window;
    int districtUpdates = 0;
};

} // namespace greenrenew::ui::test
