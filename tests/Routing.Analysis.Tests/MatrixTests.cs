using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Snapping;
using Routing.Graph;
using Routing.TestSupport;

namespace Routing.Analysis.Tests;

/// <summary>Every matrix entry is what a single route between the two points gives.</summary>
public sealed class MatrixTests
{
    private static readonly Lazy<Router> LazyRouter = new(() => new Router(Heidelberg.Graph, ProfileCatalog.Default));

    private static List<GeoPoint> RandomPoints(int count, int seed)
    {
        var graph = Heidelberg.Graph;
        var random = new Random(seed);
        var points = new List<GeoPoint>();
        while (points.Count < count)
        {
            int v = random.Next(graph.VertexCount);
            // Near the city centre, and a little off the vertex, so that points snap inside edges too.
            double lat = Coordinates.ToDegrees(graph.VertexLatE7[v]) + 0.00005, lon = Coordinates.ToDegrees(graph.VertexLonE7[v]);
            if (Math.Abs(lat - 49.41) < 0.02 && Math.Abs(lon - 8.69) < 0.03)
            {
                points.Add(new GeoPoint(lat, lon));
            }
        }
        return points;
    }

    [Theory]
    [InlineData("wheelchair")]
    [InlineData("foot")]
    public void Matrix_values_equal_single_routes(string profileName)
    {
        Assert.True(ProfileCatalog.Default.TryGet(profileName, out var profile));
        var router = LazyRouter.Value;
        var sources = RandomPoints(6, seed: 11);
        var destinations = RandomPoints(8, seed: 12);

        var matrix = router.Matrix(sources, destinations, profile);

        int compared = 0, refused = 0;
        for (int s = 0; s < sources.Count; s++)
        {
            for (int d = 0; d < destinations.Count; d++)
            {
                // A matrix holds the cheapest route's values; the whole-route climb budget is a route's check, not a cost.
                switch (router.Route(new RouteRequest([sources[s], destinations[d]], profile with { MaxClimbM = null })))
                {
                    case RouteFound { Route: var route }:
                        Assert.Equal(route.CostS, matrix.CostsS[s][d]!.Value, 6);
                        Assert.Equal(route.DurationS, matrix.DurationsS[s][d]!.Value, 6);
                        Assert.Equal(route.DistanceM, matrix.DistancesM[s][d]!.Value, 6);
                        compared++;
                        break;
                    default:
                        Assert.Null(matrix.DurationsS[s][d]);
                        Assert.Null(matrix.DistancesM[s][d]);
                        refused++;
                        break;
                }
            }
        }
        Assert.True(compared >= 20, $"only {compared} routable pairs ({refused} without a route)");
    }

    /// <summary>
    /// Points on small islands of the real graph (mapping gaps: a path joined to nothing) among points of the main
    /// network: a source does not wait for destinations it cannot reach, and every entry is still what a route gives.
    /// The islands are ones with no connected way within the snap radius, so their points stay on them.
    /// </summary>
    [Fact]
    public void Destinations_on_other_islands_are_null_and_the_rest_equal_single_routes()
    {
        Assert.True(ProfileCatalog.Default.TryGet("foot", out var foot));
        var router = LazyRouter.Value;
        var graph = Heidelberg.Graph;
        int[] component = graph.VertexComponent.ToArray(), componentSize = graph.ComponentSize.ToArray();
        // One vertex on each of two islands with a few vertices, far enough from the network to be snapped onto.
        var snapIndex = new SnapIndex(graph);
        var footProfile = CompiledProfile.Compile(graph, foot);
        var islands = Enumerable.Range(0, graph.VertexCount)
            .Where(v => componentSize[component[v]] is >= 3 and <= 20)
            .Select(v => (Vertex: v, Point: new GeoPoint(Coordinates.ToDegrees(graph.VertexLatE7[v]), Coordinates.ToDegrees(graph.VertexLonE7[v]))))
            .Where(p => snapIndex.Snap(p.Point, RouteRequest.DefaultSnapRadiusM, footProfile).Snapped is { } snap
                        && component[graph.EdgeFrom[snap.Edge]] == component[p.Vertex])
            .DistinctBy(p => component[p.Vertex])
            .Take(2)
            .Select(p => p.Point)
            .ToList();
        Assert.Equal(2, islands.Count);
        var sources = RandomPoints(3, seed: 21).Append(islands[0]).ToList();
        var destinations = RandomPoints(4, seed: 22).Concat(islands).ToList();

        var matrix = router.Matrix(sources, destinations, foot);

        int found = 0;
        for (int s = 0; s < sources.Count; s++)
        {
            for (int d = 0; d < destinations.Count; d++)
            {
                if (router.Route(new RouteRequest([sources[s], destinations[d]], foot)) is RouteFound { Route: var route })
                {
                    Assert.Equal(route.CostS, matrix.CostsS[s][d]!.Value, 6);
                    Assert.Equal(route.DistanceM, matrix.DistancesM[s][d]!.Value, 6);
                    found++;
                }
                else
                {
                    Assert.Null(matrix.CostsS[s][d]);
                }
            }
        }
        // The island source reaches its own island's point and nothing on the main network; main sources reach no island.
        Assert.NotNull(matrix.CostsS[3][4]);
        Assert.All(Enumerable.Range(0, 4), d => Assert.Null(matrix.CostsS[3][d]));
        Assert.All(Enumerable.Range(0, 3), s => Assert.Null(matrix.CostsS[s][4]));
        Assert.True(found >= 8, $"only {found} routes");
    }

    [Fact]
    public void A_point_that_cannot_be_placed_gives_a_null_row_and_says_why()
    {
        Assert.True(ProfileCatalog.Default.TryGet("foot", out var foot));
        var matrix = LazyRouter.Value.Matrix([new GeoPoint(10, 10), new GeoPoint(49.4094, 8.6934)], [new GeoPoint(49.4122, 8.7101)], foot);

        Assert.Equal("point-outside-area", matrix.Sources[0].Problem);
        Assert.Null(matrix.DurationsS[0][0]);
        Assert.NotNull(matrix.DurationsS[1][0]);
        Assert.Null(matrix.Sources[1].Problem);
    }
}
