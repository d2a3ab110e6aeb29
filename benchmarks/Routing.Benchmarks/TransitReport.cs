using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Osm.Transit;
using Routing.Transit.Demo;
using Routing.Transit.Gtfs;
using Routing.Transit.Search;
using Routing.Transit.Timetables;
using Routing.Transit.Trips;

namespace Routing.Benchmarks;

/// <summary>
/// Issue 28's figures. <c>transit-demo</c>: deriving and importing the demo feed, then query latency on it: RAPTOR
/// against time-expanded Dijkstra on the same random stop-to-stop queries (the same-run baseline), and whole trips
/// (walks judged by the engine for a wheelchair, both searches, assembly). <c>transit-national STOPS</c>: a generated
/// feed of that many stops (a grid of stops, routes of 25 stops along its rows and columns, 10 trips a day each, explicit stop_times as DELFI has them) imported in
/// this process, its time and memory, and RAPTOR's latency on it.
/// </summary>
internal static class TransitReport
{
    public static void Demo(Routing.Graph.RoutingGraph graph)
    {
        var clock = Stopwatch.StartNew();
        var lines = TransitLineReader.Read(RepositoryData.HeidelbergExtract);
        string zip = Path.Combine(Path.GetTempPath(), $"demo-gtfs-{Environment.ProcessId}.zip");
        DemoFeed.Write(lines, zip);
        double deriveS = clock.Elapsed.TotalSeconds;
        long before = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        var timetable = GtfsImporter.Import([zip], isDemo: true);
        double importS = clock.Elapsed.TotalSeconds;
        long held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(Invariant($"demo feed: {lines.Count} lines, derived and written in {deriveS:0.00} s; imported in {importS:0.000} s: {timetable.StopCount} stops, {timetable.TripCount} trips, {timetable.PatternCount} patterns, {timetable.Arrivals.Length} stop times, {held / 1e6:0.0} MB held"));
        File.Delete(zip);
        StopToStop(timetable, "demo", 300, StraightLineTransfers(timetable), double.PositiveInfinity);

        var router = new Router(graph, ProfileCatalog.Default, presetsOnHierarchy: false);
        var planner = new TripPlanner(timetable);
        ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair);
        var random = new Random(28);
        int[] served = [.. Enumerable.Range(0, timetable.StopCount).Where(s => timetable.StopPatternStart[s + 1] > timetable.StopPatternStart[s])];
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var requests = Enumerable.Range(0, 60).Select(_ =>
        {
            int a = served[random.Next(served.Length)], b = served[random.Next(served.Length)];
            var local = new DateTime(2026, 12, 7, 7, 0, 0).AddMinutes(random.Next(0, 12 * 60));
            return new TripRequest(Near(timetable, a, random), Near(timetable, b, random), new DateTimeOffset(local, zone.GetUtcOffset(local)), false, wheelchair,
                UnknownAccessibility.Penalize, 3, new HashSet<int>());
        }).ToList();
        // The same-run baseline: nothing computed ahead, each request computing the walks its searches reach.
        Trips(new TripPlanner(timetable), router, wheelchair, requests, "wheelchair preset, nothing ahead: rows computed as searches reach them");
        clock.Restart();
        planner.ComputeTransfersAhead(router, CancellationToken.None);
        double aheadS = clock.Elapsed.TotalSeconds;
        int presets = router.Profiles.Presets.Count;
        Console.WriteLine(Invariant($"transfer walks computed ahead: {presets} presets x {served.Length} served stops in {aheadS:0.00} s ({aheadS * 1000 / presets / served.Length:0.00} ms per stop and preset)"));
        Trips(planner, router, wheelchair, requests, "wheelchair preset, walks computed ahead");
        // Stricter than the preset: the preset's walks are checked again, row by row, as the searches reach their stops.
        Trips(planner, router, wheelchair with { MaxKerbCm = 1, MinWidthCm = 120 }, requests, "wheelchair with max_kerb_cm 1 and min_width_cm 120, preset's walks checked again");
    }

    /// <summary>Whole trips for a profile: the first request (which checks the walks its searches reach when they differ from the preset's) and the rest.</summary>
    private static void Trips(TripPlanner planner, Router router, ProfileSettings profile, List<TripRequest> requests, string label)
    {
        var clock = Stopwatch.StartNew();
        planner.Plan(router, requests[0] with { Profile = profile });
        double firstMs = clock.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        int found = 0, unplaceable = 0;
        foreach (var request in requests.Skip(1).Select(r => r with { Profile = profile }))
        {
            if (router.FirstUnplaceable([request.From, request.To], profile) is not null)
            {
                unplaceable++; // answered 422 before any search, as the endpoint does
                continue;
            }
            clock.Restart();
            found += planner.Plan(router, request).Itineraries.Count > 0 ? 1 : 0;
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(Invariant($"whole trips ({label}, penalize, 3 transfers): first {firstMs:0} ms, then median {times[times.Count / 2]:0.0} ms, p95 {times[(int)(times.Count * 0.95)]:0.0} ms over {times.Count} requests ({unplaceable} more had a point off the network), {found} with itineraries, the rest refused"));
    }

    public static void National(int stopCount, Routing.Graph.RoutingGraph graph)
    {
        string zip = Path.Combine(Path.GetTempPath(), $"national-gtfs-{Environment.ProcessId}.zip");
        var clock = Stopwatch.StartNew();
        var (stops, stopTimes) = WriteNational(zip, stopCount);
        Console.WriteLine(Invariant($"generated feed: {stops} stops, {stopTimes} stop times, {new FileInfo(zip).Length / 1e6:0} MB zip, written in {clock.Elapsed.TotalSeconds:0.0} s"));
        long before = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        var timetable = GtfsImporter.Import([zip]);
        double importS = clock.Elapsed.TotalSeconds;
        long held = GC.GetTotalMemory(forceFullCollection: true) - before;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(Invariant($"national import: {importS:0.0} s, {timetable.TripCount} trips in {timetable.PatternCount} patterns; timetable held {held / 1e9:0.00} GB, process peak working set {process.PeakWorkingSet64 / 1e9:0.00} GB"));
        File.Delete(zip);
        StopToStop(timetable, "national", 100, TransferGraph.Empty(timetable.StopCount), 30_000); // its routes cross at shared stops; regional trips
        // Every preset's transfer walks over the Heidelberg graph: the timetable's side of the work for half a million
        // stops (grid, station paths, rows); the grid's stops lie about a kilometre apart and almost all off this graph,
        // so hardly a street search runs. The street searches' share is the demo's cost per stop (transit-demo).
        var router = new Router(graph, ProfileCatalog.Default, presetsOnHierarchy: false);
        var planner = new TripPlanner(timetable);
        clock.Restart();
        planner.ComputeTransfersAhead(router, CancellationToken.None);
        Console.WriteLine(Invariant($"national transfer walks computed ahead: {router.Profiles.Presets.Count} presets x {timetable.StopCount} stops in {clock.Elapsed.TotalSeconds:0.0} s (stops on the Heidelberg graph only; no two stops within the transfer radius)"));
    }

    /// <summary>RAPTOR and the time-expanded Dijkstra on the same random stop-to-stop queries (no walks: the timetable search alone).</summary>
    /// <param name="withinM">The target is a random stop at most this far from the origin, straight line.</param>
    private static void StopToStop(Timetable tt, string label, int queries, TransferGraph transfers, double withinM)
    {
        var random = new Random(28);
        int[] served = [.. Enumerable.Range(0, tt.StopCount).Where(s => tt.StopPatternStart[s + 1] > tt.StopPatternStart[s])];
        bool[] allTrips = [.. Enumerable.Repeat(true, tt.TripCount)];
        bool[] allStops = [.. Enumerable.Repeat(true, tt.StopCount)];
        var raptor = new Raptor(tt);
        int reached = 0;
        int Target(int from)
        {
            while (true)
            {
                int to = served[random.Next(served.Length)];
                if (Geo.DistanceM(tt.StopLat[from], tt.StopLon[from], tt.StopLat[to], tt.StopLon[to]) <= withinM)
                {
                    return to;
                }
            }
        }
        var list = Enumerable.Range(0, queries).Select(_ =>
        {
            int from = served[random.Next(served.Length)];
            return new RaptorQuery(random.Next(6 * 3600, 20 * 3600), [new StopWalk(from, 0, 0)], [new StopWalk(Target(from), 0, 0)], transfers, allTrips, allStops,
                MaxRides: 4);
        }).ToList();
        var raptorMs = new List<double>();
        var dijkstraMs = new List<double>();
        var clock = new Stopwatch();
        foreach (var query in list)
        {
            clock.Restart();
            reached += raptor.Search(query).Count > 0 ? 1 : 0;
            raptorMs.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            TimeExpandedDijkstra.EarliestArrival(tt, query);
            dijkstraMs.Add(clock.Elapsed.TotalMilliseconds);
        }
        raptorMs.Sort();
        dijkstraMs.Sort();
        double r = raptorMs[queries / 2], d = dijkstraMs[queries / 2];
        Console.WriteLine(Invariant($"{label} stop to stop, {queries} random queries{(double.IsFinite(withinM) ? $" within {withinM / 1000:0} km" : "")} ({reached} reach their stop): RAPTOR median {r:0.00} ms (p95 {raptorMs[(int)(queries * 0.95)]:0.00}), time-expanded Dijkstra median {d:0.00} ms (p95 {dijkstraMs[(int)(queries * 0.95)]:0.00}): x{r / d:0.00}"));
    }

    /// <summary>Walks between stops within 300 m at 1 m/s over 1.3 times the straight line, as the tests' check uses.</summary>
    private static TransferGraph StraightLineTransfers(Timetable tt)
    {
        var walks = new List<(int, int, int, double)>();
        for (int a = 0; a < tt.StopCount; a++)
        {
            for (int b = 0; b < tt.StopCount; b++)
            {
                double m = Geo.DistanceM(tt.StopLat[a], tt.StopLon[a], tt.StopLat[b], tt.StopLon[b]);
                if (a != b && m <= 300)
                {
                    walks.Add((a, b, (int)(m * 1.3), m * 1.3));
                }
            }
        }
        return TransferGraph.From(tt.StopCount, walks);
    }

    private static GeoPoint Near(Timetable tt, int stop, Random random) =>
        new(tt.StopLat[stop] + ((random.NextDouble() - 0.5) * 0.001), tt.StopLon[stop] + ((random.NextDouble() - 0.5) * 0.0015));

    /// <summary>
    /// Stops on a grid over Germany's extent (rows and columns multiples of 25); routes of 25 stops run along every row
    /// and every column, overlapping by five, so each stop has at least two routes crossing there, each with 10 trips a
    /// day from 05:00.
    /// </summary>
    private static (int Stops, long StopTimes) WriteNational(string zipPath, int stopCount)
    {
        const int RouteStops = 25, TripsPerRoute = 10;
        int columns = Math.Max(RouteStops, (int)Math.Sqrt(stopCount) / RouteStops * RouteStops);
        int rows = Math.Max(RouteStops, stopCount / columns / RouteStops * RouteStops);
        int stops = rows * columns;
        // A route: its first stop and the step between its stops (1 along a row, columns along a column).
        var routes = new List<(int First, int Step)>();
        // Each route starts RouteStart stops after the one before on its row or column, so consecutive routes share
        // their last five stops and the network is one piece (routes of 25 end to end left every 25 x 25 block an island).
        const int RouteStart = RouteStops - 5;
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x + RouteStops <= columns; x += RouteStart)
            {
                routes.Add(((y * columns) + x, 1));
            }
        }
        for (int x = 0; x < columns; x++)
        {
            for (int y = 0; y + RouteStops <= rows; y += RouteStart)
            {
                routes.Add(((y * columns) + x, columns));
            }
        }
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        Write(zip, "agency.txt", w => w.Write("agency_id,agency_name,agency_url,agency_timezone\r\nn,National,https://example.org,Europe/Berlin\r\n"));
        Write(zip, "calendar.txt", w => w.Write("service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\r\nd,1,1,1,1,1,1,1,20260101,20261231\r\n"));
        Write(zip, "stops.txt", w =>
        {
            w.Write("stop_id,stop_name,stop_lat,stop_lon,wheelchair_boarding\r\n");
            for (int s = 0; s < stops; s++)
            {
                w.Write(Invariant($"s{s},Stop {s},{47.3 + (7.7 * (s / columns) / rows):0.000000},{5.9 + (9.1 * (s % columns) / columns):0.000000},{s % 3}\r\n"));
            }
        });
        Write(zip, "routes.txt", w =>
        {
            w.Write("route_id,route_short_name,route_type\r\n");
            for (int r = 0; r < routes.Count; r++)
            {
                w.Write(Invariant($"r{r},{r % 999},3\r\n"));
            }
        });
        Write(zip, "trips.txt", w =>
        {
            w.Write("route_id,service_id,trip_id,wheelchair_accessible\r\n");
            for (int r = 0; r < routes.Count; r++)
            {
                for (int t = 0; t < TripsPerRoute; t++)
                {
                    w.Write(Invariant($"r{r},d,t{r}_{t},{t % 3}\r\n"));
                }
            }
        });
        long written = 0;
        Write(zip, "stop_times.txt", w =>
        {
            w.Write("trip_id,arrival_time,departure_time,stop_id,stop_sequence\r\n");
            for (int r = 0; r < routes.Count; r++)
            {
                for (int t = 0; t < TripsPerRoute; t++)
                {
                    int start = (5 * 3600) + (t * 5400) + (r % 1800);
                    for (int i = 0; i < RouteStops; i++)
                    {
                        int time = start + (i * 120);
                        string clock = Invariant($"{time / 3600:00}:{time / 60 % 60:00}:{time % 60:00}");
                        w.Write(Invariant($"t{r}_{t},{clock},{clock},s{routes[r].First + (i * routes[r].Step)},{i + 1}\r\n"));
                        written++;
                    }
                }
            }
        });
        return (stops, written);
    }

    private static void Write(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
