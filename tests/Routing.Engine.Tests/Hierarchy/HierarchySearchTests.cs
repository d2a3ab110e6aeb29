using Routing.Engine.Barriers;
using Routing.Engine.Hierarchy;
using Routing.Engine.Profiles;
using Routing.Engine.Search;
using Routing.Engine.Tests.Search;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.TestSupport;
using Xunit.Abstractions;

namespace Routing.Engine.Tests.Hierarchy;

/// <summary>The hierarchy query against plain Dijkstra on the real city, for every preset, relaxed, and under barrier reports.</summary>
public sealed class HierarchySearchTests(ITestOutputHelper output)
{
    private const int PairsPerProfile = 300;

    private static readonly Lazy<ContractionHierarchy> LazyHeidelberg = new(() => ContractionHierarchy.Build(Heidelberg.Graph));

    [Theory]
    [InlineData("wheelchair", false)]
    [InlineData("powered_wheelchair", false)]
    [InlineData("walker", false)]
    [InlineData("pushchair", false)]
    [InlineData("foot", false)]
    [InlineData("wheelchair", true)]
    [InlineData("foot", true)]
    [InlineData("wheelchair", false, DerivedInclinePolicy.Block)]
    [InlineData("walker", true, DerivedInclinePolicy.Ignore)]
    public void Hierarchy_finds_the_cost_of_dijkstra_on_random_heidelberg_pairs(string profileName, bool relaxed, DerivedInclinePolicy? derivedIncline = null)
    {
        var profile = SearchTesting.Profile(Heidelberg.Graph, profileName, relaxed, derivedIncline);
        var customized = profile.UseHierarchy(LazyHeidelberg.Value);
        output.WriteLine($"{LazyHeidelberg.Value.ShortcutCount:N0} shortcuts for {Heidelberg.Graph.EdgeCount:N0} edges, " +
                         $"ordered and contracted in {LazyHeidelberg.Value.BuildTime.TotalMilliseconds:F0} ms; customized in {customized.CustomizationTime.TotalMilliseconds:F0} ms");
        AssertExact(SearchTesting.HeidelbergFinder, profile, new Random(7_000 + profileName.Length + (relaxed ? 100 : 0) + (int)(derivedIncline ?? 0)));
    }

    [Fact]
    public void Hierarchy_respects_barrier_reports_in_the_overlay_it_was_customized_with()
    {
        var graph = Heidelberg.Graph;
        var random = new Random(99);
        // Twenty blocked paths on random streets of the main network: every route that used them must go round.
        var reports = Enumerable.Range(1, 20).Select(id =>
        {
            var point = SearchTesting.RandomPoint(graph, random).Point;
            return new ReportedBarrier(id, ReportedBarrierKind.BlockedPath, Verified: true, new BarrierGeometry(BarrierGeometryType.Point, [point]));
        }).ToList();
        var overlay = BarrierOverlay.Build(graph, reports);
        Assert.True(overlay.EdgeClasses.Length > 0, "no report was pinned to a way");
        Assert.True(ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair));
        foreach (bool relaxed in (bool[])[false, true])
        {
            var profile = CompiledProfile.Compile(graph, wheelchair, relaxed, overlay);
            profile.UseHierarchy(LazyHeidelberg.Value);
            AssertExact(SearchTesting.HeidelbergFinder, profile, new Random(relaxed ? 5 : 6));
        }
    }

    [Theory]
    [InlineData("wheelchair", false)]
    [InlineData("foot", true)]
    public void Every_query_arc_costs_the_true_distance_between_its_ends_and_a_quarter_or_more_of_the_directions_are_left_out(string profileName, bool relaxed)
    {
        var hierarchy = LazyHeidelberg.Value;
        var graph = hierarchy.Graph;
        var profile = SearchTesting.Profile(graph, profileName, relaxed);
        var customized = profile.UseHierarchy(hierarchy);
        int kept = customized.Forward.Count + customized.Backward.Count;
        output.WriteLine($"{profileName}{(relaxed ? " relaxed" : "")}: {customized.Forward.Count:N0} forward and {customized.Backward.Count:N0} backward " +
                         $"query arcs of {2 * hierarchy.ShortcutCount:N0} shortcut directions ({100.0 * kept / (2 * hierarchy.ShortcutCount):F0} %)");
        Assert.True(kept < 0.75 * 2 * hierarchy.ShortcutCount, "at least a quarter of the shortcut directions should be left out");

        // Plain Dijkstra from a point on one vertex to a point on another, neither with a node cost (a point on a
        // vertex may leave along its edge without passing the vertex), costs the cheapest arcs between them: what a
        // query arc between their ranks must cost, no more (or the arc is not true) and no less (or it is not a path).
        var firstEdge = new int[graph.VertexCount];
        Array.Fill(firstEdge, -1);
        for (int edge = graph.EdgeCount - 1; edge >= 0; edge--)
        {
            firstEdge[graph.EdgeFrom[edge]] = edge;
        }
        var random = new Random(31);
        int checkedArcs = 0;
        foreach (var (arcs, forward) in ((QueryArcs, bool)[])[(customized.Forward, true), (customized.Backward, false)])
        {
            for (int tries = 0; tries < 2_000 && checkedArcs < (forward ? 150 : 300); tries++)
            {
                var arc = arcs.Arcs[random.Next(arcs.Count)];
                int tail = hierarchy.Order[hierarchy.Tail[arc.Shortcut]], head = hierarchy.Order[arc.Head];
                (int from, int to) = forward ? (tail, head) : (head, tail);
                if (firstEdge[from] < 0 || firstEdge[to] < 0 || profile.VertexCost(from) != 0 || profile.VertexCost(to) != 0)
                {
                    continue;
                }
                var path = SearchTesting.HeidelbergFinder.FindWithDijkstra(profile,
                    SearchTesting.At(graph, firstEdge[from], 0), SearchTesting.At(graph, firstEdge[to], 0));
                Assert.NotNull(path);
                SearchTesting.AssertClose(path.CostS, arc.CostS, $"query arc {from} -> {to}");
                checkedArcs++;
            }
        }
        Assert.Equal(300, checkedArcs);
    }

    [Fact]
    public void Every_shortcut_leads_to_an_ancestor_and_every_edge_lies_on_one()
    {
        var hierarchy = LazyHeidelberg.Value;
        var graph = hierarchy.Graph;
        Assert.Equal(graph.VertexCount, hierarchy.Order.Distinct().Count());
        for (int r = 0; r < graph.VertexCount; r++)
        {
            for (int shortcut = hierarchy.UpFirst[r]; shortcut < hierarchy.UpFirst[r + 1]; shortcut++)
            {
                int head = hierarchy.UpHead[shortcut];
                Assert.True(head > r);
                int ancestor = hierarchy.Parent[r];
                while (ancestor >= 0 && ancestor < head)
                {
                    ancestor = hierarchy.Parent[ancestor];
                }
                Assert.True(ancestor == head, $"shortcut {r} -> {head} does not lead to an ancestor");
            }
        }
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            int a = hierarchy.Rank[graph.EdgeFrom[edge]], b = hierarchy.Rank[graph.EdgeTo[edge]];
            int shortcut = hierarchy.EdgeShortcut[edge];
            Assert.True(a == b ? shortcut == -1 : hierarchy.Tail[shortcut] == Math.Min(a, b) && hierarchy.UpHead[shortcut] == Math.Max(a, b));
        }
        int deepest = Enumerable.Range(0, graph.VertexCount).Max(hierarchy.Depth);
        output.WriteLine($"{hierarchy.ShortcutCount:N0} shortcuts, elimination tree depth {deepest}");
    }

    [Fact]
    public void Two_points_on_a_slow_edge_are_joined_around_it_when_that_is_cheaper()
    {
        // A 100 m staircase 1-2 beside a footway 1-3-2 of about 102 m (as in PathFinderTests): a shortcut stands for the footway.
        var builder = new GraphBuilder();
        int v1 = builder.AddVertex(1, 494_100_000, 86_900_000, default);
        int v2 = builder.AddVertex(2, 494_109_000, 86_900_000, default);
        int v3 = builder.AddVertex(3, 494_104_500, 86_901_400, default);
        builder.AddEdge(v1, v2, new EdgeClass { Highway = HighwayKind.Steps, Flags = EdgeFlags.Steps }, 10, null, [], []);
        builder.AddEdge(v1, v3, new EdgeClass { Highway = HighwayKind.Footway }, 11, null, [], []);
        builder.AddEdge(v3, v2, new EdgeClass { Highway = HighwayKind.Footway }, 12, null, [], []);
        var graph = builder.Build(new GraphMetadata { SourceFile = "test", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
        var finder = new PathFinder(graph);
        var profile = SearchTesting.Profile(graph, "foot");
        profile.UseHierarchy(ContractionHierarchy.Build(graph));
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            double lengthM = graph.EdgeLengthCm[edge] / 100.0;
            foreach (var (x, y) in ((double, double)[])[(0.1, 0.9), (0.9, 0.1), (0.5, 0.5), (0, 1)])
            {
                for (int other = 0; other < graph.EdgeCount; other++)
                {
                    var from = SearchTesting.At(graph, edge, x * lengthM);
                    var to = SearchTesting.At(graph, other, y * graph.EdgeLengthCm[other] / 100.0);
                    var path = finder.Find(profile, from, to);
                    Assert.NotNull(path);
                    SearchTesting.AssertClose(finder.FindWithDijkstra(profile, from, to)!.CostS, path.CostS, $"{edge}@{x} -> {other}@{y}");
                    SearchTesting.AssertClose(path.CostS, SearchTesting.CheckedCost(graph, profile, path), "summed again");
                }
            }
        }
    }

    /// <summary>Random pairs, half across the city and half within 2 km, searched in parallel: same cost as Dijkstra, a path that sums to it.</summary>
    private static void AssertExact(PathFinder finder, CompiledProfile profile, Random random)
    {
        var graph = finder.Graph;
        Assert.NotNull(profile.Hierarchy);
        var pairs = SearchTesting.RandomPairs(graph, random, PairsPerProfile);
        int found = SearchTesting.AssertSameAsDijkstra(finder, profile, pairs, "hierarchy");
        Assert.True(found >= pairs.Length / 5, $"only {found} of {pairs.Length} pairs connected");
    }
}
