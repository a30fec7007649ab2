#include "gis/postgis_edit_session.h"

#include <algorithm>

namespace greenrenew::gis {

core::Result<TeamSaveOutcome> TeamEditSession::saveAll(const BeforeCommit& beforeCommit)
{
    TeamSaveOutcome last;
    if (!m_conflicts.empty()) {
        last.conflicts = m_conflicts;
        return last;
    }
    while (!m_pending.empty()) {
        auto outcome = m_table.save(m_pending.front(), beforeCommit);
        if (!outcome)
            return outcome.error();
        if (!outcome.value().saved()) {
            m_conflicts = outcome.value().conflicts;
            return outcome;
        }
        m_pending.pop_front();
        for (const auto& [fid, version] : outcome.value().versions)
            m_savedVersions[fid] = version;
        // Later edits of the same parcels were made on top of this one: they build on the
        // version just written, not on the one this edit replaced.
        for (std::vector<TeamChange>& later : m_pending)
            for (TeamChange& change : later)
                if (auto saved = outcome.value().versions.find(change.fid);
                    saved != outcome.value().versions.end())
                    change.baseVersion = saved->second;
        last = std::move(outcome.value());
    }
    return last;
}

core::Result<bool> TeamEditSession::resolve(long long fid, Choice choice)
{
    auto conflict = std::find_if(m_conflicts.begin(), m_conflicts.end(),
                                 [fid](const TeamConflict& c) { return c.mine.fid == fid; });
    if (conflict == m_conflicts.end() || m_pending.empty()) {
        core::Error error;
        error.operation = "resolve conflict";
        error.layer = m_table.table().toStdString();
        error.featureId = fid;
        error.message = "no conflict on this parcel";
        error.kind = core::ErrorKind::BadUsage;
        return error;
    }
    std::vector<TeamChange>& edit = m_pending.front();
    auto change = std::find_if(edit.begin(), edit.end(),
                               [fid](const TeamChange& c) { return c.fid == fid; });
    if (choice == Choice::KeepMine) {
        change->baseVersion = conflict->theirs.version;
    } else {
        auto recorded = m_table.recordDiscarded(*change);
        if (!recorded)
            return recorded.error();
        edit.erase(change);
        if (edit.empty())
            m_pending.pop_front();
    }
    m_conflicts.erase(conflict);
    return true;
}

} // namespace greenrenew::gis
