#include "gis/postgis_team_parcels.h"

#include "core/parcel_attributes.h"
#include "gis/field_detection.h"
#include "gis/postgis_project.h"

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <boost/geometry.hpp>

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace greenrenew::gis {

namespace bg = boost::geometry;

namespace {

constexpr core::ParcelField kTeamFields[] = {core::ParcelField::Name, core::ParcelField::Type,
                                             core::ParcelField::PlannedFloors,
                                             core::ParcelField::Notes};

const char* fieldLabel(core::ParcelField field)
{
    switch (field) {
    case core::ParcelField::Name: return "name";
    case core::ParcelField::Type: return "renewal type";
    case core::ParcelField::PlannedFloors: return "planned floors";
    case core::ParcelField::Notes: return "notes";
    }
    return "";
}

std::string column(const std::vector<std::string>& columns, const QStringList& candidates)
{
    QStringList names;
    for (const std::string& name : columns)
        names << QString::fromStdString(name);
    const int found = findField(names, candidates);
    return found < 0 ? std::string() : columns.at(static_cast<std::size_t>(found));
}

/// Full precision: projected coordinates carry millimetres in their 10th to 12th digits.
std::string wktOf(const core::MultiPolygon& geometry)
{
    std::ostringstream text;
    text << std::setprecision(17) << bg::wkt(geometry);
    return text.str();
}

std::unique_ptr<OGRCoordinateTransformation> transformation(const OGRSpatialReference& from,
                                                            const OGRSpatialReference& to)
{
    return std::unique_ptr<OGRCoordinateTransformation>(
        OGRCreateCoordinateTransformation(&from, &to));
}

/// WKT of GEOMETRY (in any CRS) in the other CRS through TRANSFORM (none: unchanged).
std::optional<std::string> reprojected(const std::string& wkt,
                                       OGRCoordinateTransformation* transform)
{
    OGRGeometry* raw = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &raw) != OGRERR_NONE || !raw)
        return std::nullopt;
    std::unique_ptr<OGRGeometry> geometry(OGRGeometryFactory::forceToMultiPolygon(raw));
    if (!geometry || (transform && geometry->transform(transform) != OGRERR_NONE))
        return std::nullopt;
    OGRWktOptions options;
    options.precision = 17;
    options.round = false;
    return geometry->exportToWkt(options);
}

/// The type's explanation as a type_reason column holds it: without the "from field TYPE: "
/// the loader puts before a stored one, so it does not grow at each save and load.
std::optional<std::string> storedTypeReason(const std::string& reason,
                                            const std::string& typeColumn)
{
    const std::string prefix = "from field " + typeColumn;
    std::string stored = reason;
    if (reason.rfind(prefix + ": ", 0) == 0)
        stored = reason.substr(prefix.size() + 2);
    else if (reason == prefix)
        stored.clear();
    return stored.empty() ? std::nullopt : std::optional(stored);
}

} // namespace

TeamParcels::~TeamParcels() = default;
TeamParcels::TeamParcels(TeamParcels&&) noexcept = default;
TeamParcels& TeamParcels::operator=(TeamParcels&&) noexcept = default;

core::Result<TeamParcels> TeamParcels::read(PgTeamTable& table, const std::string& projectCrsWkt)
{
    TeamParcels parcels;
    const std::vector<std::string>& columns = table.columns();
    const std::string idColumn = column(columns, FieldCandidates::parcelId());
    parcels.m_idColumn = idColumn == "fid" ? std::string() : idColumn;
    parcels.m_reasonColumn = column(columns, {QStringLiteral("type_reason")});
    parcels.m_columns = columns;
    parcels.m_nameColumn = column(columns, FieldCandidates::name());
    parcels.m_typeColumn = column(columns, FieldCandidates::renewalType());
    parcels.m_floorsColumn = column(columns, {QString::fromLatin1(core::kPlannedFloorsKey)});
    parcels.m_notesColumn = column(columns, {QString::fromLatin1(core::kNotesKey)});

    PgConnection& connection = table.connection();
    const std::string id = idColumn.empty() ? "NULL" : connection.quoteIdentifier(idColumn);
    auto rows = connection.exec("read parcel versions",
                                "SELECT fid, " + connection.quoteIdentifier(kVersionColumn)
                                    + ", " + id + " FROM " + table.qualifiedTable());
    if (!rows)
        return rows.error();
    for (const PgRow& row : rows.value()) {
        const long long fid = std::stoll(row.at(0).value_or("0"));
        parcels.m_versionOfFid[fid] = std::stoll(row.at(1).value_or("1"));
        // The parcel id the desktop uses: the id column's whole number, else the fid (as the
        // importer chooses it).
        core::FeatureId parcelId = fid;
        if (row.at(2)) {
            try {
                parcelId = std::stoll(*row.at(2));
            } catch (const std::exception&) {
                parcelId = fid;
            }
        }
        parcels.addRow(parcelId, fid);
    }

    if (table.geometryColumn().empty() || projectCrsWkt.empty())
        return parcels;
    auto srs = connection.exec(
        "read the table's CRS",
        "SELECT srtext FROM spatial_ref_sys WHERE srid = Find_SRID($1, $2, $3)",
        {table.schema().toStdString(), table.table().toStdString(), table.geometryColumn()});
    if (!srs)
        return srs.error();
    if (srs.value().empty() || !srs.value().front().at(0))
        return parcels;  // no CRS recorded: the importer took the coordinates as they are
    OGRSpatialReference tableCrs;
    OGRSpatialReference projectCrs;
    if (tableCrs.importFromWkt(srs.value().front().at(0)->c_str()) != OGRERR_NONE
        || projectCrs.importFromWkt(projectCrsWkt.c_str()) != OGRERR_NONE)
        return parcels;
    tableCrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    projectCrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!tableCrs.IsSame(&projectCrs)) {
        parcels.m_toTable = transformation(projectCrs, tableCrs);
        parcels.m_toProject = transformation(tableCrs, projectCrs);
    }
    return parcels;
}

std::optional<long long> TeamParcels::fidOf(core::FeatureId id) const
{
    auto found = m_fidOfParcel.find(id);
    return found == m_fidOfParcel.end() ? std::nullopt : std::optional(found->second);
}

long long TeamParcels::versionOf(long long fid) const
{
    auto found = m_versionOfFid.find(fid);
    return found == m_versionOfFid.end() ? 0 : found->second;
}

void TeamParcels::setVersion(long long fid, long long version)
{
    m_versionOfFid[fid] = version;
}

std::optional<core::FeatureId> TeamParcels::parcelOf(long long fid) const
{
    auto found = m_parcelOfFid.find(fid);
    return found == m_parcelOfFid.end() ? std::nullopt : std::optional(found->second);
}

core::FeatureId TeamParcels::parcelIdOf(const TeamRecord& record) const
{
    auto value = m_idColumn.empty() ? record.values.end() : record.values.find(m_idColumn);
    if (value != record.values.end() && value->second) {
        try {
            return std::stoll(*value->second);
        } catch (const std::exception&) {
        }
    }
    return record.fid;
}

void TeamParcels::addRow(core::FeatureId id, long long fid)
{
    m_fidOfParcel[id] = fid;
    m_parcelOfFid[fid] = id;
    m_idFloor = std::max({m_idFloor, static_cast<long long>(id) + 1, fid + 1});
}

TeamChange TeamParcels::insertFor(const core::Parcel& parcel) const
{
    TeamChange change;
    change.kind = TeamChangeKind::Insert;
    change.fid = fidOf(parcel.id).value_or(parcel.id);
    change.geometryWkt = reprojected(wktOf(parcel.geometry), m_toTable.get());
    if (!m_idColumn.empty())
        change.values[m_idColumn] = std::to_string(parcel.id);
    for (core::ParcelField field : kTeamFields) {
        const std::string& name = columnOf(static_cast<int>(field));
        const std::string text = core::fieldText(parcel, field);
        if (!name.empty())
            change.values[name] = text.empty() && field != core::ParcelField::Name
                                      ? std::nullopt
                                      : std::optional(text);
    }
    if (!m_reasonColumn.empty())
        change.values[m_reasonColumn] = storedTypeReason(parcel.typeReason, m_typeColumn);
    std::string sources;
    for (core::FeatureId source : parcel.sourceIds)
        sources += (sources.empty() ? "" : ",") + std::to_string(source);
    change.values[kSourceIdsColumn] =
        sources.empty() ? std::nullopt : std::optional(std::move(sources));
    // The rest of the parcel's own fields (its source attributes, split in proportion to
    // area or taken from the larger part as the edit decided) into the columns of the same
    // name, as the loader read them from there.
    for (const std::string& name : m_columns) {
        auto value = parcel.attributes.find(name);
        if (value != parcel.attributes.end() && !change.values.count(name))
            change.values[name] = value->second;
    }
    return change;
}

std::optional<TeamChange> TeamParcels::deleteFor(const core::Parcel& parcel) const
{
    const std::optional<long long> fid = fidOf(parcel.id);
    if (!fid)
        return std::nullopt;
    TeamChange change;
    change.kind = TeamChangeKind::Delete;
    change.fid = *fid;
    change.baseVersion = versionOf(*fid);
    return change;
}

core::Result<core::Parcel> TeamParcels::parcelFromNewRow(const TeamRecord& record) const
{
    core::Parcel like;
    like.id = parcelIdOf(record);
    for (const auto& [name, value] : record.values)
        if (value)
            like.attributes[name] = *value;
    auto text = [&](const std::string& name) {
        auto value = name.empty() ? record.values.end() : record.values.find(name);
        return value == record.values.end() ? std::string() : value->second.value_or("");
    };
    // The type's explanation as the loader gives it for a stored type.
    if (core::renewalTypeFromName(text(m_typeColumn))) {
        like.typeReason = "from field " + m_typeColumn;
        if (!text(m_reasonColumn).empty())
            like.typeReason += ": " + text(m_reasonColumn);
    }
    std::istringstream sources(text(kSourceIdsColumn));
    for (std::string id; std::getline(sources, id, ',');) {
        try {
            like.sourceIds.push_back(std::stoll(id));
        } catch (const std::exception&) {
        }
    }
    auto parcel = parcelFromRow(record, like);
    if (parcel)
        parcel.value().typeReason = like.typeReason;
    return parcel;
}

const std::string& TeamParcels::columnOf(int field) const
{
    switch (static_cast<core::ParcelField>(field)) {
    case core::ParcelField::Name: return m_nameColumn;
    case core::ParcelField::Type: return m_typeColumn;
    case core::ParcelField::PlannedFloors: return m_floorsColumn;
    case core::ParcelField::Notes: break;
    }
    return m_notesColumn;
}

TeamParcelChange TeamParcels::changeFor(const core::Parcel& before,
                                        const core::Parcel& after) const
{
    TeamParcelChange result;
    const std::optional<long long> fid = fidOf(after.id);
    if (!fid)
        return result;
    TeamChange change;
    change.fid = *fid;
    change.baseVersion = versionOf(*fid);
    const std::string shape = wktOf(after.geometry);
    if (shape != wktOf(before.geometry))
        change.geometryWkt = reprojected(shape, m_toTable.get());
    for (core::ParcelField field : kTeamFields) {
        const std::string text = core::fieldText(after, field);
        if (text == core::fieldText(before, field))
            continue;
        const std::string& name = columnOf(static_cast<int>(field));
        if (name.empty())
            result.fieldsWithoutColumn.push_back(fieldLabel(field));
        else
            change.values[name] = text.empty() && field != core::ParcelField::Name
                                      ? std::nullopt
                                      : std::optional(text);
    }
    if (change.geometryWkt || !change.values.empty())
        result.change = std::move(change);
    return result;
}

core::Result<core::Parcel> TeamParcels::parcelFromRow(const TeamRecord& record,
                                                      const core::Parcel& like) const
{
    core::Parcel parcel = like;
    auto unreadable = [&](const std::string& what) {
        core::Error error;
        error.operation = "take the saved version";
        error.featureId = record.fid;
        error.message = what;
        return error;
    };
    if (!record.geometryWkt.empty()) {
        const std::optional<std::string> wkt =
            reprojected(record.geometryWkt, m_toProject.get());
        if (!wkt)
            return unreadable("its geometry cannot be read: " + record.geometryWkt.substr(0, 80));
        core::MultiPolygon geometry;
        try {
            bg::read_wkt(*wkt, geometry);
        } catch (const std::exception& error) {
            return unreadable(std::string("its geometry cannot be read: ") + error.what());
        }
        bg::correct(geometry);
        parcel.geometry = std::move(geometry);
    }
    for (core::ParcelField field : kTeamFields) {
        const std::string& name = columnOf(static_cast<int>(field));
        auto value = name.empty() ? record.values.end() : record.values.find(name);
        if (value == record.values.end())
            continue;
        auto updated = core::withField(parcel, field, value->second.value_or(""));
        if (updated)
            parcel = std::move(updated.value());
    }
    return parcel;
}

} // namespace greenrenew::gis
