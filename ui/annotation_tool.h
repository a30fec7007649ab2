#pragma once

// The Annotate tools of the desktop: place text, arrows, callouts and intervention symbols on
// the map, select one (click), move it (drag), edit its text (double-click or Edit Annotation
// Text) and delete it. Every step is a command on the window's undo stack. The annotations are
// drawn over the map by render::drawAnnotations, the function the exported sheets use.
//
// Placing: Text and Intervention take a click. Arrow: press at the tail, release at the head.
// Callout: press at what it points to, release where its box goes. A click without a drag
// gives an arrow or callout of kDefaultLeaderPx pointing at the click.

#include "core/annotation.h"
#include "ui/map_canvas.h"

#include <QObject>
#include <QPointer>
#include <QPointF>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QMenu;
class QToolBar;
class QUndoStack;
class QWidget;

namespace greenrenew::ui {

class AnnotationController;
class AnnotationLayer;
class EditController;

/// Screen length of the leader of an arrow or callout placed by a click alone.
inline constexpr double kDefaultLeaderPx = 40.0;
/// A press and release closer than this on screen is a click, not a drag.
inline constexpr double kClickSlopPx = 4.0;

class AnnotationTool : public MapTool {
public:
    enum class Mode { Select, Text, Arrow, Callout, Intervention };

    explicit AnnotationTool(AnnotationController& controller) : m_controller(controller) {}
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    bool mousePress(MapCanvas& canvas, QMouseEvent* event) override;
    bool mouseMove(MapCanvas& canvas, QMouseEvent* event) override;
    bool mouseRelease(MapCanvas& canvas, QMouseEvent* event) override;
    void paint(MapCanvas& canvas, QPainter& painter) override;

private:
    void finishPlacing(MapCanvas& canvas, const QPointF& releaseScreen);

    AnnotationController& m_controller;
    Mode m_mode = Mode::Select;
    bool m_pressed = false;
    QPointF m_pressScreen;
    QPointF m_currentScreen;
    /// The annotation being dragged, as it was before the drag.
    std::optional<core::Annotation> m_dragged;
};

class AnnotationController : public QObject {
    Q_OBJECT

public:
    /// Asks for a text (TITLE, starting from CURRENT); none when the user cancels.
    using TextPrompt =
        std::function<std::optional<QString>(const QString& title, const QString& current)>;
    /// Asks to pick one of CHOICES; the index picked, none when the user cancels.
    using ChoicePrompt =
        std::function<std::optional<int>(const QString& title, const QStringList& choices)>;

    /// The annotate tools on CANVAS; their steps go on EDITOR's undo stack, and picking one
    /// of them drops EDITOR's tool (and the other way round).
    AnnotationController(MapCanvas* canvas, EditController* editor, QObject* parent = nullptr);
    ~AnnotationController() override;

    AnnotationLayer* layer() const { return m_layer; }
    MapCanvas* canvas() const { return m_canvas; }
    QUndoStack* undoStack() const;

    /// Adds the Annotate entries to MENU and their buttons to TOOLBAR.
    void addActions(QMenu* menu, QToolBar* toolbar);
    QAction* selectAction() const { return m_selectAction; }
    QAction* textAction() const { return m_textAction; }
    QAction* arrowAction() const { return m_arrowAction; }
    QAction* calloutAction() const { return m_calloutAction; }
    QAction* interventionAction() const { return m_interventionAction; }
    QAction* editTextAction() const { return m_editTextAction; }
    QAction* deleteAction() const { return m_deleteAction; }

    /// Replaces the dialogs that ask for a text or a technique (tests script them).
    void setTextPrompt(TextPrompt prompt) { m_askText = std::move(prompt); }
    void setChoicePrompt(ChoicePrompt prompt) { m_askChoice = std::move(prompt); }

    /// Places an annotation of KIND at POSITION pointing at TARGET (map metres), asking for
    /// its text or technique; false when the user cancels.
    bool place(core::AnnotationKind kind, const QPointF& position, const QPointF& target);
    /// Records a finished drag of BEFORE to where the layer now has it, as one undo step.
    void recordMove(const core::Annotation& before);
    /// Asks for the selected annotation's new text; false without a selection or change.
    bool editSelectedText();
    void deleteSelected();
    /// The top-most annotation drawn under SCREENPOINT, 0 for none.
    std::int64_t annotationAt(const QPointF& screenPoint) const;

signals:
    void message(const QString& text);

private:
    void chooseMode(AnnotationTool::Mode mode, bool on);
    void updateActions();

    QPointer<MapCanvas> m_canvas;
    EditController* m_editor = nullptr;
    AnnotationLayer* m_layer = nullptr;
    QWidget* m_overlay = nullptr;
    std::unique_ptr<AnnotationTool> m_tool;
    TextPrompt m_askText;
    ChoicePrompt m_askChoice;
    QAction* m_selectAction = nullptr;
    QAction* m_textAction = nullptr;
    QAction* m_arrowAction = nullptr;
    QAction* m_calloutAction = nullptr;
    QAction* m_interventionAction = nullptr;
    QAction* m_editTextAction = nullptr;
    QAction* m_deleteAction = nullptr;
};

} // namespace greenrenew::ui
