using Routing.Engine.Profiles;
using Routing.Graph;
using static Routing.Engine.Tests.Snapping.IslandGraph;

namespace Routing.Engine.Tests.Snapping;

/// <summary>Refusals that say where to move a point the profile cannot leave, on <see cref="IslandGraph"/>.</summary>
public sealed class MoveSuggestionTests
{
    private static readonly Router Router = new(Map, ProfileCatalog.Default, presetsOnHierarchy: false);
    private static readonly GeoPoint OnPavement = North(Between(D, C), 19);

    [Fact]
    public void A_start_on_the_pavement_between_steps_is_refused_for_a_wheelchair_with_where_to_move_and_the_move_routes()
    {
        var refusal = Assert.IsType<NoRoute>(Router.Route(new RouteRequest([OnPavement, A], Preset("wheelchair"))));

        Assert.Contains(refusal.Blockers, b => b.Violation.Constraint == Constraint.Steps);
        var move = Assert.Single(refusal.Suggestions);
        Assert.Equal((0, "south", 10L, "Quadrat"), (move.WaypointIndex, move.Direction, move.OsmWayId, move.Name));
        Assert.Equal(19, move.DistanceM, 0.05);
        Assert.Equal("start 19 m south, at Quadrat, has a route", move.Message);
        Assert.IsType<RouteFound>(Router.Route(new RouteRequest([move.Point, A], Preset("wheelchair"))));
        // On foot the steps are fine: the same request routes.
        Assert.IsType<RouteFound>(Router.Route(new RouteRequest([OnPavement, A], Preset("foot"))));
    }

    [Fact]
    public void A_destination_or_a_via_point_on_the_island_is_named_as_such_in_the_request_language()
    {
        var toPavement = Assert.IsType<NoRoute>(Router.Route(new RouteRequest([A, OnPavement], Preset("wheelchair"), Language: "de")));
        var viaPavement = Assert.IsType<NoRoute>(Router.Route(new RouteRequest([A, OnPavement, B], Preset("wheelchair"))));

        Assert.Equal("Ziel 19 m Richtung Süden, auf dem Fußweg „Quadrat“, hat eine Route", Assert.Single(toPavement.Suggestions).Message);
        var via = Assert.Single(viaPavement.Suggestions);
        Assert.Equal((0, 1), (viaPavement.LegIndex, via.WaypointIndex));
        Assert.Equal("via point 1 19 m south, at Quadrat, has a route", via.Message);
        Assert.IsType<RouteFound>(Router.Route(new RouteRequest([A, via.Point, B], Preset("wheelchair"))));
    }

    [Fact]
    public void An_unjoined_path_beyond_the_radius_is_refused_as_not_connected_and_told_the_way_to_move_to()
    {
        var onPath = Between(S1, S2);

        var refusal = Assert.IsType<NoRoute>(Router.Route(new RouteRequest([onPath, D], Preset("foot"), SnapRadiusM: 30)));

        Assert.Equal(Constraint.NotConnected, Assert.Single(refusal.Blockers).Violation.Constraint);
        var move = Assert.Single(refusal.Suggestions);
        Assert.Equal("northwest", move.Direction);
        Assert.Equal(Coordinates.DistanceM(onPath.Lat, onPath.Lon, B.Lat, B.Lon), move.DistanceM, 0.05);
        Assert.IsType<RouteFound>(Router.Route(new RouteRequest([move.Point, D], Preset("foot"), SnapRadiusM: 30)));
    }

    [Fact]
    public void With_nowhere_to_move_to_the_refusal_suggests_nothing()
    {
        // Every way is 2 m wide: a 5 m minimum leaves this profile no main network at all.
        var wide = Preset("wheelchair") with { MinWidthCm = 500 };

        var refusal = Assert.IsType<NoRoute>(Router.Route(new RouteRequest([A, C], wide)));

        Assert.Contains(refusal.Blockers, b => b.Violation.Constraint == Constraint.Width);
        Assert.Empty(refusal.Suggestions);
    }
}
