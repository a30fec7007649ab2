#!/usr/bin/env bash
# Installs the peer tools the benchmarks compare against (not needed to build or test):
# GeoPandas, NetworkX, OSMnx and rtree for Debian's /usr/bin/python3, and gdal-bin's ogr2ogr.
# QGIS (about 1 GiB) only with --qgis.
set -euo pipefail
PACKAGES=(python3-geopandas python3-networkx python3-osmnx python3-rtree gdal-bin)
[ "${1:-}" = "--qgis" ] && PACKAGES+=(qgis)
missing=()
for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
