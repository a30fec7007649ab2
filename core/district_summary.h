#pragma once

// The district's carbon picture in plain values: totals by category, parcels ordered by total
// and by category, rating counts and the grid factor cited, for the batch output and reports.

#include "core/analysis.h"
#include "core/carbon_method.h"
#include "core/model.h"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace greenrenew::core {

/// One category's district figures.
struct CategorySummary {
    Category category = Category::Construction;
    double totalT = 0;                 // tCO2e per year, sum over parcels (greening negative)
    std::size_t leadingParcels = 0;    // parcels whose leading category this is
    /// Parcel ids ordered by this category's amount, largest first (orderParcelsByCategory).
    std::vector<FeatureId> parcelsByAmount;
};

struct DistrictSummary {
    std::size_t parcelCount = 0;
    CarbonLedger totals;               // the four categories summed over parcels
    double grossEmissionsT = 0;        // sum of the parcels' positive categories
    /// In the paper's order: construction, transport, greening, waste.
    std::array<CategorySummary, 4> categories;
    /// Parcels that neither emit nor absorb (leading category None): counted in no category.
    std::size_t noneLeadingParcels = 0;
    /// Parcel ids ordered by total, largest first (orderParcelsByTotal).
    std::vector<FeatureId> parcelsByTotal;
    /// Index ratings over all parcels and indices, by Rating (serious, medium, slight,
    /// not assessed).
    std::array<std::size_t, 4> ratingCounts{};
    /// The grid factor of the run (every parcel uses the same selection); empty when no parcel
    /// was assessed.
    std::string gridFactorKey;
    double gridFactorKgPerKwh = 0;
    std::string gridFactorSource;
};

/// Sums and orders the carbon assessments of an analysis (parcels in project order).
DistrictSummary summarizeDistrict(const Project& project, const Analysis& analysis);

} // namespace greenrenew::core
