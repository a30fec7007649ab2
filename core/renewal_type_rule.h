#pragma once

// Suggests a renewal type for each parcel from what lies inside it.
//
// The rule (docs/sample-parcels.md explains it with examples):
// 1. Evidence inside a parcel: every building whose centroid lies in it (weighted by its
//    footprint area in m²), every facility located in it (each weighted as
//    rule.type.facility_weight_m2 of footprint) except those of the categories listed in
//    "ignored.facility_categories", and every green space whose centroid lies in it and whose
//    name matches a list (weighted like a facility).
// 2. Each item is given at most one type by the first keyword list that matches it, in the
//    order of kKeywordRules in renewal_type_rule.cpp: strong historic names, then building uses
//    and facility kinds, then factory names, "former" markers, commercial names, residential
//    (lane) names and traditional Chinese building-name endings.
// 3. Each type's share = its weight / the weight of all buildings plus the typed facilities and
//    green spaces. The largest share wins if it reaches rule.type.min_share; otherwise the
//    parcel is residential, the most common fabric of old districts.
// Keyword lists come from MethodConfig::keywordLists, thresholds from MethodConfig::parameters
// (a missing one throws MissingParameter; a missing list counts as empty).

#include "core/model.h"

#include <string>
#include <vector>

namespace greenrenew::core {

struct TypeSuggestion {
    RenewalType type = RenewalType::Residential;
    std::string reason;
};

/// One suggestion per parcel, in project order.
std::vector<TypeSuggestion> suggestRenewalTypes(const Project& project);

/// True when TEXT matches a keyword-list entry: "^x" = starts with x, "x$" = ends with x,
/// otherwise contains x. ASCII letters compare without case; other text (UTF-8) byte-exactly.
bool matchesKeyword(const std::string& text, const std::string& pattern);

} // namespace greenrenew::core
