#!/bin/sh
# Times the walking stage in core and in the NetworkX reference on the same city, one after the
# other in the same run, and prints the ratios. Not a test; see README.md.
#
#   benchmarks/run_walk_vs_networkx.sh CITY.gpkg [BUILD_DIR]
#
# BUILD_DIR must hold benchmarks/walk_benchmark (configure with -DGREENRENEW_BUILD_BENCHMARKS=ON).
# Both sides leave reading the data out of their times. CSVs and logs go to $OUT (default a new
# temporary directory), and the distances are compared there too.
set -eu
city=${1:?usage: run_walk_vs_networkx.sh CITY.gpkg [BUILD_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
build=${2:-$here/../build-bench}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"

echo "load before: $(uptime)"
"$build/benchmarks/walk_benchmark" "$city" --csv "$out/core.csv" >"$out/core.log" 2>/dev/null
cat "$out/core.log"
echo "load between: $(uptime)"
/usr/bin/python3 "$here/reference_walk_networkx.py" "$city" --out "$out/networkx.csv" \
    2>"$out/networkx.log"
cat "$out/networkx.log"
echo "load after: $(uptime)"

/usr/bin/python3 - "$out" <<'PY'
import csv, re, sys
out = sys.argv[1]
core = open(f"{out}/core.log").read()
ref = open(f"{out}/networkx.log").read()
core_wall, core_cpu = map(float, re.search(r"walk ([\d.]+) s wall / ([\d.]+) s cpu", core).groups())
ref_wall, ref_cpu = map(float, re.search(r"total ([\d.]+) s wall, ([\d.]+) s cpu", ref).groups())
print(f"core {core_wall:.2f} s wall / {core_cpu:.2f} s cpu; "
      f"NetworkX {ref_wall:.2f} s wall / {ref_cpu:.2f} s cpu")
print(f"NetworkX / core: {ref_wall / core_wall:.1f}x wall, {ref_cpu / core_cpu:.1f}x cpu")

def load(path):
    return {(r["parcel_index"], r["type"]): r for r in csv.DictReader(open(path))}
a, b = load(f"{out}/core.csv"), load(f"{out}/networkx.csv")
worst, absent = 0.0, 0
for key, row in b.items():
    mine = a.get(key, {}).get("network_m", "")
    if (mine == "") != (row["network_m"] == ""):
        absent += 1
    elif mine:
        worst = max(worst, abs(float(mine) - float(row["network_m"])))
print(f"network distances: largest difference {worst:.3g} m, "
      f"reachable in one only: {absent}")
PY
