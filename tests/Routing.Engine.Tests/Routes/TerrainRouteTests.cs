using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.TestSupport;

namespace Routing.Engine.Tests.Routes;

/// <summary>Routes over Heidelberg's terrain: slopes in the right direction, profiles choosing by slope, and the profile.</summary>
public sealed class TerrainRouteTests
{
    private static readonly Lazy<Router> LazyRouter = new(() => new Router(Heidelberg.Graph, ProfileCatalog.Default));
    private static Router Router => LazyRouter.Value;

    private static readonly GeoPoint Kornmarkt = new(49.4105, 8.7105);
    private static readonly GeoPoint CastleCourtyard = new(49.4106, 8.7153);

    private static ProfileSettings Preset(string name) =>
        ProfileCatalog.Default.TryGet(name, out var preset) ? preset : throw new InvalidOperationException(name);

    private static Route RouteOf(GeoPoint from, GeoPoint to, ProfileSettings profile) =>
        Assert.IsType<RouteFound>(Router.Route(new RouteRequest([from, to], profile))).Route;

    [Fact]
    public void Walking_up_to_the_castle_climbs_and_its_steep_segments_point_up_and_back_down()
    {
        var up = RouteOf(Kornmarkt, CastleCourtyard, Preset("foot"));
        var down = RouteOf(CastleCourtyard, Kornmarkt, Preset("foot"));

        var upProfile = up.Elevation!;
        Assert.True(upProfile.ElevationsM[^1] - upProfile.ElevationsM[0] > 40, $"{upProfile.ElevationsM[0]:F0} -> {upProfile.ElevationsM[^1]:F0} m");
        Assert.True(upProfile.AscentM > 50, $"ascent {upProfile.AscentM:F0} m");
        Assert.Equal(upProfile.AscentM, down.Elevation!.DescentM, 0.5);
        // A way travelled both ways shows the same slope with the sign turned (the terrain's estimates on the castle's
        // terraces point down towards the courtyard, so the share of rising metres says more about the model than the route).
        var upSlopes = SlopesByWay(up);
        var downSlopes = SlopesByWay(down);
        var both = upSlopes.Keys.Intersect(downSlopes.Keys).Where(way => Math.Abs(upSlopes[way]) >= 5).ToList();
        Assert.True(both.Count >= 3, $"only {both.Count} steep ways on both routes");
        Assert.All(both, way => Assert.Equal(-upSlopes[way], downSlopes[way]));
        Assert.Contains(both, way => upSlopes[way] > 0);
    }

    /// <summary>The slope of each way a route travels on one segment with a known slope.</summary>
    private static Dictionary<long, double> SlopesByWay(Route route) =>
        route.Segments.Where(s => s.InclinePct.Value is not null).GroupBy(s => s.OsmWayId).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().InclinePct.Value!.Value);

    [Fact]
    public void Across_the_old_town_a_manual_wheelchair_keeps_to_the_level_streets_and_a_powered_one_takes_the_slope()
    {
        // From the west of the old town to Kornmarkt: the direct way runs over the foot of the castle hill.
        var from = new GeoPoint(49.412180, 8.699028);
        var to = new GeoPoint(49.411334, 8.711809);
        var wheelchair = Preset("wheelchair");
        var powered = Preset("powered_wheelchair");

        var level = RouteOf(from, to, wheelchair);
        var direct = RouteOf(from, to, powered);

        // Beyond a limit only estimates that would not block: not both resolved and very likely beyond it.
        Assert.All(level.Segments, s => Assert.True(Within(s, wheelchair) || PassableEstimate(s), $"{s.Name}: {s.InclinePct.Value} %"));
        Assert.All(direct.Segments, s => Assert.True(Within(s, powered) || PassableEstimate(s), $"{s.Name}: {s.InclinePct.Value} %"));
        Assert.Contains(direct.Segments, s => s.InclinePct.Value > wheelchair.MaxInclineUpPct);
        Assert.True(direct.DistanceM < 0.95 * level.DistanceM, $"direct {direct.DistanceM:F0} m, level {level.DistanceM:F0} m");
        // The slope limit is what keeps the manual chair off the direct way: lifted, it goes the same way.
        var lifted = new ConstraintOverrides { MaxInclineUpPct = powered.MaxInclineUpPct, MaxInclineDownPct = powered.MaxInclineDownPct }.ApplyTo(wheelchair);
        Assert.True(RouteOf(from, to, lifted).DistanceM < 0.95 * level.DistanceM);
    }

    private static bool PassableEstimate(RouteSegment segment) =>
        segment.InclineConfidence == InclineConfidence.Low
        || (segment.InclineConfidence == InclineConfidence.High && segment.ChanceBeyondLimit < SlopeChance.VeryLikely);

    private static bool Within(RouteSegment segment, ProfileSettings profile) =>
        segment.InclinePct.Value is not { } pct || (pct >= -profile.MaxInclineDownPct!.Value && pct <= profile.MaxInclineUpPct!.Value);

    [Fact]
    public void The_elevation_profile_follows_the_geometry_and_adds_up_to_the_climb()
    {
        var route = RouteOf(new GeoPoint(49.4094, 8.6934), Kornmarkt, Preset("walker"));
        var profile = route.Elevation!;

        Assert.Equal(route.Geometry.Count, profile.DistancesM.Count);
        Assert.Equal(route.Geometry.Count, profile.ElevationsM.Count);
        Assert.Equal(0, profile.DistancesM[0]);
        Assert.Equal(route.DistanceM, profile.DistancesM[^1], 0.05);
        for (int i = 1; i < profile.DistancesM.Count; i++)
        {
            var (a, b) = (route.Geometry[i - 1], route.Geometry[i]);
            Assert.Equal(Coordinates.DistanceM(a.Lat, a.Lon, b.Lat, b.Lon), profile.DistancesM[i] - profile.DistancesM[i - 1], 0.05);
        }
        Assert.Equal(profile.ElevationsM[^1] - profile.ElevationsM[0], profile.AscentM - profile.DescentM, 1e-6);
        Assert.All(profile.ElevationsM, h => Assert.InRange(h, 100, 150)); // the old town between river and the foot of the hill
    }

    [Fact]
    public void A_graph_without_terrain_gives_routes_without_a_profile()
    {
        var router = new Router(Heidelberg.Imported, ProfileCatalog.Default);

        var route = Assert.IsType<RouteFound>(router.Route(new RouteRequest([new GeoPoint(49.4094, 8.6934), Kornmarkt], Preset("foot")))).Route;

        Assert.Null(route.Elevation);
        Assert.Contains(route.Segments, s => s.InclinePct.Evidence == Evidence.Unknown);
    }
}
