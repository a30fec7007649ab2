#pragma once

// Reads a benchmark's data set the way the programs do (gis::loadProject, default options),
// saying on stderr why it could not. Header only: the benchmarks are single-file programs.

#include "core/model.h"
#include "gis/project_loader.h"

#include <QString>

#include <cstdio>
#include <optional>

namespace greenrenew::bench {

/// The project at PATH, or nullopt after printing the error.
inline std::optional<core::Project> loadOrSay(const char* path)
{
    gis::ImportReport report;
    core::Result<core::Project> loaded =
        gis::loadProject(QString::fromLocal8Bit(path), gis::LoadOptions{}, report);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().describe().c_str());
        return std::nullopt;
    }
    return std::move(loaded.value());
}

} // namespace greenrenew::bench
