#include "ui/parcel_id_source.h"

#include "core/parcel_edit.h"
#include "ui/edit_commands.h"

namespace greenrenew::ui {

core::Result<core::FeatureId> newParcelIds(const EditSession& session, int count)
{
    if (const auto* source = session.findChild<ParcelIdSource*>())
        return source->reserve(count);
    return core::nextParcelId(*session.project());
}

} // namespace greenrenew::ui
