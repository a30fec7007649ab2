#pragma once

// A project in a PostGIS schema: every layer and table of a project GeoPackage (the layers,
// gr_settings and the other gr_* tables, results layers) copied into one schema, and back into
// a GeoPackage, with feature ids, attributes, geometries and CRSs unchanged. Layer and field
// names are kept exactly (quoted, never laundered), so names with quotes or semicolons are
// only names.

#include "core/result.h"
#include "gis/postgis_connection.h"

#include <QString>
#include <QStringList>

namespace greenrenew::gis {

/// Columns and tables GreenRenew adds in PostGIS for team editing; they are not project data
/// and are left out when a schema is exported to a GeoPackage.
inline constexpr const char* kVersionColumn = "gr_version";
/// Column team editing adds to a parcels table: the ids of the parcels a row came from (a
/// split or merge), comma-separated; NULL for parcels as imported. It is the parcels' lineage,
/// so unlike the version an exported GeoPackage keeps it (and loading reads it back).
inline constexpr const char* kSourceIdsColumn = "gr_source_ids";

struct PgExportSummary {
    QStringList tables;      // every table written, in the GeoPackage's layer order
    long long features = 0;  // rows written over all tables
};

/// Copies every layer and attribute table of the GeoPackage GPKGPATH into SCHEMA (created if
/// missing). An existing schema that already holds tables is refused, so nothing is
/// overwritten. A failure names the GeoPackage, the layer and the server's message.
core::Result<PgExportSummary> exportGeoPackageToPostgis(const QString& gpkgPath,
                                                        PgConnection& connection,
                                                        const QString& schema);

/// Writes every table of SCHEMA into a new GeoPackage at GPKGPATH (atomically: beside, then
/// renamed; an existing file is replaced only when the copy is whole).
core::Result<PgExportSummary> exportPostgisToGeoPackage(PgConnection& connection,
                                                        const QString& schema,
                                                        const QString& gpkgPath);

/// The schemas that hold a GreenRenew project (a table named parcels), sorted.
core::Result<QStringList> postgisProjectSchemas(PgConnection& connection);

/// The tables of SCHEMA, sorted.
core::Result<QStringList> postgisTables(PgConnection& connection, const QString& schema);

} // namespace greenrenew::gis
