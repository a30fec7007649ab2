#!/usr/bin/python3
"""Generate a large synthetic city by tiling a real district GeoPackage.

Usage:
    /usr/bin/python3 benchmarks/generate_city.py --tiles 1000 --out /tmp/city1000.gpkg
        [--input tests/data/shanghai-bund-osm/shanghai_bund.gpkg] [--gap 50]

Every layer of the input (parcels, buildings, green, roads, pois, water, study_area for the
Shanghai sample) is copied --tiles times on a square grid of ceil(sqrt(tiles)) columns, each copy
shifted by the input's extent plus --gap metres, so tiles never overlap. Integer id fields
(parcel_id, osm_id) get a per-tile offset so they stay unique. Because tiles are disjoint copies,
every parcel of tile k has exactly the figures of the matching parcel of the input, which makes
the large city checkable against the small reference. With the Shanghai sample, 1,000 tiles
give 173,000 parcels and about 978,000 buildings; 100 tiles a tenth of that.

Run with Debian's /usr/bin/python3 (geopandas 0.12, shapely 1.8); the python3 on PATH may lack
geopandas. Writing the 1,000-tile city takes a few minutes.
"""

import argparse
import math
import os
import sys
import time

import fiona
import geopandas as gpd
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_INPUT = os.path.join(HERE, "..", "tests", "data", "shanghai-bund-osm",
                             "shanghai_bund.gpkg")
ID_FIELDS = ("parcel_id", "osm_id")


def read_layers(path):
    layers = {}
    for name in fiona.listlayers(path):
        layers[name] = gpd.read_file(path, layer=name)
    return layers


def extent(layers):
    bounds = [frame.total_bounds for frame in layers.values() if len(frame)]
    min_x = min(b[0] for b in bounds)
    min_y = min(b[1] for b in bounds)
    max_x = max(b[2] for b in bounds)
    max_y = max(b[3] for b in bounds)
    return min_x, min_y, max_x, max_y


def id_stride(layers):
    """A power of ten above every id in the input, so tile k's ids are id + k * stride."""
    largest = 1
    for frame in layers.values():
        for field in ID_FIELDS:
            if field in frame.columns and pd.api.types.is_integer_dtype(frame[field]):
                largest = max(largest, int(frame[field].max()))
    return 10 ** (len(str(largest)))


def tile_layer(frame, tiles, columns, step_x, step_y, stride):
    copies = []
    for tile in range(tiles):
        column, row = tile % columns, tile // columns
        copy = frame.copy()
        copy["geometry"] = frame.geometry.translate(xoff=column * step_x, yoff=row * step_y)
        for field in ID_FIELDS:
            if field in copy.columns and pd.api.types.is_integer_dtype(copy[field]):
                copy[field] = copy[field] + tile * stride
        copy["tile"] = tile
        copies.append(copy)
    return gpd.GeoDataFrame(pd.concat(copies, ignore_index=True), crs=frame.crs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiles", type=int, default=100)
    parser.add_argument("--input", default=DEFAULT_INPUT)
    parser.add_argument("--out", required=True)
    parser.add_argument("--gap", type=float, default=50.0, help="metres between tiles")
    args = parser.parse_args()
    if args.tiles < 1:
        parser.error("--tiles must be at least 1")

    started = time.monotonic()
    layers = read_layers(args.input)
    min_x, min_y, max_x, max_y = extent(layers)
    step_x = (max_x - min_x) + args.gap
    step_y = (max_y - min_y) + args.gap
    columns = math.ceil(math.sqrt(args.tiles))
    stride = id_stride(layers)
    if os.path.exists(args.out):
        os.remove(args.out)

    for name, frame in layers.items():
        tiled = tile_layer(frame, args.tiles, columns, step_x, step_y, stride)
        tiled.to_file(args.out, layer=name, driver="GPKG")
        print(f"{name}: {len(tiled)} features", file=sys.stderr)
    print(f"wrote {args.out} ({args.tiles} tiles, {columns} columns) in "
          f"{time.monotonic() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
