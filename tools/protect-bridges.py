#!/usr/bin/env python3
"""Writes examples/protect-bridges.geojson: the named sites the demo protects against small UAS.

Main-road bridges (motorway, trunk, primary; at least 40 m long) in Lithuania within 15 km of the
borders with Belarus and Russia, from the shipped data/baltic layers (OpenStreetMap, ODbL).
Distances to the border are to its nearest vertex on a local flat approximation (the border lines
are densely noded). Run from the checkout root: python3 tools/protect-bridges.py
"""
import gzip
import json
import math

bridges = json.load(gzip.open("data/baltic/bridges.geojson.gz"))
borders = json.load(gzip.open("data/baltic/borders.geojson.gz"))
pts = []
for f in borders["features"]:
    if f["properties"]["pair"] in ("LT-BY", "LT-RU"):
        g = f["geometry"]
        for line in g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]:
            pts += line


def border_distance_m(lon, lat):
    k = 111320 * math.cos(math.radians(lat))
    return math.sqrt(min(((x - lon) * k) ** 2 + ((y - lat) * 110540) ** 2 for x, y in pts))


chosen = []
for f in bridges["features"]:
    p = f["properties"]
    if p["country"] != "LT" or p["class"] not in ("motorway", "trunk", "primary"):
        continue
    if p["length_m"] < 40 or border_distance_m(p["lon"], p["lat"]) > 15000:
        continue
    chosen.append(p)
chosen.sort(key=lambda p: (p["lon"], p["lat"]))
features = []
for i, p in enumerate(chosen):
    label = p["name"] if p["name"] and p["name"] != p["ref"] else ""
    name = f"{p['ref'] or 'road'} bridge" + (f", {label}" if label else "") + f" ({p['length_m']} m)"
    features.append(
        {
            "type": "Feature",
            "id": f"bridge-{i + 1:02d}",
            "properties": {"name": name, "road": p["ref"], "class": p["class"], "length_m": p["length_m"]},
            "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
        }
    )
out = {
    "type": "FeatureCollection",
    "name": "protect-bridges",
    "attribution": "Data (c) OpenStreetMap contributors, ODbL; derived by tools/protect-bridges.py",
    "features": features,
}
with open("examples/protect-bridges.geojson", "w", encoding="utf-8") as w:
    json.dump(out, w, ensure_ascii=False, indent=1)
    w.write("\n")
print(len(features), "bridges")
