// The column-batch (Arrow) import of GeoPackage polygons against the feature-by-feature one:
// both must give the same model and the same report, on the real district and on footprints
// that need repairs, skips and warnings.

#include "gis/arrow_layer_reader.h"
#include "gis/dataset_reader.h"

#include <gtest/gtest.h>

#include <QLoggingCategory>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <vector>

namespace core = greenrenew::core;
namespace gis = greenrenew::gis;

namespace {

const QString kSample =
    QStringLiteral(GREENRENEW_TEST_DATA_DIR "/shanghai-bund-osm/shanghai_bund.gpkg");

// Debug messages of the import, to see which way each layer was read.
QStringList g_messages;

void keepMessage(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_messages << message;
}

struct Read {
    core::Project project;
    gis::ImportReport report;
    QStringList messages;
};

Read readWith(const QString& input, bool inBatches)
{
    gis::ImportOptions options;
    options.readInBatches = inBatches;
    Read read;
    QLoggingCategory::setFilterRules(QStringLiteral("greenrenew.gis.ogr.debug=true"));
    g_messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(keepMessage);
    auto project = gis::readDataset(input, options, read.report);
    qInstallMessageHandler(previous);
    read.messages = g_messages;
    EXPECT_TRUE(project) << (project ? "" : project.error().describe());
    if (project)
        read.project = std::move(project.value());
    return read;
}

std::vector<std::pair<double, double>> points(const core::MultiPolygon& shape)
{
    std::vector<std::pair<double, double>> out;
    for (const core::Polygon& polygon : shape) {
        for (const core::Point& p : polygon.outer())
            out.emplace_back(p.x(), p.y());
        for (const core::Ring& hole : polygon.inners()) {
            out.emplace_back(-1e300, -1e300);  // marks where a hole starts
            for (const core::Point& p : hole)
                out.emplace_back(p.x(), p.y());
        }
        out.emplace_back(1e300, 1e300);  // marks where a polygon ends
    }
    return out;
}

/// COMPARE on each pair of the two reads' items, which must be as many.
template <typename T, typename Compare>
void expectEach(const std::vector<T>& batch, const std::vector<T>& feature, Compare compare)
{
    ASSERT_EQ(batch.size(), feature.size());
    for (std::size_t i = 0; i < batch.size(); ++i)
        compare(batch[i], feature[i]);
}

void expectSameBuildings(const std::vector<core::Building>& batch,
                         const std::vector<core::Building>& feature)
{
    expectEach(batch, feature, [](const core::Building& a, const core::Building& b) {
        SCOPED_TRACE(b.id);
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.floors, b.floors);
        EXPECT_EQ(a.heightM, b.heightM);
        EXPECT_EQ(a.use, b.use);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(points(a.footprint), points(b.footprint));
    });
}

void expectSameGreen(const std::vector<core::GreenSpace>& batch,
                     const std::vector<core::GreenSpace>& feature)
{
    expectEach(batch, feature, [](const core::GreenSpace& a, const core::GreenSpace& b) {
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.kind, b.kind);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(points(a.geometry), points(b.geometry));
    });
}

void expectSameReport(const gis::ImportReport& batch, const gis::ImportReport& feature)
{
    expectEach(batch.issues, feature.issues,
               [](const gis::ImportIssue& a, const gis::ImportIssue& b) {
                   EXPECT_EQ(a.layer, b.layer);
                   EXPECT_EQ(a.featureId, b.featureId);
                   EXPECT_EQ(a.what, b.what);
                   EXPECT_EQ(a.message, b.message);
               });
    expectEach(batch.layers, feature.layers,
               [](const gis::LayerImport& a, const gis::LayerImport& b) {
                   EXPECT_EQ(a.role, b.role);
                   EXPECT_EQ(a.read, b.read);
                   EXPECT_EQ(a.repaired, b.repaired);
                   EXPECT_EQ(a.skipped, b.skipped);
               });
}

bool readInBatches(const Read& read, const char* layer)
{
    return read.messages.contains(QStringLiteral("%1: read in column batches")
                                      .arg(QLatin1String(layer)));
}

TEST(BatchImport, SampleDistrictGivesTheFeatureByFeatureModel)
{
    const Read batch = readWith(kSample, true);
    const Read feature = readWith(kSample, false);
    EXPECT_TRUE(readInBatches(batch, "buildings"));
    EXPECT_TRUE(readInBatches(batch, "green"));
    EXPECT_FALSE(readInBatches(feature, "buildings"));
    // The sample's counts (tests/data/shanghai-bund-osm/SOURCE.md).
    EXPECT_EQ(batch.project.buildings.size(), 978u);
    EXPECT_EQ(batch.project.green.size(), 42u);
    expectSameBuildings(batch.project.buildings, feature.project.buildings);
    expectSameGreen(batch.project.green, feature.project.green);
    expectSameReport(batch.report, feature.report);
}

/// The sample's parcels and buildings copied into one FlatGeobuf file each, in DIR.
void copySampleToFlatGeobuf(const QTemporaryDir& dir)
{
    std::unique_ptr<GDALDataset> sample(GDALDataset::Open(
        kSample.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_NE(sample, nullptr);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("FlatGeobuf");
    ASSERT_NE(driver, nullptr);
    for (const char* name : {"parcels", "buildings"}) {
        const QString path = dir.filePath(QLatin1String(name) + QStringLiteral(".fgb"));
        std::unique_ptr<GDALDataset> copy(
            driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_NE(copy, nullptr);
        ASSERT_NE(copy->CopyLayer(sample->GetLayerByName(name), name), nullptr);
    }
}

TEST(BatchImport, FlatGeobufGivesTheFeatureByFeatureModel)
{
    GDALAllRegister();
    QTemporaryDir dir;
    copySampleToFlatGeobuf(dir);
    const Read batch = readWith(dir.path(), true);
    const Read feature = readWith(dir.path(), false);
    EXPECT_TRUE(readInBatches(batch, "buildings"));
    EXPECT_EQ(batch.project.buildings.size(), 978u);
    expectSameBuildings(batch.project.buildings, feature.project.buildings);
    expectSameReport(batch.report, feature.report);
}

// Offsets into UTM zone 51N near the sample, so the declared CRS fits the coordinates.
constexpr double kX0 = 355000;
constexpr double kY0 = 3455000;

/// A square of SIDE metres with its corner at (X, Y) from the origin above, as WKT.
std::string square(double x, double y, double side)
{
    const double x1 = kX0 + x;
    const double y1 = kY0 + y;
    return "POLYGON((" + std::to_string(x1) + " " + std::to_string(y1) + "," +
           std::to_string(x1 + side) + " " + std::to_string(y1) + "," +
           std::to_string(x1 + side) + " " + std::to_string(y1 + side) + "," +
           std::to_string(x1) + " " + std::to_string(y1 + side) + "," + std::to_string(x1) +
           " " + std::to_string(y1) + "))";
}

/// WKT with coordinates given from the origin above: "0 0" becomes "355000 3455000".
std::string shifted(const std::vector<std::pair<double, double>>& ring)
{
    std::string text;
    for (const auto& [x, y] : ring) {
        if (!text.empty())
            text += ",";
        text += std::to_string(kX0 + x) + " " + std::to_string(kY0 + y);
    }
    return "(" + text + ")";
}

struct Footprint {
    std::string wkt;  // empty: no geometry
    const char* name;
    int levels;       // 0: null
};

/// The footprints of the bad-input case, each with the outcome worked out by hand.
std::vector<Footprint> badFootprints()
{
    return {
        {square(0, 0, 10), "valid", 3},
        // A bow-tie: invalid, made valid into its two triangles (repaired).
        {"POLYGON(" + shifted({{20, 0}, {30, 10}, {30, 0}, {20, 10}, {20, 0}}) + ")", "bowtie", 2},
        // A courtyard drawn as a second shell inside the first: holes found by containment.
        {"MULTIPOLYGON((" + shifted({{40, 0}, {60, 0}, {60, 20}, {40, 20}, {40, 0}}) + "),(" +
             shifted({{45, 5}, {55, 5}, {55, 15}, {45, 15}, {45, 5}}) + "))",
         "courtyard", 5},
        // A spike of zero area: nothing polygonal left, skipped.
        {"POLYGON(" + shifted({{70, 0}, {80, 0}, {90, 0}, {70, 0}}) + ")", "spike", 1},
        // A curve: linearised by the feature path, taken as it is.
        {"CURVEPOLYGON(CIRCULARSTRING(" + std::to_string(kX0 + 100) + " " + std::to_string(kY0) +
             "," + std::to_string(kX0 + 110) + " " + std::to_string(kY0 + 10) + "," +
             std::to_string(kX0 + 100) + " " + std::to_string(kY0) + "))",
         "round", 4},
        {"POLYGON Z((355120 3455000 5,355130 3455000 5,355130 3455010 5,355120 3455000 5))",
         "with z", 0},
        {"", "no geometry", 2},
        {"POLYGON EMPTY", "empty", 2},
        // A polygon and a point: the polygon is taken, the point dropped (repaired).
        {"GEOMETRYCOLLECTION(" + square(140, 0, 10) + ",POINT(355000 3455000))", "collection", 6},
        {"LINESTRING(355160 3455000,355170 3455010)", "a line", 2},
        // A ring that does not close: closed (repaired).
        {"POLYGON(" + shifted({{180, 0}, {190, 0}, {190, 10}, {180, 10}}) + ")", "open", 7},
        // Far beyond any grid: kept with a warning on precision.
        {"POLYGON((2e9 2e9,2.00000001e9 2e9,2.00000001e9 2.00000001e9,2e9 2e9))", "far", 1},
        // Beyond 2^53 m: skipped.
        {"POLYGON((1e16 1e16,1.1e16 1e16,1.1e16 1.1e16,1e16 1e16))", "corrupt", 1},
    };
}

void addLayer(GDALDataset& dataset, const char* name, OGRwkbGeometryType type,
              const std::vector<Footprint>& features)
{
    OGRSpatialReference utm;
    utm.importFromEPSG(32651);
    OGRLayer* layer = dataset.CreateLayer(name, &utm, type, nullptr);
    ASSERT_NE(layer, nullptr);
    OGRFieldDefn nameField("name", OFTString);
    OGRFieldDefn levels("levels", OFTInteger);
    ASSERT_EQ(layer->CreateField(&nameField), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&levels), OGRERR_NONE);
    for (const Footprint& footprint : features) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("name", footprint.name);
        if (footprint.levels > 0)
            feature->SetField("levels", footprint.levels);
        if (!footprint.wkt.empty()) {
            OGRGeometry* geometry = nullptr;
            ASSERT_EQ(OGRGeometryFactory::createFromWkt(footprint.wkt.c_str(), nullptr, &geometry),
                      OGRERR_NONE)
                << footprint.wkt;
            feature->SetGeometryDirectly(geometry);
        }
        ASSERT_EQ(layer->CreateFeature(feature.get()), OGRERR_NONE) << footprint.name;
    }
}

QString writeBadCase(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("bad_footprints.gpkg"));
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    std::unique_ptr<GDALDataset> dataset(
        driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    EXPECT_NE(dataset, nullptr);
    if (!dataset)
        return {};
    addLayer(*dataset, "parcels", wkbPolygon, {{square(-10, -10, 300), "all", 0}});
    addLayer(*dataset, "buildings", wkbUnknown, badFootprints());
    return path;
}

TEST(BatchImport, RepairsSkipsAndWarningsAreThoseOfTheFeaturePath)
{
    GDALAllRegister();
    QTemporaryDir dir;
    const QString path = writeBadCase(dir);
    ASSERT_FALSE(path.isEmpty());
    const Read batch = readWith(path, true);
    const Read feature = readWith(path, false);
    EXPECT_TRUE(readInBatches(batch, "buildings"));
    // Kept: valid, bowtie, courtyard, round, with z, collection, open, far (ids 1-3, 5, 6, 9,
    // 11, 12); repaired: bowtie, courtyard, collection, open; skipped: spike, no geometry,
    // empty, a line, corrupt.
    ASSERT_EQ(batch.report.layers.size(), 2u);
    const gis::LayerImport& buildings = batch.report.layers[0].role == QLatin1String("buildings")
                                            ? batch.report.layers[0]
                                            : batch.report.layers[1];
    EXPECT_EQ(buildings.read, 13);
    EXPECT_EQ(buildings.repaired, 4);
    EXPECT_EQ(buildings.skipped, 5);
    std::vector<core::FeatureId> ids;
    for (const core::Building& building : batch.project.buildings)
        ids.push_back(building.id);
    EXPECT_EQ(ids, (std::vector<core::FeatureId>{1, 2, 3, 5, 6, 9, 11, 12}));
    expectSameBuildings(batch.project.buildings, feature.project.buildings);
    expectSameReport(batch.report, feature.report);
}

std::unique_ptr<GDALDataset> openSample()
{
    return std::unique_ptr<GDALDataset>(
        GDALDataset::Open(kSample.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

void expectRowAsFeature(const greenrenew::gis::detail::ArrowBatch& batch, std::size_t row,
                        OGRFeature& feature, const std::vector<int>& textFields,
                        const std::vector<int>& numberFields)
{
    EXPECT_EQ(batch.fid(row), feature.GetFID());
    for (int field : textFields) {
        EXPECT_EQ(batch.text(row, field).toStdString(),
                  feature.IsFieldSetAndNotNull(field)
                      ? std::string(feature.GetFieldAsString(field))
                      : std::string());
    }
    for (int field : numberFields) {
        const std::optional<double> value = batch.number(row, field);
        ASSERT_EQ(value.has_value(), feature.IsFieldSetAndNotNull(field));
        if (value) {
            EXPECT_EQ(*value, feature.GetFieldAsDouble(field));
        }
    }
    const OGRGeometry* geometry = feature.GetGeometryRef();
    std::vector<unsigned char> wkb(geometry->WkbSize());
    geometry->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    const std::span<const unsigned char> got = batch.wkb(row);
    EXPECT_EQ(std::vector<unsigned char>(got.begin(), got.end()), wkb);
}

// The batches' values against OGR's own feature API on the sample's buildings.
TEST(BatchImport, ArrowColumnsReadAsOgrFeatures)
{
    GDALAllRegister();
    std::unique_ptr<GDALDataset> forArrow = openSample();
    std::unique_ptr<GDALDataset> forFeatures = openSample();
    ASSERT_TRUE(forArrow && forFeatures);
    OGRLayer* layer = forArrow->GetLayerByName("buildings");
    OGRLayer* featureLayer = forFeatures->GetLayerByName("buildings");
    ASSERT_TRUE(layer && featureLayer);
    OGRFeatureDefn* definition = layer->GetLayerDefn();
    const std::vector<int> textFields = {definition->GetFieldIndex("name"),
                                         definition->GetFieldIndex("building"),
                                         definition->GetFieldIndex("levels")};
    const std::vector<int> numberFields = {definition->GetFieldIndex("levels"),
                                           definition->GetFieldIndex("height_m")};
    QString why;
    auto reader =
        greenrenew::gis::detail::ArrowLayerReader::open(*layer, textFields, numberFields, why);
    ASSERT_NE(reader, nullptr) << why.toStdString();
    QString error;
    std::size_t rows = 0;
    while (auto batch = reader->next(error)) {
        for (std::size_t row = 0; row < batch->size(); ++row, ++rows) {
            OGRFeatureUniquePtr feature(featureLayer->GetNextFeature());
            ASSERT_NE(feature, nullptr);
            expectRowAsFeature(*batch, row, *feature, textFields, numberFields);
        }
    }
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(rows, 978u);
}

} // namespace
