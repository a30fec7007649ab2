#include "gis/project_loader.h"

#include "core/renewal_type_rule.h"
#include "gis/method_resources.h"

namespace greenrenew::gis {

core::Result<core::Project> loadProject(const QString& input, const LoadOptions& options,
                                        ImportReport& report)
{
    core::Result<core::MethodConfig> config =
        loadMethodConfig(resourceDir(), options.configOverride);
    if (!config)
        return config.error();

    core::Result<core::Project> project = readDataset(input, options.import, report);
    if (!project)
        return project.error();
    project.value().config = std::move(config.value());

    // Types carried by the data (typeReason names the field) are the designer's; only the
    // parcels without one get the rule's suggestion, with its reason kept for the report.
    std::vector<core::TypeSuggestion> suggestions = core::suggestRenewalTypes(project.value());
    for (std::size_t i = 0; i < project.value().parcels.size() && i < suggestions.size(); ++i) {
        core::Parcel& parcel = project.value().parcels[i];
        if (!parcel.typeReason.empty())
            continue;
        parcel.type = suggestions[i].type;
        parcel.typeReason = "suggested: " + suggestions[i].reason;
    }
    return project;
}

} // namespace greenrenew::gis
