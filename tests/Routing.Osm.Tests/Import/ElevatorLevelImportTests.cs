using Routing.Graph;
using Routing.Osm.Import;
using Routing.TestSupport;

namespace Routing.Osm.Tests.Import;

/// <summary>The levels of elevators reach the graph (Fixtures/elevator-levels.osm, layout in its header); other ways' levels do not.</summary>
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
