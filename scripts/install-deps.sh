#!/usr/bin/env bash
# Installs every Debian 12 package GreenRenew needs to build, run and test.
# Idempotent: quiet and quick when everything is present.
set -euo pipefail

PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-svg-dev qt6-charts-dev libqt6sql6-sqlite
    qt6-tools-dev qt6-l10n-tools qt6-qpa-plugins
    libgdal-dev gdal-bin proj-bin proj-data libgeos-dev libproj-dev
    libboost-dev libboost-graph-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    xvfb xauth fonts-wqy-microhei poppler-utils
    postgresql-15 postgresql-15-postgis-3 libpq-dev
)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
