#!/usr/bin/env python3
"""Makes the example plans keep the humanitarian rules on the shipped data (issue 17):
- every minefield moves to the nearest spot (spiral search, 250 m steps up to 8 km;
  shortened to a half or a quarter around its middle when the whole field has no place; left out
  of the example when even that finds none: the farmsteads there leave no room for a minefield) at least
  1,150 m from every settlement, residential area and building, inside Lithuania and outside
  protected areas;
- every linear obstacle that cuts roads (ditches, dragon's teeth, drainage ditches) leaves a
  60 m gap where it crosses a road (main or minor; farm tracks stay cut), and a road control point
  (openable: civilians get out, the attacker is stopped) stands in the gap.
Rewrites examples/demo-plan.geojson and examples/watch-plan.geojson in place. Standard library.
  tools/gate-example-plans.py [DATA_DIR]     (default data/baltic)
"""
import gzip, json, math, os, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "data", "baltic")
LAT0 = 54.5
KX = 111320 * math.cos(math.radians(LAT0))
KY = 110540


def load(name):
    p = os.path.join(data, name)
    return json.load(gzip.open(p) if p.endswith(".gz") else open(p))["features"]


def xy(c):
    return (c[0] * KX, c[1] * KY)


def ll(p):
    return [round(p[0] / KX, 6), round(p[1] / KY, 6)]


def polys(g):
    if g["type"] == "Polygon":
        return [g["coordinates"]]
    if g["type"] == "MultiPolygon":
        return g["coordinates"]
    return []


def inring(x, y, r):
    c = False
    for i in range(len(r) - 1):
        (x1, y1), (x2, y2) = r[i][:2], r[i + 1][:2]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    return c


def inpoly(lon, lat, poly):
    return inring(lon, lat, poly[0]) and not any(inring(lon, lat, h) for h in poly[1:])


CELL = 2000.0
grid = {}


def add_point(p):
    grid.setdefault((int(p[0] // CELL), int(p[1] // CELL)), []).append(p)


for f in load("settlements.geojson.gz") + load("buildings_border_zone.geojson.gz"):
    add_point(xy(f["geometry"]["coordinates"]))
for f in load("residential_areas.geojson.gz"):
    for poly in polys(f["geometry"]):
        ring = poly[0]
        for i in range(len(ring) - 1):  # vertices and edge midpoints stand for the outline
            a, b = xy(ring[i]), xy(ring[i + 1])
            add_point(a)
            add_point(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
RES = [(poly, [min(c[0] for c in poly[0]), min(c[1] for c in poly[0]),
               max(c[0] for c in poly[0]), max(c[1] for c in poly[0])])
       for f in load("residential_areas.geojson.gz") for poly in polys(f["geometry"])]
PROT = [(poly, [min(c[0] for c in poly[0]), min(c[1] for c in poly[0]),
                max(c[0] for c in poly[0]), max(c[1] for c in poly[0])])
        for f in load("protected_areas.geojson.gz") for poly in polys(f["geometry"])]
LT = [poly for f in load("countries.geojson.gz") if f["properties"].get("iso_a2") == "LT"
      for poly in polys(f["geometry"])]


def seg_dist(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = 0 if dx == dy == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def samples(a, b, step=100.0):
    n = max(1, int(math.hypot(b[0] - a[0], b[1] - a[1]) // step))
    return [(a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n) for i in range(n + 1)]


def clearance(a, b):
    best = 1e18
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    for i in range(int((x0 - 3000) // CELL), int((x1 + 3000) // CELL) + 1):
        for j in range(int((y0 - 3000) // CELL), int((y1 + 3000) // CELL) + 1):
            for p in grid.get((i, j), ()):
                best = min(best, seg_dist(p, a, b))
    for s in samples(a, b):
        lon, lat = s[0] / KX, s[1] / KY
        for poly, bb in RES:
            if bb[0] <= lon <= bb[2] and bb[1] <= lat <= bb[3] and inpoly(lon, lat, poly):
                return 0
    return best


def allowed(a, b):
    for s in samples(a, b):
        lon, lat = s[0] / KX, s[1] / KY
        if not any(inpoly(lon, lat, p) for p in LT):
            return False
        for poly, bb in PROT:
            if bb[0] <= lon <= bb[2] and bb[1] <= lat <= bb[3] and inpoly(lon, lat, poly):
                return False
    return True


def move_minefield(coords):
    a0, b0 = xy(coords[0]), xy(coords[-1])
    if clearance(a0, b0) >= 1150 and allowed(a0, b0):
        return None
    mid = ((a0[0] + b0[0]) / 2, (a0[1] + b0[1]) / 2)
    for scale in (1.0, 0.5, 0.25):  # the whole field if it fits, else a shorter one
        a = (mid[0] + (a0[0] - mid[0]) * scale, mid[1] + (a0[1] - mid[1]) * scale)
        b = (mid[0] + (b0[0] - mid[0]) * scale, mid[1] + (b0[1] - mid[1]) * scale)
        for r in range(1, 33):
            d = r * 250.0
            for k in range(16):
                ang = 2 * math.pi * k / 16
                dx, dy = d * math.cos(ang), d * math.sin(ang)
                a2, b2 = (a[0] + dx, a[1] + dy), (b[0] + dx, b[1] + dy)
                if clearance(a2, b2) >= 1150 and allowed(a2, b2):
                    return [ll(a2), ll(b2)]
    return "drop"


ROADS = []
for name in ("roads_main.geojson.gz", "roads_minor_border_zone.geojson.gz"):
    for f in load(name):
        g = f["geometry"]
        lines = [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"] if g["type"] == "MultiLineString" else []
        for line in lines:
            pts = [xy(c) for c in line]
            for i in range(len(pts) - 1):
                ROADS.append((pts[i], pts[i + 1]))


def crossings(a, b):
    """Parameters t in (0, 1) where a-b crosses a road segment, sorted."""
    out = []
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    for p, q in ROADS:
        if max(p[0], q[0]) < x0 or min(p[0], q[0]) > x1 or max(p[1], q[1]) < y0 or min(p[1], q[1]) > y1:
            continue
        r = (b[0] - a[0], b[1] - a[1])
        s = (q[0] - p[0], q[1] - p[1])
        den = r[0] * s[1] - r[1] * s[0]
        if den == 0:
            continue
        t = ((p[0] - a[0]) * s[1] - (p[1] - a[1]) * s[0]) / den
        u = ((p[0] - a[0]) * r[1] - (p[1] - a[1]) * r[0]) / den
        if 0 < t < 1 and 0 <= u <= 1:
            out.append(t)
    return sorted(out)


def gate(feature):
    coords = feature["geometry"]["coordinates"]
    a, b = xy(coords[0]), xy(coords[-1])
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    ts = crossings(a, b)
    if not ts:
        return [feature]
    g = 30.0 / length
    pieces, start, gates = [], 0.0, []
    for t in ts:
        if t - g > start:
            pieces.append((start, t - g))
        start = max(start, t + g)
        gates.append(t)
    if start < 1:
        pieces.append((start, 1.0))
    at = lambda t: ll((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    f = json.loads(json.dumps(feature))
    f["geometry"] = {"type": "MultiLineString", "coordinates": [[at(s), at(e)] for s, e in pieces]}
    out = [f]
    merged = []
    for t in gates:  # one control point per crossing, crossings closer than 60 m share one
        if merged and (t - merged[-1]) * length < 60:
            continue
        merged.append(t)
    fid = feature.get("id") or feature["properties"].get("id")
    for k, t in enumerate(merged, 1):
        out.append({"type": "Feature", "id": "%s-gate-%d" % (fid, k),
                    "properties": {"type": "road_control_point",
                                   "name": "Gate %d in %s" % (k, feature["properties"].get("name", fid)),
                                   "year": feature["properties"].get("year", 1)},
                    "geometry": {"type": "Point", "coordinates": at(t)}})
    return out


for name in ("demo-plan.geojson", "watch-plan.geojson"):
    path = os.path.join(root, "examples", name)
    plan = json.load(open(path))
    feats = []
    for f in plan["features"]:
        t = f["properties"]["type"]
        if t in ("at_minefield", "ap_minefield", "mixed_minefield") and f["geometry"]["type"] == "LineString":
            moved = move_minefield(f["geometry"]["coordinates"])
            if moved == "drop":
                print("  left out", f.get("id"), ": no place 1,150 m from every dwelling within 8 km")
                continue
            if moved:
                print("  moved", f.get("id"), "to", moved)
                f["geometry"]["coordinates"] = moved
            feats.append(f)
        elif t in ("at_ditch", "dragons_teeth", "drainage_ditch") and f["geometry"]["type"] == "LineString":
            feats.extend(gate(f))
        else:
            feats.append(f)
    plan["features"] = feats
    with open(path, "w") as out:
        json.dump(plan, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print(name, len(feats), "features")
