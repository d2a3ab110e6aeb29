using Routing.Engine.Profiles;
using Routing.Engine.Snapping;
using Routing.Graph;
using Routing.Osm.Import;
using Routing.TestSupport;

namespace Routing.Engine.Tests.Snapping;

/// <summary>The accessibility fixture with its snap index and the two profiles the snapping tests compare.</summary>
internal static class SnapFixture
{
    private static readonly Lazy<RoutingGraph> LazyGraph = new(() => OsmImporter.Import(RepositoryPaths.Fixture("accessibility.osm")).Graph);
    private static readonly Lazy<SnapIndex> LazyIndex = new(() => new SnapIndex(FixtureGraph));

    public static RoutingGraph FixtureGraph => LazyGraph.Value;
    public static SnapIndex FixtureIndex => LazyIndex.Value;

    public static CompiledProfile Profile(RoutingGraph graph, string name)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var settings), $"preset {name} exists");
        return CompiledProfile.Compile(graph, settings);
    }

    public static int Vertex(RoutingGraph graph, long osmNodeId)
    {
        int vertex = graph.VertexOsmNodeId.IndexOf(osmNodeId);
        Assert.True(vertex >= 0, $"node {osmNodeId} is a vertex");
        return vertex;
    }

    /// <summary>The one edge of the way that joins the two OSM nodes (in either direction).</summary>
    public static int Edge(RoutingGraph graph, long osmWayId, long osmNodeA, long osmNodeB)
    {
        int a = Vertex(graph, osmNodeA), b = Vertex(graph, osmNodeB);
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            if (graph.EdgeOsmWayId[edge] == osmWayId
                && ((graph.EdgeFrom[edge] == a && graph.EdgeTo[edge] == b) || (graph.EdgeFrom[edge] == b && graph.EdgeTo[edge] == a)))
            {
                return edge;
            }
        }
        Assert.Fail($"no edge of way {osmWayId} between nodes {osmNodeA} and {osmNodeB}");
        return -1;
    }

    public static GeoPoint At(RoutingGraph graph, int vertex) =>
        new(Coordinates.ToDegrees(graph.VertexLatE7[vertex]), Coordinates.ToDegrees(graph.VertexLonE7[vertex]));

    /// <summary>A point moved by metres east and north (local flat earth, fine for tens of metres).</summary>
    public static GeoPoint Offset(GeoPoint point, double eastM, double northM)
    {
        const double MetresPerDegree = 6_371_008.8 * Math.PI / 180;
        return new(point.Lat + (northM / MetresPerDegree),
                   point.Lon + (eastM / (MetresPerDegree * Math.Cos(point.Lat * Math.PI / 180))));
    }

    public static double DistanceM(GeoPoint a, GeoPoint b) => Coordinates.DistanceM(a.Lat, a.Lon, b.Lat, b.Lon);
}
