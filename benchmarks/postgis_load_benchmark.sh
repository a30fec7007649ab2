#!/usr/bin/env bash
# Issue 11's speed check: loading the generated city's buildings into the model from PostGIS
# against loading them from the GeoPackage, on the same machine in the same run (goal: PostGIS
# at most 2x). Both through import_benchmark (gis::readDataset: read, validate, into the model).
#   benchmarks/postgis_load_benchmark.sh BUILD_DIR [CITY.gpkg]
# BUILD_DIR is configured with -DGREENRENEW_BUILD_BENCHMARKS=ON; CITY.gpkg defaults to
# /tmp/import-bench/city1000_buildings.gpkg (978,000 buildings), written by
# import_make_city.sh when missing. A throwaway server (scripts/pg-test-server.sh) holds the
# copy and is removed at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$1"
CITY="${2:-/tmp/import-bench/city1000_buildings.gpkg}"
WORK="$(dirname "$CITY")"
mkdir -p "$WORK"
[ -f "$CITY" ] || "$ROOT/benchmarks/import_make_city.sh" "$CITY" 1000
cmake --build "$BUILD" -j2 --target import_benchmark >/dev/null

eval "$("$ROOT/scripts/pg-test-server.sh" start)"
trap '"$ROOT/scripts/pg-test-server.sh" stop' EXIT

# The copy GreenRenew's export makes (gis::exportGeoPackageToPostgis): names and fids kept.
echo "== copy into PostGIS (schema city)"
psql -q -c "CREATE SCHEMA city"
/usr/bin/time -f "copy: wall %e s" ogr2ogr -f PostgreSQL "PG:service=$GREENRENEW_PG_SERVICE" \
    "$CITY" -lco SCHEMA=city -lco LAUNDER=NO -lco GEOMETRY_NAME=geom -lco FID=fid \
    -preserve_fid
psql -q -c "VACUUM ANALYZE"

summary() { grep -E "Elapsed \(wall|User time|System time|Maximum resident"; }
run() {
    local label="$1" input="$2"
    echo "== $label: load before: $(uptime | sed 's/.*load/load/')"
    /usr/bin/time -v "$BUILD/benchmarks/import_benchmark" "$input" 2> "$WORK/$label.time" \
        | grep -E "model|readDataset"
    summary < "$WORK/$label.time"
}
run geopackage "$CITY"
run postgis "PG:service=$GREENRENEW_PG_SERVICE schemas=city"
run geopackage-again "$CITY"

gpkg=$(grep -o "wall [0-9.]*" <("$BUILD/benchmarks/import_benchmark" "$CITY") | cut -d' ' -f2)
pg=$(grep -o "wall [0-9.]*" <("$BUILD/benchmarks/import_benchmark" \
    "PG:service=$GREENRENEW_PG_SERVICE schemas=city") | cut -d' ' -f2)
echo "== ratio PostGIS / GeoPackage (readDataset wall, a fourth run each): $pg / $gpkg = \
$(/usr/bin/python3 -c "print(round($pg / $gpkg, 2))")"
