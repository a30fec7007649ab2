#pragma once

// Keeping the figures current while parcels are edited: everything that does not depend on
// the parcels (spatial indexes over buildings and green spaces, the walk network and the walk
// costs from every facility type) is built once; after an edit only the dirty parcels are
// measured again. The numbers equal those of runAnalysis() on the edited project.

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
    /// dropped, the rest re-ordered to project order, the dirty parcels recomputed (a parcel's
    /// figures read no other parcel, so its neighbours keep theirs), and the priorities ranked
    /// again when `rankAfterwards`. The carbon assessments of all parcels are redone when the
    /// district's residents (the sum of the parcels' population estimates) moved, as they
    /// read it. Returns the ids whose form and walk figures were recomputed.
    std::vector<FeatureId> update(const std::vector<FeatureId>& dirtyIds, Analysis& analysis,
                                  bool rankAfterwards = true);

    /// The part of update() an editor waits for: the dirty parcels measured again and
    /// assessed against the district as it is now; every other result is kept (re-ordered
    /// when parcels came or went). When the district's residents moved, the other parcels'
    /// assessments are left for updateDistrict() and districtPending() turns true. Returns
    /// the ids recomputed.
    std::vector<FeatureId> updateEdited(const std::vector<FeatureId>& dirtyIds,
                                        Analysis& analysis);
    /// The rest of update(): re-assesses every parcel when the residents moved since the
    /// assessments were made, then ranks the priorities when RANK. Afterwards ANALYSIS
    /// equals runAnalysis() of the project.
    void updateDistrict(Analysis& analysis, bool rank = true);
    /// True when an updateEdited() left assessments made with other residents.
    bool districtPending() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace greenrenew::core
