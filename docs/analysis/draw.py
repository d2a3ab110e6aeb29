#!/usr/bin/env python3
"""Draws the README's analysis pictures as SVG from the running service (default http://localhost:5000).

    python3 docs/analysis/draw.py [BASE_URL]

Writes docs/analysis/isochrone.svg (wheelchair 5/10/15 minutes from Bismarckplatz over the 15-minute walk) and
docs/analysis/fix-first.svg (the fixes that open most for wheelchairs from every stop, 10 minutes). Standard library only.
"""
import json, math, os, sys, urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:5000"
HERE = os.path.dirname(os.path.abspath(__file__))


def post(path, body):
    request = urllib.request.Request(BASE + path, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def polygons(geometry):
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


class Frame:
    """Lon/lat to SVG pixels, north up, metres kept square at the frame's latitude."""

    def __init__(self, points, width=720, margin=20):
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        self.min_lon, self.max_lat = min(lons), max(lats)
        k = math.cos(math.radians((min(lats) + max(lats)) / 2))
        span = max((max(lons) - min(lons)) * k, max(lats) - min(lats))
        self.scale = (width - 2 * margin) / span
        self.k, self.margin = k, margin
        self.width = width
        self.height = int((max(lats) - min(lats)) * self.scale + 2 * margin)

    def xy(self, lon, lat):
        return (self.margin + (lon - self.min_lon) * self.k * self.scale, self.margin + (self.max_lat - lat) * self.scale)

    def path(self, rings):
        parts = []
        for ring in rings:
            parts.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (self.xy(*c) for c in ring)) + " Z")
        return " ".join(parts)


def svg(frame, body, title):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{frame.width}" height="{frame.height + 30}" '
            f'role="img" aria-label="{title}"><title>{title}</title><rect width="100%" height="100%" fill="#fff"/>'
            f'{body}<text x="20" y="{frame.height + 20}" font-family="sans-serif" font-size="13" fill="#222">{title}</text></svg>')


origin = {"lat": 49.4094, "lon": 8.6934}
wheelchair = post("/v1/isochrones", {"origins": [origin], "profile": "wheelchair", "ranges_s": [300, 600, 900]})["features"]
foot = post("/v1/isochrones", {"origins": [origin], "profile": "foot", "ranges_s": [900]})["features"][0]
frame = Frame([c for poly in polygons(foot["geometry"]) for ring in poly for c in ring])
body = f'<path d="{frame.path([r for p in polygons(foot["geometry"]) for r in p])}" fill="#ddd" fill-rule="evenodd" stroke="#777"/>'
for feature, colour in zip(reversed(wheelchair), ["#9ecae1", "#4292c6", "#08519c"]):
    rings = [r for p in polygons(feature["geometry"]) for r in p]
    body += f'<path d="{frame.path(rings)}" fill="{colour}" fill-opacity="0.8" fill-rule="evenodd" stroke="#08306b" stroke-width="0.5"/>'
x, y = frame.xy(origin["lon"], origin["lat"])
body += f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#e6550d" stroke="#fff"/>'
with open(os.path.join(HERE, "isochrone.svg"), "w") as out:
    out.write(svg(frame, body, "Wheelchair reach from Bismarckplatz in 5, 10 and 15 minutes (blues) inside the 15-minute walk (grey)"))

fixes = post("/v1/fix-first", {"profile": "wheelchair", "minutes": 10})["fixes"]
stops = [(f["location"]["lon"], f["location"]["lat"]) for f in fixes]
frame = Frame(stops)
top = max(f["gain_m"] for f in fixes)
body = ""
for f in reversed(fixes):
    x, y = frame.xy(f["location"]["lon"], f["location"]["lat"])
    colour = {"steps": "#d62728", "kerb": "#ff7f0e", "barrier": "#9467bd"}.get(f["constraint"], "#2ca02c")
    body += f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{2 + 14 * math.sqrt(f["gain_m"] / top):.1f}" fill="{colour}" fill-opacity="0.6"><title>{f["message"]}</title></circle>'
for f in fixes[:5]:
    x, y = frame.xy(f["location"]["lon"], f["location"]["lat"])
    body += f'<text x="{x + 8:.1f}" y="{y:.1f}" font-family="sans-serif" font-size="11">{f["rank"]}</text>'
with open(os.path.join(HERE, "fix-first.svg"), "w") as out:
    out.write(svg(frame, body, "Fix first (wheelchair, 10 min from every stop): area = reach opened; red steps, orange kerbs, purple barriers, green slopes"))
print("wrote isochrone.svg and fix-first.svg")
