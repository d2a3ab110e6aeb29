using Routing.Engine.Profiles;
using Routing.Engine.Search;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Osm.Import;
using Routing.TestSupport;

namespace Routing.Engine.Tests.Search;

public sealed class PathFinderTests
{
    private const int PairsPerProfile = 300;

    [Theory]
    [InlineData("wheelchair", false)]
    [InlineData("powered_wheelchair", false)]
    [InlineData("walker", false)]
    [InlineData("pushchair", false)]
    [InlineData("foot", false)]
    [InlineData("wheelchair", true)]
    [InlineData("wheelchair", false, DerivedInclinePolicy.Block)]
    [InlineData("wheelchair", false, DerivedInclinePolicy.Ignore)]
    [InlineData("walker", true, DerivedInclinePolicy.Block)]
    // A strict limit puts a chance on nearly every estimate: expected costs and blocks by chance, from 1.5 to 5 times.
    [InlineData("wheelchair", false, DerivedInclinePolicy.Penalize, 3.0)]
    [InlineData("wheelchair", true, DerivedInclinePolicy.Penalize, 3.0)]
    [InlineData("powered_wheelchair", false, DerivedInclinePolicy.Penalize, 4.0)]
    public void Alt_finds_the_cost_of_dijkstra_on_random_heidelberg_pairs(string profileName, bool relaxed, DerivedInclinePolicy? derivedIncline = null,
        double? maxInclinePct = null)
    {
        var finder = SearchTesting.HeidelbergFinder;
        var graph = finder.Graph;
        var profile = SearchTesting.Profile(graph, profileName, relaxed, derivedIncline, maxInclinePct);
        var random = new Random(20_251_126 + profileName.Length + (relaxed ? 1000 : 0) + (int)(derivedIncline ?? 0) + (int)(maxInclinePct ?? 0));
        var pairs = SearchTesting.RandomPairs(graph, random, PairsPerProfile);
        int found = SearchTesting.AssertSameAsDijkstra(finder, profile, pairs, "ALT");
        // Relaxed profiles turn blocks into penalties: every pair in the largest component is connected. Strict
        // wheelchair limits (6 % up) keep the hillside districts and the Odenwald out of reach: about a third connect.
        Assert.True(relaxed ? found == pairs.Length : found >= pairs.Length / (maxInclinePct is null ? 5 : 20), $"only {found} of {pairs.Length} pairs connected");
    }

    /// <summary>
    /// The landmarks bound cost by length, so they guide best where cost follows length. A wheelchair pays up to 45
    /// times the bound on hillsides (comfort zone, slowdown, possibly steep readings), which now stay passable instead
    /// of blocked: its search still settles fewer vertices than Dijkstra's, but not far fewer (benchmarks/README.md).
    /// </summary>
    [Theory]
    [InlineData("foot", 0.5)]
    [InlineData("wheelchair", 1.0)]
    public void Alt_settles_fewer_vertices_than_dijkstra_across_town(string profileName, double maxShare)
    {
        var finder = SearchTesting.HeidelbergFinder;
        var graph = finder.Graph;
        var profile = SearchTesting.Profile(graph, profileName);
        var random = new Random(42);
        long altSettled = 0, dijkstraSettled = 0;
        int pairs = 0;
        while (pairs < 60)
        {
            var from = SearchTesting.RandomPoint(graph, random);
            var to = SearchTesting.RandomPoint(graph, random);
            if (SearchTesting.StraightLineM(from, to) is < 2000 or > 6000)
            {
                continue;
            }
            var alt = finder.Find(profile, from, to);
            var dijkstra = finder.FindWithDijkstra(profile, from, to);
            if (alt is null || dijkstra is null)
            {
                continue; // unreachable pairs make every search exhaust a side: not what this compares
            }
            altSettled += alt.SettledVertices;
            dijkstraSettled += dijkstra.SettledVertices;
            pairs++;
        }
        double share = altSettled / (double)dijkstraSettled;
        Assert.True(share < maxShare, $"ALT settled {altSettled:N0} vertices, Dijkstra {dijkstraSettled:N0} ({share:P0})");
    }

    [Fact]
    public void Both_points_on_one_edge_go_directly_along_it_in_either_direction()
    {
        var finder = SearchTesting.HeidelbergFinder;
        var graph = finder.Graph;
        var profile = SearchTesting.Profile(graph, "foot");
        int edge = FirstEdge(graph, e => graph.EdgeLengthCm[e] > 4000 && graph.VertexComponent[graph.EdgeFrom[e]] == 0
            && double.IsFinite(profile.PartialEdgeCost(graph, e, false, 1)) && double.IsFinite(profile.PartialEdgeCost(graph, e, true, 1)));
        double lengthM = graph.EdgeLengthCm[edge] / 100.0;
        var near = SearchTesting.At(graph, edge, 0.4 * lengthM);
        var far = SearchTesting.At(graph, edge, 0.6 * lengthM);

        var forwards = finder.Find(profile, near, far);
        Assert.NotNull(forwards);
        Assert.True(forwards.StaysOnOneEdge);
        Assert.Empty(forwards.Arcs);
        SearchTesting.AssertClose(profile.PartialEdgeCost(graph, edge, false, 0.2 * lengthM), forwards.CostS, "forwards");

        var backwards = finder.Find(profile, far, near);
        Assert.NotNull(backwards);
        Assert.True(backwards.StaysOnOneEdge);
        SearchTesting.AssertClose(profile.PartialEdgeCost(graph, edge, true, 0.2 * lengthM), backwards.CostS, "backwards");

        var here = finder.Find(profile, near, near);
        Assert.NotNull(here);
        Assert.True(here.StaysOnOneEdge);
        Assert.Equal(profile.PartialEdgeCost(graph, edge, false, 0), here.CostS);
        Assert.Equal(finder.FindWithDijkstra(profile, far, near)!.CostS, backwards.CostS);
    }

    [Fact]
    public void Two_points_on_a_slow_edge_are_joined_around_it_when_that_is_cheaper()
    {
        // A 100 m staircase 1-2 (walked at half speed) and a footway 1-3-2 of about 102 m beside it. Between 10 m and
        // 90 m on the stairs, going back to 1, round by 3 and back down from 2 is 20 m of stairs and 102 m of footway,
        // cheaper than the 80 m of stairs straight on.
        var builder = new GraphBuilder();
        int v1 = builder.AddVertex(1, 494_100_000, 86_900_000, default);
        int v2 = builder.AddVertex(2, 494_109_000, 86_900_000, default);
        int v3 = builder.AddVertex(3, 494_104_500, 86_901_400, default);
        var steps = new EdgeClass { Highway = HighwayKind.Steps, Flags = EdgeFlags.Steps };
        var footway = new EdgeClass { Highway = HighwayKind.Footway };
        builder.AddEdge(v1, v2, steps, 10, null, [], []);
        builder.AddEdge(v1, v3, footway, 11, null, [], []);
        builder.AddEdge(v3, v2, footway, 12, null, [], []);
        var graph = builder.Build(new GraphMetadata { SourceFile = "test", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
        var finder = new PathFinder(graph);
        var profile = SearchTesting.Profile(graph, "foot");
        int stairs = FirstEdge(graph, e => graph.EdgeOsmWayId[e] == 10);
        double lengthM = graph.EdgeLengthCm[stairs] / 100.0;
        var from = SearchTesting.At(graph, stairs, 0.1 * lengthM);
        var to = SearchTesting.At(graph, stairs, 0.9 * lengthM);

        var path = finder.Find(profile, from, to);

        Assert.NotNull(path);
        Assert.False(path.StaysOnOneEdge);
        Assert.Equal(2, path.Arcs.Count);
        Assert.True(path.CostS < profile.PartialEdgeCost(graph, stairs, false, 0.8 * lengthM));
        SearchTesting.AssertClose(path.CostS, SearchTesting.CheckedCost(graph, profile, path), "summed again");
        Assert.Equal(finder.FindWithDijkstra(profile, from, to)!.CostS, path.CostS);
        // Backwards along the stairs, the short way stays on them.
        Assert.True(finder.Find(profile, SearchTesting.At(graph, stairs, 0.6 * lengthM), SearchTesting.At(graph, stairs, 0.5 * lengthM))!.StaysOnOneEdge);
    }

    [Fact]
    public void A_wheelchair_takes_the_ramp_where_walking_takes_the_stairs()
    {
        // accessibility.osm: steps 100 (2-5) have no ramp, steps 101 (3-6) have a wheelchair ramp, footway 201 joins 5 and 6.
        var graph = OsmImporter.Import(RepositoryPaths.Fixture("accessibility.osm")).Graph;
        var finder = new PathFinder(graph);
        int before2 = FirstEdge(graph, e => graph.EdgeOsmWayId[e] == 200 && graph.VertexOsmNodeId[graph.EdgeFrom[e]] == 1);
        int footway201 = FirstEdge(graph, e => graph.EdgeOsmWayId[e] == 201);
        var from = SearchTesting.At(graph, before2, graph.EdgeLengthCm[before2] / 200.0);
        int node5 = graph.VertexOsmNodeId[graph.EdgeFrom[footway201]] == 5 ? graph.EdgeFrom[footway201] : graph.EdgeTo[footway201];
        var to = SearchTesting.At(graph, footway201, node5 == graph.EdgeFrom[footway201] ? 1 : graph.EdgeLengthCm[footway201] / 100.0 - 1);

        var walking = finder.Find(SearchTesting.Profile(graph, "foot"), from, to);
        var wheelchair = finder.Find(SearchTesting.Profile(graph, "wheelchair"), from, to);

        Assert.NotNull(walking);
        Assert.Contains(100L, Ways(graph, walking));
        Assert.NotNull(wheelchair);
        Assert.DoesNotContain(100L, Ways(graph, wheelchair));
        Assert.Contains(101L, Ways(graph, wheelchair));
    }

    [Fact]
    public void A_wheelchair_never_uses_steps_without_a_ramp_in_heidelberg()
    {
        var finder = SearchTesting.HeidelbergFinder;
        var graph = finder.Graph;
        var foot = SearchTesting.Profile(graph, "foot");
        var wheelchair = SearchTesting.Profile(graph, "wheelchair");
        int checkedSteps = 0;
        for (int steps = 0; steps < graph.EdgeCount && checkedSteps < 5; steps++)
        {
            ref readonly var facts = ref graph.ClassOfEdge(steps);
            if (!facts.Has(EdgeFlags.Steps) || facts.Has(EdgeFlags.WheelchairRamp) || graph.VertexComponent[graph.EdgeFrom[steps]] != 0)
            {
                continue;
            }
            // Points on a neighbouring edge at each end of the stairs: walking takes the stairs between them.
            if (Neighbour(graph, graph.EdgeFrom[steps], steps) is not { } before || Neighbour(graph, graph.EdgeTo[steps], steps) is not { } after)
            {
                continue;
            }
            var from = SearchTesting.At(graph, before, graph.EdgeLengthCm[before] / 200.0);
            var to = SearchTesting.At(graph, after, graph.EdgeLengthCm[after] / 200.0);
            if (finder.Find(foot, from, to) is not { } walking || !walking.Arcs.Any(a => a >> 1 == steps))
            {
                continue;
            }
            var rolling = finder.Find(wheelchair, from, to);
            var reference = finder.FindWithDijkstra(wheelchair, from, to);
            Assert.Equal(reference is null, rolling is null);
            if (rolling is not null)
            {
                Assert.DoesNotContain(rolling.Arcs, a => a >> 1 == steps);
                Assert.All(rolling.Arcs, a => Assert.True(double.IsFinite(wheelchair.ArcCost(graph, a))));
                SearchTesting.AssertClose(reference!.CostS, rolling.CostS, "ALT against Dijkstra");
            }
            checkedSteps++;
        }
        Assert.Equal(5, checkedSteps);
    }

    [Fact]
    public void Points_in_different_components_have_no_path()
    {
        var finder = SearchTesting.HeidelbergFinder;
        var graph = finder.Graph;
        var profile = SearchTesting.Profile(graph, "foot", relaxed: true);
        int island = FirstEdge(graph, e => graph.VertexComponent[graph.EdgeFrom[e]] == 1);
        int main = FirstEdge(graph, e => graph.VertexComponent[graph.EdgeFrom[e]] == 0);
        var onIsland = SearchTesting.At(graph, island, 0);
        var onMain = SearchTesting.At(graph, main, 0);

        Assert.Null(finder.Find(profile, onIsland, onMain));
        Assert.Null(finder.FindWithDijkstra(profile, onIsland, onMain));
        // Within the island the search still works, without landmarks.
        int other = FirstEdge(graph, e => graph.VertexComponent[graph.EdgeFrom[e]] == 1 && e != island);
        var alt = finder.Find(profile, onIsland, SearchTesting.At(graph, other, graph.EdgeLengthCm[other] / 200.0));
        Assert.NotNull(alt);
        Assert.Equal(finder.FindWithDijkstra(profile, onIsland, SearchTesting.At(graph, other, graph.EdgeLengthCm[other] / 200.0))!.CostS, alt.CostS, 9);
    }

    [Fact]
    public void A_profile_of_another_graph_and_unknown_edges_are_refused()
    {
        var finder = SearchTesting.HeidelbergFinder;
        var fixture = OsmImporter.Import(RepositoryPaths.Fixture("accessibility.osm")).Graph;
        var point = SearchTesting.At(finder.Graph, 0, 0);
        Assert.Throws<ArgumentException>(() => finder.Find(SearchTesting.Profile(fixture, "foot"), point, point));
        var profile = SearchTesting.Profile(finder.Graph, "foot");
        Assert.Throws<ArgumentOutOfRangeException>(() => finder.Find(profile, point, point with { Edge = finder.Graph.EdgeCount }));
    }

    private static int FirstEdge(RoutingGraph graph, Func<int, bool> wanted)
    {
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            if (wanted(e))
            {
                return e;
            }
        }
        throw new InvalidOperationException("no such edge");
    }

    private static int? Neighbour(RoutingGraph graph, int vertex, int except)
    {
        for (int i = graph.FirstArc[vertex]; i < graph.FirstArc[vertex + 1]; i++)
        {
            int edge = graph.Arcs[i] >> 1;
            if (edge != except && !graph.ClassOfEdge(edge).Has(EdgeFlags.Steps))
            {
                return edge;
            }
        }
        return null;
    }

    private static List<long> Ways(RoutingGraph graph, SearchPath path) => [.. path.Arcs.Select(a => graph.EdgeOsmWayId[a >> 1])];
}
