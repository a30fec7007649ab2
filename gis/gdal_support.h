#pragma once

// Ownership helpers for GDAL handles, used only inside gis .cpp files (never by ui).

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace greenrenew::gis::detail {

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct SrsReleaser {
    void operator()(OGRSpatialReference* srs) const { srs->Release(); }
};
using SrsPtr = std::unique_ptr<OGRSpatialReference, SrsReleaser>;

using TransformPtr = std::unique_ptr<OGRCoordinateTransformation>;

/// Silences GDAL while probing (a failed probe is not an error worth logging); the last error
/// message stays readable through CPLGetLastErrorMsg().
class QuietGdal {
public:
    QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

} // namespace greenrenew::gis::detail
