#include "ui/annotation_tool.h"

#include "ui/annotation_layer.h"
#include "ui/edit_commands.h"
#include "ui/edit_tools.h"
#include "ui/render/map_annotations.h"
#include "ui/render/map_decorations.h"
#include "ui/render/map_view.h"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QInputDialog>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolBar>
#include <QUndoStack>
#include <QWidget>

#include <cmath>
#include <set>

namespace greenrenew::ui {

namespace {

const QColor kSelectionPen(0x1E, 0x88, 0xE5);

render::MapView canvasView(const MapCanvas& canvas)
{
    return render::MapView(canvas.transform().visibleExtent(), QRectF(canvas.rect()));
}

/// The symbol unit of the canvas, as its scale bar and north arrow use it.
double canvasUnit(const MapCanvas& canvas)
{
    return render::mapUnit(QRectF(canvas.rect()));
}

core::Point toCore(const QPointF& point)
{
    return core::Point(point.x(), point.y());
}

/// Draws the annotations over the canvas, above its cached map and selection, as the
/// exported sheet draws them. Transparent to the mouse: the canvas and its tool get the
/// clicks. A child rather than a hook in the canvas, so it follows the canvas's size.
class AnnotationOverlay : public QWidget {
public:
    AnnotationOverlay(MapCanvas* canvas, AnnotationLayer* layer)
        : QWidget(canvas), m_canvas(canvas), m_layer(layer)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setGeometry(canvas->rect());
        canvas->installEventFilter(this);
        show();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_canvas && event->type() == QEvent::Resize)
            setGeometry(m_canvas->rect());
        return false;
    }

    void paintEvent(QPaintEvent*) override
    {
        if (!m_canvas->project() || m_layer->annotations().empty())
            return;
        QPainter painter(this);
        const render::MapView view = canvasView(*m_canvas);
        const double unit = canvasUnit(*m_canvas);
        render::drawAnnotations(painter, view, m_layer->annotations(), unit);
        if (const core::Annotation* selected = m_layer->find(m_layer->selected())) {
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(kSelectionPen, 1.5, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(render::annotationShape(view, *selected, unit)
                                 .boundingRect()
                                 .adjusted(-3, -3, 3, 3));
        }
    }

private:
    MapCanvas* m_canvas;
    AnnotationLayer* m_layer;
};

} // namespace

void AnnotationTool::setMode(Mode mode)
{
    m_mode = mode;
    m_pressed = false;
    m_dragged.reset();
}

bool AnnotationTool::mousePress(MapCanvas& canvas, QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    const QPointF screen = event->position();
    if (m_mode != Mode::Select) {
        m_pressed = true;
        m_pressScreen = m_currentScreen = screen;
        return true;
    }
    AnnotationLayer& layer = *m_controller.layer();
    const std::int64_t hit = m_controller.annotationAt(screen);
    layer.setSelected(hit);
    if (hit == 0)
        return false;  // the canvas pans and selects parcels as usual
    // A double-click arrives here as a second press (the canvas does not take it apart).
    if (event->type() == QEvent::MouseButtonDblClick) {
        m_controller.editSelectedText();
        return true;
    }
    m_pressed = true;
    m_pressScreen = m_currentScreen = screen;
    m_dragged = *layer.find(hit);
    (void)canvas;
    return true;
}

bool AnnotationTool::mouseMove(MapCanvas& canvas, QMouseEvent* event)
{
    if (!m_pressed)
        return false;
    m_currentScreen = event->position();
    if (m_mode == Mode::Select && m_dragged) {
        // The annotation follows the cursor; the drag becomes one undo step on release.
        const QPointF delta = canvas.transform().toMap(m_currentScreen)
                              - canvas.transform().toMap(m_pressScreen);
        core::Annotation moved = *m_dragged;
        moved.position = toCore(QPointF(m_dragged->position.x(), m_dragged->position.y()) + delta);
        // A callout's box moves; what it points at stays.
        if (moved.kind != core::AnnotationKind::Callout)
            moved.target = toCore(QPointF(m_dragged->target.x(), m_dragged->target.y()) + delta);
        m_controller.layer()->replace(moved);
    }
    canvas.update();
    return true;
}

bool AnnotationTool::mouseRelease(MapCanvas& canvas, QMouseEvent* event)
{
    if (!m_pressed || event->button() != Qt::LeftButton)
        return false;
    m_pressed = false;
    if (m_mode == Mode::Select) {
        if (m_dragged && QLineF(m_pressScreen, event->position()).length() >= kClickSlopPx)
            m_controller.recordMove(*m_dragged);
        else if (m_dragged)
            m_controller.layer()->replace(*m_dragged);
        m_dragged.reset();
        return true;
    }
    finishPlacing(canvas, event->position());
    canvas.update();
    return true;
}

void AnnotationTool::finishPlacing(MapCanvas& canvas, const QPointF& releaseScreen)
{
    const MapTransform& transform = canvas.transform();
    const QPointF press = m_pressScreen;
    const bool dragged = QLineF(press, releaseScreen).length() >= kClickSlopPx;
    const QPointF leader(kDefaultLeaderPx, -kDefaultLeaderPx);
    switch (m_mode) {
    case Mode::Text:
    case Mode::Intervention: {
        const core::AnnotationKind kind = m_mode == Mode::Text ? core::AnnotationKind::Text
                                                               : core::AnnotationKind::Intervention;
        const QPointF at = transform.toMap(releaseScreen);
        m_controller.place(kind, at, at);
        break;
    }
    case Mode::Arrow: {
        // Tail where the press was, head where the release was; a click points at itself
        // from up-left.
        const QPointF tail = dragged ? press : releaseScreen - leader;
        m_controller.place(core::AnnotationKind::Arrow, transform.toMap(tail),
                           transform.toMap(releaseScreen));
        break;
    }
    case Mode::Callout: {
        // Pressed on what it explains, released where the box goes; a click puts the box
        // up-right of it.
        const QPointF box = dragged ? releaseScreen : press + leader;
        m_controller.place(core::AnnotationKind::Callout, transform.toMap(box),
                           transform.toMap(press));
        break;
    }
    case Mode::Select:
        break;
    }
}

void AnnotationTool::paint(MapCanvas& canvas, QPainter& painter)
{
    (void)canvas;
    if (!m_pressed || (m_mode != Mode::Arrow && m_mode != Mode::Callout))
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(kSelectionPen, 1.5, Qt::DashLine));
    painter.drawLine(m_pressScreen, m_currentScreen);
}

AnnotationController::AnnotationController(MapCanvas* canvas, EditController* editor,
                                           QObject* parent)
    : QObject(parent), m_canvas(canvas), m_editor(editor), m_layer(new AnnotationLayer(this)),
      m_tool(std::make_unique<AnnotationTool>(*this))
{
    m_overlay = new AnnotationOverlay(canvas, m_layer);
    connect(m_layer, &AnnotationLayer::changed, m_overlay, qOverload<>(&QWidget::update));
    connect(m_layer, &AnnotationLayer::selectionChanged, m_overlay,
            qOverload<>(&QWidget::update));
    connect(m_layer, &AnnotationLayer::selectionChanged, this, [this] { updateActions(); });
    connect(canvas, &MapCanvas::viewChanged, m_overlay, qOverload<>(&QWidget::update));

    m_askText = [this](const QString& title, const QString& current) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getText(m_canvas, title, tr("Text:"),
                                                   QLineEdit::Normal, current, &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    };
    m_askChoice = [this](const QString& title, const QStringList& choices) -> std::optional<int> {
        bool ok = false;
        const QString picked =
            QInputDialog::getItem(m_canvas, title, tr("Intervention:"), choices, 0, false, &ok);
        return ok ? std::optional<int>(static_cast<int>(choices.indexOf(picked)))
                  : std::nullopt;
    };

    auto* tools = new QActionGroup(this);
    tools->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    auto makeTool = [&](const QString& text, AnnotationTool::Mode mode) {
        QAction* action = tools->addAction(text);
        action->setCheckable(true);
        connect(action, &QAction::toggled, this,
                [this, mode](bool on) { chooseMode(mode, on); });
        return action;
    };
    m_selectAction = makeTool(tr("Select &Annotations"), AnnotationTool::Mode::Select);
    m_textAction = makeTool(tr("Add &Text"), AnnotationTool::Mode::Text);
    m_arrowAction = makeTool(tr("Add A&rrow"), AnnotationTool::Mode::Arrow);
    m_calloutAction = makeTool(tr("Add &Callout"), AnnotationTool::Mode::Callout);
    m_interventionAction =
        makeTool(tr("Add &Intervention Symbol"), AnnotationTool::Mode::Intervention);
    m_selectAction->setShortcut(QKeySequence(tr("A")));
    m_textAction->setShortcut(QKeySequence(tr("T")));

    m_editTextAction = new QAction(tr("Edit Annotation Te&xt…"), this);
    m_editTextAction->setShortcut(QKeySequence(tr("F2")));
    connect(m_editTextAction, &QAction::triggered, this, [this] { editSelectedText(); });
    m_deleteAction = new QAction(tr("Delete Annotatio&n"), this);
    // Delete alone removes the selected parcels (the editing tools).
    m_deleteAction->setShortcut(QKeySequence(tr("Shift+Del")));
    connect(m_deleteAction, &QAction::triggered, this, &AnnotationController::deleteSelected);

    // One mouse mode at a time: an editing tool drops the annotate tool.
    for (QAction* editing :
         {editor->vertexAction(), editor->drawAction(), editor->splitAction()}) {
        connect(editing, &QAction::toggled, this, [tools](bool on) {
            if (on && tools->checkedAction())
                tools->checkedAction()->setChecked(false);
        });
    }
    updateActions();
}

AnnotationController::~AnnotationController()
{
    // The canvas may already be gone (both are children of the main window).
    if (m_canvas && m_canvas->mapTool() == m_tool.get())
        m_canvas->setMapTool(nullptr);
}

QUndoStack* AnnotationController::undoStack() const
{
    return m_editor->session()->undoStack();
}

void AnnotationController::addActions(QMenu* menu, QToolBar* toolbar)
{
    for (QAction* action : {m_selectAction, m_textAction, m_arrowAction, m_calloutAction,
                            m_interventionAction, m_editTextAction, m_deleteAction}) {
        menu->addAction(action);
        toolbar->addAction(action);
    }
}

void AnnotationController::chooseMode(AnnotationTool::Mode mode, bool on)
{
    if (!on) {
        if (m_canvas->mapTool() == m_tool.get())
            m_canvas->setMapTool(nullptr);
        return;
    }
    for (QAction* editing :
         {m_editor->vertexAction(), m_editor->drawAction(), m_editor->splitAction()}) {
        if (editing->isChecked())
            editing->setChecked(false);
    }
    m_tool->setMode(mode);
    m_canvas->setMapTool(m_tool.get());
}

void AnnotationController::updateActions()
{
    const bool selected = m_layer->find(m_layer->selected()) != nullptr;
    m_editTextAction->setEnabled(selected);
    m_deleteAction->setEnabled(selected);
}

bool AnnotationController::place(core::AnnotationKind kind, const QPointF& position,
                                 const QPointF& target)
{
    if (!m_canvas->project()) {
        emit message(tr("Open a data set before annotating its map."));
        return false;
    }
    core::Annotation annotation;
    annotation.id = m_layer->nextId();
    annotation.kind = kind;
    annotation.position = toCore(position);
    annotation.target = toCore(target);
    if (kind == core::AnnotationKind::Intervention) {
        QStringList choices;
        std::vector<std::string> techniques;
        std::set<std::string> seen;
        for (const core::InterventionSpec& spec : m_canvas->project()->config.interventions) {
            if (!seen.insert(spec.technique).second)
                continue;
            techniques.push_back(spec.technique);
            // Named in the map's language, as the legend and labels around the symbol are.
            const std::string& name =
                m_canvas->language() == QStringLiteral("en") ? spec.nameEn : spec.nameZh;
            choices << tr("%1 (%2)").arg(QString::fromStdString(name),
                                         QString::fromStdString(spec.technique));
        }
        if (choices.isEmpty()) {
            emit message(tr("The method has no intervention techniques to place."));
            return false;
        }
        const std::optional<int> picked = m_askChoice(tr("Intervention symbol"), choices);
        if (!picked || *picked < 0 || *picked >= static_cast<int>(techniques.size()))
            return false;
        annotation.text = techniques[static_cast<std::size_t>(*picked)];
    } else if (kind != core::AnnotationKind::Arrow) {
        const std::optional<QString> text = m_askText(tr("Annotation text"), {});
        if (!text || text->trimmed().isEmpty())
            return false;
        annotation.text = text->toStdString();
    }
    undoStack()->push(new AddAnnotationCommand(*m_layer, annotation));
    m_layer->setSelected(annotation.id);
    return true;
}

void AnnotationController::recordMove(const core::Annotation& before)
{
    const core::Annotation* now = m_layer->find(before.id);
    if (!now)
        return;
    undoStack()->push(new ChangeAnnotationCommand(
        *m_layer, before, *now, tr("move %1").arg(annotationKindLabel(before.kind))));
}

bool AnnotationController::editSelectedText()
{
    const core::Annotation* selected = m_layer->find(m_layer->selected());
    if (!selected || selected->kind == core::AnnotationKind::Intervention)
        return false;
    const std::optional<QString> text =
        m_askText(tr("Annotation text"), QString::fromStdString(selected->text));
    if (!text || text->toStdString() == selected->text)
        return false;
    core::Annotation after = *selected;
    after.text = text->toStdString();
    undoStack()->push(new ChangeAnnotationCommand(
        *m_layer, *selected, after, tr("edit %1").arg(annotationKindLabel(selected->kind))));
    return true;
}

void AnnotationController::deleteSelected()
{
    if (const core::Annotation* selected = m_layer->find(m_layer->selected()))
        undoStack()->push(new RemoveAnnotationCommand(*m_layer, *selected));
}

std::int64_t AnnotationController::annotationAt(const QPointF& screenPoint) const
{
    const render::MapView view = canvasView(*m_canvas);
    const double unit = canvasUnit(*m_canvas);
    const auto& annotations = m_layer->annotations();
    // The last drawn is on top.
    for (auto it = annotations.rbegin(); it != annotations.rend(); ++it) {
        if (render::annotationShape(view, *it, unit).contains(screenPoint))
            return it->id;
    }
    return 0;
}

} // namespace greenrenew::ui
