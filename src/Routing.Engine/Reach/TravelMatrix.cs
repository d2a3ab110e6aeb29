using Routing.Engine.Profiles;
using Routing.Engine.Search;
using Routing.Graph;

namespace Routing.Engine.Reach;

/// <summary>Where a matrix point was placed, or why it could not be.</summary>
/// <param name="Problem">null when placed; else <c>point-outside-area</c> or <c>point-not-on-network</c>.</param>
public sealed record MatrixPoint(GeoPoint Requested, GeoPoint? Snapped, string? Problem);

/// <summary>
/// Sources × destinations for one profile: duration, length and cost of the route <see cref="Router.Route"/> would give
/// for each pair (row-major, a row per source), null where there is none.
/// </summary>
public sealed record TravelMatrix(
    double?[][] DurationsS,
    double?[][] DistancesM,
    double?[][] CostsS,
    IReadOnlyList<MatrixPoint> Sources,
    IReadOnlyList<MatrixPoint> Destinations);

/// <summary>
/// One search per source (<see cref="OneToManySearch"/>) that stops once every destination it can reach is settled. A
/// destination in another component of the graph (components ignore every profile) cannot be reached and is not
/// waited for: without that, one such destination made every source search its whole component.
/// </summary>
internal static class TravelMatrixSearch
{
    public static TravelMatrix Compute(RoutingGraph graph, CompiledProfile profile, OneToManySearch search,
        IReadOnlyList<SnapPoint?> sources, IReadOnlyList<SnapPoint?> destinations, IReadOnlyList<MatrixPoint> sourcePoints,
        IReadOnlyList<MatrixPoint> destinationPoints, double maxCostS = double.PositiveInfinity,
        CancellationToken cancellationToken = default)
    {
        // Each point's component (both ends of an edge lie in one); -1 for a destination that could not be placed.
        var component = graph.VertexComponent;
        var destinationComponent = new int[destinations.Count];
        for (int d = 0; d < destinations.Count; d++)
        {
            destinationComponent[d] = destinations[d] is { } placed ? component[graph.EdgeFrom[placed.Edge]] : -1;
        }
        var targets = new List<int>();
        var durations = new double?[sources.Count][];
        var distances = new double?[sources.Count][];
        var costs = new double?[sources.Count][];
        var tables = profile.Durations;
        for (int s = 0; s < sources.Count; s++)
        {
            durations[s] = new double?[destinations.Count];
            distances[s] = new double?[destinations.Count];
            costs[s] = new double?[destinations.Count];
            if (sources[s] is not { } from)
            {
                continue;
            }
            int home = component[graph.EdgeFrom[from.Edge]];
            targets.Clear();
            for (int d = 0; d < destinations.Count; d++)
            {
                if (destinationComponent[d] == home)
                {
                    targets.Add(graph.EdgeFrom[destinations[d]!.Value.Edge]);
                    targets.Add(graph.EdgeTo[destinations[d]!.Value.Edge]);
                }
            }
            if (targets.Count == 0)
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            search.Run(profile, from, ReachMetric.CostS, maxCostS, [.. targets], cancellationToken: cancellationToken);
            for (int d = 0; d < destinations.Count; d++)
            {
                if (destinationComponent[d] != home)
                {
                    continue;
                }
                var to = destinations[d]!.Value;
                var best = Best(graph, profile, tables, search, from, to);
                if (best is { } found && found.CostS <= maxCostS)
                {
                    (costs[s][d], durations[s][d], distances[s][d]) = found;
                }
            }
        }
        return new TravelMatrix(durations, distances, costs, sourcePoints, destinationPoints);
    }

    /// <summary>The cheapest way to the point: along the shared edge, or through either end of its edge.</summary>
    private static (double CostS, double DurationS, double LengthM)? Best(RoutingGraph graph, CompiledProfile profile, DurationTables tables,
        OneToManySearch search, in SnapPoint from, in SnapPoint to)
    {
        (double CostS, double DurationS, double LengthM)? best = null;
        double sameEdge = SearchCosts.SameEdge(graph, profile, from, to);
        if (!double.IsPositiveInfinity(sameEdge))
        {
            double x = SearchCosts.OffsetM(graph, from), y = SearchCosts.OffsetM(graph, to);
            best = (sameEdge, tables.PartialEdgeS(to.Edge, y < x, Math.Abs(y - x)), CompiledProfile.TravelledM(Math.Abs(y - x)));
        }
        int edge = to.Edge;
        double offsetM = SearchCosts.OffsetM(graph, to);
        foreach (int end in (ReadOnlySpan<int>)[graph.EdgeFrom[edge], graph.EdgeTo[edge]])
        {
            bool fromStart = end == graph.EdgeFrom[edge];
            double partM = fromStart ? offsetM : SearchCosts.EdgeLengthM(graph, edge) - offsetM;
            double cost = search.KeyOf(end) + SearchCosts.End(graph, profile, to, end);
            if (double.IsPositiveInfinity(cost) || (best is { } b && b.CostS <= cost))
            {
                continue;
            }
            best = (cost, search.DurationSOf(end) + tables.PartialEdgeS(edge, !fromStart, partM), search.LengthMOf(end) + CompiledProfile.TravelledM(partM));
        }
        return best;
    }
}
