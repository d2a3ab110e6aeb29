using System.Runtime.CompilerServices;
using Routing.Engine.Snapping;
using Routing.Graph;

namespace Routing.Engine.Routes;

/// <summary>
/// The length of every step of every edge's polyline (both ends included, forward order), measured once per graph
/// with <see cref="Coordinates.DistanceM(int, int, int, int)"/> as <see cref="EdgeShape.StepLengths"/> measures them:
/// a route cuts each of its edges and reads heights along it, and measured per route that was a haversine per step,
/// twice. Laid out as <see cref="EdgePolylines"/> lays out the points, the first step of each edge 0. About 8 bytes per
/// shape point and 16 per edge; made on first use and kept as long as the graph.
/// </summary>
internal sealed class EdgeStepLengths
{
    private static readonly ConditionalWeakTable<RoutingGraph, EdgeStepLengths> Cache = [];

    private readonly RoutingGraph _graph;
    private readonly double[] _stepsM;

    private EdgeStepLengths(RoutingGraph graph)
    {
        _graph = graph;
        _stepsM = new double[EdgePolylines.PointCount(graph)];
        var points = new List<(int LatE7, int LonE7)>();
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            points.Clear();
            graph.AppendArcPoints(edge * 2, points);
            EdgeShape.StepLengths(points, _stepsM.AsSpan(EdgePolylines.FirstPoint(graph, edge), points.Count));
        }
    }

    public static EdgeStepLengths Of(RoutingGraph graph) => Cache.GetValue(graph, g => new EdgeStepLengths(g));

    /// <summary>The edge's steps: [i] from point i - 1 to point i of its forward polyline, [0] is 0.</summary>
    public ReadOnlySpan<double> StepsOf(int edge) =>
        _stepsM.AsSpan(EdgePolylines.FirstPoint(_graph, edge), EdgePolylines.PointCount(_graph, edge));
}
