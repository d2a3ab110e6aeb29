using System.Diagnostics;
using System.Globalization;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Benchmarks;

/// <summary>
/// Per-query engine latency (median and p95) per preset on a fixed query set. With <c>fresh</c> every query carries
/// a profile the engine has never seen (a unique speed), so its cost tables are compiled for that query alone: the
/// worst per-request case. Without it the presets' compiled tables are reused, as for most real requests.
/// <c>dotnet run -c Release --project benchmarks/Routing.Benchmarks -- latency [query-set] [fresh|cached] [no-terrain|derived-block|alt]</c>.
/// </summary>
internal static class LatencyReport
{
    /// <param name="derivedInclinesBlock">Every terrain slope blocks like a tag (the service before incline confidence): the baseline.</param>
    /// <param name="presetsOnHierarchy">False: every request searches with ALT, the baseline of the hierarchy.</param>
    public static void Run(RoutingGraph graph, string querySet, bool fresh, bool derivedInclinesBlock = false, bool presetsOnHierarchy = true)
    {
        var router = new Router(graph, ProfileCatalog.Default, presetsOnHierarchy);
        var hierarchy = router.HierarchyReadyAsync().GetAwaiter().GetResult();
        Console.WriteLine(hierarchy is null ? "search: ALT for every profile (no hierarchy)"
            : $"search: presets on the hierarchy ({hierarchy.ShortcutCount:N0} shortcuts, built in {hierarchy.BuildTime.TotalMilliseconds:F0} ms, " +
              $"presets customized in {hierarchy.PresetCustomizationTime.TotalMilliseconds:F0} ms), other profiles ALT");
        var queries = QuerySets.Load(querySet);
        int unique = 0;
        Console.WriteLine($"query set {querySet}: {queries.Count} pairs, {(fresh ? "every query with a new profile" : "preset profiles")}");
        // Which graph: the terrain multiplies the edge classes a fresh profile compiles, and adds slope limits.
        Console.WriteLine($"graph: {graph.EdgeClasses.Length:N0} edge classes, terrain {graph.Metadata.ElevationSource ?? "none"}");
        // Medians of found routes and of no-route answers apart: on the terrain graph about half the wheelchair pairs have
        // no route, and their explanation search is several times slower, so the median of all falls between the two.
        Console.WriteLine($"derived inclines: {(derivedInclinesBlock ? "block (baseline)" : "each preset's default")}");
        Console.WriteLine("| profile | routes found | median ms | p95 ms | mean ms | median ms, found | median ms, no route |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var catalogPreset in ProfileCatalog.Default.Presets)
        {
            var preset = derivedInclinesBlock ? catalogPreset with { DerivedIncline = DerivedInclinePolicy.Block } : catalogPreset;
            var times = new double[queries.Count];
            var routed = new bool[queries.Count];
            for (int pass = 0; pass < 2; pass++) // the first pass warms the JIT and the search-state pool
            {
                for (int i = 0; i < queries.Count; i++)
                {
                    var settings = fresh ? preset with { SpeedMps = preset.SpeedMps + (++unique * 1e-9) } : preset;
                    long start = Stopwatch.GetTimestamp();
                    var outcome = router.Route(new RouteRequest([queries[i].From, queries[i].To], settings));
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    routed[i] = outcome is RouteFound;
                }
            }
            double[] found = [.. times.Where((_, i) => routed[i])];
            double[] notFound = [.. times.Where((_, i) => !routed[i])];
            Console.WriteLine($"| {preset.Name} | {found.Length} | {Median(times):F3} | {Percentile(times, 0.95):F3} | {times.Average():F3} " +
                $"| {Median(found):F3} | {(notFound.Length == 0 ? "-" : Median(notFound).ToString("F3", CultureInfo.InvariantCulture))} |");
        }
    }

    private static double Median(double[] times) => Percentile(times, 0.5);

    private static double Percentile(double[] times, double share)
    {
        if (times.Length == 0)
        {
            return double.NaN;
        }
        double[] sorted = [.. times.Order()];
        return sorted[(int)(sorted.Length * share)];
    }
}
