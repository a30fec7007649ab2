#include "core/scenario_outcome.h"

#include "core/analysis.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace greenrenew::core {

namespace {

/// Room to the limit relative to it, the measure by which the carbon stage picks the figure
/// that decides an index's band (core/detail/carbon_ratings.cpp).
double relativeRoom(const IndexFigure& figure)
{
    const double room = figure.bound == LimitBound::Min ? figure.value - figure.limit
                                                        : figure.limit - figure.value;
    return figure.limit != 0 ? room / std::abs(figure.limit) : room;
}

std::size_t countGaps(const WalkAccess& walk)
{
    std::size_t count = 0;
    for (const auto& [circle, types] : walk.gaps)
        count += types.size();
    return count;
}

/// The parcel's figures as measured: compliance values first, then the indices' figures.
std::map<std::string, double> figuresBefore(const ParcelResult& parcel)
{
    std::map<std::string, double> values;
    for (const ComplianceCheck& check : parcel.form.compliance)
        values.emplace(check.figure, check.value);
    for (const IndexRating& rating : parcel.carbon.ratings)
        for (const IndexFigure& figure : rating.figures)
            values.emplace(figure.figure, figure.value);
    values.emplace("walk_score", parcel.walk.walkScore);
    return values;
}

struct ParcelMoves {
    std::map<std::string, double> delta;  // figure -> change
    std::vector<std::string> facilities;
};

ParcelOutcome outcomeOf(const ParcelResult& parcel, const ParcelMoves& moves)
{
    ParcelOutcome outcome;
    outcome.parcelId = parcel.parcelId;
    const std::map<std::string, double> before = figuresBefore(parcel);
    std::map<std::string, double> after = before;
    for (const auto& [figure, change] : moves.delta)
        if (after.count(figure))
            after[figure] += change;

    outcome.gapsBefore = countGaps(parcel.walk);
    for (const auto& [circle, types] : parcel.walk.gaps)
        for (const std::string& type : types)
            if (std::find(moves.facilities.begin(), moves.facilities.end(), type)
                != moves.facilities.end())
                outcome.gapsClosed.emplace_back(circle, type);
    outcome.gapsAfter = outcome.gapsBefore - outcome.gapsClosed.size();
    // gaps = (1 - score) x required, so the score after needs no count of required pairs.
    if (outcome.gapsBefore > 0)
        after["walk_score"] = 1.0 - (1.0 - parcel.walk.walkScore)
                                        * double(outcome.gapsAfter) / double(outcome.gapsBefore);

    const std::vector<std::pair<std::string, double>> values(after.begin(), after.end());
    for (const IndexRating& rating : parcel.carbon.ratings)
        outcome.indices.push_back({rating.index, rating.rating, rateAgain(rating, values)});
    for (const ComplianceCheck& check : parcel.form.compliance) {
        const double value = after.at(check.figure);
        const bool ok = check.bound == "min" ? value >= check.limit : value <= check.limit;
        outcome.compliance.push_back(
            {check.figure, check.bound, check.limit, check.value, value, check.ok, ok});
    }
    return outcome;
}

} // namespace

void RatingTally::add(Rating rating)
{
    switch (rating) {
    case Rating::Serious: ++serious; break;
    case Rating::Medium: ++medium; break;
    case Rating::Slight: ++slight; break;
    case Rating::NotAssessed: ++notAssessed; break;
    }
}

Rating rateAgain(const IndexRating& rating,
                 const std::vector<std::pair<std::string, double>>& values)
{
    if (rating.figures.empty())
        return rating.rating;
    std::vector<IndexFigure> figures = rating.figures;
    for (IndexFigure& figure : figures)
        for (const auto& [name, value] : values)
            if (name == figure.figure)
                figure.value = value;
    const IndexFigure& worst = *std::min_element(
        figures.begin(), figures.end(), [](const IndexFigure& a, const IndexFigure& b) {
            return relativeRoom(a) < relativeRoom(b);
        });
    const Rating rated = rateAgainstLimit(worst.value, worst.limit, worst.bound,
                                          rating.mediumMargin);
    // As at the carbon stage: with a figure unmeasured only a serious band is certain.
    return rating.figuresMissing && rated != Rating::Serious ? Rating::NotAssessed : rated;
}

ScenarioOutcome scenarioOutcome(const std::vector<BookedMeasure>& measures,
                                const Analysis& analysis)
{
    std::vector<std::size_t> order;
    std::map<std::size_t, ParcelMoves> moves;
    for (const BookedMeasure& measure : measures) {
        if (!moves.count(measure.parcel))
            order.push_back(measure.parcel);
        ParcelMoves& parcelMoves = moves[measure.parcel];
        if (!measure.facilityType.empty())
            parcelMoves.facilities.push_back(measure.facilityType);
        if (!measure.intervention)
            continue;
        const std::map<std::string, double> before =
            figuresBefore(analysis.parcels[measure.parcel]);
        const double share = std::clamp(measure.shareOfFullEffect, 0.0, 1.0);
        for (const auto& [figure, full] : measure.intervention->figuresAtFullQuantity)
            if (auto it = before.find(figure); it != before.end())
                parcelMoves.delta[figure] += share * (full - it->second);
    }

    ScenarioOutcome outcome;
    for (std::size_t position : order) {
        ParcelOutcome parcel = outcomeOf(analysis.parcels[position], moves[position]);
        for (const IndexChange& change : parcel.indices) {
            outcome.ratingsBefore.add(change.before);
            outcome.ratingsAfter.add(change.after);
        }
        for (const ComplianceChange& change : parcel.compliance) {
            outcome.complianceFailedBefore += change.okBefore ? 0 : 1;
            outcome.complianceFailedAfter += change.okAfter ? 0 : 1;
        }
        outcome.gapsBefore += parcel.gapsBefore;
        outcome.gapsAfter += parcel.gapsAfter;
        outcome.parcels.push_back(std::move(parcel));
    }
    return outcome;
}

} // namespace greenrenew::core
