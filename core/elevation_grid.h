#pragma once

// A terrain model as core sees it: a north-up grid of ground heights in the project's CRS,
// sampled bilinearly. gis/ reads a DEM file into it (through GDAL); core never reads files.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace greenrenew::core {

struct ElevationGrid {
    /// Outer corner of the top-left cell (the smallest x, the largest y), in project metres.
    double originX = 0;
    double originY = 0;
    /// Cell size in metres, both positive; rows run southwards from originY.
    double cellWidthM = 1;
    double cellHeightM = 1;
    std::size_t columns = 0;
    std::size_t rows = 0;
    /// Heights in metres, row by row from the top; NaN where the DEM has no data.
    std::vector<double> heightsM;
    /// Where the grid came from, for reports (the file name, and its CRS when reprojected).
    std::string description;

    double at(std::size_t column, std::size_t row) const
    {
        return heightsM[row * columns + column];
    }

    /// Height at (x, y), interpolated bilinearly between the four nearest cell centres (a
    /// cell's value holds at its centre, as GDAL's bilinear resampling takes it). Within half a
    /// cell of the grid's edge the nearest centres are used. std::nullopt outside the grid or
    /// where one of the four cells has no data.
    std::optional<double> heightAt(double x, double y) const
    {
        if (columns == 0 || rows == 0)
            return std::nullopt;
        const double column = (x - originX) / cellWidthM - 0.5;
        const double row = (originY - y) / cellHeightM - 0.5;
        const double maxColumn = static_cast<double>(columns) - 1;
        const double maxRow = static_cast<double>(rows) - 1;
        if (!(column >= -0.5 && column <= maxColumn + 0.5 && row >= -0.5 && row <= maxRow + 0.5))
            return std::nullopt;
        const double c = std::clamp(column, 0.0, maxColumn);
        const double r = std::clamp(row, 0.0, maxRow);
        const auto c0 = static_cast<std::size_t>(std::floor(c));
        const auto r0 = static_cast<std::size_t>(std::floor(r));
        const std::size_t c1 = std::min(c0 + 1, columns - 1);
        const std::size_t r1 = std::min(r0 + 1, rows - 1);
        const double fc = c - static_cast<double>(c0);
        const double fr = r - static_cast<double>(r0);
        const double top = at(c0, r0) * (1 - fc) + at(c1, r0) * fc;
        const double bottom = at(c0, r1) * (1 - fc) + at(c1, r1) * fc;
        const double height = top * (1 - fr) + bottom * fr;
        if (std::isnan(height))
            return std::nullopt;
        return height;
    }

    /// The finer of the two cell sizes: slopes are sampled along a street at this step.
    double resolutionM() const { return std::min(cellWidthM, cellHeightM); }
};

} // namespace greenrenew::core
