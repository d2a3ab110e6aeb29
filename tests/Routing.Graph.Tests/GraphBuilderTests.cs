namespace Routing.Graph.Tests;

public sealed class GraphBuilderTests
{
    private static readonly string?[] NameOfWay = ["Hauptstraße", "Plöck", null, "Hauptstraße", ""];

    /// <summary>
    /// A chain of six vertices added from north-east to south-west, so that the Hilbert order renumbers them and the
    /// edges (way 100 + i from vertex i to i + 1, named after <see cref="NameOfWay"/>) are reordered.
    /// </summary>
    private static RoutingGraph Chain()
    {
        var builder = new GraphBuilder();
        for (int i = 0; i < NameOfWay.Length + 1; i++)
        {
            builder.AddVertex(1_000 + i, 494_100_000 - (i * 1_000), 86_900_000 - (i * 1_500), default);
        }
        for (int i = 0; i < NameOfWay.Length; i++)
        {
            builder.AddEdge(i, i + 1, default, 100 + i, NameOfWay[i], [], []);
        }
        return builder.Build(TestGraphs.Metadata());
    }

    [Fact]
    public void Names_follow_their_edges_through_the_reordering()
    {
        RoutingGraph graph = Chain();

        Assert.NotEqual([100, 101, 102, 103, 104], graph.EdgeOsmWayId.ToArray());
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            Assert.Equal(NameOfWay[graph.EdgeOsmWayId[e] - 100] ?? "", graph.EdgeName(e));
        }
    }

    [Fact]
    public void Each_name_is_stored_once_and_no_name_is_name_0()
    {
        RoutingGraph graph = Chain();
        int EdgeOfWay(long wayId) => graph.EdgeOsmWayId.IndexOf(wayId);

        Assert.Equal(3, graph.NameCount); // "", "Hauptstraße", "Plöck"
        Assert.Equal(graph.EdgeNameId[EdgeOfWay(100)], graph.EdgeNameId[EdgeOfWay(103)]);
        Assert.Equal(0, graph.EdgeNameId[EdgeOfWay(102)]);
        Assert.Equal(0, graph.EdgeNameId[EdgeOfWay(104)]);
        Assert.Equal(3, GraphStatistics.Of(graph).NamedEdges);
    }

    [Fact]
    public void A_built_graph_has_no_elevations_until_it_is_placed_on_a_terrain()
    {
        RoutingGraph graph = Chain();

        Assert.Equal(graph.VertexCount, graph.VertexElevationM.Length);
        Assert.All(graph.VertexElevationM.ToArray(), h => Assert.True(float.IsNaN(h)));
    }

    [Fact]
    public void Placing_on_a_terrain_replaces_elevations_and_regroups_the_edge_classes()
    {
        RoutingGraph graph = Chain();
        Assert.Single(graph.EdgeClasses.ToArray());
        var heights = new float[graph.VertexCount];
        for (int v = 0; v < heights.Length; v++)
        {
            heights[v] = 100 + v;
        }
        // Edges of way 100 and 101 get the same incline, the rest another: two classes from one.
        var facts = new EdgeClass[graph.EdgeCount];
        for (int e = 0; e < facts.Length; e++)
        {
            facts[e] = new EdgeClass { InclinePermille = (short)(graph.EdgeOsmWayId[e] <= 101 ? 20 : -30) };
        }

        RoutingGraph placed = graph.WithTerrain(heights, [], facts, graph.Metadata with { ElevationSource = "test" });

        Assert.Equal(2, placed.EdgeClasses.Length);
        for (int e = 0; e < placed.EdgeCount; e++)
        {
            Assert.Equal(facts[e], placed.ClassOfEdge(e));
        }
        Assert.Equal(heights, placed.VertexElevationM.ToArray());
        Assert.Equal(graph.EdgeOsmWayId.ToArray(), placed.EdgeOsmWayId.ToArray());
        Assert.Equal("test", placed.Metadata.ElevationSource);
    }

    [Fact]
    public void Placing_on_a_terrain_checks_the_array_lengths()
    {
        RoutingGraph graph = Chain();

        Assert.Throws<ArgumentException>(() => graph.WithTerrain(new float[graph.VertexCount], [], new EdgeClass[1], graph.Metadata));
        Assert.Throws<GraphValidationException>(() => graph.WithTerrain(new float[1], [], new EdgeClass[graph.EdgeCount], graph.Metadata));
    }
}
