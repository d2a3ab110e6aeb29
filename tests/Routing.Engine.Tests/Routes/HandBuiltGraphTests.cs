using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Engine.Search;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Tests.Routes;

/// <summary>
/// What the OSM fixture lacks, on a graph built by hand: a bent edge with shape points, cut inside its shape, and a
/// kerb tagged on a crossing way (<c>kerb:start</c>) rather than on a node.
/// Sidewalk way 10 runs A (node 1001) over two shape points to B (1002); crossing way 20 runs B - C (1003) - D (1004)
/// northwards with traffic signals, and its first edge carries a raised 8 cm kerb.
/// </summary>
public sealed class HandBuiltGraphTests
{
    private static readonly GeoPoint A = new(49.4100, 8.6900), S1 = new(49.4102, 8.6902), S2 = new(49.4102, 8.6906), B = new(49.4100, 8.6908),
        C = new(49.4106, 8.6908), D = new(49.4110, 8.6908);

    private static readonly RoutingGraph Graph = Build();

    private static RoutingGraph Build()
    {
        var builder = new GraphBuilder();
        int Vertex(long id, GeoPoint p) => builder.AddVertex(id, Coordinates.ToE7(p.Lat), Coordinates.ToE7(p.Lon), default);
        int a = Vertex(1001, A), b = Vertex(1002, B), c = Vertex(1003, C), d = Vertex(1004, D);
        var sidewalk = new EdgeClass { Highway = HighwayKind.Sidewalk, Surface = SurfaceKind.Asphalt, SurfaceEvidence = Evidence.Tagged };
        var crossing = new EdgeClass { Highway = HighwayKind.Crossing, Crossing = CrossingKind.TrafficSignals };
        builder.AddEdge(a, b, sidewalk, 10, null, [Coordinates.ToE7(S1.Lat), Coordinates.ToE7(S2.Lat)], [Coordinates.ToE7(S1.Lon), Coordinates.ToE7(S2.Lon)]);
        builder.AddEdge(b, c, crossing with { Kerb = KerbKind.Raised, KerbEvidence = Evidence.Tagged, KerbHeightCm = 8 }, 20, null, [], []);
        builder.AddEdge(c, d, crossing, 20, null, [], []);
        return builder.Build(new GraphMetadata { SourceFile = "hand-built", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
    }

    private static int VertexOf(long id) => Graph.VertexOsmNodeId.IndexOf(id);

    /// <summary>The edge added from one node to the other (the builder renumbers edges but keeps their directions).</summary>
    private static int EdgeOf(long fromNode, long toNode) =>
        Enumerable.Range(0, Graph.EdgeCount).Single(e => Graph.EdgeFrom[e] == VertexOf(fromNode) && Graph.EdgeTo[e] == VertexOf(toNode));

    private static double M(GeoPoint p, GeoPoint q) => Coordinates.DistanceM(p.Lat, p.Lon, q.Lat, q.Lon);

    [Fact]
    public void A_cut_inside_a_bent_edge_keeps_its_remaining_shape_and_an_edge_kerb_is_placed_at_its_way_end()
    {
        int sidewalk = EdgeOf(1001, 1002), first = EdgeOf(1002, 1003), second = EdgeOf(1003, 1004);
        // Halfway between the two shape points, measured along the shape from A.
        var from = new SnapPoint(sidewalk, M(A, S1) + (M(S1, S2) / 2), new GeoPoint(49.4102, 8.6904), 2);
        var to = new SnapPoint(second, Graph.EdgeLengthCm[second] / 200.0, new GeoPoint(49.4108, 8.6908), 2);
        var path = new SearchPath(from, to, VertexOf(1002), [2 * first], VertexOf(1003), 0, 0);
        var foot = CompiledProfile.Compile(Graph, RouteFixture.Preset("foot"));

        var route = new RouteAssembler(Graph).Assemble([path], foot, [from.Point, to.Point], "en");

        Assert.Equal([from.Point, S2, B, C, to.Point], route.Geometry);
        Assert.Equal((M(S1, S2) / 2) + M(S2, B) + (Graph.EdgeLengthCm[first] / 100.0) + (Graph.EdgeLengthCm[second] / 200.0), route.DistanceM, 2);
        Assert.Equal([10L, 20L, 20L], route.Segments.Select(s => s.OsmWayId));
        Assert.True(route.Segments[0].Sidewalk);

        var kerb = route.Segments[1].KerbAtStart;
        Assert.NotNull(kerb);
        Assert.Equal(("raised", 8, Evidence.Tagged, 1002L), (kerb.Kind, kerb.HeightCm.Value, kerb.HeightCm.Evidence, kerb.OsmNodeId));
        Assert.Equal(B, kerb.Location);
        Assert.Null(route.Segments[2].KerbAtStart);

        Assert.Equal(["Head east on the sidewalk", "Cross the street at the traffic lights – Raised kerb, 8 cm", "You have arrived"],
            route.Instructions.Select(i => i.Text));
        Assert.Equal((1, 1), (route.Summary.Crossings, route.Summary.KerbsCrossed));
    }
}
