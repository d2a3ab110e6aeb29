using System.Globalization;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Snapping;
using Routing.Graph;

namespace Routing.Benchmarks;

/// <summary>
/// How often a point in the city snaps onto an island of the profile (off its main network, <see cref="ProfileNetwork"/>),
/// and what the factor of the snapping rule (<see cref="SnapIndex.MainFactor"/>) trades: 500 seeded points drawn
/// uniformly over the urban box, the same for every preset, snapped with the default radius of 50 m.
/// <c>dotnet run -c Release --project benchmarks/Routing.Benchmarks -- snap-islands</c>.
/// </summary>
internal static class SnapIslandReport
{
    private const int Points = 500;
    private static readonly double[] Factors = [1, 2, 3, 5, 1000];

    public static void Run(RoutingGraph graph)
    {
        var index = new SnapIndex(graph);
        var random = new Random(2026);
        var box = QuerySets.UrbanBox;
        var points = Enumerable.Range(0, Points)
            .Select(_ => new GeoPoint(box.MinLat + (random.NextDouble() * (box.MaxLat - box.MinLat)), box.MinLon + (random.NextDouble() * (box.MaxLon - box.MinLon))))
            .ToArray();
        Console.WriteLine($"{Points} points uniform over the urban box {box}, seed 2026, snap radius {RouteRequest.DefaultSnapRadiusM} m");
        Console.WriteLine();
        Console.WriteLine("| profile | main network (vertices) | points placed | on an island: nearest usable way | on an island: this rule | of them with a suggestion | suggestion: median, max m |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var preset in ProfileCatalog.Default.Presets)
        {
            var profile = CompiledProfile.Compile(graph, preset);
            var network = profile.Network;
            int placed = 0, nearestOnIsland = 0, onIsland = 0;
            var suggestions = new List<double>();
            foreach (var point in points)
            {
                var (main, island, detached) = index.Candidates(point, RouteRequest.DefaultSnapRadiusM, profile);
                if (index.Snap(point, RouteRequest.DefaultSnapRadiusM, profile).Snapped is not { } snapped)
                {
                    continue;
                }
                placed++;
                double mainM = main?.DistanceM ?? double.PositiveInfinity;
                nearestOnIsland += Math.Min(island?.DistanceM ?? double.PositiveInfinity, detached?.DistanceM ?? double.PositiveInfinity) < mainM ? 1 : 0;
                if (network.IsOnMain(snapped.Edge))
                {
                    continue;
                }
                onIsland++;
                if (index.NearestOnMain(point, SnapIndex.WiderSearchRadiusM, profile) is { } move)
                {
                    suggestions.Add(move.DistanceM);
                }
            }
            suggestions.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {preset.Name} | {network.MainVertexCount:N0} of {graph.VertexCount:N0} | {placed} | {Share(nearestOnIsland, placed)} | {Share(onIsland, placed)} | {suggestions.Count} | {Median(suggestions):F0}, {(suggestions.Count > 0 ? suggestions[^1] : 0):F0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("The factor: points left on an island of the profile's rules, and for the points that move to the main network");
        Console.WriteLine("instead of the nearer island way, how much farther it is (median, max).");
        Console.WriteLine();
        Console.WriteLine("| profile | " + string.Join(" | ", Factors.Select(f => f >= 1000 ? "any (radius)" : string.Create(CultureInfo.InvariantCulture, $"k = {f}"))) + " |");
        Console.WriteLine("|---|" + string.Concat(Factors.Select(_ => "---:|")));
        foreach (var preset in ProfileCatalog.Default.Presets)
        {
            var profile = CompiledProfile.Compile(graph, preset);
            var candidates = points.Select(p => index.Candidates(p, RouteRequest.DefaultSnapRadiusM, profile)).ToArray();
            var cells = Factors.Select(factor =>
            {
                int kept = 0;
                var extra = new List<double>();
                foreach (var (main, island, _) in candidates)
                {
                    if (island is not { } i)
                    {
                        continue;
                    }
                    if (SnapIndex.KeepsIsland(i.DistanceM, main?.DistanceM, SnapIndex.NearM, factor))
                    {
                        kept++;
                    }
                    else if (main is { } m && m.DistanceM > i.DistanceM)
                    {
                        extra.Add(m.DistanceM - i.DistanceM);
                    }
                }
                extra.Sort();
                return string.Create(CultureInfo.InvariantCulture, $"{kept} kept; {extra.Count} moved +{Median(extra):F0}, {(extra.Count > 0 ? extra[^1] : 0):F0} m");
            });
            Console.WriteLine($"| {preset.Name} | {string.Join(" | ", cells)} |");
        }
    }

    private static string Share(int count, int of) => string.Create(CultureInfo.InvariantCulture, $"{count} ({(of == 0 ? 0 : (double)count / of):P1})");

    private static double Median(List<double> sorted) => sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
}
