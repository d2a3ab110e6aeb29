using System.Diagnostics;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Benchmarks;

/// <summary>
/// Per-query engine latency (median and p95) per preset on a fixed query set. With <c>fresh</c> every query carries
/// a profile the engine has never seen (a unique speed), so its cost tables are compiled for that query alone: the
/// worst per-request case. Without it the presets' compiled tables are reused, as for most real requests.
/// <c>dotnet run -c Release --project benchmarks/Routing.Benchmarks -- latency [query-set] [fresh|cached]</c>.
/// </summary>
internal static class LatencyReport
{
    public static void Run(RoutingGraph graph, string querySet, bool fresh)
    {
        var router = new Router(graph, ProfileCatalog.Default);
        var queries = QuerySets.Load(querySet);
        int unique = 0;
        Console.WriteLine($"query set {querySet}: {queries.Count} pairs, {(fresh ? "every query with a new profile" : "preset profiles")}");
        Console.WriteLine("| profile | routes found | median ms | p95 ms | mean ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var preset in ProfileCatalog.Default.Presets)
        {
            var times = new double[queries.Count];
            int found = 0;
            for (int pass = 0; pass < 2; pass++) // the first pass warms the JIT and the search-state pool
            {
                for (int i = 0; i < queries.Count; i++)
                {
                    var settings = fresh ? preset with { SpeedMps = preset.SpeedMps + (++unique * 1e-9) } : preset;
                    long start = Stopwatch.GetTimestamp();
                    var outcome = router.Route(new RouteRequest([queries[i].From, queries[i].To], settings));
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    found += pass == 1 && outcome is RouteFound ? 1 : 0;
                }
            }
            Array.Sort(times);
            Console.WriteLine($"| {preset.Name} | {found} | {times[times.Length / 2]:F3} | {times[(int)(times.Length * 0.95)]:F3} | {times.Average():F3} |");
        }
    }
}
