#pragma once

// What a scenario changes beyond the ledger (docs/priorities.md, "Ratings, compliance and
// facility gaps after a scenario"): the index ratings and the planning compliance of the
// parcels it touches, before and after, and the facility gaps its new facilities close.
//
// The rule: each carbon measure names the rated figures it changes and their values at its
// full quantity (Intervention::figuresAtFullQuantity); a measure booked at a share of its full
// effect moves each figure that share of the way (linear, as the effects are). Measures on one
// parcel moving the same figure add their moves. An index is rated again on its figures with
// the carbon stage's bands; compliance checks of the same figure follow. A facility measure
// (technique "facility:<type>") puts a facility of that standard type on the parcel, which
// then reaches it within every life circle; the walk score rises by the share of the
// parcel's required (circle, type) pairs that were gaps and are no longer.

#include "core/carbon_method.h"
#include "core/model.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace greenrenew::core {

struct Analysis;

/// Prefix of a scenario technique that adds a facility: "facility:kindergarten".
inline constexpr const char* kFacilityTechniquePrefix = "facility:";

struct IndexChange {
    std::string index;
    Rating before = Rating::NotAssessed;
    Rating after = Rating::NotAssessed;
};

struct ComplianceChange {
    std::string figure;  // as ComplianceCheck::figure
    std::string bound;   // "min" or "max"
    double limit = 0;
    double before = 0;
    double after = 0;
    bool okBefore = true;
    bool okAfter = true;
};

struct ParcelOutcome {
    FeatureId parcelId = 0;
    std::vector<IndexChange> indices;  // every index, in indexIds() order
    std::vector<ComplianceChange> compliance;
    std::vector<std::pair<std::string, std::string>> gapsClosed;  // (circle, facility type)
    std::size_t gapsBefore = 0;  // (circle, type) pairs missing
    std::size_t gapsAfter = 0;
};

struct RatingTally {
    std::size_t serious = 0;
    std::size_t medium = 0;
    std::size_t slight = 0;
    std::size_t notAssessed = 0;
    void add(Rating rating);
};

/// A measure as booked: its parcel (position in Analysis::parcels) and either the carbon
/// stage's intervention with the share of its full effect booked (0..1), or a facility type.
struct BookedMeasure {
    std::size_t parcel = 0;
    const Intervention* intervention = nullptr;
    double shareOfFullEffect = 0;
    std::string facilityType;
};

struct ScenarioOutcome {
    std::vector<ParcelOutcome> parcels;  // in the order the scenario first touches them
    RatingTally ratingsBefore;           // over the indices of those parcels
    RatingTally ratingsAfter;
    std::size_t complianceFailedBefore = 0;  // compliance checks failed on those parcels
    std::size_t complianceFailedAfter = 0;
    std::size_t gapsBefore = 0;
    std::size_t gapsAfter = 0;
    std::size_t gapsClosed() const { return gapsBefore - gapsAfter; }
};

/// The outcome of MEASURES on the parcels of ANALYSIS they touch.
ScenarioOutcome scenarioOutcome(const std::vector<BookedMeasure>& measures,
                                const Analysis& analysis);

/// The rating of RATING's figures with VALUES in their place (figure name -> value; figures
/// not named keep theirs), with the carbon stage's bands. A fixed rating (no figures) stays.
Rating rateAgain(const IndexRating& rating,
                 const std::vector<std::pair<std::string, double>>& values);

} // namespace greenrenew::core
