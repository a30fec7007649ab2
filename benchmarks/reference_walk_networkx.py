#!/usr/bin/python3
"""Independent walk distances for GreenRenew's walking life circles, with NetworkX.

Builds its own pedestrian graph from a streets layer with Shapely and NetworkX (Debian's
python3-networkx, python3-geopandas; run with /usr/bin/python3), following the rules written
in core/walk_access.h, not its code:

- streets with walkable != 0 (all when the field is missing), split into straight pieces;
  noded by shapely.ops.unary_union (crossings, shared vertices, collinear overlaps);
- nodes closer than walk.snap_tolerance_m merged (union of close pairs), and each line end
  within that tolerance of another street joined to its nearest point there;
- edge weight = length, times walk.steps_time_factor where highway = steps;
- a facility joins the graph at the nearest point of the nearest edge (the edge is split
  there), plus the straight snap;
- a parcel's access points are the nodes inside it or within walk.access_snap_m of it, else
  the nearest node plus the straight gap;
- per facility type one multi-source Dijkstra from a super source, cut at the largest circle.

Facility types come from the facility_mappings of resources/method/*.json, matched on the tag
(the data set's kind), its "k=v" parts and their values, then the category.

Writes CSV rows: parcel_index, parcel_id, type, network_m, crowfly_m (empty beyond the bound).

Usage:
  reference_walk_networkx.py DATA.gpkg --out walk_reference.csv
      [--resources resources/method] [--streets roads] [--parcels parcels]
      [--facilities pois]
"""

import argparse
import csv
import glob
import json
import math
import os
import sys
import time
import warnings

import geopandas
import networkx
import shapely.ops
from shapely.geometry import LineString, Point
from shapely.strtree import STRtree

# Debian 12 ships Shapely 1.8, whose STRtree API this script uses; 2.0 changed it.
warnings.filterwarnings("ignore", message="STRtree will be changed")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_method(resource_dir):
    parameters, circles, mappings = {}, [], []
    for path in sorted(glob.glob(os.path.join(resource_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        parameters.update({k: v["value"] for k, v in doc.get("parameters", {}).items()})
        circles += doc.get("life_circles", [])
        mappings += doc.get("facility_mappings", [])
    by_match = {}
    for m in mappings:
        types = by_match.setdefault(m["match"].strip(), [])
        for t in (t.strip() for t in m["type"].split(",")):
            if t and t not in types:
                types.append(t)
    return parameters, circles, by_match


def facility_types(tag, category, by_match):
    tag = (tag or "").strip()
    keys = [tag] if tag else []
    parts = [p.strip() for p in tag.split(";") if p.strip()] if tag else []
    keys += [p for p in parts if p != tag]
    keys += [p.split("=", 1)[1].strip() for p in parts if "=" in p]
    if category and category.strip():
        keys.append(category.strip())
    for key in keys:
        if key in by_match:
            return by_match[key]
    return []


def first_field(frame, names):
    for name in names:
        if name in frame.columns:
            return name
    return None


class Nodes:
    """Node ids for coordinates, merged when closer than the tolerance (union of close pairs)."""

    def __init__(self):
        self.points = []
        self.index = {}

    def add(self, xy):
        if xy not in self.index:
            self.index[xy] = len(self.points)
            self.points.append(xy)
        return self.index[xy]


def build_graph(streets, highway_field, snap_m, steps_factor):
    pieces = []
    for geom, highway in zip(streets.geometry, streets[highway_field] if highway_field
                             else [""] * len(streets)):
        for line in getattr(geom, "geoms", [geom]):
            coords = list(line.coords)
            pieces.append((LineString(coords), highway == "steps"))

    # Line ends within the tolerance of another street: add the nearest point there as a
    # short connector, so the union below nodes it.
    tree = STRtree([p for p, _ in pieces])
    connectors = []
    for k, (line, _) in enumerate(pieces):
        for end in (Point(line.coords[0]), Point(line.coords[-1])):
            for j in tree.query_items(end.buffer(snap_m)):
                if j == k:
                    continue
                other = pieces[j][0]
                d = other.distance(end)
                if 0 < d <= snap_m:
                    near = other.interpolate(other.project(end))
                    connectors.append(LineString([end, near]))

    steps_lines = [p for p, s in pieces if s]
    steps_tree = STRtree(steps_lines) if steps_lines else None
    noded = shapely.ops.unary_union([p for p, _ in pieces] + connectors)
    nodes = Nodes()
    raw_edges = []
    for piece in getattr(noded, "geoms", [noded]):
        mid = piece.interpolate(0.5, normalized=True)
        steps = False
        if steps_tree is not None:
            steps = any(steps_lines[int(i)].distance(mid) < 1e-6
                        for i in steps_tree.query_items(mid.buffer(1e-6)))
        coords = list(piece.coords)
        for a, b in zip(coords, coords[1:]):
            raw_edges.append((nodes.add(a), nodes.add(b), steps))

    # Merge nodes closer than the tolerance: a connector shorter than it becomes one node.
    parent = list(range(len(nodes.points)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pts = [Point(p) for p in nodes.points]
    ptree = STRtree(pts)
    for i, p in enumerate(pts):
        for j in ptree.query_items(p.buffer(snap_m)):
            if j > i and pts[j].distance(p) <= snap_m:
                parent[find(i)] = find(j)

    graph = networkx.Graph()
    positions = {}
    for i, xy in enumerate(nodes.points):
        positions.setdefault(find(i), xy)
    for a, b, steps in raw_edges:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        length = math.dist(positions[ra], positions[rb])
        weight = length * (steps_factor if steps else 1.0)
        if graph.has_edge(ra, rb) and graph[ra][rb]["weight"] <= weight:
            continue
        graph.add_edge(ra, rb, weight=weight, length=length)
    for n in graph.nodes:
        graph.nodes[n]["xy"] = positions[n]
    return graph


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data")
    parser.add_argument("--out", required=True)
    parser.add_argument("--resources", default=os.path.join(ROOT, "resources", "method"))
    parser.add_argument("--streets", default="roads")
    parser.add_argument("--parcels", default="parcels")
    parser.add_argument("--facilities", default="pois")
    args = parser.parse_args()

    parameters, circles, by_match = load_method(args.resources)
    snap_m = parameters["walk.snap_tolerance_m"]
    access_m = parameters["walk.access_snap_m"]
    steps_factor = parameters["walk.steps_time_factor"]
    time_mode = parameters["walk.circle_mode"] == 1
    speed = parameters["walk.speed_m_per_min"]
    bound = max(c["minutes"] * speed if time_mode else c["radius_m"] for c in circles)

    streets = geopandas.read_file(args.data, layer=args.streets)
    if "walkable" in streets.columns:
        streets = streets[streets["walkable"].fillna(1).astype(int) != 0]
    parcels = geopandas.read_file(args.data, layer=args.parcels)
    pois = geopandas.read_file(args.data, layer=args.facilities)
    tag_field = first_field(pois, ["kind", "tag", "amenity", "shop"])
    cat_field = first_field(pois, ["category", "类别", "type"])
    id_field = first_field(parcels, ["parcel_id", "id"])

    # Timed from here: reading the layers is left out, as the core benchmark leaves it out.
    started = time.perf_counter()
    cpu_started = time.process_time()
    graph = build_graph(streets, first_field(streets, ["highway"]), snap_m, steps_factor)
    built = time.perf_counter()

    node_ids = list(graph.nodes)
    node_points = [Point(graph.nodes[n]["xy"]) for n in node_ids]
    node_tree = STRtree(node_points)
    edge_list = list(graph.edges)
    edge_lines = [LineString([graph.nodes[a]["xy"], graph.nodes[b]["xy"]]) for a, b in edge_list]
    edge_tree = STRtree(edge_lines)

    # Facilities by type; each joins the graph through a virtual node on its nearest edge,
    # added for its type's search and removed after it.
    by_type = {}
    for k, row in pois.iterrows():
        types = facility_types(row[tag_field] if tag_field else "",
                               row[cat_field] if cat_field else "", by_match)
        for t in types:
            by_type.setdefault(t, []).append(row.geometry)

    access = []
    for geom in parcels.geometry:
        near = [node_ids[i] for i in node_tree.query_items(geom.buffer(access_m))
                if node_points[i].distance(geom) <= access_m]
        if near:
            access.append([(n, 0.0) for n in near])
        else:
            i = node_tree.nearest_item(geom)
            access.append([(node_ids[i], node_points[i].distance(geom))])

    rows = []
    g = graph
    crowfly_s = 0.0
    for t in sorted(by_type):
        source = ("source", t)
        added = [source]
        g.add_node(source)
        for m, point in enumerate(by_type[t]):
            e = edge_tree.nearest_item(point)
            a, b = edge_list[e]
            line = edge_lines[e]
            along = line.project(point)
            snap = line.distance(point)
            cost_per_m = graph[a][b]["weight"] / graph[a][b]["length"]
            virtual = ("facility", t, m)
            g.add_edge(source, virtual, weight=snap)
            g.add_edge(virtual, a, weight=along * cost_per_m)
            g.add_edge(virtual, b, weight=(line.length - along) * cost_per_m)
            added.append(virtual)
        dist = networkx.single_source_dijkstra_path_length(g, source, cutoff=bound)
        g.remove_nodes_from(added)
        # Straight distance: the nearest facility of the type by GEOS's exact nearest search
        # (a scan of every facility per parcel is quadratic on a tiled city).
        crow_started = time.perf_counter()
        points = by_type[t]
        point_tree = STRtree(points)
        crows = [points[point_tree.nearest_item(geom)].distance(geom)
                 for geom in parcels.geometry]
        crowfly_s += time.perf_counter() - crow_started
        for p, geom in enumerate(parcels.geometry):
            best = min((dist[n] + gap for n, gap in access[p] if n in dist),
                       default=math.inf)
            crow = crows[p]
            rows.append([p, parcels[id_field].iloc[p] if id_field else p, t,
                         "" if best > bound else f"{best:.6f}",
                         "" if crow > bound else f"{crow:.6f}"])
    finished = time.perf_counter()
    cpu_s = time.process_time() - cpu_started

    with open(args.out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["parcel_index", "parcel_id", "type", "network_m", "crowfly_m"])
        writer.writerows(rows)
    print(f"graph {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
          f"{networkx.number_connected_components(graph)} components; "
          f"{len(by_type)} facility types; build {built - started:.2f} s, "
          f"searches {finished - built:.2f} s (straight distances {crowfly_s:.2f} s of it); "
          f"total {finished - started:.2f} s wall, {cpu_s:.2f} s cpu",
          file=sys.stderr)


if __name__ == "__main__":
    main()
