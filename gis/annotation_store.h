#pragma once

// The designer's map annotations in the project GeoPackage, table gr_annotations: one point
// feature per annotation (its position) with kind, text and the arrow/callout target.

#include "core/annotation.h"
#include "core/result.h"

#include <QString>

#include <string>
#include <vector>

namespace greenrenew::gis {

/// The annotations stored in GPKG, in id order; empty when the file has no gr_annotations.
core::Result<std::vector<core::Annotation>> readAnnotations(const QString& gpkg);

/// Replaces the gr_annotations table of GPKG (created when missing) by ANNOTATIONS, in the
/// CRS CRSWKT (the project CRS; empty: none recorded).
core::Result<bool> writeAnnotations(const QString& gpkg,
    const std::vector<core::Annotation>& annotations, const std::string& crsWkt);

} // namespace greenrenew::gis
