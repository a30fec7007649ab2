#!/usr/bin/env bash
# Builds GreenRenew and runs the main job on the bundled real sample (the Bund, Shanghai).
# With a display: opens the desktop app on the sample. Without: runs the batch analysis.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${GREENRENEW_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/build.sh"
SAMPLE="$ROOT/resources/sample/shanghai_bund.gpkg"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${1:-}" != "--batch" ]; then
    exec "$BUILD/app/greenrenew" "$SAMPLE"
fi
OUT="${GREENRENEW_OUT:-$ROOT/out/sample}"
"$BUILD/app/greenrenew-cli" analyze "$SAMPLE" --out "$OUT"
echo "Results: $OUT/results.gpkg"
echo "Map:     $OUT/map.png"
echo "Report:  $OUT/report.pdf"
