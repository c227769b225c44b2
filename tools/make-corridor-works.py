#!/usr/bin/env python3
"""Writes examples/suwalki-corridor-works.json: an ILLUSTRATIVE dual-use works programme on real
roads of the shipped layers (data/baltic), sized like the public figure (113 km of road and 8
bridges in the Suwalki corridor by 2028). The seeds name no sections: the roads (national roads
131, 132, 134 and 181 between the LT-PL border and Marijampole, Alytus) and the bridges are chosen for
illustration, as are the dates, costs, load classes and progress. Deterministic."""
import gzip, json, math, sys

BOX = (22.9, 53.95, 24.2, 54.6)
ROADS = [('131', 20), ('132', 20), ('134', 15), ('181', 15)]   # ref, section length km
TARGET_KM = 113.0

def km(a, b):
    return math.hypot((b[0]-a[0])*111320*math.cos(math.radians(54.3)), (b[1]-a[1])*110540) / 1000

def inbox(c):
    return BOX[0] <= c[0] <= BOX[2] and BOX[1] <= c[1] <= BOX[3]

roads = json.load(gzip.open('data/baltic/roads_main.geojson.gz'))
parts = {}
for f in roads['features']:
    p = f['properties']
    if p.get('country') != 'LT' or p.get('ref') not in dict(ROADS):
        continue
    g = f['geometry']
    for line in (g['coordinates'] if g['type'] == 'MultiLineString' else [g['coordinates']]):
        run = []
        for c in line + [None]:
            if c is not None and inbox(c):
                run.append(c)
            else:
                if len(run) >= 2:
                    parts.setdefault(p['ref'], []).append(run)
                run = []

projects, total, n = [], 0.0, 0
for ref, sec in ROADS:
    for run in sorted(parts.get(ref, []), key=lambda r: -sum(km(a, b) for a, b in zip(r, r[1:]))):
        cur, length = [run[0]], 0.0
        for a, b in zip(run, run[1:]):
            cur.append(b)
            length += km(a, b)
            if length >= sec or b is run[-1]:
                if length >= 3 and total < TARGET_KM:
                    take = min(length, TARGET_KM - total)
                    if take < length:   # cut the last section at the target
                        cut, acc = [cur[0]], 0.0
                        for x, y in zip(cur, cur[1:]):
                            if acc + km(x, y) > take:
                                break
                            cut.append(y)
                            acc += km(x, y)
                        cur, length = cut, acc
                    if length >= 3:
                        n += 1
                        year = 2025 + (n % 4)
                        status = ['completed', 'under_construction', 'approved', 'planned'][n % 4]
                        projects.append({
                            'id': f'road-{ref}-{n}', 'name': f'National road {ref}, section {n}',
                            'kind': 'road', 'start': f'{year - 1}-04-01', 'end': f'{year}-10-31',
                            'cost_eur': round(length * 1.4e6, -3), 'status': status,
                            'done_pct': {'completed': 100, 'under_construction': 55}.get(status, 0),
                            'mlc_before': 60, 'mlc_after': 80, 'speed_after_kmh': 80,
                            'geometry': {'type': 'LineString',
                                         'coordinates': [[round(x, 6), round(y, 6)] for x, y in cur]}})
                        total += length
                cur, length = [b], 0.0

bridges = json.load(gzip.open('data/baltic/bridges.geojson.gz'))
picked = []
for f in bridges['features']:
    p = f['properties']
    if (p.get('country') == 'LT' and p.get('type') == 'bridge' and p.get('carries') == 'road'
            and p.get('ref') in ('131', '134', 'A5') and inbox((p['lon'], p['lat']))):
        if all(km((p['lon'], p['lat']), (q['lon'], q['lat'])) > 1 for q in picked):
            picked.append(p)
for i, p in enumerate(sorted(picked, key=lambda q: (q['ref'], q['lon']))[:8], 1):
    status = ['completed', 'under_construction', 'approved', 'planned'][i % 4]
    projects.append({
        'id': f'bridge-{i}', 'name': f"Bridge on road {p['ref']} ({p['length_m']:.0f} m)",
        'kind': 'bridge', 'start': '2025-05-01', 'end': f'{2025 + i % 4}-09-30',
        'cost_eur': round(max(1.5e6, p['length_m'] * 60e3), -3), 'status': status,
        'done_pct': {'completed': 100, 'under_construction': 40}.get(status, 0),
        'mlc_before': 50, 'mlc_after': 100,
        'geometry': {'type': 'Point', 'coordinates': [p['lon'], p['lat']]}})

out = {'format': 'skydas-works/1',
       'name': 'Suwalki corridor military mobility works 2025-2028 (illustrative)',
       'illustrative': True,
       'description': 'Sized like the public figure (113 km of road and 8 bridges by 2028, see '
                      'REFERENCES.md); the sections, bridges, dates, costs, load classes and '
                      'progress are illustrative: the seeds give no exact location. Roads and '
                      'bridges are real ones of the shipped layers (OpenStreetMap).',
       'projects': projects}
json.dump(out, open('examples/suwalki-corridor-works.json', 'w'), ensure_ascii=False, indent=1)
print(f'{sum(1 for p in projects if p["kind"] == "road")} road sections, {total:.1f} km; '
      f'{sum(1 for p in projects if p["kind"] == "bridge")} bridges', file=sys.stderr)
