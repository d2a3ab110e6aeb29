using Routing.Graph;

namespace Routing.Engine.Snapping;

/// <summary>
/// Every edge's polyline laid end to end in one pair of arrays (first vertex, shape points, last vertex, then the
/// next edge), so that edge e's points start at <c>EdgeFirstShapePoint[e] + 2 * e</c>. The spatial indexes register
/// segments from these arrays rather than walking the graph's three coordinate sources each time.
/// </summary>
internal static class EdgePolylines
{
    /// <summary>Index of edge e's first point (its <c>EdgeFrom</c>) in the flat arrays; its last is <c>FirstPoint(e + 1) - 1</c>.</summary>
    public static int FirstPoint(RoutingGraph graph, int edge) => graph.EdgeFirstShapePoint[edge] + (2 * edge);

    /// <summary>How many points edge e has in the flat arrays: its shape points and both ends.</summary>
    public static int PointCount(RoutingGraph graph, int edge) => FirstPoint(graph, edge + 1) - FirstPoint(graph, edge);

    /// <summary>The length of the flat arrays: every shape point and both ends of every edge.</summary>
    public static int PointCount(RoutingGraph graph) => graph.EdgeCount == 0 ? 0 : FirstPoint(graph, graph.EdgeCount);

    public static (int[] LatE7, int[] LonE7) Flatten(RoutingGraph graph)
    {
        var firstShapePoint = graph.EdgeFirstShapePoint;
        var from = graph.EdgeFrom;
        var to = graph.EdgeTo;
        var vertexLat = graph.VertexLatE7;
        var vertexLon = graph.VertexLonE7;
        var shapeLat = graph.ShapeLatE7;
        var shapeLon = graph.ShapeLonE7;
        int edges = graph.EdgeCount;
        var lat = new int[PointCount(graph)];
        var lon = new int[lat.Length];
        int p = 0;
        for (int edge = 0; edge < edges; edge++)
        {
            lat[p] = vertexLat[from[edge]];
            lon[p++] = vertexLon[from[edge]];
            for (int i = firstShapePoint[edge]; i < firstShapePoint[edge + 1]; i++)
            {
                lat[p] = shapeLat[i];
                lon[p++] = shapeLon[i];
            }
            lat[p] = vertexLat[to[edge]];
            lon[p++] = vertexLon[to[edge]];
        }
        return (lat, lon);
    }
}
