#!/usr/bin/env bash
# Writes the import benchmark's data set fast: the Shanghai sample's 978 building footprints
# tiled TILES times (default 1,000: 978,000 buildings) on a grid of 32 columns, in one
# SpatiaLite SQL statement run by ogr2ogr (seconds, where generate_city.py takes minutes,
# because it tiles every layer through GeoPandas). The tiles match generate_city.py's layout
# for the buildings (one step = the buildings' extent plus a 50 m gap; osm_id + tile * 10^10),
# and a single parcel, the city's bounding box, makes it a data set GreenRenew opens.
#   benchmarks/import_make_city.sh OUT.gpkg [TILES]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$1"
TILES="${2:-1000}"
INPUT="$ROOT/tests/data/shanghai-bund-osm/shanghai_bund.gpkg"
COLUMNS=32

# The buildings' extent (ogrinfo -so), rounded out to whole metres.
read -r MINX MINY MAXX MAXY < <(ogrinfo -ro -so "$INPUT" buildings | sed -n \
    's/^Extent: (\([0-9.]*\), \([0-9.]*\)) - (\([0-9.]*\), \([0-9.]*\))$/\1 \2 \3 \4/p')
STEPX=$(/usr/bin/python3 -c "import math; print(math.ceil($MAXX - $MINX) + 50)")
STEPY=$(/usr/bin/python3 -c "import math; print(math.ceil($MAXY - $MINY) + 50)")
ROWS=$(( (TILES + COLUMNS - 1) / COLUMNS ))

rm -f "$OUT"
ogr2ogr -f GPKG "$OUT" "$INPUT" -dialect sqlite -nln buildings -nlt MULTIPOLYGON \
    -sql "WITH RECURSIVE tile(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM tile
            WHERE k < $TILES - 1)
          SELECT ST_Translate(b.geom, (k % $COLUMNS) * $STEPX, (k / $COLUMNS) * $STEPY, 0)
                     AS geom,
                 b.osm_id + k * 10000000000 AS osm_id, b.osm_type, b.building, b.name,
                 b.name_en, b.levels, b.levels_source, b.height_m, b.height_source,
                 b.min_height_m, b.min_level, b.footprint_m2
          FROM buildings b, tile"
ogr2ogr -f GPKG -update "$OUT" "$INPUT" -dialect sqlite -nln parcels -nlt MULTIPOLYGON \
    -sql "SELECT 1 AS parcel_id, CastToMultiPolygon(BuildMbr($MINX, $MINY,
                 $MINX + $COLUMNS * $STEPX, $MINY + $ROWS * $STEPY, 32651)) AS geom
          FROM buildings LIMIT 1"
ogrinfo -ro -so "$OUT" buildings | grep "Feature Count"
