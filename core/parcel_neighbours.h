#pragma once

// Which parcels lie within a gap of each other (the demonstration cluster of
// docs/priorities.md), found once through an index of the parcels' envelopes and kept current
// through edits: an edit finds the edited parcels' neighbours again and changes no other list
// but those of the parcels around them.

#include "core/model.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace greenrenew::core {

class ParcelNeighbours {
public:
    /// The neighbours of every parcel of PROJECT within gapM: parcels whose shapes meet or
    /// overlap, or lie at most gapM apart (so parcels across a lane count).
    ParcelNeighbours(const Project& project, double gapM);
    ~ParcelNeighbours();
    ParcelNeighbours(const ParcelNeighbours&) = delete;
    ParcelNeighbours& operator=(const ParcelNeighbours&) = delete;

    /// Brings the lists in line with PROJECT's parcels after an edit that touched DIRTYIDS
    /// (ids of parcels added, changed or removed; a parcel id that is new to these lists or
    /// gone from the project counts as touched as well). Afterwards lists() equals that of
    /// a ParcelNeighbours made from PROJECT.
    void update(const Project& project, const std::vector<FeatureId>& dirtyIds);

    /// By parcel position: the positions of its neighbours, ascending; a parcel without a
    /// shape has none and is nobody's neighbour.
    const std::vector<std::vector<std::size_t>>& lists() const;
    double gapM() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace greenrenew::core
