using Routing.Engine.Profiles;
using Routing.Engine.Snapping;
using Routing.Graph;
using Routing.TestSupport;
using static Routing.Engine.Tests.Snapping.IslandGraph;

namespace Routing.Engine.Tests.Snapping;

/// <summary>The profile's main network: by hand on <see cref="IslandGraph"/>, and on Heidelberg against plain searches.</summary>
public sealed class ProfileNetworkTests
{
    [Fact]
    public void For_a_wheelchair_the_pavement_between_steps_the_unjoined_path_and_the_one_way_dead_end_are_islands()
    {
        var network = Profile("wheelchair").Network;

        Assert.Equal([1L, 2L, 3L, 4L], MainNodes(network));
        Assert.Equal(4, network.MainVertexCount);
        Assert.True(network.IsOnMain(Edge(10, 1, 2)));
        Assert.False(network.IsOnMain(Edge(20, 5, 6)));
        Assert.False(network.IsOnMain(Edge(21, 4, 5)));
        Assert.False(network.IsOnMain(Edge(30, 7, 8)));
        Assert.False(network.IsOnMain(Edge(40, 1, 9)));
        // Only the unjoined path lies in another component of the graph.
        Assert.True(network.IsStaticIsland(Map, Edge(30, 7, 8)));
        Assert.False(network.IsStaticIsland(Map, Edge(20, 5, 6)));
        Assert.False(network.IsStaticIsland(Map, Edge(40, 1, 9)));
    }

    [Fact]
    public void On_foot_the_steps_join_the_pavement_to_the_main_network_but_a_one_way_dead_end_never_leads_back()
    {
        var network = Profile("foot").Network;

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], MainNodes(network));
        Assert.True(network.IsOnMain(Edge(20, 5, 6)));
        Assert.True(network.IsOnMain(Edge(22, 3, 6)));
        Assert.False(network.IsOnMain(Edge(40, 1, 9)));
        Assert.False(network.IsOnMain(Edge(30, 7, 8)));
    }

    [Fact]
    public void A_profile_that_may_use_nothing_has_no_main_network()
    {
        var nothing = CompiledProfile.Compile(Map, Preset("wheelchair") with { MinWidthCm = 500 }); // every way is 2 m wide

        var network = nothing.Network;

        Assert.Equal(0, network.MainVertexCount);
        Assert.Equal(-1, network.MainGraphComponent);
        Assert.All(Enumerable.Range(0, Map.EdgeCount), e => Assert.False(network.IsOnMain(e)));
    }

    [Fact]
    public void Profiles_that_block_the_same_share_one_network_and_others_do_not()
    {
        var wheelchair = Profile("wheelchair");
        var faster = CompiledProfile.Compile(Map, Preset("wheelchair") with { SpeedMps = 1.5 });
        var stepsAllowed = CompiledProfile.Compile(Map, Preset("wheelchair") with { Steps = StepsPolicy.Allowed });

        Assert.Same(wheelchair.Network, faster.Network);
        Assert.NotSame(wheelchair.Network, stepsAllowed.Network);
        Assert.True(stepsAllowed.Network.IsOnMain(Edge(20, 5, 6)));
        Assert.False(wheelchair.Network.IsOnMain(Edge(20, 5, 6)));
    }

    /// <summary>
    /// The main network is every vertex that a plain search from one of its vertices reaches and that reaches it back,
    /// and holds more than half of all vertices, so no other strongly connected component can be larger.
    /// </summary>
    [Theory]
    [InlineData("wheelchair")]
    [InlineData("powered_wheelchair")]
    [InlineData("walker")]
    [InlineData("pushchair")]
    [InlineData("foot")]
    public void On_Heidelberg_the_main_network_is_what_a_plain_search_reaches_both_ways(string preset)
    {
        var graph = Heidelberg.Graph;
        Assert.True(ProfileCatalog.Default.TryGet(preset, out var settings));
        var profile = CompiledProfile.Compile(graph, settings);
        var network = profile.Network;
        int root = Enumerable.Range(0, graph.VertexCount).First(network.IsMainVertex);

        var forward = Reach(graph, profile, root, backward: false);
        var backward = Reach(graph, profile, root, backward: true);

        var expected = Enumerable.Range(0, graph.VertexCount).Where(v => forward[v] && backward[v]).ToList();
        Assert.Equal(expected, Enumerable.Range(0, graph.VertexCount).Where(network.IsMainVertex));
        Assert.Equal(expected.Count, network.MainVertexCount);
        Assert.True(2 * expected.Count > graph.VertexCount, $"{expected.Count} of {graph.VertexCount} vertices");
    }

    private static long[] MainNodes(ProfileNetwork network) =>
        [.. Enumerable.Range(0, Map.VertexCount).Where(network.IsMainVertex).Select(v => Map.VertexOsmNodeId[v]).Order()];

    /// <summary>Breadth-first over the arcs the profile may use (with the vertex they enter), or against them.</summary>
    private static bool[] Reach(RoutingGraph graph, CompiledProfile profile, int root, bool backward)
    {
        var reached = new bool[graph.VertexCount];
        var queue = new Queue<int>([root]);
        reached[root] = true;
        while (queue.TryDequeue(out int u))
        {
            for (int i = graph.FirstArc[u]; i < graph.FirstArc[u + 1]; i++)
            {
                // Forwards: the arc leaving u. Backwards: its twin, the arc from the neighbour into u.
                int arc = backward ? graph.Arcs[i] ^ 1 : graph.Arcs[i];
                int next = graph.ArcHead(graph.Arcs[i]);
                if (profile.ArcCost(graph, arc) < double.PositiveInfinity && !reached[next])
                {
                    reached[next] = true;
                    queue.Enqueue(next);
                }
            }
        }
        return reached;
    }
}
