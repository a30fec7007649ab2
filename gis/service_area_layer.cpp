#include "gis/service_area_layer.h"

#include "gis/gdal_support.h"

#include <boost/geometry.hpp>

namespace greenrenew::gis::detail {

OGRMultiPolygon toOgr(const core::MultiPolygon& geometry)
{
    OGRMultiPolygon multi;
    auto ringToOgr = [](const core::Ring& ring) {
        auto* out = new OGRLinearRing;
        out->setNumPoints(static_cast<int>(ring.size()), FALSE);
        for (std::size_t i = 0; i < ring.size(); ++i)
            out->setPoint(static_cast<int>(i), ring[i].x(), ring[i].y());
        return out;
    };
    for (const core::Polygon& polygon : geometry) {
        OGRPolygon out;
        out.addRingDirectly(ringToOgr(polygon.outer()));
        for (const core::Ring& inner : polygon.inners())
            out.addRingDirectly(ringToOgr(inner));
        multi.addGeometry(&out);
    }
    return multi;
}

std::optional<core::Error> writeServiceAreaLayer(GDALDataset& dataset, OGRSpatialReference* srs,
                                                 const std::vector<core::ServiceArea>& areas,
                                                 const QString& path)
{
    auto failure = [&](const std::string& message) {
        core::Error error;
        error.kind = core::ErrorKind::BadInput;
        error.operation = "write results";
        error.path = path.toStdString();
        error.layer = "service_areas";
        error.message = message + ": " + CPLGetLastErrorMsg();
        return error;
    };
    OGRLayer* layer = dataset.CreateLayer("service_areas", srs, wkbMultiPolygon, nullptr);
    if (!layer)
        return failure("cannot create the layer");
    const std::pair<const char*, OGRFieldType> fields[] = {
        {"facility_type", OFTString}, {"circle", OFTString},
        {"threshold_m", OFTReal},     {"buffer_m", OFTReal},
        {"street_length_m", OFTReal}, {"area_m2", OFTReal}};
    for (const auto& [name, type] : fields) {
        OGRFieldDefn field(name, type);
        if (layer->CreateField(&field) != OGRERR_NONE)
            return failure(std::string("cannot create the field ") + name);
    }
    for (const core::ServiceArea& area : areas) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("facility_type", area.facilityType.c_str());
        feature->SetField("circle", area.circleId.c_str());
        feature->SetField("threshold_m", area.thresholdM);
        feature->SetField("buffer_m", area.bufferM);
        feature->SetField("street_length_m", area.streetLengthM);
        feature->SetField("area_m2", boost::geometry::area(area.area));
        OGRMultiPolygon geometry = toOgr(area.area);
        feature->SetGeometry(&geometry);
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE)
            return failure("cannot write the area of " + area.facilityType + " in "
                           + area.circleId);
    }
    return std::nullopt;
}

} // namespace greenrenew::gis::detail
