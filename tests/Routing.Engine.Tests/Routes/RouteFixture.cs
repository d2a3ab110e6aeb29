using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Graph;
using Routing.Osm.Import;
using Routing.TestSupport;

namespace Routing.Engine.Tests.Routes;

/// <summary>
/// The accessibility fixture (layout in the header of Fixtures/accessibility.osm) and hand-built search paths on it,
/// spoken in OSM node ids. Every edge of the fixture is a straight line between two nodes, so points along an edge
/// are computed here by plain interpolation, independently of the code under test.
/// </summary>
internal static class RouteFixture
{
    private static readonly Lazy<RoutingGraph> LazyGraph = new(() => OsmImporter.Import(RepositoryPaths.Fixture("accessibility.osm")).Graph);

    public static RoutingGraph FixtureGraph => LazyGraph.Value;

    public static RouteAssembler Assembler => new(FixtureGraph);

    public static ProfileSettings Preset(string name)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var settings), $"preset {name} exists");
        return settings;
    }

    public static CompiledProfile Profile(string name, bool relaxed = false) => CompiledProfile.Compile(FixtureGraph, Preset(name), relaxed);

    public static int Vertex(long osmNodeId)
    {
        int vertex = FixtureGraph.VertexOsmNodeId.IndexOf(osmNodeId);
        Assert.True(vertex >= 0, $"node {osmNodeId} is a vertex");
        return vertex;
    }

    public static GeoPoint At(long osmNodeId)
    {
        int vertex = Vertex(osmNodeId);
        return new(Coordinates.ToDegrees(FixtureGraph.VertexLatE7[vertex]), Coordinates.ToDegrees(FixtureGraph.VertexLonE7[vertex]));
    }

    /// <summary>The one edge joining two nodes (in either direction).</summary>
    public static int Edge(long osmNodeA, long osmNodeB)
    {
        int a = Vertex(osmNodeA), b = Vertex(osmNodeB);
        var edges = Enumerable.Range(0, FixtureGraph.EdgeCount)
            .Where(e => (FixtureGraph.EdgeFrom[e] == a && FixtureGraph.EdgeTo[e] == b) || (FixtureGraph.EdgeFrom[e] == b && FixtureGraph.EdgeTo[e] == a))
            .ToList();
        Assert.True(edges.Count == 1, $"exactly one edge joins nodes {osmNodeA} and {osmNodeB}");
        return edges[0];
    }

    public static double LengthM(long osmNodeA, long osmNodeB) => FixtureGraph.EdgeLengthCm[Edge(osmNodeA, osmNodeB)] / 100.0;

    /// <summary>The arc that travels from one node to the other.</summary>
    public static int Arc(long fromNode, long toNode)
    {
        int edge = Edge(fromNode, toNode);
        return (2 * edge) + (FixtureGraph.EdgeFrom[edge] == Vertex(fromNode) ? 0 : 1);
    }

    /// <summary>A snap point on the edge between two nodes, <paramref name="fractionFromA"/> of the way from A to B.</summary>
    public static SnapPoint Snap(long osmNodeA, long osmNodeB, double fractionFromA)
    {
        int edge = Edge(osmNodeA, osmNodeB);
        Assert.Equal(FixtureGraph.EdgeFirstShapePoint[edge], FixtureGraph.EdgeFirstShapePoint[edge + 1]); // straight: no shape points
        double lengthM = FixtureGraph.EdgeLengthCm[edge] / 100.0;
        bool aIsFrom = FixtureGraph.EdgeFrom[edge] == Vertex(osmNodeA);
        var (a, b) = (At(osmNodeA), At(osmNodeB));
        var point = new GeoPoint(a.Lat + (fractionFromA * (b.Lat - a.Lat)), a.Lon + (fractionFromA * (b.Lon - a.Lon)));
        return new SnapPoint(edge, (aIsFrom ? fractionFromA : 1 - fractionFromA) * lengthM, point, 4);
    }

    /// <summary>From a snap point through the given nodes to another, priced by the search's path cost definition.</summary>
    public static SearchPath Path(SnapPoint from, long[] nodes, SnapPoint to, CompiledProfile profile)
    {
        int[] arcs = [.. nodes.Zip(nodes.Skip(1), Arc)];
        int first = Vertex(nodes[0]), last = Vertex(nodes[^1]);
        double costS = SearchCosts.Path(FixtureGraph, profile, from, to, first, arcs, last);
        return new SearchPath(from, to, first, arcs, last, costS, 0);
    }

    /// <summary>Directly along one edge.</summary>
    public static SearchPath Along(SnapPoint from, SnapPoint to, CompiledProfile profile) =>
        new(from, to, -1, [], -1, SearchCosts.Path(FixtureGraph, profile, from, to, -1, [], -1), 0);

    /// <summary>Requested points a few metres off the snapped ones, as a user would click them.</summary>
    public static GeoPoint[] Requested(params SnapPoint[] points) => [.. points.Select(p => p.Point with { Lat = p.Point.Lat + 0.00003 })];

    public static Route Assemble(string profile, string language, SnapPoint from, long[] nodes, SnapPoint to)
    {
        var compiled = Profile(profile);
        return Assembler.Assemble([Path(from, nodes, to, compiled)], compiled, Requested(from, to), language);
    }
}
