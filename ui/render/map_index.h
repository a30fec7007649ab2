#pragma once

// An R-tree of a project's features for drawing: which parcels, buildings, green spaces,
// streets and facilities reach into a view and are at least a given size there. Built once
// per project (the desktop's canvas keeps one), so a view of a few streets on a city of a
// million buildings looks at those only instead of every vertex of the city.

#include "core/model.h"

#include <QRectF>

#include <cstdint>
#include <memory>
#include <vector>

namespace greenrenew::render {

class MapIndex {
public:
    enum class Layer { Parcels, Buildings, Green, Streets, Facilities };

    /// Indexes the envelope of every feature of PROJECT; the project must outlive the index
    /// only for the caller's bookkeeping (the index keeps envelopes, not features).
    explicit MapIndex(const core::Project& project);
    ~MapIndex();
    MapIndex(const MapIndex&) = delete;
    MapIndex& operator=(const MapIndex&) = delete;

    /// Positions (into the project's vector of LAYER), ascending, of the features whose
    /// envelope meets WORLD (metres) and is at least MINSIZE metres wide or high (0: any
    /// size; points always count).
    std::vector<std::uint32_t> query(Layer layer, const QRectF& world, double minSize) const;

    /// Indexes PROJECT's parcels again (after an edit changed, added or removed some); the
    /// other layers are not edited and keep their trees.
    void reindexParcels(const core::Project& project);

    /// Number of features indexed in LAYER (the project's count when it was built).
    std::size_t size(Layer layer) const;

private:
    struct Trees;
    std::unique_ptr<Trees> m_trees;
};

} // namespace greenrenew::render
