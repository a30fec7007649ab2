#pragma once

// The bundled Shanghai sample (resources/sample/shanghai_bund.gpkg, its gr_settings overrides:
// Shanghai 310000, national grid scope, 1,200 mm rainfall) loaded with the shipped resources
// and analysed once for the carbon tests of this folder.

#include "core/analysis.h"
#include "gis/project_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace greenrenew::carbon_sample {

struct SampleRun {
    core::Project project;
    core::Analysis analysis;
    bool loaded = false;
};

inline const SampleRun& sampleRun()
{
    static const SampleRun run = [] {
        SampleRun r;
        gis::ImportReport report;
        core::Result<core::Project> project = gis::loadProject(
            QStringLiteral(GREENRENEW_SOURCE_DIR "/resources/sample/shanghai_bund.gpkg"), {},
            report);
        if (!project) {
            ADD_FAILURE() << project.error().describe();
            return r;
        }
        r.project = std::move(project.value());
        r.analysis = core::runAnalysis(r.project);
        r.loaded = true;
        return r;
    }();
    return run;
}

inline const core::ParcelResult* resultOf(const SampleRun& run, core::FeatureId id)
{
    auto it = std::find_if(run.analysis.parcels.begin(), run.analysis.parcels.end(),
                           [&](const core::ParcelResult& r) { return r.parcelId == id; });
    return it == run.analysis.parcels.end() ? nullptr : &*it;
}

inline const core::IndexRating& ratingOf(const core::ParcelResult& result,
                                         const std::string& index)
{
    return *std::find_if(result.carbon.ratings.begin(), result.carbon.ratings.end(),
                         [&](const core::IndexRating& r) { return r.index == index; });
}

} // namespace greenrenew::carbon_sample
