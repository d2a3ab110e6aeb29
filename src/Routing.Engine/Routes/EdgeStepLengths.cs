using System.Runtime.CompilerServices;
using Routing.Graph;

namespace Routing.Engine.Routes;

/// <summary>
/// The length of every step of every edge's polyline (both ends included, forward order), measured once per graph
/// with <see cref="Coordinates.DistanceM(int, int, int, int)"/> as <see cref="EdgeShape.StepLengths"/> measures them:
/// a route cuts each of its edges and reads heights along it, and measured per route that was a haversine per step,
/// twice. Edge e's steps are at <c>EdgeFirstShapePoint[e] + 2e</c>, the first of them 0. About 8 bytes per shape
/// point and 16 per edge; made on first use and kept as long as the graph.
/// </summary>
internal sealed class EdgeStepLengths
{
    private static readonly ConditionalWeakTable<RoutingGraph, EdgeStepLengths> Cache = [];

    private readonly RoutingGraph _graph;
    private readonly double[] _stepsM;

    private EdgeStepLengths(RoutingGraph graph)
    {
        _graph = graph;
        var firstShapePoint = graph.EdgeFirstShapePoint;
        _stepsM = new double[firstShapePoint[graph.EdgeCount] + (2 * graph.EdgeCount)];
        var points = new List<(int LatE7, int LonE7)>();
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            points.Clear();
            graph.AppendArcPoints(edge * 2, points);
            EdgeShape.StepLengths(points, _stepsM.AsSpan(firstShapePoint[edge] + (2 * edge), points.Count));
        }
    }

    public static EdgeStepLengths Of(RoutingGraph graph) => Cache.GetValue(graph, g => new EdgeStepLengths(g));

    /// <summary>The edge's steps: [i] from point i - 1 to point i of its forward polyline, [0] is 0.</summary>
    public ReadOnlySpan<double> StepsOf(int edge)
    {
        var firstShapePoint = _graph.EdgeFirstShapePoint;
        int first = firstShapePoint[edge] + (2 * edge);
        return _stepsM.AsSpan(first, firstShapePoint[edge + 1] - firstShapePoint[edge] + 2);
    }
}
