#include "core/model.h"

namespace greenrenew::core {

namespace {
struct TypeName {
    RenewalType type;
    const char* name;
};
constexpr TypeName kTypeNames[] = {
    {RenewalType::Residential, "residential"},
    {RenewalType::Commercial, "commercial"},
    {RenewalType::Factory, "factory"},
    {RenewalType::HistoricBlock, "historic_block"},
};
} // namespace

const char* renewalTypeName(RenewalType type)
{
    for (const auto& entry : kTypeNames) {
        if (entry.type == type)
            return entry.name;
    }
    return "residential";
}

std::optional<RenewalType> renewalTypeFromName(const std::string& name)
{
    for (const auto& entry : kTypeNames) {
        if (name == entry.name)
            return entry.type;
    }
    return std::nullopt;
}

} // namespace greenrenew::core
