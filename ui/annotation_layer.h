#pragma once

// The designer's annotations of the shown project (text, arrows, callouts, intervention
// symbols) and the undo commands that change them. The layer is the one copy the desktop
// edits; every change goes through a command on the window's undo stack, so undo and redo
// give back exactly what was there. Saved with the results in gr_annotations and read back
// when a GeoPackage is opened (gis/annotation_store.h).

#include "core/annotation.h"
#include "core/result.h"

#include <QObject>
#include <QString>
#include <QUndoCommand>

#include <cstdint>
#include <string>
#include <vector>

namespace greenrenew::ui {

class AnnotationLayer : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    const std::vector<core::Annotation>& annotations() const { return m_annotations; }
    /// Replaces every annotation (a project opened); clears the selection.
    void setAnnotations(std::vector<core::Annotation> annotations);
    /// The annotation with ID, or nullptr.
    const core::Annotation* find(std::int64_t id) const;
    /// An id no annotation has yet (one above the largest).
    std::int64_t nextId() const;

    /// Puts ANNOTATION at POSITION in the drawing order (clamped; -1: on top).
    void insert(const core::Annotation& annotation, int position = -1);
    /// Removes the annotation with ID; returns where it was in the drawing order, -1 if absent.
    int remove(std::int64_t id);
    /// Replaces the annotation of the same id; false when there is none.
    bool replace(const core::Annotation& annotation);

    /// The selected annotation's id, 0 for none.
    std::int64_t selected() const { return m_selected; }
    void setSelected(std::int64_t id);

    /// Reads gr_annotations of PATH when it is a GeoPackage (other inputs have none).
    core::Result<bool> load(const QString& path);
    /// Writes every annotation to gr_annotations of the GeoPackage PATH, in CRSWKT.
    core::Result<bool> save(const QString& path, const std::string& crsWkt) const;

signals:
    /// An annotation was added, removed or changed; the map redraws them.
    void changed();
    void selectionChanged(std::int64_t id);

private:
    std::vector<core::Annotation> m_annotations;
    std::int64_t m_selected = 0;
};

/// Places a new annotation; undo takes it away.
class AddAnnotationCommand : public QUndoCommand {
public:
    AddAnnotationCommand(AnnotationLayer& layer, core::Annotation annotation);
    void redo() override;
    void undo() override;

private:
    AnnotationLayer& m_layer;
    core::Annotation m_annotation;
};

/// Deletes an annotation; undo puts it back in its place in the drawing order.
class RemoveAnnotationCommand : public QUndoCommand {
public:
    RemoveAnnotationCommand(AnnotationLayer& layer, core::Annotation annotation);
    void redo() override;
    void undo() override;

private:
    AnnotationLayer& m_layer;
    core::Annotation m_annotation;
    int m_position = -1;
};

/// Moves an annotation or edits its text: BEFORE and AFTER share the id.
class ChangeAnnotationCommand : public QUndoCommand {
public:
    ChangeAnnotationCommand(AnnotationLayer& layer, core::Annotation before,
                            core::Annotation after, const QString& text);
    void redo() override;
    void undo() override;

private:
    AnnotationLayer& m_layer;
    core::Annotation m_before;
    core::Annotation m_after;
};

/// "text", "arrow", "callout" or "intervention" shown to the user, translated.
QString annotationKindLabel(core::AnnotationKind kind);

} // namespace greenrenew::ui
