using System.Diagnostics;
using System.Globalization;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Format;
using Routing.Osm.Synthetic;

namespace Routing.Benchmarks;

/// <summary>
/// The scale experiment (issue 14, driven by <c>benchmarks/scale.sh</c>): <c>make-scale</c> writes Heidelberg
/// repeated on a grid (<see cref="TiledExtract"/>); <c>scale</c> loads a built graph and times what a service does
/// with it: load the file, make the router, and route seeded random pairs, for the presets (compiled tables reused)
/// and for custom profiles (tables compiled per request). Prints markdown rows to paste into benchmarks/README.md.
/// </summary>
internal static class ScaleReport
{
    /// <summary>Local pairs: ends 1 to 3 km apart as the crow flies, what a city's users mostly ask.</summary>
    private const double LocalMinM = 1_000, LocalMaxM = 3_000;

    /// <summary>Local pairs look for their second end among this many vertices on either side in Hilbert order (neighbours on the map).</summary>
    private const int LocalSearchVertices = 20_000;

    /// <summary>Pairs routed per preset, untimed, before the timed rows.</summary>
    private const int WarmUpPairs = 10;

    /// <summary>A row stops taking pairs once it has taken this long, so that a 100x run stays bounded (refusals there take seconds).</summary>
    private static readonly TimeSpan RowBudget = TimeSpan.FromSeconds(20);

    public static void MakeInput(string source, string target, int columns, int rows)
    {
        var clock = Stopwatch.StartNew();
        var written = TiledExtract.Write(source, target, columns, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{target}: {written.Tiles} copies of {Path.GetFileName(source)}, {written.Nodes:N0} nodes, {written.Ways:N0} ways, {written.FileBytes / 1e6:F1} MB in {clock.Elapsed.TotalSeconds:F1} s"));
    }

    public static void Run(string graphPath, string label, int localPairs, int longPairs)
    {
        long start = Stopwatch.GetTimestamp();
        var graph = GraphFileReader.Read(graphPath);
        double loadS = Stopwatch.GetElapsedTime(start).TotalSeconds;
        start = Stopwatch.GetTimestamp();
        var router = new Router(graph, ProfileCatalog.Default);
        double routerS = Stopwatch.GetElapsedTime(start).TotalSeconds;
        // The presets' hierarchy is built in the background; preset times below are on it, custom ones on ALT.
        var hierarchy = router.HierarchyReadyAsync().GetAwaiter().GetResult()!;
        double hierarchyS = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var random = new Random(2026);
        int main = LargestComponent(graph);
        var local = LocalPairs(graph, main, random, localPairs);
        var far = FarPairs(graph, main, random, longPairs);
        // The first route warms the JIT, the search-state pool and the preset's tables: timed apart.
        start = Stopwatch.GetTimestamp();
        router.Route(new RouteRequest([local[0].From, local[0].To], ProfileCatalog.Default.Presets[0]));
        double firstRouteS = Stopwatch.GetElapsedTime(start).TotalSeconds;
        // Warm the JIT's optimised code for every preset and the custom path before anything is timed.
        foreach (var preset in ProfileCatalog.Default.Presets)
        {
            foreach (var (from, to) in local.Take(WarmUpPairs))
            {
                router.Route(new RouteRequest([from, to], preset));
                router.Route(new RouteRequest([from, to], preset with { SpeedMps = preset.SpeedMps + 1e-6 }));
            }
        }
        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# {label}: {graph.VertexCount:N0} vertices, {graph.EdgeCount:N0} edges, largest component {(double)graph.ComponentSize[main] / graph.VertexCount:P1}, file {new FileInfo(graphPath).Length / 1e6:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# load {loadS:F2} s, router {routerS:F2} s, first route {firstRouteS:F2} s, managed heap after load {GC.GetTotalMemory(false) / 1e6:F0} MB, working set {Environment.WorkingSet / 1e6:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# hierarchy ready {hierarchyS:F1} s after the router was made: {hierarchy.ShortcutCount:N0} shortcuts, ordered and contracted in {hierarchy.BuildTime.TotalSeconds:F1} s, presets customized in {hierarchy.PresetCustomizationTime.TotalSeconds:F1} s"));
        // Found routes and refusals apart: a refusal searches the whole reachable network before it explains, so its
        // time grows with the graph where a found route's does not.
        Console.WriteLine("| graph | pairs | profile | tables | routes found | median ms, found | p99 ms, found | median ms, no route |");
        Console.WriteLine("|---|---|---|---|---:|---:|---:|---:|");
        foreach (var (pairsName, pairs) in new[] { ("local 1-3 km", local), ("random, whole graph", far) })
        {
            foreach (var preset in ProfileCatalog.Default.Presets)
            {
                foreach (bool custom in new[] { false, true })
                {
                    Report(router, label, pairsName, pairs, preset, custom);
                }
            }
        }
    }

    private static void Report(
        Router router, string label, string pairsName, IReadOnlyList<(GeoPoint From, GeoPoint To)> pairs, ProfileSettings preset, bool custom)
    {
        var found = new List<double>();
        var refused = new List<double>();
        int unique = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (from, to) in pairs)
        {
            // A custom profile: the preset with a speed no request had before, so its cost tables are compiled for this
            // request alone (the worst per-request case, as `latency ... fresh`).
            var settings = custom ? preset with { SpeedMps = preset.SpeedMps + (++unique * 1e-9) } : preset;
            long start = Stopwatch.GetTimestamp();
            var outcome = router.Route(new RouteRequest([from, to], settings));
            (outcome is RouteFound ? found : refused).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (clock.Elapsed > RowBudget)
            {
                break;
            }
        }
        found.Sort();
        refused.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {pairsName} | {preset.Name} | {(custom ? "custom" : "preset")} | {found.Count} / {found.Count + refused.Count} | {Percentile(found, 0.5):F3} | {Percentile(found, 0.99):F3} | {(refused.Count == 0 ? "-" : Percentile(refused, 0.5).ToString("F1", CultureInfo.InvariantCulture))} |"));
    }

    /// <summary>Seeded pairs of vertices of the largest component, 1 to 3 km apart; the second end is sought near the first in memory, which the Hilbert order makes near on the map.</summary>
    private static List<(GeoPoint From, GeoPoint To)> LocalPairs(RoutingGraph graph, int main, Random random, int count)
    {
        var pairs = new List<(GeoPoint, GeoPoint)>(count);
        while (pairs.Count < count)
        {
            int a = VertexOf(graph, main, random);
            for (int attempt = 0; attempt < 50; attempt++)
            {
                int b = Math.Clamp(a + random.Next(-LocalSearchVertices, LocalSearchVertices), 0, graph.VertexCount - 1);
                double m = Coordinates.DistanceM(graph.VertexLatE7[a], graph.VertexLonE7[a], graph.VertexLatE7[b], graph.VertexLonE7[b]);
                if (graph.VertexComponent[b] == graph.VertexComponent[a] && m is >= LocalMinM and <= LocalMaxM)
                {
                    pairs.Add((PointOf(graph, a), PointOf(graph, b)));
                    break;
                }
            }
        }
        return pairs;
    }

    /// <summary>Seeded pairs of vertices of the largest component anywhere: the longest routes the graph holds.</summary>
    private static List<(GeoPoint From, GeoPoint To)> FarPairs(RoutingGraph graph, int main, Random random, int count)
    {
        var pairs = new List<(GeoPoint, GeoPoint)>(count);
        while (pairs.Count < count)
        {
            pairs.Add((PointOf(graph, VertexOf(graph, main, random)), PointOf(graph, VertexOf(graph, main, random))));
        }
        return pairs;
    }

    private static int VertexOf(RoutingGraph graph, int component, Random random)
    {
        while (true)
        {
            int v = random.Next(graph.VertexCount);
            if (graph.VertexComponent[v] == component)
            {
                return v;
            }
        }
    }

    private static int LargestComponent(RoutingGraph graph)
    {
        var sizes = graph.ComponentSize;
        int largest = 0;
        for (int c = 1; c < sizes.Length; c++)
        {
            largest = sizes[c] > sizes[largest] ? c : largest;
        }
        return largest;
    }

    private static GeoPoint PointOf(RoutingGraph graph, int vertex) =>
        new(Coordinates.ToDegrees(graph.VertexLatE7[vertex]), Coordinates.ToDegrees(graph.VertexLonE7[vertex]));

    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * share))];
}
