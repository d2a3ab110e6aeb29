using Routing.Engine.Profiles;
using Routing.Engine.Routes;

namespace Routing.Engine.Tests;

/// <summary>
/// Routes and failed routes on the accessibility fixture (accessibility.osm; its header describes the network):
/// the explanation names the constraint, the place and the magnitude.
/// </summary>
public sealed class NoRouteExplanationTests
{
    private static readonly FixtureRouter Fixture = new("accessibility.osm");
    private static Router Router => Fixture.Router;

    private static GeoPoint NodePoint(long osmNodeId) => Fixture.NodePoint(osmNodeId);

    private static RouteOutcome Route(long fromNode, long toNode, string profile, ConstraintOverrides? overrides = null) =>
        Fixture.Route(fromNode, toNode, profile, overrides);

    private static Blocker SingleBlocker(RouteOutcome outcome, Constraint constraint) =>
        Assert.Single(Assert.IsType<NoRoute>(outcome).Blockers, b => b.Violation.Constraint == constraint);

    [Fact]
    public void Raised_kerb_blocks_the_wheelchair_and_is_named_with_its_height_and_place()
    {
        var blocker = SingleBlocker(Route(10, 8, "wheelchair"), Constraint.Kerb);
        Assert.Equal(9, blocker.OsmNodeId);
        Assert.Equal(12, blocker.Violation.Actual);
        Assert.Equal(3, blocker.Violation.Limit);
        Assert.Contains("12 cm", blocker.Message);
        // Named by the way it lies on, as a person reads it; the node stays in OsmNodeId for planners.
        Assert.Contains("on the crossing", blocker.Message);
    }

    [Fact]
    public void A_higher_kerb_limit_lets_the_wheelchair_pass()
    {
        var route = Assert.IsType<RouteFound>(Route(10, 8, "wheelchair", new() { MaxKerbCm = 12 })).Route;
        Assert.Contains(route.Segments, s => s.KerbAtStart is { OsmNodeId: 9 });
    }

    [Fact]
    public void Wheelchair_takes_the_ramped_steps_where_walking_takes_the_plain_ones()
    {
        var walking = Assert.IsType<RouteFound>(Route(2, 5, "foot")).Route;
        Assert.Equal([100L], walking.Segments.Select(s => s.OsmWayId).Distinct());

        var rolling = Assert.IsType<RouteFound>(Route(2, 5, "wheelchair")).Route;
        Assert.DoesNotContain(rolling.Segments, s => s.OsmWayId == 100);
        Assert.Contains(rolling.Segments, s => s.OsmWayId == 101 && s.Ramp);
    }

    [Fact]
    public void Forbidding_steps_for_walking_too_sends_it_over_the_ramp()
    {
        var route = Assert.IsType<RouteFound>(Route(2, 5, "foot", new() { Steps = StepsPolicy.Never })).Route;
        Assert.DoesNotContain(route.Segments, s => s.OsmWayId == 100);
    }

    [Fact]
    public void Kissing_gate_blocks_wheels_but_not_feet()
    {
        var blocker = SingleBlocker(Route(15, 17, "walker"), Constraint.Barrier);
        Assert.Equal(16, blocker.OsmNodeId);
        Assert.IsType<RouteFound>(Route(15, 17, "foot"));
    }

    [Fact]
    public void Incline_limit_depends_on_the_direction_of_travel()
    {
        // Road 401 falls 8 % from node 12 to node 13.
        Assert.IsType<RouteFound>(Route(12, 13, "wheelchair")); // 8 % down is within the 8 % downhill limit
        var uphill = SingleBlocker(Route(13, 12, "wheelchair"), Constraint.InclineUp);
        Assert.Equal(401, uphill.OsmWayId);
        Assert.Equal(8, uphill.Violation.Actual);
        Assert.Equal(6, uphill.Violation.Limit);
        var downhill = SingleBlocker(Route(12, 13, "wheelchair", new() { MaxInclineDownPct = 5 }), Constraint.InclineDown);
        Assert.Equal(401, downhill.OsmWayId);
    }

    [Fact]
    public void Separate_parts_of_the_network_are_reported_as_not_connected()
    {
        var outcome = Assert.IsType<NoRoute>(Route(1, 40, "foot"));
        Assert.Equal(Constraint.NotConnected, Assert.Single(outcome.Blockers).Violation.Constraint);
    }

    [Fact]
    public void A_point_far_from_any_way_is_not_on_the_network_and_says_how_far_the_nearest_is()
    {
        Assert.True(ProfileCatalog.Default.TryGet("foot", out var foot));
        var near = NodePoint(1);
        var outcome = Router.Route(new RouteRequest([new GeoPoint(near.Lat - 0.002, near.Lon), NodePoint(4)], foot));
        var notOnNetwork = Assert.IsType<PointNotOnNetwork>(outcome);
        Assert.Equal(0, notOnNetwork.WaypointIndex);
        Assert.InRange(notOnNetwork.NearestUsableM!.Value, 200, 250);
    }

    [Fact]
    public void A_point_in_another_country_is_outside_the_area()
    {
        Assert.True(ProfileCatalog.Default.TryGet("foot", out var foot));
        var outcome = Router.Route(new RouteRequest([new GeoPoint(43.73, 7.42), NodePoint(4)], foot));
        Assert.Equal(0, Assert.IsType<PointOutsideArea>(outcome).WaypointIndex);
    }
}
