#!/usr/bin/env bash
# Builds the bundled sample resources/sample/shanghai_bund.gpkg from the OpenStreetMap extract
# (../shared/data/shanghai-bund-osm, or its copy in tests/data): the layers renamed to the app's
# roles, building fields added under the app's names, and every parcel's renewal type and reason
# taken from the rule in core (greenrenew-cli classify), so the rule lives in one place.
#
# usage: scripts/make-sample.sh [SOURCE.gpkg]
#   GREENRENEW_BUILD_DIR  build folder holding app/greenrenew-cli (default: build/); built when
#                         missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${GREENRENEW_BUILD_DIR:-$ROOT/build}"
OUT="$ROOT/resources/sample/shanghai_bund.gpkg"

SOURCE="${1:-}"
if [ -z "$SOURCE" ]; then
    for candidate in "$ROOT/../shared/data/shanghai-bund-osm/shanghai_bund.gpkg" \
                     "$ROOT/tests/data/shanghai-bund-osm/shanghai_bund.gpkg"; do
        if [ -f "$candidate" ]; then
            SOURCE="$candidate"
            break
        fi
    done
fi
if [ ! -f "$SOURCE" ]; then
    echo "make-sample: source GeoPackage not found (${SOURCE:-none given})" >&2
    exit 1
fi

CLI="$BUILD/app/greenrenew-cli"
if [ ! -x "$CLI" ]; then
    if [ ! -f "$BUILD/build.ninja" ]; then
        cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    fi
    cmake --build "$BUILD" --target greenrenew-cli -j2
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# 1. The rule's suggestion per parcel, from the unchanged source.
"$CLI" classify "$SOURCE" --out "$WORK/types.csv" 2>"$WORK/classify.log" || {
    cat "$WORK/classify.log" >&2
    exit 1
}

# 2. Source layers and the suggestions side by side in one scratch GeoPackage, so that one
#    SQLite statement per layer can join and rename.
cp "$SOURCE" "$WORK/source.gpkg"
chmod u+w "$WORK/source.gpkg"
ogr2ogr -update "$WORK/source.gpkg" "$WORK/types.csv" -nln types \
    -oo AUTODETECT_TYPE=YES -oo KEEP_SOURCE_COLUMNS=NO

# 3. The sample, layer by layer (EPSG:32651 kept: SQL results carry the source CRS).
rm -f "$OUT"
mkdir -p "$(dirname "$OUT")"
layer() {  # layer NAME SQL
    ogr2ogr -f GPKG -update -append "$OUT" "$WORK/source.gpkg" -dialect SQLite -sql "$2" \
        -nln "$1" -lco SPATIAL_INDEX=YES
}
# The first layer creates the file.
ogr2ogr -f GPKG "$OUT" "$WORK/source.gpkg" -dialect SQLite -nln parcels -nlt MULTIPOLYGON \
    -sql "SELECT p.geom AS geom, p.parcel_id AS parcel_id, p.area_m2 AS area_m2,
                 p.origin AS origin, t.renewal_type AS renewal_type,
                 t.type_reason AS type_reason, CAST(NULL AS TEXT) AS name
          FROM parcels p JOIN types t ON t.parcel_id = p.parcel_id ORDER BY p.parcel_id"
layer buildings "SELECT *, levels AS floors, building AS use FROM buildings ORDER BY fid"
layer green "SELECT * FROM green ORDER BY fid"
layer streets "SELECT * FROM roads ORDER BY fid"
layer facilities "SELECT * FROM pois ORDER BY fid"
layer study_area "SELECT * FROM study_area"

# 4. The project's own method values (Shanghai's city settings) in the gr_settings table.
OVERRIDES="$ROOT/resources/sample/method_overrides.json"
ogrinfo -q "$OUT" -sql "CREATE TABLE gr_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT)"
ogrinfo -q "$OUT" -sql "INSERT INTO gr_settings (key, value) VALUES ('method_overrides',
    '$(sed "s/'/''/g" "$OVERRIDES")')"
ogrinfo -q "$OUT" -sql "INSERT INTO gpkg_contents (table_name, data_type, identifier)
    VALUES ('gr_settings', 'attributes', 'gr_settings')"

# 5. Every parcel must have come through the join.
parcels="$(ogrinfo -ro -so "$OUT" parcels | sed -n 's/^Feature Count: //p')"
source_parcels="$(ogrinfo -ro -so "$SOURCE" parcels | sed -n 's/^Feature Count: //p')"
if [ "$parcels" != "$source_parcels" ]; then
    echo "make-sample: $parcels of $source_parcels parcels received a type" >&2
    exit 1
fi
echo "make-sample: wrote $OUT ($parcels parcels)"
