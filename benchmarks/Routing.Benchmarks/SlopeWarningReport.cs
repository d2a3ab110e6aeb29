using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Benchmarks;

/// <summary>
/// How much of each preset's routes on a fixed query set carries a slope warning (a terrain estimate at least
/// <see cref="SlopeChance.Material"/> likely beyond the limit), and how many refusals a terrain slope causes.
/// <c>dotnet run -c Release --project benchmarks/Routing.Benchmarks -- slope-warnings [query-set]</c>.
/// </summary>
internal static class SlopeWarningReport
{
    public static void Run(RoutingGraph graph, string querySet)
    {
        var router = new Router(graph, ProfileCatalog.Default);
        var queries = QuerySets.Load(querySet);
        Console.WriteLine($"query set {querySet}: {queries.Count} pairs");
        Console.WriteLine("| preset | routed / refused | km routed | share of length with a slope warning | routes with one | refused for a terrain slope |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var preset in ProfileCatalog.Default.Presets.Where(p => p.MaxInclineUpPct is not null || p.MaxInclineDownPct is not null))
        {
            int routed = 0, refused = 0, withWarning = 0, terrainRefusals = 0;
            double lengthM = 0, warnedM = 0;
            foreach (var (from, to) in queries)
            {
                switch (router.Route(new RouteRequest([from, to], preset)))
                {
                    case RouteFound { Route: var route }:
                        routed++;
                        lengthM += route.DistanceM;
                        double warned = WarnedM(route);
                        warnedM += warned;
                        withWarning += warned > 0 ? 1 : 0;
                        break;
                    case NoRoute { Blockers: var blockers }:
                        refused++;
                        terrainRefusals += blockers.Any(b => b.Violation.Constraint is Constraint.InclineUp or Constraint.InclineDown
                                                             && b.Violation.Evidence == ViolationEvidence.Derived) ? 1 : 0;
                        break;
                }
            }
            Console.WriteLine($"| `{preset.Name}` | {routed} / {refused} | {lengthM / 1000:F0} | {warnedM / Math.Max(lengthM, 1):P1} | {withWarning} | {terrainRefusals} |");
        }
    }

    /// <summary>The length a slope_risk warning covers: the segments whose terrain estimate is at least materially likely beyond the limit.</summary>
    internal static double WarnedM(Routing.Engine.Routes.Route route) =>
        route.Segments.Where(s => s.InclineConfidence is InclineConfidence.High or InclineConfidence.Low
                                  && s.ChanceBeyondLimit >= SlopeChance.Material).Sum(s => s.DistanceM);
}
