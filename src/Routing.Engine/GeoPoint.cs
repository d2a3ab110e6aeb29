using Routing.Graph;

namespace Routing.Engine;

/// <summary>A WGS 84 position in degrees.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    /// <summary>Where a vertex of <paramref name="graph"/> lies.</summary>
    public static GeoPoint OfVertex(RoutingGraph graph, int vertex) =>
        new(Coordinates.ToDegrees(graph.VertexLatE7[vertex]), Coordinates.ToDegrees(graph.VertexLonE7[vertex]));
}
