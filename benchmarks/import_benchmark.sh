#!/usr/bin/env bash
# The import speed benchmark of issue 3: GreenRenew's import of the generated city's building
# footprints (gis::readDataset: read, validate, into the model) beside ogr2ogr copying the same
# layer to a new GeoPackage, in the same run, each under /usr/bin/time -v for peak memory.
#   benchmarks/import_benchmark.sh BUILD_DIR [CITY.gpkg]
# BUILD_DIR is configured with -DGREENRENEW_BUILD_BENCHMARKS=ON; CITY.gpkg defaults to
# /tmp/import-bench/city1000_buildings.gpkg, written by import_make_city.sh when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$1"
CITY="${2:-/tmp/import-bench/city1000_buildings.gpkg}"
WORK="$(dirname "$CITY")"
[ -f "$CITY" ] || "$ROOT/benchmarks/import_make_city.sh" "$CITY" 1000

cmake --build "$BUILD" -j2 --target import_benchmark >/dev/null
summary() { grep -E "Elapsed \(wall|User time|System time|Maximum resident"; }

echo "== load before: $(uptime)"
echo "== GreenRenew import (readDataset)"
/usr/bin/time -v "$BUILD/benchmarks/import_benchmark" "$CITY" 2> "$WORK/import.time"
summary < "$WORK/import.time"
echo "== ogr2ogr -f GPKG, the buildings layer"
rm -f "$WORK/ogr2ogr_copy.gpkg"
/usr/bin/time -v ogr2ogr -f GPKG "$WORK/ogr2ogr_copy.gpkg" "$CITY" buildings \
    2> "$WORK/ogr2ogr.time"
summary < "$WORK/ogr2ogr.time"
echo "== load after: $(uptime)"
