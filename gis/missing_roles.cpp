#include "gis/missing_roles.h"

namespace greenrenew::gis {

QString missingRoleConsequence(const QString& role)
{
    // Each sentence names what core skips or books from a default without the role's
    // features (walk_access, carbon_inputs and carbon_ratings, form_metrics).
    if (role == QLatin1String("facilities"))
        return QStringLiteral(
            "walking life circles are not assessed, and the bus-stop, bike-station and "
            "waste-collection distances of the low-carbon indices are not measured (the ledger "
            "books the project defaults, the ratings list them as missing)");
    if (role == QLatin1String("green"))
        return QStringLiteral(
            "green coverage, green space per person and park reach are not measured (the "
            "carbon-planting and heat-island indices list them as missing)");
    if (role == QLatin1String("streets"))
        return QStringLiteral(
            "there is no walk network: walking life circles and walking distances are not "
            "assessed, and cycleway access is not measured");
    if (role == QLatin1String("buildings"))
        return QStringLiteral(
            "floor area ratio, building density and height are zero for every parcel, so the "
            "form controls and the indices that use them are not meaningful");
    return {};
}

void reportMissingRoles(const core::Project& project, const QStringList& assigned,
                        ImportReport& report)
{
    const std::pair<QString, bool> roles[] = {
        {QStringLiteral("buildings"), project.buildings.empty()},
        {QStringLiteral("green"), project.green.empty()},
        {QStringLiteral("streets"), project.streets.empty()},
        {QStringLiteral("facilities"), project.facilities.empty()},
    };
    for (const auto& [role, empty] : roles) {
        if (!empty)
            continue;
        const QString what = assigned.contains(role)
                                 ? QStringLiteral("the %1 layer gave no usable feature").arg(role)
                                 : QStringLiteral("no %1 layer").arg(role);
        report.issues.push_back({role, -1, QStringLiteral("missing"),
                                 what + QStringLiteral(": ") + missingRoleConsequence(role)});
    }
}

} // namespace greenrenew::gis
