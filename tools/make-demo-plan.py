#!/usr/bin/env python3
"""Writes examples/demo-plan.geojson: an illustrative barrier plan around the main LT-BY and LT-RU
road crossings, built from the shipped OSM data. Mines are kept >= 1.2 km from every settlement
point and residential-area vertex, so the plan passes the default 1 km humanitarian buffer.

Usage: python3 tools/make-demo-plan.py [DATA_DIR]   (default data/baltic, .geojson or .geojson.gz)
Standard library only. The output is reviewed by hand and committed; re-run only to regenerate."""
import gzip, json, math, os, sys

data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "baltic")

def load(name):
    for ext, op in ((".geojson", open), (".geojson.gz", gzip.open)):
        p = os.path.join(data, name + ext)
        if os.path.exists(p):
            with op(p, "rt", encoding="utf-8") as f:
                return json.load(f)
    raise SystemExit("missing layer " + name + " in " + data)

LAT0 = 54.6
KX = 111320 * math.cos(math.radians(LAT0))
KY = 110574
def xy(lon, lat): return ((lon - 24) * KX, (lat - LAT0) * KY)
def ll(x, y): return (round(24 + x / KX, 6), round(LAT0 + y / KY, 6))

civ = []
for f in load("settlements")["features"]:
    lon, lat = f["geometry"]["coordinates"]
    if 20.5 < lon < 27 and 53.7 < lat < 56.6:
        civ.append(xy(lon, lat))
for f in load("residential_areas")["features"]:
    g = f["geometry"]
    polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
    for poly in polys:
        for lon, lat in poly[0]:
            if 20.5 < lon < 27 and 53.7 < lat < 56.6:
                civ.append(xy(lon, lat))
cell = {}
for p in civ:
    cell.setdefault((int(p[0] // 2000), int(p[1] // 2000)), []).append(p)

def min_dist_line(pts):
    best = 1e18
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        n = max(2, int(math.hypot(bx - ax, by - ay) // 100))
        for i in range(n + 1):
            x, y = ax + (bx - ax) * i / n, ay + (by - ay) * i / n
            cx, cy = int(x // 2000), int(y // 2000)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    for (px, py) in cell.get((cx + dx, cy + dy), ()):
                        best = min(best, math.hypot(px - x, py - y))
    return best

def across(p, target, d_m, length_m):
    """A straight line perpendicular to the approach p->target, centred d_m from p towards target."""
    px, py = xy(*p); tx, ty = xy(*target)
    ux, uy = tx - px, ty - py; n = math.hypot(ux, uy); ux, uy = ux / n, uy / n
    cx, cy = px + ux * d_m, py + uy * d_m
    vx, vy = -uy, ux
    return [(cx - vx * length_m / 2, cy - vy * length_m / 2), (cx + vx * length_m / 2, cy + vy * length_m / 2)]

def safe_mine_line(p, target, d_m, length_m):
    """Searches deeper, sideways and shorter until the line keeps 1.1 km from civilians."""
    for ln in (length_m, length_m * 0.6, length_m * 0.4, length_m * 0.25):
        for extra in range(0, 10000, 500):
            for side in (0, 1000, -1000, 2000, -2000, 3000, -3000, 4000, -4000):
                pts = across(p, target, d_m + extra, ln)
                (ax, ay), (bx, by) = pts
                ux, uy = (bx - ax) / ln, (by - ay) / ln
                pts = [(ax + ux * side, ay + uy * side), (bx + ux * side, by + uy * side)]
                if min_dist_line(pts) >= 1100:
                    return pts
    return None

VILNIUS = (25.28291, 54.687055); KAUNAS = (23.904469, 54.898218)
crossings = [
    ("medininkai", "A3 Medininkai", (25.6997, 54.5443), VILNIUS),
    ("salcininkai", "A15 Šalčininkai", (25.3763, 54.2728), VILNIUS),
    ("lavoriskes", "103 Lavoriškės", (25.7453, 54.7187), VILNIUS),
    ("krakunai", "104 Krakūnai", (25.6017, 54.1459), VILNIUS),
    ("eisiskes", "105 Eišiškės", (25.0133, 54.1385), VILNIUS),
    ("kybartai", "A7 Kybartai", (22.7438, 54.6416), KAUNAS),
]
feats = []
def add(fid, typ, name, coords, gtype, year):
    feats.append({"type": "Feature", "id": fid,
                  "properties": {"type": typ, "name": name, "year": year},
                  "geometry": {"type": gtype, "coordinates": coords}})

def road_point(p, target, d_m):
    """The roads_main vertex nearest to the point d_m from p towards target (on the approach road)."""
    ax, ay = across(p, target, d_m, 0)[0]
    best, bp = 1e18, None
    for f in roads:
        g = f["geometry"]
        lines = g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
        for ln in lines:
            for lon, lat in ln:
                x, y = xy(lon, lat); dd = math.hypot(x - ax, y - ay)
                if dd < best: best, bp = dd, (lon, lat)
    return bp if best < 1500 else None

roads = [f for f in load("roads_main")["features"] if f["properties"].get("country") == "LT"
         and f["properties"].get("class") in ("trunk", "primary", "motorway")]
year = 1
for cid, label, p, target in crossings:
    rp = road_point(p, target, 1200)
    if rp:
        add(cid + "-rcp", "road_control_point", "Control point " + label, list(rp), "Point", year)
    add(cid + "-ditch", "at_ditch", "AT ditch " + label, [ll(*q) for q in across(p, target, 3000, 9000)], "LineString", year)
    mf = safe_mine_line(p, target, 5000, 7000)
    if mf:
        add(cid + "-atmf", "at_minefield", "AT minefield " + label, [ll(*q) for q in mf], "LineString", year + 1)
    year = year % 4 + 1
# dragon's teeth close to the Kybartai crossing, a drainage ditch and a reforestation belt
add("kybartai-teeth", "dragons_teeth", "Dragon's teeth A7 Kybartai",
    [ll(*q) for q in across((22.7438, 54.6416), KAUNAS, 1800, 2500)], "LineString", 1)
add("salcininkai-drain", "drainage_ditch", "Deepened drainage ditch Šalčininkai",
    [ll(*q) for q in across((25.3763, 54.2728), VILNIUS, 7000, 6000)], "LineString", 2)
belt = across((25.6997, 54.5443), VILNIUS, 8000, 3000)
(ax, ay), (bx, by) = belt
dx, dy = (bx - ax) / 3000 * 400, (by - ay) / 3000 * 400
nx, ny = -dy, dx
ring = [(ax, ay), (bx, by), (bx + nx, by + ny), (ax + nx, ay + ny), (ax, ay)]
add("medininkai-forest", "reforestation_belt", "Reforestation belt Medininkai", [[ll(*q) for q in ring]], "Polygon", 1)
# prepared demolitions of road bridges on trunk/primary roads within 45 km east of Vilnius
vx, vy = xy(*VILNIUS)
cands = []
for f in load("bridges")["features"]:
    pr = f["properties"]
    if pr.get("type") != "bridge" or pr.get("carries") != "road" or pr.get("class") not in ("trunk", "primary"):
        continue
    if (pr.get("length_m") or 0) < 60:
        continue
    x, y = xy(pr["lon"], pr["lat"])
    if 8000 < math.hypot(x - vx, y - vy) < 45000 and x > vx - 5000 and pr.get("lon") < 26.0:
        cands.append((-(pr.get("length_m") or 0), pr["lon"], pr["lat"], pr.get("ref") or pr.get("name") or "bridge"))
seen = []
for negl, lon, lat, ref in sorted(cands):
    x, y = xy(lon, lat)
    if any(math.hypot(x - sx, y - sy) < 5000 for sx, sy in seen):
        continue
    seen.append((x, y))
    add("bridge-%d" % len(seen), "bridge_demolition", "Prepared demolition, bridge on " + str(ref), [round(lon, 6), round(lat, 6)], "Point", 2)
    if len(seen) == 3:
        break
out = {"type": "FeatureCollection", "name": "Skydas demo plan (illustrative)",
       "description": "Illustrative obstacles at the main LT-BY and LT-RU road crossings. Not a real plan.",
       "policy": {"ap_mines_enabled": False, "civilian_buffer_m": 1000}, "features": feats}
dst = os.path.join(os.path.dirname(__file__), "..", "examples", "demo-plan.geojson")
with open(dst, "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
print(len(feats), "obstacles ->", dst)
