#pragma once

// One designer's edits on a team table (gis/postgis_team_table.h), held in memory until the
// database has committed them: a save that fails (server gone, connection dropped) or meets a
// conflict leaves every unsaved edit in the queue. A conflict is shown with both versions and
// resolved by the designer's choice; neither version is lost (the replaced or discarded one
// goes to gr_parcel_history).

#include "gis/postgis_team_table.h"

#include <deque>
#include <map>

namespace greenrenew::gis {

class TeamEditSession {
public:
    enum class Choice { KeepMine, TakeTheirs };

    explicit TeamEditSession(PgTeamTable& table) : m_table(table) {}

    /// Queues one edit (one undo step: every parcel it changed).
    void add(std::vector<TeamChange> edit) { m_pending.push_back(std::move(edit)); }

    /// Edits not yet committed, oldest first.
    const std::deque<std::vector<TeamChange>>& pending() const { return m_pending; }

    /// Saves the queue oldest first, each edit in its own transaction, and stops at the first
    /// conflict (see conflicts()) or failure; only committed edits leave the queue. The
    /// outcome is the last save's: its conflicts, or the versions of the last edit saved.
    core::Result<TeamSaveOutcome> saveAll(const BeforeCommit& beforeCommit = {});

    /// The conflicts of the edit at the head of the queue (empty when none).
    const std::vector<TeamConflict>& conflicts() const { return m_conflicts; }

    /// Settles the conflict on parcel FID. KeepMine: my change now builds on their version
    /// (theirs goes to the history when mine is saved). TakeTheirs: my change is dropped
    /// from the edit and recorded in the history as discarded; when the edit adds or removes
    /// parcels (a split, merge, draw or delete) it only holds together whole, so all of it is
    /// dropped, with the later edits of the parcels it added. Saved by the next saveAll.
    /// Returns the changes dropped (none for KeepMine).
    core::Result<std::vector<TeamChange>> resolve(long long fid, Choice choice);

    /// fid -> the version this session's saves last wrote, over all saves so far.
    const std::map<long long, long long>& savedVersions() const { return m_savedVersions; }

private:
    core::Result<bool> discard(std::vector<TeamChange>& dropped, const TeamChange& change);
    core::Result<std::vector<TeamChange>> dropHeadEdit();

    PgTeamTable& m_table;
    std::deque<std::vector<TeamChange>> m_pending;
    std::vector<TeamConflict> m_conflicts;
    std::map<long long, long long> m_savedVersions;
};

} // namespace greenrenew::gis
