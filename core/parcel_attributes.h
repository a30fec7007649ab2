#pragma once

// The parcel attributes a designer edits by hand (name, renewal type, planned floors of the
// buildings, notes), as pure values: parsing and checking the text typed, and the parcel as it
// is afterwards. The desktop wraps the result in a ParcelChange, so an attribute edit is
// undone, journaled and logged like a geometry edit, and the figures follow.

#include "core/model.h"
#include "core/result.h"

#include <optional>
#include <string>

namespace greenrenew::core {

/// Attribute key of the planned floors of a parcel's buildings, set by the designer. When set,
/// the form stage takes it for every building on the parcel instead of the recorded or
/// estimated floors (the plan raises or lowers them), and their heights follow at the storey
/// height of the method.
inline constexpr char kPlannedFloorsKey[] = "planned_floors";
/// Attribute key of the designer's notes on a parcel.
inline constexpr char kNotesKey[] = "notes";

enum class ParcelField { Name, Type, PlannedFloors, Notes };

/// The planned floors of PARCEL when the designer set a usable value (a number above 0).
std::optional<double> plannedFloors(const Parcel& parcel);

/// The value of FIELD as the designer sees and types it: the name, the stable type name,
/// the planned floors (empty when unset) or the notes.
std::string fieldText(const Parcel& parcel, ParcelField field);

/// PARCEL with FIELD set from TEXT (surrounding blanks dropped). The type takes a stable
/// name ("factory"); floors take a number above 0, or nothing to go back to the data's
/// floors; empty notes remove them. An Error names the parcel and says what is wrong with
/// the text; nothing is changed then.
Result<Parcel> withField(const Parcel& parcel, ParcelField field, const std::string& text);

/// What an edit of FIELD is called in the undo history and the edit log:
/// "set type of parcel 7".
std::string fieldEditDescription(const Parcel& parcel, ParcelField field);

} // namespace greenrenew::core
