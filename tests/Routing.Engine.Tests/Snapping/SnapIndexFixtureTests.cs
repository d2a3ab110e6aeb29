using Routing.Engine.Snapping;
using static Routing.Engine.Tests.Snapping.SnapFixture;

namespace Routing.Engine.Tests.Snapping;

/// <summary>Snapping on the hand-written accessibility fixture, where every expected answer can be worked out by hand.</summary>
public sealed class SnapIndexFixtureTests
{
    private const double RadiusM = 50;

    [Theory]
    [InlineData(1L)]
    [InlineData(3L)]
    [InlineData(8L)]
    [InlineData(12L)]
    [InlineData(40L)]
    public void A_point_exactly_on_a_vertex_snaps_there_with_offset_zero_or_the_full_length(long osmNodeId)
    {
        int vertex = Vertex(FixtureGraph, osmNodeId);
        var point = At(FixtureGraph, vertex);

        var snapped = FixtureIndex.Snap(point, RadiusM, Profile(FixtureGraph, "foot")).Snapped;

        Assert.NotNull(snapped);
        var snap = snapped.Value;
        int edge = snap.Edge;
        Assert.True(FixtureGraph.EdgeFrom[edge] == vertex || FixtureGraph.EdgeTo[edge] == vertex, $"edge {edge} touches vertex {vertex}");
        double expectedOffsetM = FixtureGraph.EdgeFrom[edge] == vertex ? 0 : FixtureGraph.EdgeLengthCm[edge] / 100.0;
        Assert.Equal(expectedOffsetM, snap.OffsetM, 0.01);
        Assert.Equal(0, snap.DistanceM, 0.01);
        Assert.Equal(point.Lat, snap.Point.Lat, 7);
        Assert.Equal(point.Lon, snap.Point.Lon, 7);
    }

    [Fact]
    public void A_point_beside_an_edge_snaps_to_it_with_the_offset_along_it_and_the_distance_across()
    {
        int edge = Edge(FixtureGraph, 200, 2, 3);
        var from = At(FixtureGraph, FixtureGraph.EdgeFrom[edge]);
        var to = At(FixtureGraph, FixtureGraph.EdgeTo[edge]);
        // 30 % of the way from the edge's first vertex, 4 m north of the (east-west) footway.
        var foot = new GeoPoint(from.Lat + (0.3 * (to.Lat - from.Lat)), from.Lon + (0.3 * (to.Lon - from.Lon)));
        var point = Offset(foot, 0, 4);

        var snapped = FixtureIndex.Snap(point, RadiusM, Profile(FixtureGraph, "wheelchair")).Snapped;

        Assert.NotNull(snapped);
        Assert.Equal(edge, snapped.Value.Edge);
        Assert.Equal(0.3 * FixtureGraph.EdgeLengthCm[edge] / 100.0, snapped.Value.OffsetM, 0.5);
        Assert.Equal(DistanceM(from, foot), snapped.Value.OffsetM, 0.5);
        Assert.Equal(4, snapped.Value.DistanceM, 0.05);
        Assert.Equal(0, DistanceM(foot, snapped.Value.Point), 0.05);
    }

    [Fact]
    public void The_offset_on_an_edge_with_shape_points_sums_the_preceding_segments()
    {
        // Island 602 is one edge 40-41-42 whose middle node is a shape point; stand 1 m beside the middle of 41-42.
        int edge = Edge(FixtureGraph, 602, 40, 42);
        var n40 = At(FixtureGraph, Vertex(FixtureGraph, 40));
        var n42 = At(FixtureGraph, Vertex(FixtureGraph, 42));
        var n41 = new GeoPoint(49.42, 8.7005);
        var middle = new GeoPoint((n41.Lat + n42.Lat) / 2, (n41.Lon + n42.Lon) / 2);
        double eastM = DistanceM(middle, new GeoPoint(middle.Lat, n42.Lon)), northM = DistanceM(middle, new GeoPoint(n42.Lat, middle.Lon));
        double lengthM = Math.Sqrt((eastM * eastM) + (northM * northM));
        var point = Offset(middle, -northM / lengthM, eastM / lengthM); // 1 m to the left of 41 -> 42
        double firstSegmentM = DistanceM(n40, n41), secondSegmentM = DistanceM(n41, n42);
        double expectedFromFirstVertexM = FixtureGraph.EdgeFrom[edge] == Vertex(FixtureGraph, 40)
            ? firstSegmentM + (secondSegmentM / 2)
            : secondSegmentM / 2;

        var snapped = FixtureIndex.Snap(point, RadiusM, Profile(FixtureGraph, "foot")).Snapped;

        Assert.NotNull(snapped);
        Assert.Equal(edge, snapped.Value.Edge);
        Assert.Equal(expectedFromFirstVertexM, snapped.Value.OffsetM, 0.5);
        Assert.Equal(1, snapped.Value.DistanceM, 0.05);
        Assert.Equal(0, DistanceM(middle, snapped.Value.Point), 0.05);
    }

    [Fact]
    public void A_point_beyond_the_radius_gets_no_snap_but_the_distance_to_the_nearest_usable_way()
    {
        // 100 m south of footway 200, the southernmost way of the fixture.
        var onFootway = new GeoPoint(49.41, 8.6907);
        var point = Offset(onFootway, 0, -100);
        var wheelchair = Profile(FixtureGraph, "wheelchair");

        var result = FixtureIndex.Snap(point, RadiusM, wheelchair);

        Assert.Null(result.Snapped);
        Assert.NotNull(result.NearestUsableBeyondRadiusM);
        Assert.Equal(100, result.NearestUsableBeyondRadiusM.Value, 0.05);
        Assert.True(FixtureIndex.Covers(point));

        var wider = FixtureIndex.Snap(point, 150, wheelchair);
        Assert.NotNull(wider.Snapped);
        Assert.Null(wider.NearestUsableBeyondRadiusM);
        Assert.Equal(200, FixtureGraph.EdgeOsmWayId[wider.Snapped.Value.Edge]);
        Assert.Equal(100, wider.Snapped.Value.DistanceM, 0.05);
    }

    [Fact]
    public void A_point_farther_than_the_wider_search_is_told_nothing_and_far_outside_the_map_is_not_covered()
    {
        var foot = Profile(FixtureGraph, "foot");
        var twoKmSouth = Offset(new GeoPoint(49.41, 8.6907), 0, -2000);
        var halfKmSouth = Offset(new GeoPoint(49.41, 8.6907), 0, -500);

        Assert.Equal(new SnapResult(null, null), FixtureIndex.Snap(twoKmSouth, RadiusM, foot));
        Assert.False(FixtureIndex.Covers(twoKmSouth));
        Assert.True(FixtureIndex.Covers(twoKmSouth, marginM: 2500));

        var near = FixtureIndex.Snap(halfKmSouth, RadiusM, foot);
        Assert.Null(near.Snapped);
        Assert.Equal(500, near.NearestUsableBeyondRadiusM!.Value, 0.1);
        Assert.True(FixtureIndex.Covers(halfKmSouth));
    }

    [Fact]
    public void Next_to_steps_the_foot_profile_snaps_onto_the_steps_and_the_wheelchair_profile_onto_the_nearest_other_way()
    {
        // Steps 100 run north from node 2 (49.4100, 8.6905) to node 5 (49.4105, 8.6905); stand 1.45 m east of them,
        // 22 m north of footway 200 and 33 m south of footway 201.
        var point = new GeoPoint(49.4102, 8.69052);
        double toStepsM = DistanceM(point, new GeoPoint(49.4102, 8.6905));
        double toFootwayM = DistanceM(point, new GeoPoint(49.41, 8.69052));

        var byFoot = FixtureIndex.Snap(point, RadiusM, Profile(FixtureGraph, "foot")).Snapped;
        var byWheelchair = FixtureIndex.Snap(point, RadiusM, Profile(FixtureGraph, "wheelchair")).Snapped;

        Assert.NotNull(byFoot);
        Assert.Equal(100, FixtureGraph.EdgeOsmWayId[byFoot.Value.Edge]);
        Assert.Equal(toStepsM, byFoot.Value.DistanceM, 0.01);
        Assert.NotNull(byWheelchair);
        Assert.Equal(Edge(FixtureGraph, 200, 2, 3), byWheelchair.Value.Edge);
        Assert.Equal(toFootwayM, byWheelchair.Value.DistanceM, 0.01);
    }

    [Fact]
    public void Near_unusable_steps_with_a_small_radius_the_wheelchair_gets_the_distance_to_the_nearest_usable_way()
    {
        var point = new GeoPoint(49.4102, 8.69052);

        var result = FixtureIndex.Snap(point, 5, Profile(FixtureGraph, "wheelchair"));

        Assert.Null(result.Snapped);
        Assert.Equal(DistanceM(point, new GeoPoint(49.41, 8.69052)), result.NearestUsableBeyondRadiusM!.Value, 0.01);
        Assert.True(FixtureIndex.Covers(point));
    }

    [Fact]
    public void The_far_island_is_a_static_island_off_the_main_network()
    {
        var network = Profile(FixtureGraph, "foot").Network;

        Assert.False(network.IsOnMain(Edge(FixtureGraph, 602, 40, 42)));
        Assert.True(network.IsStaticIsland(FixtureGraph, Edge(FixtureGraph, 602, 40, 42)));
        Assert.True(network.IsOnMain(Edge(FixtureGraph, 200, 2, 3)));
        Assert.True(network.IsOnMain(Edge(FixtureGraph, 401, 12, 13)));
    }

    [Theory]
    [InlineData(0.0, 1500.0, false)]  // even on the island: the main network within the radius wins, a static island is a gap in the map
    [InlineData(20.0, 1500.0, false)]
    [InlineData(0.0, 50.0, true)]     // nothing else within the radius: the island is better than nothing
    [InlineData(20.0, 50.0, true)]
    public void The_far_island_is_used_only_when_nothing_else_is_within_the_radius(double southOfIslandM, double radiusM, bool expectIsland)
    {
        var onIsland = new GeoPoint(49.42, 8.70025); // middle of the segment 40-41, which runs east-west
        var point = Offset(onIsland, 0, -southOfIslandM);

        var snapped = FixtureIndex.Snap(point, radiusM, Profile(FixtureGraph, "foot")).Snapped;

        Assert.NotNull(snapped);
        Assert.Equal(expectIsland, FixtureGraph.EdgeOsmWayId[snapped.Value.Edge] == 602);
        if (expectIsland)
        {
            Assert.Equal(southOfIslandM, snapped.Value.DistanceM, 0.01);
        }
        else
        {
            Assert.InRange(snapped.Value.DistanceM, 900, radiusM);
        }
    }

    [Fact]
    public void A_radius_must_be_a_finite_number_of_metres()
    {
        var foot = Profile(FixtureGraph, "foot");
        var point = new GeoPoint(49.41, 8.6907);

        Assert.Throws<ArgumentOutOfRangeException>(() => FixtureIndex.Snap(point, -1, foot));
        Assert.Throws<ArgumentOutOfRangeException>(() => FixtureIndex.Snap(point, double.NaN, foot));
        Assert.Throws<ArgumentOutOfRangeException>(() => FixtureIndex.Snap(new GeoPoint(double.NaN, 8.69), RadiusM, foot));
        Assert.NotNull(FixtureIndex.Snap(point, 0.01, foot).Snapped); // on footway 200, up to rounding
    }
}
