#pragma once

// The method's carbon-source sorting: the 13 indices rated, the carbon ledger per parcel and the
// interventions chosen (after the micro-renewal paper's Table 2).

#include "core/form_metrics.h"
#include "core/model.h"
#include "core/walk_access.h"

#include <string>
#include <vector>

namespace greenrenew::core {

enum class Category { Construction, Transport, Greening, Waste };
enum class Rating { Serious, Medium, Slight, NotAssessed };

const char* categoryName(Category category);
const char* ratingName(Rating rating);

/// The 13 index ids in the paper's order, and the category of each.
const std::vector<std::string>& indexIds();
Category indexCategory(const std::string& indexId);

struct IndexRating {
    std::string index;
    Rating rating = Rating::NotAssessed;
    double proxy = 0;        // the measured value the rating came from
    std::string proxyUnit;
    std::string reason;      // why this rating, or why not assessed
};

/// tCO2e per year by category; greening is negative for a net sink.
struct CarbonLedger {
    double constructionT = 0;
    double transportT = 0;
    double greeningT = 0;
    double wasteT = 0;
    double totalT() const { return constructionT + transportT + greeningT + wasteT; }
};

struct Intervention {
    std::string index;
    std::string technique;
    double quantity = 0;
    std::string unit;
    double effectTPerYear = 0;  // estimated reduction, tCO2e per year (positive = less CO2)
    std::string confidence;     // "low", "medium", "high"
};

struct CarbonAssessment {
    std::vector<IndexRating> ratings;  // one per index, in indexIds() order
    CarbonLedger ledger;
    Category leading = Category::Construction;
    std::vector<Intervention> interventions;
};

/// Rates, books and chooses interventions for every parcel, in project order.
std::vector<CarbonAssessment> assessCarbon(const Project& project,
                                           const std::vector<FormMetrics>& form,
                                           const std::vector<WalkAccess>& walk,
                                           const StageControl& control = {});

} // namespace greenrenew::core
