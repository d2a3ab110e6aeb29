using System.Globalization;
using System.Text.Json;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Benchmarks;

/// <summary>
/// How often each preset refuses on a fixed query set, before incline confidence (every terrain slope blocks like a
/// tag) and after (each preset's default), and what blocks the refusals that remain: the first blocker of each.
/// <c>dotnet run -c Release --project benchmarks/Routing.Benchmarks -- refusals [query-set]</c>.
/// </summary>
internal static class RefusalReport
{
    public static void Run(RoutingGraph graph, string querySet)
    {
        var router = new Router(graph, ProfileCatalog.Default);
        var queries = QuerySets.Load(querySet);
        Console.WriteLine($"query set {querySet}: {queries.Count} pairs; graph terrain {graph.Metadata.ElevationSource ?? "none"}");
        Console.WriteLine("| profile | refused before | refused after | what blocks after (first blocker per refusal) |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach (var preset in ProfileCatalog.Default.Presets)
        {
            var before = preset with { DerivedIncline = DerivedInclinePolicy.Block };
            int refusedBefore = queries.Count(q => router.Route(new RouteRequest([q.From, q.To], before)) is not RouteFound);
            var causes = new Dictionary<string, int>(StringComparer.Ordinal);
            int refusedAfter = 0;
            foreach (var (from, to) in queries)
            {
                var outcome = router.Route(new RouteRequest([from, to], preset));
                if (outcome is RouteFound)
                {
                    continue;
                }
                refusedAfter++;
                string cause = outcome is NoRoute { Blockers: [var first, ..] } ? CauseOf(first.Violation) : "point not on the network";
                causes[cause] = causes.GetValueOrDefault(cause) + 1;
            }
            string what = string.Join(", ", causes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {preset.Name} | {refusedBefore} ({(double)refusedBefore / queries.Count:P0}) | {refusedAfter} ({(double)refusedAfter / queries.Count:P0}) | {what} |"));
        }
    }

    private static string CauseOf(Violation violation) => violation.Constraint switch
    {
        Constraint.InclineUp or Constraint.InclineDown => violation.InclineConfidence switch
        {
            InclineConfidence.High => "slope (terrain, high confidence)",
            InclineConfidence.Low => "slope (terrain, low confidence)",
            _ => "slope (tagged)",
        },
        var constraint => JsonNamingPolicy.SnakeCaseLower.ConvertName(constraint.ToString()),
    };
}
