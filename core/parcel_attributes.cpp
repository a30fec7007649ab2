#include "core/parcel_attributes.h"

#include <charconv>
#include <cmath>

namespace greenrenew::core {

namespace {

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::optional<double> positiveNumber(const std::string& text)
{
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || stop != end || !std::isfinite(value) || value <= 0)
        return std::nullopt;
    return value;
}

std::string numberText(double value)
{
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

Error refused(const Parcel& parcel, const std::string& message)
{
    Error error;
    error.operation = "edit attribute";
    error.featureId = parcel.id;
    error.message = message;
    return error;
}

const char* fieldName(ParcelField field)
{
    switch (field) {
    case ParcelField::Name: return "name";
    case ParcelField::Type: return "type";
    case ParcelField::PlannedFloors: return "planned floors";
    case ParcelField::Notes: return "notes";
    }
    return "attribute";
}

} // namespace

std::optional<double> plannedFloors(const Parcel& parcel)
{
    const auto it = parcel.attributes.find(kPlannedFloorsKey);
    return it == parcel.attributes.end() ? std::nullopt : positiveNumber(it->second);
}

std::string fieldText(const Parcel& parcel, ParcelField field)
{
    switch (field) {
    case ParcelField::Name: return parcel.name;
    case ParcelField::Type: return renewalTypeName(parcel.type);
    case ParcelField::PlannedFloors: {
        const auto floors = plannedFloors(parcel);
        return floors ? numberText(*floors) : std::string();
    }
    case ParcelField::Notes: {
        const auto it = parcel.attributes.find(kNotesKey);
        return it == parcel.attributes.end() ? std::string() : it->second;
    }
    }
    return {};
}

Result<Parcel> withField(const Parcel& parcel, ParcelField field, const std::string& text)
{
    const std::string value = trimmed(text);
    Parcel edited = parcel;
    switch (field) {
    case ParcelField::Name:
        edited.name = value;
        break;
    case ParcelField::Type: {
        const auto type = renewalTypeFromName(value);
        if (!type)
            return refused(parcel, "'" + value + "' is not a renewal type (residential, "
                                   "commercial, factory, historic_block)");
        edited.type = *type;
        edited.typeReason = "set by the designer";
        break;
    }
    case ParcelField::PlannedFloors:
        if (value.empty()) {
            edited.attributes.erase(kPlannedFloorsKey);
        } else if (const auto floors = positiveNumber(value)) {
            edited.attributes[kPlannedFloorsKey] = numberText(*floors);
        } else {
            return refused(parcel, "planned floors must be a number above 0, not '" + value
                                       + "' (leave it empty to use the data's floors)");
        }
        break;
    case ParcelField::Notes:
        if (value.empty())
            edited.attributes.erase(kNotesKey);
        else
            edited.attributes[kNotesKey] = value;
        break;
    }
    return edited;
}

std::string fieldEditDescription(const Parcel& parcel, ParcelField field)
{
    return std::string("set ") + fieldName(field) + " of parcel " + std::to_string(parcel.id);
}

} // namespace greenrenew::core
