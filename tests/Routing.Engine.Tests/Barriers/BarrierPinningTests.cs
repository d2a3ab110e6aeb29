using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Engine.Tests.Routes;
using Routing.Graph;
using static Routing.Engine.Tests.Barriers.BarrierTesting;

namespace Routing.Engine.Tests.Barriers;

/// <summary>
/// Pinning report geometry to the accessibility fixture (its header describes the network; neighbouring nodes are
/// 0.0005 degrees apart, about 36 m east-west and 56 m north-south).
/// </summary>
public sealed class BarrierPinningTests
{
    private static RoutingGraph Graph => RouteFixture.FixtureGraph;

    private static readonly Router FixtureRouter = new(RouteFixture.FixtureGraph, ProfileCatalog.Default);

    private static BarrierPin Pin(ReportedBarrierKind kind, GeoPoint point) =>
        FixtureRouter.Pin(new BarrierGeometry(BarrierGeometryType.Point, [point]), kind);

    [Theory]
    [InlineData(ReportedBarrierKind.HighKerb, 9, 3, 4)]
    [InlineData(ReportedBarrierKind.MissingKerbRamp, 7, -5, 2)]
    [InlineData(ReportedBarrierKind.ElevatorOutOfService, 14, 2, -6)]
    [InlineData(ReportedBarrierKind.Other, 16, 0, 7)]
    public void A_point_near_a_node_is_pinned_to_that_node(ReportedBarrierKind kind, long node, double northM, double eastM)
    {
        var pin = Pin(kind, Offset(RouteFixture.At(node), northM, eastM));

        Assert.Equal([node], pin.OsmNodeIds);
        Assert.Empty(pin.OsmWayIds);
        Assert.Equal(RouteFixture.At(node), pin.PinnedPoint);
        Assert.InRange(pin.DistanceM!.Value, Math.Sqrt((northM * northM) + (eastM * eastM)) - 0.1, Math.Sqrt((northM * northM) + (eastM * eastM)) + 0.1);
    }

    [Theory]
    [InlineData(ReportedBarrierKind.BlockedPath, 4, 14, 202)]
    [InlineData(ReportedBarrierKind.Construction, 1, 2, 200)]
    [InlineData(ReportedBarrierKind.SurfaceDamage, 15, 16, 203)]
    [InlineData(ReportedBarrierKind.NarrowPassage, 12, 13, 401)]
    [InlineData(ReportedBarrierKind.HighKerb, 8, 9, 300)] // no node within 8 m: the way
    public void A_point_beside_a_way_is_pinned_to_that_way_at_the_foot_of_the_perpendicular(ReportedBarrierKind kind, long a, long b, long way)
    {
        var middle = Middle(Graph, RouteFixture.Edge(a, b));
        // 6 m to the side of the way's middle (the ways are straight, either east-west or north-south).
        bool eastWest = Math.Abs(RouteFixture.At(a).Lat - RouteFixture.At(b).Lat) < 1e-9;
        var point = eastWest ? Offset(middle, 6, 0) : Offset(middle, 0, 6);

        var pin = Pin(kind, point);

        Assert.Equal([way], pin.OsmWayIds);
        Assert.Empty(pin.OsmNodeIds);
        Assert.InRange(pin.DistanceM!.Value, 5.9, 6.1);
        Assert.InRange(DistanceToLineM(pin.PinnedPoint!.Value, [middle]), 0, 0.05);
    }

    [Fact]
    public void Way_like_reports_take_a_node_only_when_they_lie_on_it_and_slopes_never()
    {
        var beside2 = Offset(RouteFixture.At(2), 0, 5); // 5 m east of node 2, on footway 200
        Assert.Equal([200L], Pin(ReportedBarrierKind.BlockedPath, beside2).OsmWayIds);
        Assert.Equal([2L], Pin(ReportedBarrierKind.MissingKerbRamp, beside2).OsmNodeIds);
        Assert.Equal([2L], Pin(ReportedBarrierKind.BlockedPath, Offset(RouteFixture.At(2), 0, 1)).OsmNodeIds);
        Assert.Equal([200L], Pin(ReportedBarrierKind.SteepRamp, Offset(RouteFixture.At(2), 0, 1)).OsmWayIds);
    }

    [Fact]
    public void Kerb_reports_prefer_a_node_with_a_kerb_to_a_nearer_plain_one()
    {
        // Plain node 1 and kerb node 2 are 10 m apart on one footway; the point is 3 m from 1 and 7 m from 2.
        var builder = new GraphBuilder();
        const int Lat = 494_100_000, Lon = 86_900_000;
        int lonStep10M = (int)Math.Round(10 / (MetresPerDegree * Math.Cos(49.41 * Math.PI / 180)) * 1e7);
        int plain = builder.AddVertex(1, Lat, Lon, default);
        int kerb = builder.AddVertex(2, Lat, Lon + lonStep10M, new NodeClass { Barrier = Routing.Graph.Facts.BarrierKind.Kerb, Kerb = Routing.Graph.Facts.KerbKind.Lowered });
        int far = builder.AddVertex(3, Lat, Lon + (10 * lonStep10M), default);
        var footway = new EdgeClass { Highway = Routing.Graph.Facts.HighwayKind.Footway };
        builder.AddEdge(plain, kerb, footway, 10, null, [], []);
        builder.AddEdge(kerb, far, footway, 10, null, [], []);
        var graph = builder.Build(new GraphMetadata { SourceFile = "test", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
        var point = Offset(VertexPoint(graph, plain), 0, 3);
        var geometry = new BarrierGeometry(BarrierGeometryType.Point, [point]);

        Assert.Equal([2L], BarrierOverlay.Pin(graph, geometry, ReportedBarrierKind.MissingKerbRamp).OsmNodeIds);
        Assert.Equal([2L], BarrierOverlay.Pin(graph, geometry, ReportedBarrierKind.HighKerb).OsmNodeIds);
        Assert.Equal([1L], BarrierOverlay.Pin(graph, geometry, ReportedBarrierKind.Other).OsmNodeIds);
    }

    [Fact]
    public void A_broken_elevator_is_pinned_to_the_elevator_nearby_not_to_the_nearer_footway()
    {
        // 10 m west of elevator node 14 lies footway 202 (2 m away), but the elevator is what is broken.
        var pin = Pin(ReportedBarrierKind.ElevatorOutOfService, Offset(RouteFixture.At(14), 2, -10));
        Assert.Equal([14L], pin.OsmNodeIds);
        Assert.Empty(pin.OsmWayIds);
        // Any other kind there goes to the footway.
        Assert.Equal([202L], Pin(ReportedBarrierKind.BlockedPath, Offset(RouteFixture.At(14), 2, -10)).OsmWayIds);
    }

    [Fact]
    public void A_point_far_from_every_way_pins_nothing_and_has_no_effect()
    {
        var far = Offset(RouteFixture.At(1), -200, 0);
        Assert.True(Pin(ReportedBarrierKind.Construction, far).IsEmpty);
        var overlay = BarrierOverlay.Build(Graph, [Report(5, ReportedBarrierKind.Construction, far)]);
        Assert.True(Assert.Single(overlay.Active).Pin.IsEmpty);
        Assert.Equal(0, overlay.OverlaidEdgeCount + overlay.OverlaidVertexCount);
    }

    [Fact]
    public void Unusable_geometry_pins_nothing_and_does_not_stop_the_other_reports()
    {
        var reports = new[]
        {
            new ReportedBarrier(1, ReportedBarrierKind.Construction, true, null!),
            new ReportedBarrier(2, ReportedBarrierKind.Construction, true, new BarrierGeometry(BarrierGeometryType.Point, [])),
            new ReportedBarrier(3, ReportedBarrierKind.Construction, true, new BarrierGeometry(BarrierGeometryType.Point, [new GeoPoint(double.NaN, 8.69)])),
            new ReportedBarrier(4, ReportedBarrierKind.Construction, true, new BarrierGeometry(BarrierGeometryType.Polygon, [RouteFixture.At(1), RouteFixture.At(2)])),
            new ReportedBarrier(5, ReportedBarrierKind.Construction, false, new BarrierGeometry(BarrierGeometryType.LineString, [new GeoPoint(91, 8.69)])),
            Report(6, ReportedBarrierKind.SteepRamp, Middle(Graph, RouteFixture.Edge(1, 2)), inclinePct: double.NaN),
        };

        var overlay = BarrierOverlay.Build(Graph, reports);

        Assert.All(overlay.Active.Take(4), pinned => Assert.True(pinned.Pin.IsEmpty));
        Assert.Equal([200L], overlay.Active[4].Pin.OsmWayIds);
        Assert.Equal(1, overlay.OverlaidEdgeCount);
        // The NaN incline counts as the default 10 %: the manual wheelchair is blocked, the powered one is not.
        Assert.False(CompiledProfile.Compile(Graph, Preset("wheelchair"), overlay: overlay).IsUsable(Graph, RouteFixture.Edge(1, 2)));
        Assert.True(CompiledProfile.Compile(Graph, Preset("powered_wheelchair"), overlay: overlay).IsUsable(Graph, RouteFixture.Edge(1, 2)));
        // Routes pass them by, unverified ones included.
        var router = new Router(Graph, ProfileCatalog.Default);
        router.ReplaceOverlay(overlay);
        Assert.IsType<RouteFound>(router.Route(new RouteRequest([RouteFixture.At(1), RouteFixture.At(4)], Preset("foot"))));
    }

    [Fact]
    public void An_overlay_built_from_the_one_before_pins_only_new_reports_and_equals_one_built_afresh()
    {
        var kept = Report(1, ReportedBarrierKind.Construction, Middle(Graph, RouteFixture.Edge(1, 2)));
        var dropped = Report(2, ReportedBarrierKind.Construction, Middle(Graph, RouteFixture.Edge(2, 3)));
        var added = Report(3, ReportedBarrierKind.NarrowPassage, Middle(Graph, RouteFixture.Edge(1, 2)), widthCm: 60);
        var first = BarrierOverlay.Build(Graph, [kept, dropped]);

        var next = BarrierOverlay.Build(Graph, [kept, added], first);
        var afresh = BarrierOverlay.Build(Graph, [kept, added]);

        Assert.Same(first.Active[0], next.Active[0]);
        Assert.NotSame(first.Active[0], afresh.Active[0]);
        Assert.Equal(afresh.Active.Select(a => (a.Report.ReportId, string.Join(',', a.Edges), string.Join(',', a.Vertices))),
            next.Active.Select(a => (a.Report.ReportId, string.Join(',', a.Edges), string.Join(',', a.Vertices))));
        for (int edge = 0; edge < Graph.EdgeCount; edge++)
        {
            Assert.Equal(afresh.ReportsOnEdge(edge).Select(r => r.ReportId), next.ReportsOnEdge(edge).Select(r => r.ReportId));
        }
        Assert.Equal([1L, 3L], next.ReportsOnEdge(RouteFixture.Edge(1, 2)).Select(r => r.ReportId));
        Assert.Empty(next.ReportsOnEdge(RouteFixture.Edge(2, 3)));
    }

    [Fact]
    public void Thousands_of_reports_on_one_way_are_each_on_it_once()
    {
        var spot = Middle(Graph, RouteFixture.Edge(1, 2));
        var reports = Enumerable.Range(1, 3000).Select(i => Report(i, ReportedBarrierKind.Construction, spot)).ToArray();

        var overlay = BarrierOverlay.Build(Graph, reports);

        Assert.Equal(reports.Select(r => r.ReportId), overlay.ReportsOnEdge(RouteFixture.Edge(1, 2)).Select(r => r.ReportId));
        Assert.Equal(1, overlay.OverlaidEdgeCount);
    }

    [Fact]
    public void Pin_without_a_kind_pins_like_a_report_of_kind_other()
    {
        var point = Offset(RouteFixture.At(4), 3, 3);
        var geometry = new BarrierGeometry(BarrierGeometryType.Point, [point]);
        Assert.Equal([4L], FixtureRouter.Pin(geometry).OsmNodeIds);
        Assert.Equal(FixtureRouter.Pin(geometry, ReportedBarrierKind.Other).OsmNodeIds, FixtureRouter.Pin(geometry).OsmNodeIds);
    }

    [Fact]
    public void A_polygon_pins_the_ways_inside_and_its_nodes_but_not_ways_that_only_enter_it()
    {
        // Around nodes 14 and 15 of footway 202, reaching 3.6 m beyond each (the next nodes, 4 and 16, are 36 m away).
        var ring = new List<GeoPoint>
        {
            new(49.4099, 8.69195), new(49.4099, 8.69255), new(49.4101, 8.69255), new(49.4101, 8.69195), new(49.4099, 8.69195),
        };
        var pin = FixtureRouter.Pin(new BarrierGeometry(BarrierGeometryType.Polygon, ring), ReportedBarrierKind.Construction);

        Assert.Equal([14L, 15L], pin.OsmNodeIds.Order());
        Assert.Equal([202L], pin.OsmWayIds); // edge 14-15 only: 4-14 and 15-16 (path 203) have 3.6 m inside
        var overlay = BarrierOverlay.Build(Graph, [Report(8, ReportedBarrierKind.Construction, BarrierGeometryType.Polygon, ring)]);
        var pinned = Assert.Single(overlay.Active);
        Assert.Equal([RouteFixture.Edge(14, 15)], pinned.Edges);
    }

    [Fact]
    public void A_polygon_across_a_way_without_its_nodes_pins_the_way()
    {
        // A 20 m wide band across footway 200 between nodes 1 and 2: no node inside, 20 m of the way inside.
        var centre = Middle(Graph, RouteFixture.Edge(1, 2));
        var ring = new List<GeoPoint> { Offset(centre, -20, -10), Offset(centre, -20, 10), Offset(centre, 20, 10), Offset(centre, 20, -10) };
        var pin = FixtureRouter.Pin(new BarrierGeometry(BarrierGeometryType.Polygon, ring), ReportedBarrierKind.Construction);
        Assert.Equal([200L], pin.OsmWayIds);
        Assert.Empty(pin.OsmNodeIds);
    }

    [Fact]
    public void A_line_pins_the_ways_along_it_but_not_those_that_leave_it()
    {
        // Two metres north of footway 200 from node 1 to node 3: edges 1-2 and 2-3 are pinned; steps 100 and 101, which
        // leave the line northwards at nodes 2 and 3, and edge 3-4 beyond the line's end are not.
        var line = new List<GeoPoint> { Offset(RouteFixture.At(1), 2, 0), Offset(RouteFixture.At(3), 2, 0) };
        var overlay = BarrierOverlay.Build(Graph, [Report(9, ReportedBarrierKind.BlockedPath, BarrierGeometryType.LineString, line)]);
        var pinned = Assert.Single(overlay.Active);

        Assert.Equal([RouteFixture.Edge(1, 2), RouteFixture.Edge(2, 3)], pinned.Edges.Order());
        Assert.Empty(pinned.Vertices);
        Assert.Equal([200L], pinned.Pin.OsmWayIds);
    }

    [Fact]
    public void Unverified_reports_are_kept_for_warnings_and_pin_nothing()
    {
        var overlay = BarrierOverlay.Build(Graph, [Report(3, ReportedBarrierKind.Construction, RouteFixture.At(2), verified: false)]);
        Assert.Empty(overlay.Active);
        Assert.Equal(3, Assert.Single(overlay.Unverified).ReportId);
        Assert.Equal(0, overlay.OverlaidEdgeCount + overlay.OverlaidVertexCount);
        Assert.False(overlay.IsEmpty);
    }

    [Fact]
    public void Versions_increase_and_the_empty_overlay_is_version_zero()
    {
        var first = BarrierOverlay.Build(Graph, []);
        var second = BarrierOverlay.Build(Graph, []);
        Assert.Equal(0, BarrierOverlay.Empty.Version);
        Assert.True(BarrierOverlay.Empty.IsEmpty);
        Assert.True(first.Version > 0);
        Assert.True(second.Version > first.Version);
    }

    [Fact]
    public void An_overlay_of_another_graph_is_refused()
    {
        var other = Routing.Osm.Import.OsmImporter.Import(TestSupport.RepositoryPaths.Fixture("accessibility.osm")).Graph;
        var overlay = BarrierOverlay.Build(other, [Report(1, ReportedBarrierKind.Construction, RouteFixture.At(2))]);
        var router = new Router(Graph, ProfileCatalog.Default);
        Assert.Throws<ArgumentException>(() => router.ReplaceOverlay(overlay));
        Assert.Throws<ArgumentException>(() => CompiledProfile.Compile(Graph, Preset("foot"), overlay: overlay));
        Assert.Same(BarrierOverlay.Empty, router.Overlay);
    }

    [Fact]
    public void A_point_on_ways_lying_on_top_of_each_other_pins_all_of_them_and_no_neighbour()
    {
        // A-B-C in a line 50 m apart (way 1), A-C straight (way 2, as a square's crossings between entries in a
        // line), and a parallel way 10 m north (way 3).
        var builder = new GraphBuilder();
        var origin = new GeoPoint(49.41, 8.69);
        int Vertex(double northM, double eastM)
        {
            var at = Offset(origin, northM, eastM);
            return builder.AddVertex(builder.VertexCount + 1, Coordinates.ToE7(at.Lat), Coordinates.ToE7(at.Lon), default);
        }
        int a = Vertex(0, 0), b = Vertex(0, 50), c = Vertex(0, 100), d = Vertex(10, 0), e = Vertex(10, 100);
        var footway = new EdgeClass { Highway = Routing.Graph.Facts.HighwayKind.Footway };
        builder.AddEdge(a, b, footway, 1, null, [], []);
        builder.AddEdge(b, c, footway, 1, null, [], []);
        builder.AddEdge(a, c, footway, 2, null, [], []);
        builder.AddEdge(d, e, footway, 3, null, [], []);
        var router = new Router(builder.Build(new GraphMetadata { SourceFile = "overlap", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" }),
            ProfileCatalog.Default);

        var pin = router.Pin(new BarrierGeometry(BarrierGeometryType.Point, [Offset(origin, 3, 25)]), ReportedBarrierKind.BlockedPath);

        Assert.Equal([1L, 2L], pin.OsmWayIds.Order());
        Assert.InRange(pin.DistanceM!.Value, 2.9, 3.1);
    }
}
