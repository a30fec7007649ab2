#pragma once

// A data set may lack a role's layer (a survey file of parcels and buildings only, say); the
// import still runs, and the report says which role is missing and which results go without.

#include "core/model.h"
#include "gis/import_report.h"

#include <QStringList>

namespace greenrenew::gis {

/// Adds a "missing" issue (layer = the role) for every role among buildings, green, streets
/// and facilities that gave the project no feature: ASSIGNED lists the roles a layer was
/// found for, so the message can tell "no layer" from "a layer without usable features".
void reportMissingRoles(const core::Project& project, const QStringList& assigned,
                        ImportReport& report);

/// What the analysis cannot do without ROLE ("walking life circles are not assessed ...").
QString missingRoleConsequence(const QString& role);

} // namespace greenrenew::gis
