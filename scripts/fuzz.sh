#!/usr/bin/env bash
# Builds the import fuzz target (tests/fuzz, clang libFuzzer + AddressSanitizer) into
# build-fuzz/ and runs it in one worker process on one core, at low priority, from a seed
# corpus made of the test data (tests/data/bad-inputs, tests/data/import-formats).
#   scripts/fuzz.sh [SECONDS]   (default 600; findings land in build-fuzz/findings/)
# Not part of CI: it needs clang and runs for minutes.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${GREENRENEW_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
SECONDS_TO_RUN="${1:-600}"

if [ ! -f "$BUILD/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S "$ROOT/tests/fuzz" -B "$BUILD" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD" -j2 --target import_fuzzer

# Seeds: the first byte picks the format (see kFormats in import_fuzzer.cpp), a shapefile's
# parts are joined by the separator the target splits them at.
SEEDS="$BUILD/seeds"
CORPUS="$BUILD/corpus"
mkdir -p "$SEEDS" "$CORPUS" "$BUILD/findings"
/usr/bin/python3 - "$ROOT/tests/data" "$SEEDS" <<'PY'
import pathlib, sys
data, seeds = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
formats = {".geojson": 0, ".csv": 1, ".zip": 3, ".fgb": 4, ".kml": 5}
separator = b"\n@@GRPART@@\n"
for path in sorted(data.glob("bad-inputs/*/*")) + sorted(data.glob("import-formats/*")):
    name = path.parent.name + "_" + path.name
    if path.suffix in formats:
        (seeds / name).write_bytes(bytes([formats[path.suffix]]) + path.read_bytes())
    elif path.suffix == ".shp":
        parts = []
        for suffix in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
            part = path.with_suffix(suffix)
            parts.append(part.read_bytes() if part.exists() else b"")
        (seeds / name).write_bytes(bytes([2]) + separator.join(parts))
PY

cd "$BUILD"
# GEOS's own leak on a topology exception is known and not ours (tests/fuzz/lsan.supp).
export LSAN_OPTIONS="suppressions=$ROOT/tests/fuzz/lsan.supp:print_suppressions=0"
echo "fuzzing from $(date -u +%FT%TZ) for up to $SECONDS_TO_RUN s; load: $(uptime)"
# One worker process (-fork=1) that carries on past a finding, so a timed run uses its time;
# every finding is still written to findings/.
nice -n 10 ./import_fuzzer "$CORPUS" "$SEEDS" -fork=1 -ignore_crashes=1 -ignore_ooms=1 \
    -ignore_timeouts=1 \
    -max_total_time="$SECONDS_TO_RUN" -rss_limit_mb=2048 -timeout=20 -max_len=200000 \
    -artifact_prefix="$BUILD/findings/" -print_final_stats=1
echo "stopped $(date -u +%FT%TZ)"
