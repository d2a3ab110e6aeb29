using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Engine.Tests.Routes;
using Routing.Graph;
using static Routing.Engine.Tests.Barriers.BarrierTesting;

namespace Routing.Engine.Tests.Barriers;

/// <summary>
/// Routes through the router with barrier reports on the accessibility fixture: footway 202 (4-14-15) is the only way
/// from node 4 to node 15, through elevator node 14.
/// </summary>
public sealed class BarrierRouteTests
{
    private static RoutingGraph Graph => RouteFixture.FixtureGraph;

    private static RouteOutcome Route(Router router, long fromNode, long toNode, string profile, string language = "en") =>
        router.Route(new RouteRequest([RouteFixture.At(fromNode), RouteFixture.At(toNode)], Preset(profile), Language: language));

    private static ReportedBarrier ConstructionOn4To14(bool verified = true) =>
        Report(17, ReportedBarrierKind.Construction, Middle(Graph, RouteFixture.Edge(4, 14)), verified);

    [Theory]
    [InlineData("wheelchair")]
    [InlineData("foot")]
    public void When_a_report_blocks_the_only_way_the_explanation_names_the_report(string profile)
    {
        var router = new Router(Graph, ProfileCatalog.Default);
        Assert.IsType<RouteFound>(Route(router, 4, 15, profile));
        router.ReplaceOverlay(BarrierOverlay.Build(Graph, [ConstructionOn4To14()]));

        var noRoute = Assert.IsType<NoRoute>(Route(router, 4, 15, profile));

        var blocker = Assert.Single(noRoute.Blockers);
        Assert.Equal(Constraint.Reported, blocker.Violation.Constraint);
        Assert.Equal(17, blocker.Violation.ReportId);
        Assert.Equal(ReportedBarrierKind.Construction, blocker.Violation.ReportKind);
        Assert.Equal("construction reported (report 17)", blocker.Violation.Detail);
        Assert.Null(blocker.Violation.RequestField);
        Assert.Equal(202, blocker.OsmWayId);
        Assert.Equal("construction reported (report 17) on the footway", blocker.Message);

        var german = Assert.Single(Assert.IsType<NoRoute>(Route(router, 4, 15, profile, "de")).Blockers);
        Assert.Equal("Baustelle gemeldet (Meldung 17) auf dem Fußweg", german.Message);
    }

    [Fact]
    public void A_broken_elevator_blocks_the_wheelchair_at_the_elevator_node_and_walking_still_passes()
    {
        var router = new Router(Graph, ProfileCatalog.Default);
        var before = Assert.IsType<RouteFound>(Route(router, 4, 15, "foot")).Route;
        router.ReplaceOverlay(BarrierOverlay.Build(Graph, [Report(21, ReportedBarrierKind.ElevatorOutOfService, RouteFixture.At(14))]));

        var blocker = Assert.Single(Assert.IsType<NoRoute>(Route(router, 4, 15, "walker")).Blockers);
        Assert.Equal(14, blocker.OsmNodeId);
        Assert.Equal(21, blocker.Violation.ReportId);
        Assert.Equal("elevator out of service reported (report 21) at a point on the footway", blocker.Message);

        var walking = Assert.IsType<RouteFound>(Route(router, 4, 15, "foot")).Route;
        Assert.Equal(before.CostS + BarrierEffects.BrokenElevatorWalkingPenaltyS, walking.CostS, 6);
        var warning = Assert.Single(walking.Warnings, w => w.Type == "reported_barrier");
        Assert.Equal("The route passes a reported barrier: elevator out of service (report 21)", warning.Message);
        Assert.Equal(RouteFixture.At(14), warning.Location);
    }

    [Fact]
    public void An_unverified_report_changes_nothing_but_warns_routes_that_pass_near_it()
    {
        var router = new Router(Graph, ProfileCatalog.Default);
        var before = Assert.IsType<RouteFound>(Route(router, 4, 15, "wheelchair")).Route;
        var report = ConstructionOn4To14(verified: false);
        router.ReplaceOverlay(BarrierOverlay.Build(Graph, [report]));

        var after = Assert.IsType<RouteFound>(Route(router, 4, 15, "wheelchair")).Route;

        Assert.Equal(before.Geometry, after.Geometry);
        Assert.Equal(before.CostS, after.CostS);
        Assert.Equal(Json(new RouteFound(before with { Warnings = [] })), Json(new RouteFound(after with { Warnings = [] })));
        var added = Assert.Single(after.Warnings.Except(before.Warnings));
        Assert.Equal("unverified_barrier", added.Type);
        Assert.Equal("A barrier was reported near here but not yet verified: construction (report 17)", added.Message);
        Assert.Equal(report.Geometry.Points[0], added.Location);
        var german = Assert.IsType<RouteFound>(Route(router, 4, 15, "wheelchair", "de")).Route;
        Assert.Contains(german.Warnings, w => w.Message == "Hier in der Nähe wurde ein Hindernis gemeldet, aber noch nicht bestätigt: Baustelle (Meldung 17)");

        // 30 m away from every way of the route: no warning. The route 1 -> 2 runs along footway 200 only.
        var farther = Report(18, ReportedBarrierKind.Construction, Offset(Middle(Graph, RouteFixture.Edge(1, 2)), -30, 0), verified: false);
        var nearer = Report(19, ReportedBarrierKind.Construction, Offset(Middle(Graph, RouteFixture.Edge(1, 2)), -20, 0), verified: false);
        router.ReplaceOverlay(BarrierOverlay.Build(Graph, [farther, nearer]));
        var warnings = Assert.IsType<RouteFound>(Route(router, 1, 2, "foot")).Route.Warnings;
        Assert.Equal("A barrier was reported near here but not yet verified: construction (report 19)",
            Assert.Single(warnings, w => w.Type == "unverified_barrier").Message);
    }

    [Fact]
    public void Unverified_lines_and_polygons_warn_routes_that_cross_them()
    {
        // The route 6 -> 7 is one straight stretch of crossing 300, 56 m north-south: both its points lie 28 m from
        // the middle, so only a test of the stretch itself finds a line across it or a polygon around it.
        var router = new Router(Graph, ProfileCatalog.Default);
        var centre = Middle(Graph, RouteFixture.Edge(6, 7));
        var across = Report(30, ReportedBarrierKind.BlockedPath, BarrierGeometryType.LineString, [Offset(centre, 0, -40), Offset(centre, 0, 40)], verified: false);
        var around = Report(31, ReportedBarrierKind.Construction, BarrierGeometryType.Polygon,
            [Offset(centre, -100, -100), Offset(centre, -100, 100), Offset(centre, 100, 100), Offset(centre, 100, -100)], verified: false);
        var aside = Report(32, ReportedBarrierKind.BlockedPath, BarrierGeometryType.LineString, [Offset(centre, -50, 30), Offset(centre, 50, 30)], verified: false);
        router.ReplaceOverlay(BarrierOverlay.Build(Graph, [across, around, aside]));

        var route = Assert.IsType<RouteFound>(Route(router, 6, 7, "foot")).Route;
        var warnings = route.Warnings.Where(w => w.Type == "unverified_barrier").ToList();

        Assert.Equal(2, route.Geometry.Count);
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Message.EndsWith("(report 30)", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.EndsWith("(report 31)", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolving_a_report_gives_the_route_back()
    {
        var router = new Router(Graph, ProfileCatalog.Default);
        var before = Json(Route(router, 4, 15, "wheelchair"));
        router.ReplaceOverlay(BarrierOverlay.Build(Graph, [ConstructionOn4To14()]));
        Assert.IsType<NoRoute>(Route(router, 4, 15, "wheelchair"));
        router.ReplaceOverlay(BarrierOverlay.Empty);
        Assert.Same(BarrierOverlay.Empty, router.Overlay);
        Assert.Equal(before, Json(Route(router, 4, 15, "wheelchair")));
    }

    [Fact]
    public void A_point_only_on_a_blocked_way_is_explained_not_refused()
    {
        // The destination lies on footway 202 between 4 and 14, the reported construction site itself.
        var router = new Router(Graph, ProfileCatalog.Default);
        router.ReplaceOverlay(BarrierOverlay.Build(Graph, [ConstructionOn4To14()]));
        var request = new RouteRequest([RouteFixture.At(1), Middle(Graph, RouteFixture.Edge(4, 14))], Preset("foot"), SnapRadiusM: 10);

        var noRoute = Assert.IsType<NoRoute>(router.Route(request));

        Assert.Contains(noRoute.Blockers, b => b.Violation.Constraint == Constraint.Reported && b.Violation.ReportId == 17);
    }
}
