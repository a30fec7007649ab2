#include "gis/postgis_edit_session.h"

#include <algorithm>
#include <set>

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

core::Result<std::vector<TeamChange>> TeamEditSession::resolve(long long fid, Choice choice)
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
    std::vector<TeamChange> dropped;
    if (choice == Choice::KeepMine) {
        change->baseVersion = conflict->theirs.version;
    } else if (changesRows(edit)) {
        return dropHeadEdit();
    } else {
        auto recorded = discard(dropped, *change);
        if (!recorded)
            return recorded.error();
        edit.erase(change);
        if (edit.empty())
            m_pending.pop_front();
    }
    m_conflicts.erase(conflict);
    return dropped;
}

core::Result<bool> TeamEditSession::discard(std::vector<TeamChange>& dropped,
                                            const TeamChange& change)
{
    auto recorded = m_table.recordDiscarded(change);
    if (!recorded)
        return recorded.error();
    dropped.push_back(change);
    return true;
}

core::Result<std::vector<TeamChange>> TeamEditSession::dropHeadEdit()
{
    std::vector<TeamChange> dropped;
    std::set<long long> added;
    for (const TeamChange& change : m_pending.front()) {
        auto recorded = discard(dropped, change);
        if (!recorded)
            return recorded.error();
        if (change.kind == TeamChangeKind::Insert)
            added.insert(change.fid);
    }
    m_pending.pop_front();
    m_conflicts.clear();  // every conflict of the edit is settled by dropping it
    // Later edits of the parcels that edit added have nothing left to build on: they go too,
    // whole, as an edit only holds together whole.
    for (auto later = m_pending.begin(); later != m_pending.end();) {
        const bool buildsOnDropped = std::any_of(later->begin(), later->end(),
            [&](const TeamChange& change) { return added.count(change.fid) > 0; });
        if (!buildsOnDropped) {
            ++later;
            continue;
        }
        for (const TeamChange& change : *later) {
            auto recorded = discard(dropped, change);
            if (!recorded)
                return recorded.error();
            if (change.kind == TeamChangeKind::Insert)
                added.insert(change.fid);
        }
        later = m_pending.erase(later);
    }
    return dropped;
}

} // namespace greenrenew::gis
