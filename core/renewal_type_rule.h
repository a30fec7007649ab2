#pragma once

// Suggests a renewal type for each parcel from what lies inside it.

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

} // namespace greenrenew::core
