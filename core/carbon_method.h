#pragma once

// The method's carbon-source sorting: the 13 indices rated, the carbon ledger per parcel and the
// interventions chosen (after the micro-renewal paper's Table 2). docs/method.md explains every
// index, formula and factor; every number comes from MethodConfig::parameters (carbon.*,
// rating.*), never from code.

#include "core/form_metrics.h"
#include "core/method_config.h"
#include "core/model.h"
#include "core/walk_access.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace greenrenew::core {

namespace detail {
class CarbonDistrictIndex;
}

/// The four categories of the paper; None only names the leading category of a parcel that
/// neither emits nor absorbs anything (no buildings, no occupants, no green).
enum class Category { Construction, Transport, Greening, Waste, None };
enum class Rating { Serious, Medium, Slight, NotAssessed };

const char* categoryName(Category category);
const char* ratingName(Rating rating);

/// The 13 index ids in the paper's order, and the category of each.
const std::vector<std::string>& indexIds();
Category indexCategory(const std::string& indexId);

/// Which side of a limit a figure must stay on.
enum class LimitBound { Min, Max };

/// The default bands: serious where the limit is failed, medium where it is met by less than
/// mediumMargin x limit, slight otherwise. A value exactly at the limit is met (medium).
Rating rateAgainstLimit(double value, double limit, LimitBound bound, double mediumMargin);

/// One figure an index was rated on, held against its limit (the rating keeps them all, so a
/// scenario can move one figure and rate the index again: core/scenario_outcome.h).
struct IndexFigure {
    std::string figure;      // e.g. "building_density", "recycling_rate"
    double value = 0;
    double limit = 0;
    LimitBound bound = LimitBound::Min;
};

struct IndexRating {
    std::string index;
    Rating rating = Rating::NotAssessed;
    double proxy = 0;        // the measured value the rating came from (the worst sub-check)
    std::string proxyUnit;
    double limit = 0;        // the limit the proxy was held against
    std::string reason;      // why this rating, or why not assessed; names any project default
    bool fromDefault = false;  // true when a stated project default stood in for missing data
    /// Every figure rated, the worst of which decided the band (empty for a fixed rating such
    /// as "no buildings: slight"); the margin of the medium band used.
    std::vector<IndexFigure> figures;
    double mediumMargin = 0;
    /// Some figure of the index could not be measured: only a serious band is then certain.
    bool figuresMissing = false;
};

/// tCO2e per year by category; greening is negative for a net sink.
struct CarbonLedger {
    double constructionT = 0;  // building operation electricity, less on-site PV
    double transportT = 0;
    double greeningT = 0;
    double wasteT = 0;
    double totalT() const { return constructionT + transportT + greeningT + wasteT; }
    double categoryT(Category category) const;
    /// Sum of the positive categories: what the parcel emits before its sinks.
    double grossEmissionsT() const;
};

struct Intervention {
    std::string index;
    std::string technique;
    std::string nameEn;
    std::string nameZh;
    double quantity = 0;
    std::string unit;
    double effectTPerYear = 0;  // estimated reduction, tCO2e per year (positive = less CO2)
    std::string confidence;     // "low", "medium", "high"
    /// The ledger amount the technique acts on (a category's emissions, or the gross emissions
    /// for added sinks); effectTPerYear never exceeds it.
    double actsOnT = 0;
    std::string basis;          // the formula in words, with the parameters used
    /// The rated figures the technique changes and the value each takes when the full
    /// quantity is carried out (e.g. recycling_rate -> the slight band's edge); empty when it
    /// changes none of them (ventilation corridors, bicycle trips, walking routes).
    std::vector<std::pair<std::string, double>> figuresAtFullQuantity;
};

/// The grid factor a run used, cited in every output.
struct GridFactorChoice {
    std::string key;        // e.g. "carbon.grid.province.500000.2022"
    SourcedValue factor;    // kgCO2/kWh with year and source
};

struct CarbonAssessment {
    std::vector<IndexRating> ratings;  // one per index, in indexIds() order
    CarbonLedger ledger;
    /// The largest positive emission category; Greening when no category emits but the green
    /// absorbs (a net sink); None when the ledger is empty (nothing emits and nothing absorbs).
    Category leading = Category::Construction;
    /// Categories by ledger amount, largest first (ties in the paper's order).
    std::vector<Category> categoryOrder;
    /// Index ids by severity (serious first), then by the amount of their category.
    std::vector<std::string> indexOrder;
    std::vector<Intervention> interventions;  // in indexOrder
    /// The grid factor the ledger used, cited in every output (GridFactorChoice).
    std::string gridFactorKey;
    double gridFactorKgPerKwh = 0;
    std::optional<int> gridFactorYear;
    std::string gridFactorSource;
    /// "measured_urban_rate" or "planting_type_table" (carbon.sink.method 1 or 2).
    std::string sinkMethod;
};

/// What every parcel's assessment needs from the whole district, gathered once per run.
struct CarbonDistrict {
    /// Standard facility types some facility of the project maps to (walking.json mappings).
    std::set<std::string> facilityTypesPresent;
    /// Positions in Project::streets of the cycle ways (highway "cycleway").
    std::vector<std::size_t> cycleways;
    /// Residents of the district (sum of the parcels' estimates): the population the public
    /// green per person of GB 50180 Table 4.0.4 is counted for.
    double residents = 0;
    /// The green spaces, parks and cycle ways indexed, and the park totals, made once by
    /// carbonDistrict() so that each parcel's assessment reads only what lies near it. A
    /// district put together by hand has none, and each assessment then makes its own.
    std::shared_ptr<const detail::CarbonDistrictIndex> index;
};

/// The district figures of a project whose parcels have the given form metrics. The index
/// stands for the project's green spaces and streets as they are now.
CarbonDistrict carbonDistrict(const Project& project, const std::vector<FormMetrics>& form);

/// The grid emission factor selected by carbon.grid.scope (1 province, 2 regional grid of the
/// province, 3 national, 4 national excluding market non-fossil, 5 national power-sector
/// reporting factor), carbon.grid.year and carbon.project.province_code (GB/T 2260).
/// Throws MissingParameter when the selected factor is not in the resources.
GridFactorChoice selectedGridFactor(const ParameterSet& parameters);

/// Rates, books and chooses interventions for one parcel. Throws MissingParameter when a
/// carbon.* or rating.* value the method needs is absent.
CarbonAssessment assessParcelCarbon(const Project& project, const Parcel& parcel,
                                    const FormMetrics& form, const WalkAccess& walk,
                                    const CarbonDistrict& district);
/// The same with the parcel standing as its own district (its residents only).
CarbonAssessment assessParcelCarbon(const Project& project, const Parcel& parcel,
                                    const FormMetrics& form, const WalkAccess& walk);

/// Rates, books and chooses interventions for every parcel, in project order. Parcels beyond
/// the size of form or walk are assessed with empty metrics (all not assessed).
std::vector<CarbonAssessment> assessCarbon(const Project& project,
                                           const std::vector<FormMetrics>& form,
                                           const std::vector<WalkAccess>& walk,
                                           const StageControl& control = {});

/// The leading category of a ledger (the rule of CarbonAssessment::leading).
Category leadingCategory(const CarbonLedger& ledger);

/// Parcel positions ordered by total emissions, largest first.
std::vector<std::size_t> orderParcelsByTotal(const std::vector<CarbonAssessment>& assessments);
/// Parcel positions ordered by one category's amount, largest first.
std::vector<std::size_t> orderParcelsByCategory(const std::vector<CarbonAssessment>& assessments,
                                                Category category);

} // namespace greenrenew::core
