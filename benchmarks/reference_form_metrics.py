#!/usr/bin/python3
"""Independent per-parcel form metrics with GeoPandas, to cross-check and time core's figures.

Usage:
    /usr/bin/python3 benchmarks/reference_form_metrics.py DATA.gpkg --out reference.csv
        [--resources resources/method] [--parcels parcels] [--buildings buildings]
        [--green green]

For every parcel: area (holes excluded), building count, footprint = area of the union of the
building parts inside the parcel, density, gross floor area = sum of (part area x floors), FAR,
FAR from recorded floors only, green = area of the union of green parts inside, green coverage.
Floors follow GreenRenew's rule with the values of resources/method/form.json: the recorded
floor count ("floors" or the sample's "levels"), else round(height_m / storey height) and at
least 1, else the default floors of the parcel's renewal_type (residential when the parcels
carry no renewal_type). A building counts for a parcel when at least 1e-6 m2 of it is inside.
Invalid geometries are repaired with shapely's make_valid before the overlay.

The overlay is GeoPandas' own (gpd.overlay, dissolve), not GEOS called the way core calls it.
The time of the computation (reading excluded) is printed to stderr, so it can be compared with
core's figures on the same data (see benchmarks/README.md).
"""

import argparse
import json
import os
import sys
import time

import fiona
import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.validation import make_valid

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_PART_AREA_M2 = 1e-6


def load_form_parameters(resource_dir):
    with open(os.path.join(resource_dir, "form.json"), encoding="utf-8") as handle:
        parameters = json.load(handle)["parameters"]
    defaults = {key.rsplit(".", 1)[1]: entry["value"] for key, entry in parameters.items()
                if key.startswith("form.default_floors.")}
    return parameters["form.storey_height_m"]["value"], defaults


def repaired(frame):
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty].copy()
    invalid = ~frame.geometry.is_valid
    frame.loc[invalid, "geometry"] = frame.loc[invalid, "geometry"].apply(make_valid)
    return frame


def numeric(frame, names):
    for name in names:
        if name in frame.columns:
            values = pd.to_numeric(frame[name], errors="coerce")
            return values.where(values > 0)
    return pd.Series(np.nan, index=frame.index)


def parts_inside(features, parcels):
    parts = gpd.overlay(features, parcels[["parcel_id", "renewal_type", "geometry"]],
                        how="intersection", keep_geom_type=True)
    parts["part_area"] = parts.geometry.area
    return parts[parts["part_area"] >= MIN_PART_AREA_M2]


def union_area_by_parcel(parts):
    if parts.empty:
        return pd.Series(dtype=float)
    dissolved = parts[["parcel_id", "geometry"]].dissolve(by="parcel_id")
    return dissolved.geometry.area


def compute(parcels, buildings, green, storey_height, default_floors):
    if "renewal_type" not in parcels.columns:
        parcels["renewal_type"] = "residential"
    recorded = numeric(buildings, ("floors", "levels"))
    height = numeric(buildings, ("height_m", "height"))
    from_height = np.maximum(1.0, np.floor(height / storey_height + 0.5))
    buildings = buildings.assign(recorded_floors=recorded, height_floors=from_height,
                                 building_row=np.arange(len(buildings)))

    parts = parts_inside(buildings[["building_row", "recorded_floors", "height_floors",
                                    "geometry"]], parcels)
    defaults = parts["renewal_type"].map(default_floors).fillna(default_floors["residential"])
    floors = parts["recorded_floors"].fillna(parts["height_floors"]).fillna(defaults)
    parts["gfa"] = parts["part_area"] * floors
    parts["gfa_recorded"] = (parts["part_area"] * parts["recorded_floors"]).fillna(0.0)
    parts["estimated"] = parts["recorded_floors"].isna().astype(int)
    by_parcel = parts.groupby("parcel_id")

    result = pd.DataFrame({"parcel_id": parcels["parcel_id"].values,
                           "area_m2": parcels.geometry.area.values}).set_index("parcel_id")
    result["n_buildings"] = by_parcel.size()
    result["floors_estimated"] = by_parcel["estimated"].sum()
    result["footprint_m2"] = union_area_by_parcel(parts)
    result["gross_floor_area_m2"] = by_parcel["gfa"].sum()
    result["gfa_recorded_m2"] = by_parcel["gfa_recorded"].sum()
    green_parts = parts_inside(green[["geometry"]], parcels)
    result["green_m2"] = union_area_by_parcel(green_parts)
    result = result.fillna(0.0)

    result["building_density"] = result["footprint_m2"] / result["area_m2"]
    result["far"] = result["gross_floor_area_m2"] / result["area_m2"]
    result["far_recorded_only"] = result["gfa_recorded_m2"] / result["area_m2"]
    result["green_coverage"] = result["green_m2"] / result["area_m2"]
    return result.drop(columns=["gfa_recorded_m2"]).reset_index()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--out", required=True)
    parser.add_argument("--resources", default=os.path.join(HERE, "..", "resources", "method"))
    parser.add_argument("--parcels", default="parcels")
    parser.add_argument("--buildings", default="buildings")
    parser.add_argument("--green", default="green", help="green layer; absent means none")
    parser.add_argument("--parcel-id", default="parcel_id", help="parcel id field")
    args = parser.parse_args()

    storey_height, default_floors = load_form_parameters(args.resources)
    read_started = time.monotonic()
    parcels = repaired(gpd.read_file(args.data, layer=args.parcels))
    parcels = parcels.rename(columns={args.parcel_id: "parcel_id"})
    buildings = repaired(gpd.read_file(args.data, layer=args.buildings))
    if args.green in fiona.listlayers(args.data):
        green = repaired(gpd.read_file(args.data, layer=args.green))
    else:
        green = gpd.GeoDataFrame(geometry=[], crs=parcels.crs)
    started = time.monotonic()
    cpu_started = time.process_time()
    result = compute(parcels, buildings, green, storey_height, default_floors)
    elapsed = time.monotonic() - started
    cpu = time.process_time() - cpu_started
    result.to_csv(args.out, index=False, float_format="%.10g")
    print(f"geopandas form metrics: {len(parcels)} parcels, {len(buildings)} buildings, "
          f"{len(green)} green; read+repair {started - read_started:.2f} s, "
          f"compute {elapsed:.2f} s wall / {cpu:.2f} s cpu", file=sys.stderr)


if __name__ == "__main__":
    main()
