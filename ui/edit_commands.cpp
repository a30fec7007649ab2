#include "ui/edit_commands.h"

#include "core/incremental_analysis.h"

#include <QUndoStack>

#include <exception>
#include <unordered_map>

namespace greenrenew::ui {

EditSession::EditSession(QObject* parent) : QObject(parent), m_stack(new QUndoStack(this)) {}

EditSession::~EditSession() = default;

void EditSession::setProject(const core::Project& project, const core::Analysis& analysis)
{
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
    auto* command = new ParcelChangeCommand(*this, std::move(change));
    m_stack->push(command);
    return command->applied();
}

bool EditSession::apply(core::ParcelChange& change)
{
    if (!m_project || !core::applyChange(*m_project, change))
        return false;
    recompute(change.touchedIds());
    emit changeMade(change, false);
    return true;
}

bool EditSession::revert(const core::ParcelChange& change)
{
    if (!m_project || !core::revertChange(*m_project, change))
        return false;
    recompute(change.touchedIds());
    emit changeMade(change, true);
    return true;
}

void EditSession::recompute(const std::vector<core::FeatureId>& ids)
{
    if (m_incremental) {
        m_incremental->update(ids, *m_analysis);
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
    if (m_applied)
        m_session.revert(m_change);
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
