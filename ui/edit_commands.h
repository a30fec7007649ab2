#pragma once

// The editing session of the desktop and its undo commands. The session owns the project
// being edited and its analysis; every edit is a core::ParcelChange pushed as a command on the
// session's QUndoStack, so undo and redo apply and revert it exactly, and after each step the
// figures of the touched parcels are recomputed (core::IncrementalAnalysis).

#include "core/analysis.h"
#include "core/model.h"
#include "core/parcel_attributes.h"
#include "core/parcel_edit.h"

#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QUndoCommand>
#include <QVector>

#include <functional>
#include <memory>

class QUndoStack;

namespace greenrenew::core {
class IncrementalAnalysis;
}

namespace greenrenew::ui {

class EditSession : public QObject {
    Q_OBJECT

public:
    explicit EditSession(QObject* parent = nullptr);
    ~EditSession() override;

    /// Starts editing a copy of PROJECT with its ANALYSIS (project order); clears the undo
    /// stack. Without the method's parameters in the project the figures of edited parcels
    /// cannot be recomputed: they are then left empty.
    void setProject(const core::Project& project, const core::Analysis& analysis);
    std::shared_ptr<core::Project> project() const { return m_project; }
    std::shared_ptr<core::Analysis> analysis() const { return m_analysis; }
    QUndoStack* undoStack() const { return m_stack; }

    /// Pushes CHANGE as an undoable command (applying it). False when it does not apply (the
    /// stack is then left as it was).
    bool submit(core::ParcelChange change);

    /// Sets FIELD of the parcel at INDEX (project order) from TEXT as one undoable step, so
    /// it is journaled and logged like a geometry edit and the figures follow. False when the
    /// value is unchanged, the index is out of range or the text is refused; a refusal is
    /// said through refused().
    bool setField(int index, core::ParcelField field, const QString& text);
    /// setField() on the parcel with ID wherever it is now: an editor opened before parcels
    /// were added or removed still edits the parcel it was opened on. When that parcel is gone
    /// refused() says so with the text typed, which is then not lost unseen.
    bool setFieldOf(core::FeatureId id, core::ParcelField field, const QString& text);

    /// Applies or reverts CHANGE and recomputes the figures; used by the commands.
    bool apply(core::ParcelChange& change);
    bool revert(const core::ParcelChange& change);
    /// Whether the last apply() or revert() succeeded.
    bool lastStepSucceeded() const { return m_lastStepSucceeded; }

    /// Brings the figures away from the last edits up to date now (the district's residents
    /// and the priority ranking, otherwise updated once control is back in the event loop):
    /// before the analysis is saved or compared whole.
    void finishPendingUpdates();

    /// Position of the parcel with ID in project()->parcels, -1 for none.
    int indexOf(core::FeatureId id) const;

signals:
    /// The project's parcels are about to change in place: whoever reads them in another
    /// thread (the map's drawing) stops first.
    void aboutToChange();
    /// The parcels changed (an edit, an undo or a redo); IDS were touched, none when the
    /// figures of the rest of the district followed afterwards. The map and the inspector
    /// redraw on it.
    void edited(const QList<core::FeatureId>& ids);
    /// A change was applied (UNDONE false) or reverted (true): the journal records it.
    void changeMade(const core::ParcelChange& change, bool undone);
    /// An edit was refused; TEXT says why, naming the parcel.
    void refused(const QString& text);

private:
    void recompute(const std::vector<core::FeatureId>& ids);
    void updateDistrict();

    std::shared_ptr<core::Project> m_project;
    std::shared_ptr<core::Analysis> m_analysis;
    std::unique_ptr<core::IncrementalAnalysis> m_incremental;
    QUndoStack* m_stack = nullptr;
    bool m_lastStepSucceeded = false;
    bool m_districtScheduled = false;
};

/// One edit of the project's parcels.
class ParcelChangeCommand : public QUndoCommand {
public:
    ParcelChangeCommand(EditSession& session, core::ParcelChange change);
    void redo() override;
    void undo() override;
    bool applied() const { return m_applied; }
    const core::ParcelChange& change() const { return m_change; }

private:
    EditSession& m_session;
    core::ParcelChange m_change;
    bool m_applied = false;
};

/// One vertex added to a shape being drawn (a new parcel's ring, a split line); the tool owns
/// the list of points, which must outlive the command.
class AddPointCommand : public QUndoCommand {
public:
    AddPointCommand(QVector<QPointF>& points, const QPointF& point, std::function<void()> changed);
    void redo() override;
    void undo() override;

private:
    QVector<QPointF>& m_points;
    QPointF m_point;
    std::function<void()> m_changed;
};

/// Ends a drawing: the points are taken and CHANGE is applied; undo gives the points back.
class FinishShapeCommand : public QUndoCommand {
public:
    FinishShapeCommand(EditSession& session, QVector<QPointF>& points, core::ParcelChange change,
                       std::function<void()> changed);
    void redo() override;
    void undo() override;

private:
    EditSession& m_session;
    QVector<QPointF>& m_points;
    QVector<QPointF> m_taken;
    core::ParcelChange m_change;
    std::function<void()> m_changed;
};

} // namespace greenrenew::ui
