#pragma once

// Keeping the figures current while parcels are edited: everything that does not depend on
// the parcels (spatial indexes over buildings and green spaces, the walk network and the walk
// costs from every facility type) is built once; after an edit only the dirty parcels and
// their neighbours are measured again. The numbers equal those of runAnalysis() on the edited
// project.

#include "core/analysis.h"
#include "core/model.h"

#include <memory>
#include <vector>

namespace greenrenew::core {

class IncrementalAnalysis {
public:
    /// Builds the parcel-independent state of `project`. The project must outlive this object
    /// and its buildings, green spaces, streets, facilities and configuration must not change
    /// (its parcels may). Throws MissingParameter as runAnalysis() does.
    explicit IncrementalAnalysis(const Project& project);
    ~IncrementalAnalysis();
    IncrementalAnalysis(const IncrementalAnalysis&) = delete;
    IncrementalAnalysis& operator=(const IncrementalAnalysis&) = delete;

    /// The result of one parcel (form, walk and carbon against the district as of the last
    /// update; no priority).
    ParcelResult computeParcel(const Parcel& parcel) const;

    /// Brings `analysis` in line with the project's current parcels after an edit that touched
    /// `dirtyIds` (ids of parcels added, changed or removed): results of removed parcels are
    /// dropped, the rest re-ordered to project order, the dirty parcels and the parcels whose
    /// envelopes touch theirs recomputed, and the priorities ranked again when
    /// `rankAfterwards`. The carbon assessments of all parcels are redone when the district's
    /// residents (the sum of the parcels' population estimates) moved, as they read it.
    /// Returns the ids whose form and walk figures were recomputed.
    std::vector<FeatureId> update(const std::vector<FeatureId>& dirtyIds, Analysis& analysis,
                                  bool rankAfterwards = true);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace greenrenew::core
