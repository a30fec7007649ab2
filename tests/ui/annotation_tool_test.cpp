// The Annotate tools driven by the mouse on the offscreen platform: place, undo, redo, move,
// edit, delete, and the round trip through the results GeoPackage (gr_annotations). Three
// 100 m x 100 m parcels side by side (test_project.h); positions are where the clicks land on
// the map, read back from the canvas's own transform.

#include "core/analysis.h"
#include "gis/method_resources.h"
#include "test_project.h"
#include "ui/annotation_layer.h"
#include "ui/annotation_tool.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/main_window.h"
#include "ui/map_canvas.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

namespace greenrenew::ui {
namespace {

// Coordinates go through GeoPackage doubles unchanged: equal to the last bit.
constexpr double kExactM = 1e-9;

const QString kParkText = QStringLiteral("口袋公园 pocket park");

class AnnotationToolTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const auto data = test::makeThreeParcels();
        project = std::make_shared<core::Project>(*data.project);
        auto config = gis::loadMethodConfig(gis::resourceDir());
        ASSERT_TRUE(config.ok()) << config.error().describe();
        project->config = config.value();
        analysis = std::make_shared<core::Analysis>(core::runAnalysis(*project));
        window.resize(1200, 800);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.setProject(project, analysis);
        annotate = window.annotations();
        annotate->setTextPrompt(
            [this](const QString&, const QString& current) -> std::optional<QString> {
                asked << current;
                return answer;
            });
    }

    QPoint at(double x, double y) const
    {
        return window.canvas()->transform().toScreen(QPointF(x, y)).toPoint();
    }
    /// Where a mouse event at map point (X, Y) lands once rounded to a pixel.
    QPointF landed(double x, double y) const
    {
        return window.canvas()->transform().toMap(at(x, y));
    }
    void click(double x, double y)
    {
        QTest::mouseClick(window.canvas(), Qt::LeftButton, Qt::NoModifier, at(x, y));
    }
    void drag(QPointF from, QPointF to)
    {
        MapCanvas* canvas = window.canvas();
        QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, at(from.x(), from.y()));
        QTest::mouseMove(canvas, at((from.x() + to.x()) / 2, (from.y() + to.y()) / 2));
        QTest::mouseMove(canvas, at(to.x(), to.y()));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, at(to.x(), to.y()));
    }
    const std::vector<core::Annotation>& placed() const
    {
        return annotate->layer()->annotations();
    }

    std::shared_ptr<core::Project> project;
    std::shared_ptr<core::Analysis> analysis;
    MainWindow window;
    AnnotationController* annotate = nullptr;
    QString answer = kParkText;
    QStringList asked;
};

void expectAt(const core::Point& point, const QPointF& expected)
{
    EXPECT_NEAR(point.x(), expected.x(), kExactM);
    EXPECT_NEAR(point.y(), expected.y(), kExactM);
}

TEST_F(AnnotationToolTest, TextAndArrowSurviveUndoRedoSaveAndReopen)
{
    annotate->textAction()->trigger();
    click(150, 50);
    annotate->arrowAction()->trigger();
    drag({50, 80}, {250, 20});

    ASSERT_EQ(placed().size(), 2u);
    EXPECT_EQ(placed()[0].kind, core::AnnotationKind::Text);
    EXPECT_EQ(QString::fromStdString(placed()[0].text), kParkText);
    expectAt(placed()[0].position, landed(150, 50));
    EXPECT_EQ(placed()[1].kind, core::AnnotationKind::Arrow);
    expectAt(placed()[1].position, landed(50, 80));  // the tail where the press was
    expectAt(placed()[1].target, landed(250, 20));   // the head where the release was

    QUndoStack* stack = window.editor()->session()->undoStack();
    stack->undo();
    ASSERT_EQ(placed().size(), 1u);
    EXPECT_EQ(placed()[0].kind, core::AnnotationKind::Text);
    stack->undo();
    EXPECT_TRUE(placed().empty());
    stack->redo();
    stack->redo();
    ASSERT_EQ(placed().size(), 2u);
    EXPECT_EQ(placed()[1].kind, core::AnnotationKind::Arrow);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.gpkg"));
    ASSERT_TRUE(window.saveResults(path)) << window.messageText().toStdString();

    // GDAL's own ogrinfo sees the table and both rows.
    QProcess ogrinfo;
    ogrinfo.start(QStringLiteral("ogrinfo"),
                  {QStringLiteral("-ro"), path, QStringLiteral("-sql"),
                   QStringLiteral("SELECT group_concat(kind, ',') AS kinds FROM gr_annotations")});
    ASSERT_TRUE(ogrinfo.waitForFinished(60000));
    EXPECT_TRUE(QString::fromUtf8(ogrinfo.readAllStandardOutput())
                    .contains(QStringLiteral("kinds (String) = text,arrow")));

    MainWindow reopened;
    reopened.setProject(project, analysis, path);
    const std::vector<core::Annotation>& read = reopened.annotations()->layer()->annotations();
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].kind, core::AnnotationKind::Text);
    EXPECT_EQ(QString::fromStdString(read[0].text), kParkText);
    expectAt(read[0].position, landed(150, 50));
    EXPECT_EQ(read[1].kind, core::AnnotationKind::Arrow);
    expectAt(read[1].position, landed(50, 80));
    expectAt(read[1].target, landed(250, 20));
}

TEST_F(AnnotationToolTest, SelectMoveEditAndDeleteAreEachOneUndoStep)
{
    annotate->calloutAction()->trigger();
    // Pressed on what it explains (parcel 2's centre), released where the box goes.
    drag({150, 50}, {180, 90});
    ASSERT_EQ(placed().size(), 1u);
    const core::Annotation callout = placed()[0];
    expectAt(callout.target, landed(150, 50));
    expectAt(callout.position, landed(180, 90));

    // The box is drawn up-right of its bottom-left corner: press a little inside it.
    annotate->selectAction()->trigger();
    const QPointF grip = landed(180, 90) + QPointF(2 * window.canvas()->transform()
                                                           .metresPerPixel(),
                                                       2 * window.canvas()->transform()
                                                           .metresPerPixel());
    ASSERT_EQ(annotate->annotationAt(window.canvas()->transform().toScreen(grip)), callout.id);
    drag(grip, grip + QPointF(-40, -20));
    ASSERT_EQ(placed().size(), 1u);
    // The box moved by the drag; what it points at stayed.
    const QPointF moved = landed(grip.x() - 40, grip.y() - 20) - landed(grip.x(), grip.y());
    expectAt(placed()[0].position,
             QPointF(callout.position.x(), callout.position.y()) + moved);
    expectAt(placed()[0].target, landed(150, 50));

    answer = QStringLiteral("改为社区花园");
    ASSERT_TRUE(annotate->editSelectedText());
    EXPECT_EQ(asked.last(), kParkText);  // the dialog starts from the present text
    EXPECT_EQ(QString::fromStdString(placed()[0].text), answer);

    annotate->deleteAction()->trigger();
    EXPECT_TRUE(placed().empty());

    QUndoStack* stack = window.editor()->session()->undoStack();
    stack->undo();  // the delete
    ASSERT_EQ(placed().size(), 1u);
    EXPECT_EQ(QString::fromStdString(placed()[0].text), answer);
    stack->undo();  // the edit
    EXPECT_EQ(QString::fromStdString(placed()[0].text), kParkText);
    stack->undo();  // the move
    expectAt(placed()[0].position, landed(180, 90));
    stack->undo();  // the placing
    EXPECT_TRUE(placed().empty());
}

TEST_F(AnnotationToolTest, AnEditingToolAndAnAnnotateToolAreNeverOnTogether)
{
    annotate->textAction()->trigger();
    const MapTool* annotateTool = window.canvas()->mapTool();
    ASSERT_NE(annotateTool, nullptr);
    window.editor()->vertexAction()->trigger();
    EXPECT_FALSE(annotate->textAction()->isChecked());
    EXPECT_NE(window.canvas()->mapTool(), annotateTool);
    annotate->arrowAction()->trigger();
    EXPECT_FALSE(window.editor()->vertexAction()->isChecked());
    EXPECT_EQ(window.canvas()->mapTool(), annotateTool);
}

TEST_F(AnnotationToolTest, CancelledTextPlacesNothing)
{
    annotate->setTextPrompt([](const QString&, const QString&) { return std::nullopt; });
    annotate->textAction()->trigger();
    click(150, 50);
    EXPECT_TRUE(placed().empty());
    EXPECT_EQ(window.editor()->session()->undoStack()->count(), 0);
}


TEST_F(AnnotationToolTest, InterventionSymbolKeepsTheChosenTechniqueThroughSaveAndReopen)
{
    QStringList offered;
    annotate->setChoicePrompt(
        [&offered](const QString&, const QStringList& choices) -> std::optional<int> {
            offered = choices;
            for (qsizetype i = 0; i < choices.size(); ++i)
                if (choices[i].contains(QStringLiteral("(rooftop_pv)")))
                    return static_cast<int>(i);
            return std::nullopt;
        });
    annotate->interventionAction()->trigger();
    click(50, 30);

    ASSERT_EQ(placed().size(), 1u);
    EXPECT_EQ(placed()[0].kind, core::AnnotationKind::Intervention);
    EXPECT_EQ(placed()[0].text, "rooftop_pv");
    expectAt(placed()[0].position, landed(50, 30));
    // The shipped catalogue (resources/method/interventions.json) offers its 13 techniques,
    // named in the map's language (Chinese here).
    EXPECT_EQ(offered.size(), 13);
    EXPECT_TRUE(offered.contains(QStringLiteral("利用太阳能发电（屋顶光伏） (rooftop_pv)")))
        << offered.join(QLatin1Char('|')).toStdString();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.gpkg"));
    ASSERT_TRUE(window.saveResults(path)) << window.messageText().toStdString();
    MainWindow reopened;
    reopened.setProject(project, analysis, path);
    const std::vector<core::Annotation>& read = reopened.annotations()->layer()->annotations();
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].kind, core::AnnotationKind::Intervention);
    EXPECT_EQ(read[0].text, "rooftop_pv");
    expectAt(read[0].position, landed(50, 30));
}

} // namespace
} // namespace greenrenew::ui
