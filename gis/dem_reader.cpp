#include "gis/dem_reader.h"

#include "gis/gdal_support.h"
#include "gis/logging.h"

#include <gdal_utils.h>

#include <cmath>
#include <limits>
#include <sstream>

namespace greenrenew::gis {

namespace {

// 2.5e8 cells of 8 bytes is 2 GB: beyond that the user should clip the DEM to the district.
constexpr double kMaxCells = 2.5e8;

core::Error demError(const QString& path, const std::string& operation,
                     const std::string& message)
{
    core::Error error;
    error.kind = core::ErrorKind::BadInput;
    error.operation = operation;
    error.path = path.toStdString();
    error.message = message;
    return error;
}

struct WarpOptionsFree {
    void operator()(GDALWarpAppOptions* options) const { GDALWarpAppOptionsFree(options); }
};

/// The DEM warped to a north-up grid in `targetWkt`, bilinear, no-data as NaN, in memory.
detail::DatasetPtr warped(GDALDataset& source, const std::string& targetWkt)
{
    CPLStringList arguments;
    arguments.AddString("-of");
    arguments.AddString("MEM");
    arguments.AddString("-r");
    arguments.AddString("bilinear");
    arguments.AddString("-ot");
    arguments.AddString("Float64");
    arguments.AddString("-dstnodata");
    arguments.AddString("nan");
    if (!targetWkt.empty()) {
        arguments.AddString("-t_srs");
        arguments.AddString(targetWkt.c_str());
    }
    std::unique_ptr<GDALWarpAppOptions, WarpOptionsFree> options(
        GDALWarpAppOptionsNew(arguments.List(), nullptr));
    GDALDatasetH sources[] = {GDALDataset::ToHandle(&source)};
    int usageError = 0;
    GDALDatasetH result = GDALWarp("", nullptr, 1, sources, options.get(), &usageError);
    return detail::DatasetPtr(GDALDataset::FromHandle(result));
}

std::string crsName(const OGRSpatialReference* srs)
{
    if (!srs)
        return "no CRS";
    const char* name = srs->GetName();
    const char* authority = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    std::string text = name ? name : "unnamed CRS";
    if (authority && code)
        text += std::string(" (") + authority + ":" + code + ")";
    return text;
}

} // namespace

core::Result<std::shared_ptr<const core::ElevationGrid>>
readDem(const QString& path, const std::string& projectCrsWkt, std::vector<std::string>& warnings)
{
    ensureGdalInitialised();
    detail::QuietGdal quiet;
    const std::string file = path.toStdString();
    detail::DatasetPtr dataset(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!dataset)
        return demError(path, "open DEM", std::string("not a raster GDAL can read: ")
                                              + CPLGetLastErrorMsg());
    if (dataset->GetRasterCount() < 1)
        return demError(path, "read DEM", "the raster has no band");

    double transform[6] = {0, 1, 0, 0, 0, -1};
    if (dataset->GetGeoTransform(transform) != CE_None)
        return demError(path, "read DEM", "the raster has no georeferencing (geotransform)");

    OGRSpatialReference project;
    if (!projectCrsWkt.empty() && project.importFromWkt(projectCrsWkt.c_str()) != OGRERR_NONE)
        return demError(path, "read DEM", "the project's CRS cannot be read");
    const OGRSpatialReference* own = dataset->GetSpatialRef();
    if (!own)
        warnings.push_back(file + ": the DEM has no CRS; taken to be the project's");
    const bool otherCrs = own && !projectCrsWkt.empty() && !own->IsSame(&project);
    const bool northUp = transform[2] == 0 && transform[4] == 0 && transform[1] > 0
                         && transform[5] < 0;

    std::ostringstream description;
    description << file;
    detail::DatasetPtr reprojected;
    GDALDataset* grid = dataset.get();
    if (otherCrs || !northUp) {
        reprojected = warped(*dataset, otherCrs ? projectCrsWkt : std::string());
        if (!reprojected)
            return demError(path, "reproject DEM", std::string("GDAL warp failed: ")
                                                       + CPLGetLastErrorMsg());
        grid = reprojected.get();
        grid->GetGeoTransform(transform);
        description << (otherCrs ? ", warped from " + crsName(own) + " to the project's CRS"
                                 : ", warped to north-up");
        description << " (bilinear)";
    }

    const auto columns = static_cast<std::size_t>(grid->GetRasterXSize());
    const auto rows = static_cast<std::size_t>(grid->GetRasterYSize());
    if (static_cast<double>(columns) * static_cast<double>(rows) > kMaxCells)
        return demError(path, "read DEM", "too large (" + std::to_string(columns) + " x "
                                              + std::to_string(rows)
                                              + " cells): clip it to the district");
    auto elevation = std::make_shared<core::ElevationGrid>();
    elevation->originX = transform[0];
    elevation->originY = transform[3];
    elevation->cellWidthM = transform[1];
    elevation->cellHeightM = -transform[5];
    elevation->columns = columns;
    elevation->rows = rows;
    elevation->heightsM.resize(columns * rows);
    GDALRasterBand* band = grid->GetRasterBand(1);
    if (band->RasterIO(GF_Read, 0, 0, static_cast<int>(columns), static_cast<int>(rows),
                       elevation->heightsM.data(), static_cast<int>(columns),
                       static_cast<int>(rows), GDT_Float64, 0, 0, nullptr) != CE_None)
        return demError(path, "read DEM", std::string("band 1: ") + CPLGetLastErrorMsg());
    int hasNoData = 0;
    const double noData = band->GetNoDataValue(&hasNoData);
    if (hasNoData && !std::isnan(noData))
        for (double& height : elevation->heightsM)
            if (height == noData)
                height = std::numeric_limits<double>::quiet_NaN();
    description << ", " << columns << " x " << rows << " cells of " << elevation->cellWidthM
                << " x " << elevation->cellHeightM << " m";
    elevation->description = description.str();
    return std::shared_ptr<const core::ElevationGrid>(std::move(elevation));
}

} // namespace greenrenew::gis
