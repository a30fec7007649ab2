#pragma once

// Writes every parcel's results of an Analysis as CSV, each number with 17 significant digits,
// so that two builds (or the full analysis and the edit path) can be compared figure by figure:
// ledger, each index's rating, figure, limit and reason, interventions, priority, and the
// suggested demonstration as the last row. Shared by the benchmarks (header only).

#include "core/analysis.h"
#include "core/model.h"

#include <cstdio>
#include <string>

namespace greenrenew::bench {

namespace detail {

inline std::string csvText(const std::string& text)
{
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

inline std::string csvNumber(double value)
{
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

inline std::string resultRow(const core::ParcelResult& result)
{
    const core::CarbonAssessment& carbon = result.carbon;
    std::string row = std::to_string(result.parcelId);
    for (double value : {result.form.areaM2, result.form.far, result.form.populationEst,
                         result.walk.walkScore, carbon.ledger.constructionT,
                         carbon.ledger.transportT, carbon.ledger.greeningT, carbon.ledger.wasteT,
                         carbon.ledger.totalT()})
        row += "," + csvNumber(value);
    row += std::string(",") + core::categoryName(carbon.leading);
    for (const core::IndexRating& rating : carbon.ratings)
        row += std::string(",") + core::ratingName(rating.rating) + "," + csvNumber(rating.proxy)
               + "," + csvNumber(rating.limit) + "," + csvText(rating.reason);
    double effectT = 0;
    std::string techniques;
    for (const core::Intervention& intervention : carbon.interventions) {
        effectT += intervention.effectTPerYear;
        techniques += (techniques.empty() ? "" : " ") + intervention.technique;
    }
    row += "," + csvText(techniques) + "," + csvNumber(effectT);
    row += "," + csvNumber(result.priorityScore) + "," + std::to_string(result.priorityRank);
    return row;
}

} // namespace detail

/// Writes ANALYSIS to PATH; false (with a message on stderr) when the file cannot be written.
inline bool writeResultsCsv(const std::string& path, const core::Analysis& analysis)
{
    std::FILE* file = std::fopen(path.c_str(), "w");
    if (!file) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        return false;
    }
    std::string header = "parcel_id,area_m2,far,population_est,walk_score,co2_construction_t,"
                         "co2_transport_t,co2_greening_t,co2_waste_t,co2_total_t,"
                         "leading_category";
    for (const std::string& index : core::indexIds())
        header += ",rating_" + index + ",proxy_" + index + ",limit_" + index + ",reason_"
                  + index;
    header += ",interventions,interventions_effect_t,priority_score,priority_rank";
    std::fprintf(file, "%s\n", header.c_str());
    for (const core::ParcelResult& result : analysis.parcels)
        std::fprintf(file, "%s\n", detail::resultRow(result).c_str());
    std::fprintf(file, "demonstration,%s\n",
                 detail::csvText(analysis.demonstration.reasoning).c_str());
    const bool written = std::fclose(file) == 0;
    if (!written)
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
    return written;
}

} // namespace greenrenew::bench
