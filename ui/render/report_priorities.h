#pragma once

// The report page "Renewal priorities and demonstration" (docs/priorities.md, "Priority"): the
// category weights the ranking used and where they come from, the suggested demonstration
// parcel and cluster with the numbers behind the choice, and the parcels ranked first.

#include "core/analysis.h"
#include "core/model.h"

#include <QString>

namespace greenrenew::render {

struct PageFrame;

/// Title of the page in the report's language, as the contents and the page heading show it.
QString prioritySectionTitle(const QString& language);

/// Whether PROJECT's parameters hold the weights and the demonstration rule the page shows (a
/// project built without the method's resources has none, and gets no such page).
bool priorityPageAvailable(const core::Project& project);

/// Draws the page for ANALYSIS (ranked by core::rankPriorities) of PROJECT.
void drawPriorityPage(
    const PageFrame& frame, const core::Project& project, const core::Analysis& analysis);

} // namespace greenrenew::render
