using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph;
using Routing.TestSupport;

namespace Routing.Engine.Tests.Routes;

/// <summary>
/// Routes a person can take, on seeded random trips in the city (both ends in the built-up valley, as
/// benchmarks/queries' urban set): none climbs over its budget, detours are named against walking, and lifting every
/// field a refusal names gives a route.
/// </summary>
public sealed class RoutePlanningHeidelbergTests
{
    private static readonly Lazy<Router> LazyRouter = new(() => new Router(Heidelberg.Graph, ProfileCatalog.Default, presetsOnHierarchy: false));

    private static Router Router => LazyRouter.Value;

    /// <summary>Seeded pairs of main-network vertices inside the city's valley and plain.</summary>
    private static IEnumerable<(GeoPoint From, GeoPoint To)> UrbanPairs(int seed, int count)
    {
        var graph = Heidelberg.Graph;
        var random = new Random(seed);
        var inside = Enumerable.Range(0, graph.VertexCount)
            .Where(v => graph.VertexComponent[v] == 0)
            .Select(v => new GeoPoint(Coordinates.ToDegrees(graph.VertexLatE7[v]), Coordinates.ToDegrees(graph.VertexLonE7[v])))
            .Where(p => p.Lat is >= 49.385 and <= 49.425 && p.Lon is >= 8.645 and <= 8.715)
            .ToArray();
        for (int i = 0; i < count; i++)
        {
            yield return (inside[random.Next(inside.Length)], inside[random.Next(inside.Length)]);
        }
    }

    public static TheoryData<string> Presets => [.. ProfileCatalog.Default.Presets.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Presets))]
    public void No_route_climbs_more_than_its_budget_and_every_refusal_lifts_with_the_fields_it_names(string name)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var preset));
        // A tight budget besides the preset's own, so that the climb is refused often.
        foreach (var settings in new[] { preset, preset with { MaxClimbM = 15 } })
        {
            int routes = 0, refusals = 0;
            foreach (var (from, to) in UrbanPairs(seed: 23, count: 40))
            {
                switch (Router.Route(new RouteRequest([from, to], settings)))
                {
                    case RouteFound { Route: var route }:
                        routes++;
                        if (settings.MaxClimbM is { } budget)
                        {
                            Assert.True(route.Elevation!.AscentM <= budget, $"{name} {from} -> {to} climbs {route.Elevation.AscentM:0.0} m, budget {budget}");
                        }
                        break;
                    case NoRoute refusal:
                        refusals++;
                        Assert.NotEmpty(refusal.Blockers);
                        if (refusal.Blockers.Any(b => b.Violation.RequestField is null))
                        {
                            break; // a gate without access or a construction site: no request can lift it
                        }
                        var lifted = refusal.Blockers.Aggregate(settings, (s, blocker) => blocker.Violation.Lift(s));
                        Assert.True(Router.Route(new RouteRequest([from, to], lifted)) is RouteFound,
                            $"{name} {from} -> {to}: lifting [{string.Join("; ", refusal.Blockers.Select(b => b.Message))}] gives no route");
                        break;
                }
            }
            Assert.Equal(40, routes + refusals);
        }
    }

    [Fact]
    public void A_climb_refusal_names_the_climb_and_its_least_bad_route_names_what_it_breaks()
    {
        Assert.True(ProfileCatalog.Default.TryGet("wheelchair", out var wheelchair));
        var tight = wheelchair with { MaxClimbM = 5 };
        var climbRefusals = UrbanPairs(seed: 29, count: 40)
            .Select(pair => Router.Route(new RouteRequest([pair.From, pair.To], tight)))
            .OfType<NoRoute>()
            .Where(refusal => refusal.Blockers.Any(b => b.Violation.Constraint == Constraint.Climb))
            .ToList();
        Assert.NotEmpty(climbRefusals);
        foreach (var refusal in climbRefusals)
        {
            var climb = refusal.Blockers.Single(b => b.Violation.Constraint == Constraint.Climb);
            var leastBad = refusal.LeastViolatingRoute!;
            Assert.Equal(Math.Ceiling(leastBad.Elevation!.AscentM), climb.Violation.Actual);
            Assert.Equal(5, climb.Violation.Limit);
            Assert.Equal("max_climb_m", climb.Violation.RequestField);
            // Every limit another blocker names is broken on a segment of the least-bad route, and the other way round.
            var onSegments = leastBad.Segments.SelectMany(s => s.Violations).Select(v => v.Constraint).ToHashSet();
            var named = refusal.Blockers.Where(b => b.Violation.Constraint != Constraint.Climb).Select(b => b.Violation.Constraint).ToHashSet();
            Assert.Equal(onSegments, named);
        }
    }

    [Fact]
    public void A_detour_is_named_against_the_walking_route_which_is_offered_with_the_limits_it_breaks()
    {
        Assert.True(ProfileCatalog.Default.TryGet("foot", out var foot));
        int detours = 0;
        foreach (var preset in ProfileCatalog.Default.Presets)
        {
            foreach (var (from, to) in UrbanPairs(seed: 31, count: 40))
            {
                if (Router.Route(new RouteRequest([from, to], preset)) is not RouteFound { Route: var route })
                {
                    continue;
                }
                var walking = Assert.IsType<RouteFound>(Router.Route(new RouteRequest([from, to], foot))).Route;
                Assert.Equal(walking.DistanceM, route.Summary.WalkingDistanceM!.Value, 6);
                bool isDetour = route.DistanceM > 1.5 * walking.DistanceM && route.DistanceM - walking.DistanceM > 300;
                Assert.Equal(isDetour, route.Summary.Detour is not null);
                if (route.Summary.Detour is not { } detour)
                {
                    Assert.Empty(route.Alternatives);
                    continue;
                }
                detours++;
                Assert.Equal(route.DistanceM / walking.DistanceM, detour.Ratio, 6);
                var direct = Assert.Single(route.Alternatives);
                Assert.Equal(walking.DistanceM, direct.DistanceM, 6);
                var onSegments = direct.Segments.SelectMany(s => s.Violations).Select(v => v.Constraint).ToHashSet();
                Assert.Equal(onSegments, detour.Blockers.Select(b => b.Violation.Constraint).ToHashSet());
            }
        }
        Assert.True(detours > 0, "no detour among the city's random trips: the test checks nothing");
    }
}
