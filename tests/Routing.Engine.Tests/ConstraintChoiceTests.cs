using Routing.Engine.Profiles;
using Routing.Engine.Routes;

namespace Routing.Engine.Tests;

/// <summary>
/// Each constraint moves routes the right way (fixture choices.osm: per constraint a direct way with one property and
/// a longer plain detour between the same two points).
/// </summary>
public sealed class ConstraintChoiceTests
{
    private static readonly FixtureRouter Fixture = new("choices.osm");

    /// <summary>The OSM ways the route between the pair's A and B uses.</summary>
    /// <param name="effort">Whether climbing costs effort beyond time (the preset's); without, only limits and time decide.</param>
    private static long[] WaysOf(int pair, string profile, ConstraintOverrides? overrides = null, bool reverse = false, bool effort = true)
    {
        Assert.True(ProfileCatalog.Default.TryGet(profile, out var preset));
        var settings = (overrides ?? new ConstraintOverrides()).ApplyTo(preset);
        settings = effort ? settings : settings with { ClimbEquivalentM = 0, SteepDescentEquivalentM = 0 };
        GeoPoint a = Fixture.NodePoint((pair * 100) + 1), b = Fixture.NodePoint((pair * 100) + 2);
        var outcome = Fixture.Router.Route(new RouteRequest(reverse ? [b, a] : [a, b], settings));
        var route = Assert.IsType<RouteFound>(outcome).Route;
        return [.. route.Segments.Select(s => s.OsmWayId).Distinct().Order()];
    }

    private static long[] Direct(int pair) => [(pair * 100) + 1];

    private static long[] Detour(int pair) => [(pair * 100) + 2, (pair * 100) + 3];

    [Fact]
    public void Narrow_way_is_avoided_below_the_minimum_width_and_used_above_it()
    {
        Assert.Equal(Detour(1), WaysOf(1, "wheelchair"));
        Assert.Equal(Direct(1), WaysOf(1, "wheelchair", new() { MinWidthCm = 70 }));
        Assert.Equal(Direct(1), WaysOf(1, "foot"));
    }

    [Fact]
    public void Avoided_surface_moves_the_route_to_the_detour()
    {
        Assert.Equal(Direct(2), WaysOf(2, "wheelchair"));
        Assert.Equal(Detour(2), WaysOf(2, "wheelchair", new() { AvoidSurfaces = ["sett"] }));
    }

    [Fact]
    public void Minimum_smoothness_moves_the_route_to_the_detour()
    {
        Assert.Equal(Direct(3), WaysOf(3, "powered_wheelchair"));
        Assert.Equal(Detour(3), WaysOf(3, "powered_wheelchair", new() { MinSmoothness = "intermediate" }));
        Assert.Equal(Detour(3), WaysOf(3, "wheelchair"));
    }

    [Fact]
    public void Unknown_data_policy_decides_between_untagged_direct_way_and_tagged_detour()
    {
        Assert.Equal(Direct(4), WaysOf(4, "wheelchair", new() { Unknown = UnknownPolicy.Allow }));
        Assert.Equal(Detour(4), WaysOf(4, "wheelchair", new() { Unknown = UnknownPolicy.Avoid }));
    }

    [Fact]
    public void Steep_way_is_avoided_by_the_manual_wheelchair_and_taken_with_a_looser_limit()
    {
        Assert.Equal(Detour(5), WaysOf(5, "wheelchair"));
        Assert.Equal(Direct(5), WaysOf(5, "wheelchair", new() { MaxInclineUpPct = 20 }, effort: false));
        // Allowed is not free: the climb's effort still keeps a manual chair on the short level detour.
        Assert.Equal(Detour(5), WaysOf(5, "wheelchair", new() { MaxInclineUpPct = 20 }));
        // Downhill is judged by the downhill limit: 5 % down is inside 8 % but slow and in the comfort zone.
        Assert.Equal(Detour(5), WaysOf(5, "wheelchair", reverse: true));
        Assert.Equal(Direct(5), WaysOf(5, "wheelchair", new() { MaxInclineDownPct = 20 }, reverse: true));
    }

    [Fact]
    public void Walking_takes_every_direct_way()
    {
        for (int pair = 1; pair <= 5; pair++)
        {
            Assert.Equal(Direct(pair), WaysOf(pair, "foot"));
        }
    }
}
