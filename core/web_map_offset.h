#pragma once

// The offset coordinates of Chinese web maps. Points taken from Amap, Tencent or Google's
// China tiles are in GCJ-02, Baidu's in BD-09: both are WGS 84 longitude/latitude moved by a
// deliberate, position-dependent shift of some hundreds of metres. GCJ-02's shift is known
// through its widely published reconstruction (a polynomial plus sine terms on the
// Krasovsky ellipsoid); BD-09 is a further closed-form rotation and shift of GCJ-02. Outside
// the rectangle the reconstruction covers around China, no shift is applied, as the web
// maps do. The inverse of GCJ-02 has no closed form: it is found by fixed-point iteration
// until the forward shift of the result lands on the given point.

namespace greenrenew::core {

struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
};

enum class WebMapOffset { None, Gcj02, Bd09 };

/// True inside the rectangle where the web maps apply the GCJ-02 shift.
bool insideOffsetArea(LonLat point);

LonLat wgs84ToGcj02(LonLat wgs);
LonLat gcj02ToBd09(LonLat gcj);
LonLat bd09ToGcj02(LonLat bd);

struct OffsetRemoval {
    LonLat wgs84;
    /// How far (metres, on the sphere) the forward shift of the result lands from the point
    /// given: what is left of the inversion's error.
    double residualM = 0.0;
};

/// The WGS 84 position of POINT given in OFFSET coordinates.
OffsetRemoval removeWebMapOffset(LonLat point, WebMapOffset offset);

} // namespace greenrenew::core
