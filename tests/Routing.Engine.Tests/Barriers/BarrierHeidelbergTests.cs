using System.Diagnostics;
using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Engine.Tests.Search;
using Routing.Graph;
using Routing.TestSupport;
using Xunit.Abstractions;
using static Routing.Engine.Tests.Barriers.BarrierTesting;

namespace Routing.Engine.Tests.Barriers;

/// <summary>Barrier reports on the real city: routes avoid them, come back when they are resolved, and stay exact.</summary>
public sealed class BarrierHeidelbergTests(ITestOutputHelper output)
{
    /// <summary>
    /// On ALT only: these tests compare whole routes before and after overlay changes, and a preset searches on ALT until
    /// its hierarchy is customized for the new overlay, which may pick another of two equally cheap paths. The hierarchy
    /// under reports has tests of its own below (each with its own router).
    /// </summary>
    private static readonly Lazy<Router> LazyRouter = new(() => new Router(Heidelberg.Graph, ProfileCatalog.Default, presetsOnHierarchy: false));

    private static RoutingGraph City => Heidelberg.Graph;

    /// <summary>
    /// Vertices of the main network on the level plain west of the old town (Bergheim, Weststadt, Bahnstadt,
    /// Neuenheimer Feld), where a blocked street has a step-free detour; on the hillsides it often has none.
    /// </summary>
    private static int[] MainVertices { get; } = [.. Enumerable.Range(0, Heidelberg.Graph.VertexCount).Where(v =>
        Heidelberg.Graph.VertexComponent[v] == 0
        && Coordinates.ToDegrees(Heidelberg.Graph.VertexLonE7[v]) is > 8.64 and < 8.695
        && Coordinates.ToDegrees(Heidelberg.Graph.VertexLatE7[v]) is > 49.395 and < 49.425)];

    private static RouteRequest Request(GeoPoint from, GeoPoint to, string profile) => new([from, to], Preset(profile));

    /// <summary>
    /// A seeded random wheelchair route of 1 to 3 km with a stretch of at least 10 m in its middle, and a point in
    /// the middle of that stretch that pins to the route's own way there.
    /// </summary>
    private static (RouteRequest Request, Route Route, GeoPoint OnRoute, long WayId) RouteWithMiddleStretch(Router router, int seed)
    {
        var random = new Random(seed);
        while (true)
        {
            var from = VertexPoint(City, MainVertices[random.Next(MainVertices.Length)]);
            var to = VertexPoint(City, MainVertices[random.Next(MainVertices.Length)]);
            double straightM = Coordinates.DistanceM(from.Lat, from.Lon, to.Lat, to.Lon);
            if (straightM is < 1000 or > 3000)
            {
                continue;
            }
            var request = Request(from, to, "wheelchair");
            if (router.Route(request) is not RouteFound { Route: var route } || route.Segments.Count < 6)
            {
                continue;
            }
            for (int s = route.Segments.Count / 3; s < 2 * route.Segments.Count / 3; s++)
            {
                var segment = route.Segments[s];
                for (int p = segment.FirstPoint; p < segment.LastPoint; p++)
                {
                    var (a, b) = (route.Geometry[p], route.Geometry[p + 1]);
                    if (Coordinates.DistanceM(a.Lat, a.Lon, b.Lat, b.Lon) < 10)
                    {
                        continue;
                    }
                    var middle = new GeoPoint((a.Lat + b.Lat) / 2, (a.Lon + b.Lon) / 2);
                    var pin = router.Pin(new BarrierGeometry(BarrierGeometryType.Point, [middle]), ReportedBarrierKind.BlockedPath);
                    if (pin.OsmWayIds.SequenceEqual([segment.OsmWayId]) && pin.DistanceM < 0.5)
                    {
                        return (request, route, middle, segment.OsmWayId);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(4711)]
    [InlineData(2026)]
    public void A_verified_blocked_path_on_a_route_sends_the_next_route_around_it_and_resolving_it_brings_the_route_back(int seed)
    {
        var router = LazyRouter.Value;
        router.ReplaceOverlay(BarrierOverlay.Empty);
        var (request, original, onRoute, wayId) = RouteWithMiddleStretch(router, seed);
        string originalJson = Json(new RouteFound(original));
        var report = Report(17, ReportedBarrierKind.BlockedPath, onRoute);

        var clock = Stopwatch.StartNew();
        router.ReplaceOverlay(BarrierOverlay.Build(City, [report]));
        double swapMs = clock.Elapsed.TotalMilliseconds;
        var detour = Assert.IsType<RouteFound>(router.Route(request)).Route;

        output.WriteLine($"blocked way {wayId}: {original.DistanceM:F0} m, {original.CostS:F0} s -> {detour.DistanceM:F0} m, {detour.CostS:F0} s; build and swap {swapMs:F2} ms");
        Assert.True(DistanceToLineM(onRoute, detour.Geometry) > 1, "the new route keeps off the blocked stretch");
        Assert.True(DistanceToLineM(onRoute, original.Geometry) < 0.5, "the original route passed it");
        Assert.True(detour.CostS > original.CostS);
        Assert.DoesNotContain(detour.Warnings, w => w.Type == "reported_barrier");

        router.ReplaceOverlay(BarrierOverlay.Empty);
        Assert.Equal(originalJson, Json(router.Route(request)));
    }

    /// <summary>
    /// Presets search on the contraction hierarchy, customized for one overlay. A new report must not wait for the
    /// re-customization: the route right after the swap already goes round (on ALT), and once the presets are
    /// customized again the hierarchy gives a route of the same cost.
    /// </summary>
    [Fact]
    public async Task A_report_reaches_preset_routes_at_once_and_the_hierarchy_catches_up_with_it()
    {
        var router = new Router(City, ProfileCatalog.Default);
        await router.HierarchyReadyAsync();
        Assert.NotNull(router.Compile(Preset("wheelchair")).Hierarchy);
        var (request, original, onRoute, wayId) = RouteWithMiddleStretch(router, 31);

        router.ReplaceOverlay(BarrierOverlay.Build(City, [Report(5, ReportedBarrierKind.BlockedPath, onRoute)]));
        var atOnce = Assert.IsType<RouteFound>(router.Route(request)).Route;
        var clock = Stopwatch.StartNew();
        while (router.Compile(Preset("wheelchair")).Hierarchy is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the presets were not customized for the new overlay");
            await Task.Delay(10);
        }
        var customized = Assert.IsType<RouteFound>(router.Route(request)).Route;

        output.WriteLine($"blocked way {wayId}: hierarchy customized for the report {clock.Elapsed.TotalMilliseconds:F0} ms after the first route round it");
        Assert.True(DistanceToLineM(onRoute, original.Geometry) < 0.5, "the original route passed the report");
        Assert.True(DistanceToLineM(onRoute, atOnce.Geometry) > 1, "the route right after the report keeps off it");
        Assert.True(DistanceToLineM(onRoute, customized.Geometry) > 1, "the route on the new customization keeps off it");
        SearchTesting.AssertClose(atOnce.CostS, customized.CostS, "ALT and the hierarchy agree on the detour");
    }

    [Fact]
    public void An_unverified_report_on_a_heidelberg_route_changes_nothing_but_adds_its_warning()
    {
        var router = LazyRouter.Value;
        router.ReplaceOverlay(BarrierOverlay.Empty);
        var (request, original, onRoute, _) = RouteWithMiddleStretch(router, 99);
        router.ReplaceOverlay(BarrierOverlay.Build(City, [Report(23, ReportedBarrierKind.Construction, onRoute, verified: false)]));

        var after = Assert.IsType<RouteFound>(router.Route(request)).Route;

        Assert.Equal(Json(new RouteFound(original)), Json(new RouteFound(after with { Warnings = [.. after.Warnings.Where(w => w.Type != "unverified_barrier")] })));
        var warning = Assert.Single(after.Warnings, w => w.Type == "unverified_barrier");
        Assert.Equal("A barrier was reported near here but not yet verified: construction (report 23)", warning.Message);
        Assert.Equal(onRoute, warning.Location);
        Assert.InRange(warning.SegmentIndex!.Value, 1, after.Segments.Count - 2);
        router.ReplaceOverlay(BarrierOverlay.Empty);
    }

    /// <summary>
    /// Reports of every kind and geometry on the cheapest paths of random pairs (so that they matter), then ALT against
    /// Dijkstra on those pairs and on as many more random ones, for several profiles compiled with the overlay.
    /// </summary>
    [Fact]
    public void Alt_equals_dijkstra_with_fifty_random_verified_reports()
    {
        var finder = SearchTesting.HeidelbergFinder;
        var graph = finder.Graph;
        var random = new Random(5150);
        string[] profiles = ["wheelchair", "walker", "foot"];
        var kinds = Enum.GetValues<ReportedBarrierKind>();
        var pairs = new List<(SnapPoint From, SnapPoint To)>();
        var reports = new List<ReportedBarrier>();
        while (reports.Count < 50)
        {
            var from = SearchTesting.RandomPoint(graph, random);
            var to = SearchTesting.RandomPoint(graph, random);
            var plain = CompiledProfile.Compile(graph, Preset(profiles[reports.Count % profiles.Length]));
            if (finder.Find(plain, from, to) is not { Arcs.Count: > 4 } path)
            {
                continue;
            }
            pairs.Add((from, to));
            int edge = path.Arcs[random.Next(path.Arcs.Count)] >> 1;
            var middle = Middle(graph, edge);
            var kind = kinds[reports.Count % kinds.Length];
            long id = 1000 + reports.Count;
            reports.Add((reports.Count % 5) switch
            {
                3 => Report(id, kind, BarrierGeometryType.LineString, [VertexPoint(graph, graph.EdgeFrom[edge]), VertexPoint(graph, graph.EdgeTo[edge])]),
                4 => Report(id, kind, BarrierGeometryType.Polygon, [Offset(middle, -15, -15), Offset(middle, -15, 15), Offset(middle, 15, 15), Offset(middle, 15, -15)]),
                _ => Report(id, kind, Offset(middle, random.NextDouble() * 4, random.NextDouble() * 4),
                    kerbHeightCm: random.Next(2) == 0 ? null : random.Next(2, 15), widthCm: random.Next(2) == 0 ? null : random.Next(50, 120),
                    inclinePct: random.Next(2) == 0 ? null : random.Next(4, 15)),
            });
        }
        while (pairs.Count < 100)
        {
            pairs.Add((SearchTesting.RandomPoint(graph, random), SearchTesting.RandomPoint(graph, random)));
        }
        var overlay = BarrierOverlay.Build(graph, reports);
        Assert.True(overlay.OverlaidEdgeCount + overlay.OverlaidVertexCount >= 50, $"{overlay.OverlaidEdgeCount} edges, {overlay.OverlaidVertexCount} vertices overlaid");

        int changed = 0;
        foreach (var (name, relaxed) in profiles.Select(p => (p, false)).Append(("wheelchair", true)))
        {
            var without = CompiledProfile.Compile(graph, Preset(name), relaxed);
            var with = CompiledProfile.Compile(graph, Preset(name), relaxed, overlay);
            var alt = new SearchPath?[pairs.Count];
            var dijkstra = new SearchPath?[pairs.Count];
            var before = new SearchPath?[pairs.Count];
            Parallel.For(0, pairs.Count, i =>
            {
                alt[i] = finder.Find(with, pairs[i].From, pairs[i].To);
                dijkstra[i] = finder.FindWithDijkstra(with, pairs[i].From, pairs[i].To);
                before[i] = finder.Find(without, pairs[i].From, pairs[i].To);
            });
            for (int i = 0; i < pairs.Count; i++)
            {
                string pair = $"{name}{(relaxed ? " relaxed" : "")}, pair {i} ({pairs[i].From.Edge} -> {pairs[i].To.Edge})";
                Assert.True((alt[i] is null) == (dijkstra[i] is null), $"{pair}: ALT {alt[i]?.CostS}, Dijkstra {dijkstra[i]?.CostS}");
                if (alt[i] is { } a && dijkstra[i] is { } d)
                {
                    SearchTesting.AssertClose(d.CostS, a.CostS, $"{pair}: ALT against Dijkstra");
                    SearchTesting.AssertClose(a.CostS, SearchTesting.CheckedCost(graph, with, a), $"{pair}: ALT path summed again");
                    Assert.True(before[i] is { } b && b.CostS <= a.CostS * (1 + 1e-12), $"{pair}: a report made the path cheaper");
                }
                if ((before[i]?.CostS ?? -1) != (alt[i]?.CostS ?? -1))
                {
                    changed++;
                }
            }
        }
        output.WriteLine($"{overlay.OverlaidEdgeCount} edges and {overlay.OverlaidVertexCount} vertices overlaid; {changed} of {4 * pairs.Count} searches changed");
        Assert.True(changed >= 40, $"only {changed} searches changed: the reports hardly mattered");
    }

    [Fact]
    public void Replacing_the_overlay_while_eight_threads_route_gives_each_result_of_the_old_or_the_new_overlay()
    {
        var router = new Router(City, ProfileCatalog.Default);
        var random = new Random(808);
        string[] profiles = ["wheelchair", "walker", "foot", "pushchair"];
        var requests = new List<RouteRequest>();
        var reports = new List<ReportedBarrier>();
        while (requests.Count < 24)
        {
            var from = VertexPoint(City, MainVertices[random.Next(MainVertices.Length)]);
            var to = VertexPoint(City, MainVertices[random.Next(MainVertices.Length)]);
            if (Coordinates.DistanceM(from.Lat, from.Lon, to.Lat, to.Lon) > 2500)
            {
                continue;
            }
            var request = Request(from, to, profiles[requests.Count % profiles.Length]);
            if (router.Route(request) is not RouteFound { Route: var route } || route.Geometry.Count < 4)
            {
                continue;
            }
            requests.Add(request);
            var (a, b) = (route.Geometry[route.Geometry.Count / 2], route.Geometry[(route.Geometry.Count / 2) + 1]);
            reports.Add(Report(requests.Count, requests.Count % 3 == 0 ? ReportedBarrierKind.ElevatorOutOfService : ReportedBarrierKind.Construction,
                new GeoPoint((a.Lat + b.Lat) / 2, (a.Lon + b.Lon) / 2), verified: requests.Count % 4 != 0));
        }
        var overlays = new[] { BarrierOverlay.Build(City, reports), BarrierOverlay.Build(City, reports.Where((_, i) => i % 2 == 0)) };
        // Presets search with ALT until the hierarchy is customized for a new overlay, then on it: both are exact, but
        // where two paths cost the same they may pick different ones. Each overlay's results by either are expected.
        var altRouter = new Router(City, ProfileCatalog.Default, presetsOnHierarchy: false);
        var expected = overlays.Select(overlay =>
        {
            router.ReplaceOverlay(overlay);
            altRouter.ReplaceOverlay(overlay);
            var clock = Stopwatch.StartNew();
            while (!router.PresetsOnCurrentHierarchy)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the presets were not customized for the overlay");
                Thread.Sleep(10);
            }
            return requests.Select(r => new HashSet<string> { Json(router.Route(r)), Json(altRouter.Route(r)) }).ToArray();
        }).ToArray();
        int differing = Enumerable.Range(0, requests.Count).Count(i => !expected[0][i].Overlaps(expected[1][i]));
        Assert.True(differing >= 5, $"only {differing} requests differ between the two overlays");

        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var seen = new int[2];
        int running = 1;
        // Dedicated threads: eight busy workers would starve the thread pool on a small machine, and the swaps with it.
        var workers = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            try
            {
                for (int n = 0; Volatile.Read(ref running) == 1; n++)
                {
                    int i = ((t * 7) + n) % requests.Count;
                    string json = Json(router.Route(requests[i]));
                    if (expected[0][i].Contains(json))
                    {
                        Interlocked.Increment(ref seen[0]);
                    }
                    else if (expected[1][i].Contains(json))
                    {
                        Interlocked.Increment(ref seen[1]);
                    }
                    else
                    {
                        failures.Enqueue($"request {i}: a result of neither overlay");
                    }
                }
            }
            catch (Exception e)
            {
                failures.Enqueue(e.ToString());
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }
        var clock = Stopwatch.StartNew();
        int swaps = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            router.ReplaceOverlay(overlays[swaps++ % 2]);
            Thread.Sleep(1);
        }
        Volatile.Write(ref running, 0);
        foreach (var worker in workers)
        {
            worker.Join();
        }

        output.WriteLine($"{swaps} swaps; {seen[0]} results of the first overlay, {seen[1]} of the second");
        Assert.Empty(failures);
        Assert.True(seen[0] > 0 && seen[1] > 0, "both overlays were seen");
    }
}
