using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.TestSupport;

namespace Routing.Engine.Tests;

/// <summary>Routes on the real Heidelberg graph: the step-free promise on many random pairs, and parallel use.</summary>
public sealed class HeidelbergRouteTests
{
    private static readonly Lazy<Router> LazyRouter = new(() => new Router(Heidelberg.Graph, ProfileCatalog.Default));
    private static Router Router => LazyRouter.Value;
    private static RoutingGraph Graph => Heidelberg.Graph;

    /// <summary>Points on random edges of the main network (seeded, so every run checks the same pairs).</summary>
    private static List<(GeoPoint From, GeoPoint To)> RandomPairs(int count, int seed)
    {
        var random = new Random(seed);
        var pairs = new List<(GeoPoint, GeoPoint)>();
        while (pairs.Count < count)
        {
            pairs.Add((RandomPoint(random), RandomPoint(random)));
        }
        return pairs;
    }

    private static GeoPoint RandomPoint(Random random)
    {
        while (true)
        {
            int v = random.Next(Graph.VertexCount);
            if (Graph.VertexComponent[v] == 0)
            {
                return new GeoPoint(Coordinates.ToDegrees(Graph.VertexLatE7[v]), Coordinates.ToDegrees(Graph.VertexLonE7[v]));
            }
        }
    }

    private static ProfileSettings Preset(string name)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var preset));
        return preset;
    }

    [Fact]
    public void Wheelchair_routes_never_use_steps_high_kerbs_steep_slopes_or_blocking_barriers()
    {
        var wheelchair = Preset("wheelchair");
        int found = 0;
        foreach (var (from, to) in RandomPairs(150, seed: 7))
        {
            if (Router.Route(new RouteRequest([from, to], wheelchair)) is not RouteFound { Route: var route })
            {
                continue;
            }
            found++;
            foreach (var segment in route.Segments)
            {
                Assert.False(segment.Steps && !segment.Ramp, $"steps without ramp on way {segment.OsmWayId}");
                if (segment.KerbAtStart is { HeightCm: { Evidence: not Evidence.Unknown, Value: { } kerbCm } })
                {
                    Assert.True(kerbCm <= wheelchair.MaxKerbCm, $"kerb {kerbCm} cm on way {segment.OsmWayId}");
                }
                // Beyond the slope limit only a terrain estimate that does not block: unresolved, or not very likely beyond.
                if (segment.InclineConfidence is InclineConfidence.High or InclineConfidence.Low)
                {
                    Assert.False(segment.InclineConfidence == InclineConfidence.High && segment.ChanceBeyondLimit >= SlopeChance.VeryLikely,
                        $"way {segment.OsmWayId}: {segment.InclinePct.Value} %, {segment.ChanceBeyondLimit:P0} beyond the limit");
                }
                else if (segment.InclinePct.Value is { } inclinePct)
                {
                    Assert.InRange(inclinePct, -wheelchair.MaxInclineDownPct!.Value, wheelchair.MaxInclineUpPct!.Value);
                }
                if (segment.BarrierAtStart is { } barrier && Enum.TryParse<BarrierKind>(barrier.Kind.Replace("_", ""), true, out var kind))
                {
                    Assert.NotEqual(BarrierImpact.Blocking, BarrierKinds.ImpactOnWheels(kind));
                }
                Assert.NotEqual("steps", segment.Highway);
            }
        }
        // The terrain puts the hillside districts and the Odenwald beyond a manual wheelchair's 6 %, so only about a
        // quarter of random pairs have a route; a property checked on no routes would prove nothing.
        Assert.True(found >= 30, $"only {found} of 150 random pairs had a wheelchair route");
    }

    [Fact]
    public void Every_failed_wheelchair_route_names_at_least_one_blocker_with_a_place()
    {
        var wheelchair = Preset("wheelchair");
        int failed = 0;
        foreach (var (from, to) in RandomPairs(150, seed: 7))
        {
            if (Router.Route(new RouteRequest([from, to], wheelchair)) is NoRoute noRoute)
            {
                failed++;
                Assert.NotEmpty(noRoute.Blockers);
                Assert.All(noRoute.Blockers, b => Assert.True(b.OsmWayId is not null || b.OsmNodeId is not null));
                Assert.All(noRoute.Blockers, b => Assert.False(string.IsNullOrWhiteSpace(b.Message)));
            }
        }
        // Staircases and steep lanes make some of Heidelberg unreachable by wheelchair; without such pairs this test
        // would check nothing.
        Assert.True(failed > 0, "no random pair failed, so no explanation was checked");
    }

    [Fact]
    public void Parallel_requests_get_the_same_routes_as_sequential_ones()
    {
        var pairs = RandomPairs(60, seed: 3);
        var wheelchair = Preset("wheelchair");
        var sequential = pairs.Select(p => Summary(Router.Route(new RouteRequest([p.From, p.To], wheelchair)))).ToArray();
        var parallel = new string[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i] = Summary(Router.Route(new RouteRequest([pairs[i].From, pairs[i].To], wheelchair))));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Via_points_are_visited_in_order()
    {
        var foot = Preset("foot");
        // Some vertices of the main network lie behind private or closed ways even for walking: take the first
        // seeded points between which both legs can be walked.
        var random = new Random(5);
        var points = new[] { RandomPoint(random), RandomPoint(random), RandomPoint(random) };
        while (Router.Route(new RouteRequest([points[0], points[1]], foot)) is not RouteFound
               || Router.Route(new RouteRequest([points[1], points[2]], foot)) is not RouteFound)
        {
            points = [RandomPoint(random), RandomPoint(random), RandomPoint(random)];
        }
        var route = Assert.IsType<RouteFound>(Router.Route(new RouteRequest(points, foot))).Route;
        var direct = Assert.IsType<RouteFound>(Router.Route(new RouteRequest([points[0], points[2]], foot))).Route;
        Assert.True(route.DistanceM >= direct.DistanceM - 0.5);
        Assert.Equal(3, route.Waypoints.Count);
        Assert.Contains(route.Instructions, i => i.Type == "via");
    }

    private static string Summary(RouteOutcome outcome) => outcome switch
    {
        RouteFound found => $"route {found.Route.CostS:F6} {found.Route.Segments.Count}",
        NoRoute noRoute => $"none {string.Join(',', noRoute.Blockers.Select(b => b.Message))}",
        _ => outcome.GetType().Name,
    };
}
