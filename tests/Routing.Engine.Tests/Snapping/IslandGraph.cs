using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Tests.Snapping;

/// <summary>
/// A graph built by hand with each kind of island:
/// <list type="bullet">
/// <item>the main network, a square of footways A (node 1) - B (2) - C (3) - D (4) of about 110 m by 72 m (way 10);</item>
/// <item>a pavement P1 (5) - P2 (6) 20 m north of D - C (way 20), joined to D and C only by steps (ways 21, 22): an
/// island of the wheelchair's own rules, part of the main network on foot;</item>
/// <item>a path S1 (7) - S2 (8) south-east of B that shares no node with anything (way 30): a static island, and
/// another, Q1 (10) - Q2 (11), 8 m north of the pavement (way 31);</item>
/// <item>a one-way footway from A south to a dead end E (9) (way 40, <c>oneway:foot=yes</c>): reached from the
/// network, never leading back.</item>
/// </list>
/// </summary>
internal static class IslandGraph
{
    public const double PavementNorthOfMainM = 20;

    public static readonly GeoPoint A = new(49.4100, 8.6900), B = new(49.4100, 8.6910), C = new(49.4110, 8.6910), D = new(49.4110, 8.6900);
    public static readonly GeoPoint P1 = North(D, PavementNorthOfMainM), P2 = North(C, PavementNorthOfMainM);
    public static readonly GeoPoint S1 = new(49.4098, 8.6912), S2 = new(49.4098, 8.6918), E = new(49.4095, 8.6900);
    public static readonly GeoPoint Q1 = North(D, PavementNorthOfMainM + 8), Q2 = North(C, PavementNorthOfMainM + 8);

    private static readonly Lazy<RoutingGraph> LazyGraph = new(Build);

    public static RoutingGraph Map => LazyGraph.Value;

    public static CompiledProfile Profile(string name) => CompiledProfile.Compile(Map, Preset(name));

    public static ProfileSettings Preset(string name)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var settings), name);
        return settings;
    }

    public static int Vertex(long osmNodeId) => Map.VertexOsmNodeId.IndexOf(osmNodeId);

    /// <summary>The (only) edge of a way between two nodes.</summary>
    public static int Edge(long osmWayId, long nodeA, long nodeB)
    {
        int a = Vertex(nodeA), b = Vertex(nodeB);
        return Enumerable.Range(0, Map.EdgeCount).Single(e => Map.EdgeOsmWayId[e] == osmWayId
            && ((Map.EdgeFrom[e] == a && Map.EdgeTo[e] == b) || (Map.EdgeFrom[e] == b && Map.EdgeTo[e] == a)));
    }

    /// <summary>A point moved north by metres (on the sphere <see cref="Coordinates.DistanceM(double, double, double, double)"/> uses).</summary>
    public static GeoPoint North(GeoPoint point, double metres) => new(point.Lat + (metres / Coordinates.MetresPerDegree), point.Lon);

    public static GeoPoint Between(GeoPoint a, GeoPoint b) => new((a.Lat + b.Lat) / 2, (a.Lon + b.Lon) / 2);

    private static RoutingGraph Build()
    {
        var builder = new GraphBuilder();
        int Vertex(long id, GeoPoint p) => builder.AddVertex(id, Coordinates.ToE7(p.Lat), Coordinates.ToE7(p.Lon), default);
        int a = Vertex(1, A), b = Vertex(2, B), c = Vertex(3, C), d = Vertex(4, D), p1 = Vertex(5, P1), p2 = Vertex(6, P2),
            s1 = Vertex(7, S1), s2 = Vertex(8, S2), e = Vertex(9, E), q1 = Vertex(10, Q1), q2 = Vertex(11, Q2);
        var footway = new EdgeClass
        {
            Highway = HighwayKind.Footway, Surface = SurfaceKind.Asphalt, SurfaceEvidence = Evidence.Tagged, Smoothness = Smoothness.Good,
            SmoothnessEvidence = Evidence.Tagged, WidthCm = 200, WidthEvidence = Evidence.Tagged, InclineEvidence = Evidence.Tagged,
        };
        var steps = footway with { Highway = HighwayKind.Steps, Flags = EdgeFlags.Steps };
        builder.AddEdge(a, b, footway, 10, "Quadrat", [], []);
        builder.AddEdge(b, c, footway, 10, "Quadrat", [], []);
        builder.AddEdge(c, d, footway, 10, "Quadrat", [], []);
        builder.AddEdge(d, a, footway, 10, "Quadrat", [], []);
        builder.AddEdge(p1, p2, footway, 20, "Terrasse", [], []);
        builder.AddEdge(d, p1, steps, 21, null, [], []);
        builder.AddEdge(c, p2, steps, 22, null, [], []);
        builder.AddEdge(s1, s2, footway, 30, null, [], []);
        builder.AddEdge(q1, q2, footway, 31, null, [], []);
        builder.AddEdge(a, e, footway with { Flags = EdgeFlags.ForwardOnly }, 40, null, [], []);
        return builder.Build(new GraphMetadata { SourceFile = "hand-built islands", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
    }
}
