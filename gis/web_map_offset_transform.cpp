#include "gis/web_map_offset_transform.h"

#include <algorithm>

namespace greenrenew::gis {

int WebMapOffsetRemoval::Transform(int count, double* x, double* y, double* /*z*/,
                                   double* /*t*/, int* success)
{
    for (int i = 0; i < count; ++i) {
        const core::OffsetRemoval removed = core::removeWebMapOffset({x[i], y[i]}, m_offset);
        x[i] = removed.wgs84.lon;
        y[i] = removed.wgs84.lat;
        m_largestResidualM = std::max(m_largestResidualM, removed.residualM);
        ++m_points;
        if (success)
            success[i] = TRUE;
    }
    return TRUE;
}

OGRCoordinateTransformation* WebMapOffsetRemoval::Clone() const
{
    return new WebMapOffsetRemoval(m_offset);
}

} // namespace greenrenew::gis
