using System.Diagnostics;
using Routing.Engine;
using Routing.Engine.Hierarchy;
using Routing.Engine.Profiles;
using Routing.Engine.Search;
using Routing.Engine.Snapping;
using Routing.Graph;

namespace Routing.Benchmarks;

/// <summary>
/// The search alone (snapped points in, path out, no route assembly), per preset, strict and relaxed, in one run:
/// the contraction hierarchy against ALT and plain Dijkstra on the same pairs, with the hierarchy's own costs (size,
/// order and contraction time, customization time per profile).
/// <c>dotnet run -c Release --project benchmarks/Routing.Benchmarks -- search [query-set] [random-pairs]</c>.
/// </summary>
internal static class SearchReport
{
    public static void Run(RoutingGraph graph, string querySet, int randomPairs)
    {
        var finder = new PathFinder(graph);
        var snapIndex = new SnapIndex(graph);
        var hierarchy = ContractionHierarchy.Build(graph);
        int deepest = Enumerable.Range(0, graph.VertexCount).Max(hierarchy.Depth);
        Console.WriteLine($"graph: {graph.VertexCount:N0} vertices, {graph.EdgeCount:N0} edges; hierarchy: {hierarchy.ShortcutCount:N0} shortcuts, " +
                          $"elimination tree depth {deepest}, ordered and contracted in {hierarchy.BuildTime.TotalMilliseconds:F0} ms");
        var pairs = QuerySets.Load(querySet).ToList();
        var random = new Random(2026);
        var bounds = graph.Bounds;
        for (int i = 0; i < randomPairs; i++)
        {
            // Uniform over the extract's box: some points fall beside the network, in the forest or in another component.
            pairs.Add((RandomPoint(bounds, random), RandomPoint(bounds, random)));
        }
        Console.WriteLine($"pairs: {querySet} ({pairs.Count - randomPairs}) and {randomPairs} uniform random pairs; times per search in ms, found and not found apart");
        WarmUp(graph, finder, snapIndex, hierarchy, pairs);
        Console.WriteLine("| profile | customize ms | query arcs (forward, backward) | found | hierarchy median | p99 | ALT median | p99 | Dijkstra median | ALT / hierarchy | not found: hierarchy median | ALT median |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var preset in ProfileCatalog.Default.Presets)
        {
            foreach (bool relaxed in (bool[])[false, true])
            {
                var profile = CompiledProfile.Compile(graph, preset, relaxed);
                var customized = profile.UseHierarchy(hierarchy);
                var snapped = pairs
                    .Select(p => (From: snapIndex.Snap(p.From, RouteRequest.DefaultSnapRadiusM, profile).Snapped, To: snapIndex.Snap(p.To, RouteRequest.DefaultSnapRadiusM, profile).Snapped))
                    .Where(p => p.From is not null && p.To is not null)
                    .Select(p => (From: p.From!.Value, To: p.To!.Value))
                    .ToArray();
                var onHierarchy = Time(snapped, p => finder.Find(profile, p.From, p.To) is not null);
                var onAlt = Time(snapped, p => finder.FindWithAlt(profile, p.From, p.To) is not null);
                var onDijkstra = Time(snapped.Take(100).ToArray(), p => finder.FindWithDijkstra(profile, p.From, p.To) is not null);
                Console.WriteLine($"| {preset.Name}{(relaxed ? " (relaxed)" : "")} | {customized.CustomizationTime.TotalMilliseconds:F0} " +
                                  $"| {customized.Forward.Count:N0}, {customized.Backward.Count:N0} | {onHierarchy.Found.Length}/{snapped.Length} " +
                                  $"| {Median(onHierarchy.Found):F4} | {Percentile(onHierarchy.Found, 0.99):F4} | {Median(onAlt.Found):F3} | {Percentile(onAlt.Found, 0.99):F3} " +
                                  $"| {Median(onDijkstra.Found):F2} | {Median(onAlt.Found) / Median(onHierarchy.Found):F0}x " +
                                  $"| {Median(onHierarchy.NotFound):F4} | {Median(onAlt.NotFound):F3} |");
            }
        }
    }

    /// <summary>
    /// Runs every search of the first preset for a few seconds before anything is timed, so that the tiered JIT has
    /// optimized the search loops and the first row of the table is not slower for that alone.
    /// </summary>
    private static void WarmUp(RoutingGraph graph, PathFinder finder, SnapIndex snapIndex, ContractionHierarchy hierarchy, List<(GeoPoint From, GeoPoint To)> pairs)
    {
        var profile = CompiledProfile.Compile(graph, ProfileCatalog.Default.Presets[0]);
        profile.UseHierarchy(hierarchy);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var (from, to) in pairs.Take(50))
            {
                if (snapIndex.Snap(from, RouteRequest.DefaultSnapRadiusM, profile).Snapped is { } a && snapIndex.Snap(to, RouteRequest.DefaultSnapRadiusM, profile).Snapped is { } b)
                {
                    finder.Find(profile, a, b);
                    finder.FindWithAlt(profile, a, b);
                }
            }
        }
    }

    private static GeoPoint RandomPoint(BoundingBox bounds, Random random) =>
        new(bounds.MinLat + (random.NextDouble() * (bounds.MaxLat - bounds.MinLat)), bounds.MinLon + (random.NextDouble() * (bounds.MaxLon - bounds.MinLon)));

    /// <summary>Times each search twice (the first pass warms up) and splits the second pass's times by outcome.</summary>
    private static (double[] Found, double[] NotFound) Time((SnapPoint From, SnapPoint To)[] pairs, Func<(SnapPoint From, SnapPoint To), bool> search)
    {
        var times = new double[pairs.Length];
        var found = new bool[pairs.Length];
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < pairs.Length; i++)
            {
                long start = Stopwatch.GetTimestamp();
                found[i] = search(pairs[i]);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        return ([.. times.Where((_, i) => found[i])], [.. times.Where((_, i) => !found[i])]);
    }

    private static double Median(double[] times) => Percentile(times, 0.5);

    private static double Percentile(double[] times, double share) =>
        times.Length == 0 ? double.NaN : times.Order().ElementAt(Math.Min(times.Length - 1, (int)(times.Length * share)));
}
