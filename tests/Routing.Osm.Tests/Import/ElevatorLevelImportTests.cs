using Routing.Graph;
using Routing.Osm.Import;
using Routing.TestSupport;

namespace Routing.Osm.Tests.Import;

/// <summary>
/// The levels of elevators reach the graph (Fixtures/elevator-levels.osm, layout in its header), tagged on them or, for an
/// elevator node without one, from the ways it joins; other ways' and nodes' levels do not.
/// </summary>
public sealed class ElevatorLevelImportTests
{
    private static readonly RoutingGraph Graph = OsmImporter.Import(RepositoryPaths.Fixture("elevator-levels.osm")).Graph;

    private static float[] LevelsOfNode(long node) => [.. Graph.LevelsOfVertex(Graph.VertexOfNode(node)).ToArray().Select(l => l.Level)];

    [Fact]
    public void Elevator_nodes_keep_their_levels()
    {
        Assert.Equal([-1f, 0f], LevelsOfNode(2));
        Assert.Equal([1f, 2f], LevelsOfNode(5));
        Assert.Empty(LevelsOfNode(9));
    }

    [Fact]
    public void An_elevator_node_without_a_level_serves_the_levels_of_the_ways_it_joins()
    {
        Assert.Equal([-2f, 0f], LevelsOfNode(12));
        Assert.Empty(LevelsOfNode(13)); // one of its ways has no level: a partial list would make that level look foreign
    }

    [Fact]
    public void Elevator_ways_keep_their_levels_on_every_edge()
    {
        var edge = Assert.Single(Graph.EdgesOfWay(104));
        Assert.Equal([0f, 3f], Graph.LevelsOfEdge(edge).ToArray().Select(l => l.Level));
    }

    [Fact]
    public void Footways_on_a_level_keep_none_because_nothing_reads_them()
    {
        Assert.All(Graph.EdgesOfWay(100), edge => Assert.True(Graph.LevelsOfEdge(edge).IsEmpty));
        Assert.Empty(LevelsOfNode(1));
    }
}
