#pragma once

// Where the desktop's new parcels (drawn, or made by a split or merge) get their ids. On a
// project of one's own the next ids after the largest are free. On a project a team edits in
// PostGIS another designer may be creating parcels at the same moment, so the ids come from
// the database instead: team editing hangs a ParcelIdSource below the editing session, and
// the edit tools ask it first.

#include "core/model.h"
#include "core/result.h"

#include <QObject>

#include <functional>

namespace greenrenew::ui {

class EditSession;

class ParcelIdSource : public QObject {
    Q_OBJECT

public:
    /// COUNT consecutive ids that no one else gets, the first returned; an error says why
    /// none could be had.
    using Reserve = std::function<core::Result<core::FeatureId>(int count)>;

    ParcelIdSource(Reserve reserve, QObject* parent)
        : QObject(parent), m_reserve(std::move(reserve))
    {
    }
    core::Result<core::FeatureId> reserve(int count) const { return m_reserve(count); }

private:
    Reserve m_reserve;
};

/// The first of COUNT consecutive ids for new parcels of SESSION's project: from the
/// ParcelIdSource below SESSION when there is one, else after the project's largest id.
core::Result<core::FeatureId> newParcelIds(const EditSession& session, int count);

} // namespace greenrenew::ui
