using System.Globalization;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph;

namespace Routing.Benchmarks;

/// <summary>
/// Routes as a person would judge them, per preset on fixed query sets: how many are answered and refused (and why),
/// how many answers are detours against walking and by how much, how much they climb (none over the budget), how much of
/// their length carries a slope warning (<see cref="SlopeWarningReport.WarnedM"/>), and whether lifting every field a refusal names gives a route.
/// <c>dotnet run -c Release --project benchmarks/Routing.Benchmarks -- quality [query-set ...]</c>.
/// </summary>
internal static class QualityReport
{
    public static void Run(RoutingGraph graph, IReadOnlyList<string> querySets)
    {
        var router = new Router(graph, ProfileCatalog.Default);
        foreach (string set in querySets)
        {
            var queries = QuerySets.Load(set);
            Console.WriteLine($"query set {set}: {queries.Count} pairs");
            Console.WriteLine("| profile | routed | refused: climb / limits / not connected / not placed | detours (share of routes) | detour ratio median / max | climb m median / p90 / max (budget) | over budget | length with a slope warning | refusals lifted by their named fields |");
            Console.WriteLine("|---|---:|---|---:|---|---|---:|---:|---:|");
            foreach (var preset in ProfileCatalog.Default.Presets)
            {
                Console.WriteLine(Row(router, preset, queries));
            }
            Console.WriteLine();
        }
    }

    private static string Row(Router router, ProfileSettings preset, IReadOnlyList<(GeoPoint From, GeoPoint To)> queries)
    {
        int routed = 0, climb = 0, limits = 0, notConnected = 0, notPlaced = 0, detours = 0, overBudget = 0, lifted = 0;
        var ratios = new List<double>();
        var climbs = new List<double>();
        double lengthM = 0, slopeWarnedM = 0;
        foreach (var (from, to) in queries)
        {
            switch (router.Route(new RouteRequest([from, to], preset)))
            {
                case RouteFound { Route: var route }:
                    routed++;
                    lengthM += route.DistanceM;
                    slopeWarnedM += SlopeWarningReport.WarnedM(route);
                    if (route.Elevation is { } elevation)
                    {
                        climbs.Add(elevation.AscentM);
                        overBudget += preset.MaxClimbM is { } budget && elevation.AscentM > budget ? 1 : 0;
                    }
                    if (route.Summary.Detour is { } detour)
                    {
                        detours++;
                        ratios.Add(detour.Ratio);
                    }
                    break;
                case NoRoute refusal:
                    bool isClimb = refusal.Blockers is [{ Violation.Constraint: Constraint.Climb }, ..];
                    bool isConnected = refusal.Blockers is not [{ Violation.Constraint: Constraint.NotConnected }];
                    climb += isClimb ? 1 : 0;
                    notConnected += isConnected ? 0 : 1;
                    limits += isClimb || !isConnected ? 0 : 1;
                    var liftedSettings = refusal.Blockers.Aggregate(preset, (settings, blocker) => blocker.Violation.Lift(settings));
                    lifted += router.Route(new RouteRequest([from, to], liftedSettings)) is RouteFound ? 1 : 0;
                    break;
                default:
                    notPlaced++;
                    break;
            }
        }
        int refused = climb + limits + notConnected;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {preset.Name} | {routed} | {climb} / {limits} / {notConnected} / {notPlaced} | {detours} ({Share(detours, routed)}) | {Quantile(ratios, 0.5):0.00} / {Quantile(ratios, 1):0.00} | {Quantile(climbs, 0.5):0} / {Quantile(climbs, 0.9):0} / {Quantile(climbs, 1):0} ({preset.MaxClimbM?.ToString(CultureInfo.InvariantCulture) ?? "none"}) | {overBudget} | {Share(slopeWarnedM, lengthM)} | {lifted} of {refused} |");
    }

    private static string Share(double part, double total) => total > 0 ? (part / total).ToString("P1", CultureInfo.InvariantCulture) : "-";

    private static double Quantile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Floor(q * values.Count))];
    }
}
