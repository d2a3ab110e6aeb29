using Routing.Engine.Profiles;
using Routing.Graph;

namespace Routing.Engine.Search;

/// <summary>
/// The one definition of what a path between two snap points costs, shared by every search so that all of them
/// agree on <see cref="SearchPath.CostS"/>:
/// <list type="bullet">
/// <item>start part: along the start edge from the snap point to the first vertex (forwards when that vertex is the
/// edge's <c>EdgeTo</c>, else backwards), plus the node cost of the first vertex;</item>
/// <item>each arc: <see cref="CompiledProfile.ArcCost"/>, which includes the node cost of the vertex it enters;</item>
/// <item>end part: along the end edge from the last vertex to the snap point (forwards when that vertex is the edge's
/// <c>EdgeFrom</c>, else backwards), without a node cost (the last vertex was paid on arrival);</item>
/// <item>or, when both points lie on one edge, directly along it in the direction from one offset to the other.</item>
/// </list>
/// +infinity means blocked. Offsets are clamped to the edge, so a snap point a rounding error past an end still
/// costs what it would at that end.
/// </summary>
internal static class SearchCosts
{
    public static double EdgeLengthM(RoutingGraph graph, int edge) => graph.EdgeLengthCm[edge] / 100.0;

    public static double OffsetM(RoutingGraph graph, in SnapPoint point) =>
        Math.Clamp(point.OffsetM, 0, EdgeLengthM(graph, point.Edge));

    /// <summary>From the start point to <paramref name="vertex"/> (an end of the start edge), including its node cost.</summary>
    public static double Start(RoutingGraph graph, CompiledProfile profile, in SnapPoint from, int vertex)
    {
        int edge = from.Edge;
        double offsetM = OffsetM(graph, from);
        double along = vertex == graph.EdgeTo[edge]
            ? profile.PartialEdgeCost(graph, edge, backward: false, EdgeLengthM(graph, edge) - offsetM)
            : profile.PartialEdgeCost(graph, edge, backward: true, offsetM);
        return Blocked(along + profile.VertexCost(vertex));
    }

    /// <summary>From <paramref name="vertex"/> (an end of the end edge) to the end point; its node cost is not included.</summary>
    public static double End(RoutingGraph graph, CompiledProfile profile, in SnapPoint to, int vertex)
    {
        int edge = to.Edge;
        double offsetM = OffsetM(graph, to);
        double along = vertex == graph.EdgeFrom[edge]
            ? profile.PartialEdgeCost(graph, edge, backward: false, offsetM)
            : profile.PartialEdgeCost(graph, edge, backward: true, EdgeLengthM(graph, edge) - offsetM);
        return Blocked(along);
    }

    /// <summary>Directly along the edge both points lie on; +infinity when they lie on different edges.</summary>
    public static double SameEdge(RoutingGraph graph, CompiledProfile profile, in SnapPoint from, in SnapPoint to)
    {
        if (from.Edge != to.Edge)
        {
            return double.PositiveInfinity;
        }
        double x = OffsetM(graph, from);
        double y = OffsetM(graph, to);
        return Blocked(y >= x
            ? profile.PartialEdgeCost(graph, from.Edge, backward: false, y - x)
            : profile.PartialEdgeCost(graph, from.Edge, backward: true, x - y));
    }

    /// <summary>
    /// A blocked direction has an infinite cost per metre, and an edge of 0 m gives NaN (0 × ∞): that is blocked too,
    /// and turning it into +infinity keeps every comparison of the searches meaningful.
    /// </summary>
    public static double Blocked(double cost) => double.IsNaN(cost) ? double.PositiveInfinity : cost;

    /// <summary>The path with its cost for another profile (found with one, reported with another).</summary>
    public static SearchPath Repriced(RoutingGraph graph, CompiledProfile profile, SearchPath path) =>
        path with { CostS = Path(graph, profile, path.From, path.To, path.FirstVertex, [.. path.Arcs], path.LastVertex) };

    /// <summary>Sums a found path in forward order, so every search reports the same number for the same path.</summary>
    public static double Path(RoutingGraph graph, CompiledProfile profile, in SnapPoint from, in SnapPoint to,
        int firstVertex, ReadOnlySpan<int> arcs, int lastVertex)
    {
        if (firstVertex < 0)
        {
            return SameEdge(graph, profile, from, to);
        }
        double cost = Start(graph, profile, from, firstVertex);
        foreach (int arc in arcs)
        {
            cost += profile.ArcCost(graph, arc);
        }
        return cost + End(graph, profile, to, lastVertex);
    }
}
