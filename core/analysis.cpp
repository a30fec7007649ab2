#include "core/analysis.h"

namespace greenrenew::core {

Analysis runAnalysis(const Project& project, const StageControl& control)
{
    Analysis analysis;
    std::vector<FormMetrics> form = computeFormMetrics(project, control);
    std::vector<WalkAccess> walk = computeWalkAccess(project, control);
    std::vector<CarbonAssessment> carbon = assessCarbon(project, form, walk, control);

    analysis.parcels.resize(project.parcels.size());
    for (std::size_t i = 0; i < project.parcels.size(); ++i) {
        ParcelResult& result = analysis.parcels[i];
        result.parcelId = project.parcels[i].id;
        if (i < form.size())
            result.form = std::move(form[i]);
        if (i < walk.size())
            result.walk = std::move(walk[i]);
        if (i < carbon.size())
            result.carbon = std::move(carbon[i]);
    }
    rankPriorities(project, analysis);
    return analysis;
}

} // namespace greenrenew::core
