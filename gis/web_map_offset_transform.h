#pragma once

// Removes the offset of Chinese web maps (core/web_map_offset.h) from longitude/latitude
// coordinates as GDAL hands them to the importer, before they are projected; it keeps the
// largest residual of the inversion so the import report can state it.

#include "core/web_map_offset.h"
#include "gis/web_map_offset_option.h"

#include <ogr_spatialref.h>

namespace greenrenew::gis {

class WebMapOffsetRemoval : public OGRCoordinateTransformation {
public:
    explicit WebMapOffsetRemoval(core::WebMapOffset offset) : m_offset(offset) {}

    OGRSpatialReference* GetSourceCS() override { return nullptr; }
    OGRSpatialReference* GetTargetCS() override { return nullptr; }
    int Transform(int count, double* x, double* y, double* z, double* t,
                  int* success) override;
    OGRCoordinateTransformation* Clone() const override;
    OGRCoordinateTransformation* GetInverse() const override { return nullptr; }

    double largestResidualM() const { return m_largestResidualM; }
    long long pointsConverted() const { return m_points; }

private:
    core::WebMapOffset m_offset;
    double m_largestResidualM = 0.0;
    long long m_points = 0;
};

} // namespace greenrenew::gis
