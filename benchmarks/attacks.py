"""Route latency while hostile clients attack (issue 24): one honest client with its own key asks for wheelchair
routes over the urban pairs on one keep-alive connection, first alone, then while each attack runs from other
connections, and prints p50/p99 per phase. Run by benchmarks/attacks.sh against a service it starts with its default
quotas. Usage: attacks.py BASE_URL PAIRS_CSV SECONDS_PER_PHASE"""
import csv, http.client, json, random, sys, threading, time, urllib.parse

base, pairs_csv, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
host = urllib.parse.urlparse(base)
ROUTER_KEY, REPORTER_KEY, PLANNER_KEY = "bench-router-key-0123456789", "bench-reporter-key-0123456789", "bench-planner-key-0123456789"
pairs = [tuple(row[:4]) for row in csv.reader(open(pairs_csv)) if row and row[0][0].isdigit()]


def connection():
    return http.client.HTTPConnection(host.hostname, host.port, timeout=120)


def send(conn, method, path, body=None, headers=None):
    headers = dict(headers or {})
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body) if not isinstance(body, (str, bytes)) else body
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, data


ROUTES_PER_S = 25  # an app's pace, well inside the route quota (50 a second per client)


def measure(phase):
    """Routes at ROUTES_PER_S for the phase's time on one connection; latency of each answer (2xx or 422) in ms."""
    conn, latencies, statuses, i = connection(), [], {}, 0
    start = time.monotonic()
    end = start + seconds
    while time.monotonic() < end:
        time.sleep(max(0.0, start + i / ROUTES_PER_S - time.monotonic()))
        a_lat, a_lon, b_lat, b_lon = pairs[i % len(pairs)]
        i += 1
        started = time.perf_counter()
        status, _ = send(conn, "GET", f"/v1/routes?from={a_lat},{a_lon}&to={b_lat},{b_lon}&profile=wheelchair", headers={"X-Api-Key": ROUTER_KEY})
        latencies.append((time.perf_counter() - started) * 1000)
        statuses[status] = statuses.get(status, 0) + 1
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(f"{phase:<44} routes {len(latencies):6d}  p50 {p(0.50):7.2f} ms  p99 {p(0.99):8.2f} ms  statuses {statuses}", flush=True)


def attack(name, worker, clients):
    stop = threading.Event()
    counts = {}
    def loop(k):
        conn = connection()
        while not stop.is_set():
            try:
                status = worker(conn, k)
            except (OSError, http.client.HTTPException):
                conn.close(); conn = connection(); status = "socket"
            counts[status] = counts.get(status, 0) + 1
    threads = [threading.Thread(target=loop, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    time.sleep(1)  # the attack is under way
    measure(name)
    stop.set()
    for t in threads:
        t.join(timeout=130)
    print(f"{'':<44} attacker answers {counts}", flush=True)


def square(lat, lon, half_m, n):
    d_lat, d_lon = half_m / 111195, half_m / 72500
    return [[lon + d_lon * (1 if k in (1, 2) else -1) + (k % 2) * 1e-6 * j, lat + d_lat * (1 if k >= 2 else -1)] for j in range(n) for k in range(4)]


def ors_polygons(conn, k):
    polygons = [[square(49.41, 8.69 + i * 0.002, 400, 12) + [square(49.41, 8.69 + i * 0.002, 400, 12)[0]]] for i in range(20)]
    body = {"coordinates": [[8.6934, 49.4094], [8.7101, 49.4122]], "options": {"avoid_polygons": {"type": "MultiPolygon", "coordinates": polygons}}}
    return send(conn, "POST", "/ors/v2/directions/wheelchair", body)[0]


def isochrones(conn, k):
    body = {"origins": [{"lat": 49.4094, "lon": 8.6934}], "profile": "foot", "ranges_m": [5000]}
    return send(conn, "POST", "/v1/isochrones", body)[0]


def list_reports(conn, k):
    return send(conn, "GET", "/v1/barriers")[0]


def fix_first_jobs(conn, k):
    body = {"profile": "walker", "minutes": 20}
    return send(conn, "POST", "/v1/fix-first/jobs", body, headers={"X-Api-Key": PLANNER_KEY})[0]


def bad_bodies(conn, k):
    return send(conn, "POST", "/v1/barriers", "{\"kind\": \"\\ud800\"}", headers={"X-Api-Key": REPORTER_KEY})[0]


def comb(lat, lon):
    """A polygon of 995 positions: 248 teeth 8 m wide and 40 m long, 4 m apart, 3 km in all, drawn to make every nearby
    route test them (and crossing ways, so that it pins to the network)."""
    ring = []
    for tooth in range(248):
        west = lon + tooth * 12 / 72500
        east = west + 8 / 72500
        ring += [[west, lat + 1 / 111195], [west, lat + 40 / 111195], [east, lat + 40 / 111195], [east, lat + 1 / 111195]]
    ring += [[ring[-1][0], lat], [lon, lat]]  # the comb's back
    return ring + [ring[0]]


def add_pending_reports(count):
    conn, created, refused = connection(), 0, {}
    rng = random.Random(24)
    for i in range(count):
        a_lat, a_lon, b_lat, b_lon = map(float, pairs[rng.randrange(len(pairs))])
        t = rng.random()
        lat, lon = a_lat + t * (b_lat - a_lat), a_lon + t * (b_lon - a_lon) - 0.02  # the comb's middle on the pair's line
        body = {"kind": "construction", "location": {"type": "Polygon", "coordinates": [comb(lat, lon)]}}
        status, _ = send(conn, "POST", "/v1/barriers", body, headers={"X-Api-Key": REPORTER_KEY, "X-End-User-Id": f"person-{i // 20}"})
        if status == 201:
            created += 1
        else:
            refused[status] = refused.get(status, 0) + 1
    print(f"{'':<44} pending comb reports created {created} of {count}, refused {refused}", flush=True)


measure("warm-up (not counted)")
measure("no attack")
attack("ORS avoid_polygons at the limit, 8 clients", ors_polygons, 8)
attack("5 km isochrones, 8 clients", isochrones, 8)
attack("anonymous report lists, 8 clients", list_reports, 8)
attack("fix-first jobs with a planner key, 4 clients", fix_first_jobs, 4)
attack("lone-surrogate report bodies, 8 clients", bad_bodies, 8)
measure("no attack, again")
add_pending_reports(1000)
measure("1,000 pending comb reports on the route pairs")
