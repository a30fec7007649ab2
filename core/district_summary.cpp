#include "core/district_summary.h"

namespace greenrenew::core {

namespace {

constexpr Category kCategoryOrder[] = {Category::Construction, Category::Transport,
                                       Category::Greening, Category::Waste};

std::vector<FeatureId> idsOf(const std::vector<std::size_t>& positions,
                             const Analysis& analysis, const Project& project)
{
    std::vector<FeatureId> ids;
    ids.reserve(positions.size());
    for (std::size_t position : positions) {
        // Results are in project order; the analysis's own id covers a result list longer
        // than the project (never the case after runAnalysis).
        ids.push_back(position < project.parcels.size() ? project.parcels[position].id
                                                        : analysis.parcels[position].parcelId);
    }
    return ids;
}

} // namespace

DistrictSummary summarizeDistrict(const Project& project, const Analysis& analysis)
{
    DistrictSummary summary;
    summary.parcelCount = analysis.parcels.size();
    std::vector<CarbonAssessment> assessments;
    assessments.reserve(analysis.parcels.size());
    for (const ParcelResult& result : analysis.parcels)
        assessments.push_back(result.carbon);

    for (std::size_t i = 0; i < 4; ++i)
        summary.categories[i].category = kCategoryOrder[i];
    for (const CarbonAssessment& carbon : assessments) {
        summary.totals.constructionT += carbon.ledger.constructionT;
        summary.totals.transportT += carbon.ledger.transportT;
        summary.totals.greeningT += carbon.ledger.greeningT;
        summary.totals.wasteT += carbon.ledger.wasteT;
        summary.grossEmissionsT += carbon.ledger.grossEmissionsT();
        for (const IndexRating& rating : carbon.ratings)
            ++summary.ratingCounts[static_cast<std::size_t>(rating.rating)];
        // A parcel not reached (no ratings) leads with nothing.
        if (!carbon.ratings.empty()) {
            if (carbon.leading == Category::None)
                ++summary.noneLeadingParcels;
            for (CategorySummary& category : summary.categories) {
                if (category.category == carbon.leading)
                    ++category.leadingParcels;
            }
        }
        if (summary.gridFactorKey.empty() && !carbon.gridFactorKey.empty()) {
            summary.gridFactorKey = carbon.gridFactorKey;
            summary.gridFactorKgPerKwh = carbon.gridFactorKgPerKwh;
            summary.gridFactorSource = carbon.gridFactorSource;
        }
    }
    for (CategorySummary& category : summary.categories) {
        category.totalT = summary.totals.categoryT(category.category);
        category.parcelsByAmount = idsOf(orderParcelsByCategory(assessments, category.category),
                                         analysis, project);
    }
    summary.parcelsByTotal = idsOf(orderParcelsByTotal(assessments), analysis, project);
    return summary;
}

} // namespace greenrenew::core
