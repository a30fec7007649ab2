#include "gis/project_loader.h"

#include "core/renewal_type_rule.h"
#include "gis/method_resources.h"
#include "gis/priority_weights_store.h"
#include "gis/project_settings.h"

#include <QFile>

namespace greenrenew::gis {

core::Result<core::Project> loadProject(const QString& input, const LoadOptions& options,
                                        ImportReport& report)
{
    core::Result<core::MethodConfig> config = loadMethodConfig(resourceDir());
    if (!config)
        return config.error();

    // A project file's own overrides come first; the command line's --config has the last say.
    if (std::optional<QByteArray> stored = readProjectSetting(input, kMethodOverridesKey)) {
        const QString origin = input + QStringLiteral(" (table gr_settings)");
        core::Result<bool> applied = applyOverrides(config.value(), *stored, origin);
        if (!applied)
            return applied.error();
        report.issues.push_back({QStringLiteral("gr_settings"), -1, QStringLiteral("notice"),
                                 QStringLiteral("method values overridden by the project's "
                                                "gr_settings table")});
    }
    // The experts' weights the project keeps (the desktop's Priorities dock stores them).
    // A spoiled table leaves the default weights in force, said in the import report.
    core::Result<bool> weighted = applyStoredPriorityWeights(config.value(), input);
    if (!weighted)
        report.issues.push_back({QStringLiteral("gr_priority_weights"), -1,
                                 QStringLiteral("warning"),
                                 QString::fromStdString(weighted.error().describe()) +
                                     QStringLiteral("; the default weights are used")});
    else if (weighted.value())
        report.issues.push_back({QStringLiteral("gr_priority_weights"), -1,
                                 QStringLiteral("notice"),
                                 QStringLiteral("priority weights from the project's "
                                                "gr_priority_weights table")});
    if (!options.configOverride.isEmpty()) {
        QFile file(options.configOverride);
        if (!file.open(QIODevice::ReadOnly)) {
            core::Error error;
            error.operation = "read method overrides";
            error.path = options.configOverride.toStdString();
            error.message = file.errorString().toStdString();
            return error;
        }
        core::Result<bool> applied =
            applyOverrides(config.value(), file.readAll(), options.configOverride);
        if (!applied)
            return applied.error();
    }

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
