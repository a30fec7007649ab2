#!/usr/bin/env bash
# Installs what the tests need, builds everything and runs every test through ctest.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${GREENRENEW_BUILD_DIR:-$ROOT/build}"
start=$(date +%s)
"$ROOT/scripts/build.sh"
built=$(date +%s)
echo "build: $((built - start)) s" >&2

export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="$(mktemp -d)"
chmod 700 "$XDG_RUNTIME_DIR"
# The PostGIS tests run against a throwaway server on loopback, stopped whatever happens.
eval "$("$ROOT/scripts/pg-test-server.sh" start)"
trap '"$ROOT/scripts/pg-test-server.sh" stop' EXIT
cd "$BUILD"
ctest --no-tests=error --output-on-failure -j"$(nproc)" "$@"
echo "tests: $(( $(date +%s) - built )) s" >&2
