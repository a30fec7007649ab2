#include "ui/edit_commands.h"

#include "core/incremental_analysis.h"

#include <QTimer>
#include <QUndoStack>

#include <exception>
#include <unordered_map>

namespace greenrenew::ui {

EditSession::EditSession(QObject* parent) : QObject(parent), m_stack(new QUndoStack(this)) {}

EditSession::~EditSession() = default;

void EditSession::setProject(const core::Project& project, const core::Analysis& analysis)
{
    m_districtScheduled = false;
    m_stack->clear();
    m_incremental.reset();
    m_project = std::make_shared<core::Project>(project);
    m_analysis = std::make_shared<core::Analysis>(analysis);
    try {
        m_incremental = std::make_unique<core::IncrementalAnalysis>(*m_project);
    } catch (const std::exception&) {
        // A project without the method's parameters (a bare test project) can still be
        // edited; its figures simply cannot follow.
        m_incremental.reset();
    }
}

bool EditSession::submit(core::ParcelChange change)
{
    if (!m_project)
        return false;
    // The stack deletes a command that is obsolete after its first redo (one that did not
    // apply), so the outcome is read from the session, not from the command.
    m_stack->push(new ParcelChangeCommand(*this, std::move(change)));
    return m_lastStepSucceeded;
}

bool EditSession::setField(int index, core::ParcelField field, const QString& text)
{
    if (!m_project || index < 0 || index >= static_cast<int>(m_project->parcels.size()))
        return false;
    const core::Parcel& parcel = m_project->parcels[static_cast<std::size_t>(index)];
    core::Result<core::Parcel> edited = core::withField(parcel, field, text.toStdString());
    if (!edited) {
        emit refused(QString::fromStdString(edited.error().describe()));
        return false;
    }
    // An editor closed without a change: no empty step on the stack.
    if (core::fieldText(edited.value(), field) == core::fieldText(parcel, field))
        return false;
    return submit({core::fieldEditDescription(parcel, field), {parcel}, {edited.value()}, {}});
}

bool EditSession::setFieldOf(core::FeatureId id, core::ParcelField field, const QString& text)
{
    const int index = indexOf(id);
    if (index < 0) {
        emit refused(tr("Parcel %1 was removed before the edit was finished: \"%2\" was not "
                        "applied.").arg(id).arg(text));
        return false;
    }
    return setField(index, field, text);
}

bool EditSession::apply(core::ParcelChange& change)
{
    if (m_project)
        emit aboutToChange();
    m_lastStepSucceeded = m_project && core::applyChange(*m_project, change);
    if (!m_lastStepSucceeded)
        return false;
    recompute(change.touchedIds());
    emit changeMade(change, false);
    return true;
}

bool EditSession::revert(const core::ParcelChange& change)
{
    if (m_project)
        emit aboutToChange();
    m_lastStepSucceeded = m_project && core::revertChange(*m_project, change);
    if (!m_lastStepSucceeded)
        return false;
    recompute(change.touchedIds());
    emit changeMade(change, true);
    return true;
}

void EditSession::recompute(const std::vector<core::FeatureId>& ids)
{
    if (m_incremental) {
        // The edited parcels at once; the rest of the district (residents moved, priorities)
        // once the edit is on screen, and once for a burst of edits such as a restore.
        m_incremental->updateEdited(ids, *m_analysis);
        if (!m_districtScheduled) {
            m_districtScheduled = true;
            QTimer::singleShot(0, this, &EditSession::updateDistrict);
        }
    } else {
        // Keep what is known, in the new order; new parcels get empty figures.
        std::unordered_map<core::FeatureId, core::ParcelResult> byId;
        for (core::ParcelResult& result : m_analysis->parcels)
            byId.emplace(result.parcelId, std::move(result));
        m_analysis->parcels.assign(m_project->parcels.size(), {});
        for (std::size_t i = 0; i < m_project->parcels.size(); ++i) {
            auto it = byId.find(m_project->parcels[i].id);
            if (it != byId.end())
                m_analysis->parcels[i] = std::move(it->second);
            m_analysis->parcels[i].parcelId = m_project->parcels[i].id;
        }
    }
    emit edited(QList<core::FeatureId>(ids.begin(), ids.end()));
}

void EditSession::updateDistrict()
{
    m_districtScheduled = false;
    if (!m_incremental)
        return;
    m_incremental->updateDistrict(*m_analysis);
    emit edited({});
}

void EditSession::finishPendingUpdates()
{
    if (m_districtScheduled)
        updateDistrict();
}

int EditSession::indexOf(core::FeatureId id) const
{
    if (!m_project)
        return -1;
    for (std::size_t i = 0; i < m_project->parcels.size(); ++i)
        if (m_project->parcels[i].id == id)
            return static_cast<int>(i);
    return -1;
}

ParcelChangeCommand::ParcelChangeCommand(EditSession& session, core::ParcelChange change)
    : m_session(session), m_change(std::move(change))
{
    setText(QString::fromStdString(m_change.description));
}

void ParcelChangeCommand::redo()
{
    m_applied = m_session.apply(m_change);
    // A change that did not apply must not sit on the stack as if it had.
    setObsolete(!m_applied);
}

void ParcelChangeCommand::undo()
{
    // A revert that no longer fits the parcels leaves the change applied, so a redo does not
    // apply it twice.
    if (m_applied)
        m_applied = !m_session.revert(m_change);
}

AddPointCommand::AddPointCommand(QVector<QPointF>& points, const QPointF& point,
                                 std::function<void()> changed)
    : m_points(points), m_point(point), m_changed(std::move(changed))
{
    setText(QObject::tr("add vertex"));
}

void AddPointCommand::redo()
{
    m_points.append(m_point);
    if (m_changed)
        m_changed();
}

void AddPointCommand::undo()
{
    if (!m_points.isEmpty())
        m_points.removeLast();
    if (m_changed)
        m_changed();
}

FinishShapeCommand::FinishShapeCommand(EditSession& session, QVector<QPointF>& points,
                                       core::ParcelChange change, std::function<void()> changed)
    : m_session(session), m_points(points), m_change(std::move(change)),
      m_changed(std::move(changed))
{
    setText(QString::fromStdString(m_change.description));
}

void FinishShapeCommand::redo()
{
    m_taken = m_points;
    m_points.clear();
    m_session.apply(m_change);
    if (m_changed)
        m_changed();
}

void FinishShapeCommand::undo()
{
    m_session.revert(m_change);
    m_points = m_taken;
    if (m_changed)
        m_changed();
}

} // namespace greenrenew::ui
