using Routing.Graph;
using Routing.Engine.Snapping;
using static Routing.Engine.Tests.Snapping.IslandGraph;

namespace Routing.Engine.Tests.Snapping;

/// <summary>The snapping rule for islands (<see cref="SnapIndex"/>), on <see cref="IslandGraph"/>.</summary>
public sealed class IslandSnappingTests
{
    private const double RadiusM = 50;
    private static readonly SnapIndex Index = new(Map);

    /// <summary>Between the main way D - C and the pavement 20 m north of it, <paramref name="northM"/> north of the main way.</summary>
    [Theory]
    [InlineData(5.0, "wheelchair", 10L)]   // the main way is nearest
    [InlineData(9.5, "wheelchair", 10L)]   // the main way within 10 m
    [InlineData(14.0, "wheelchair", 10L)]  // the pavement 6 m away, the main way 14 m: within three times, so the main way
    [InlineData(16.0, "wheelchair", 20L)]  // the pavement 4 m away, the main way 16 m: beyond 10 m and three times, the pavement
    [InlineData(19.5, "wheelchair", 20L)]  // on the pavement
    [InlineData(14.0, "foot", 20L)]        // on foot the pavement is on the main network: simply the nearest way
    [InlineData(11.0, "foot", 20L)]
    [InlineData(9.0, "foot", 10L)]
    public void A_nearer_way_off_the_main_network_keeps_the_point_only_while_the_main_network_is_beyond_10_m_and_three_times_as_far(
        double northM, string profile, long expectedWay)
    {
        var point = North(Between(D, C), northM);

        var snapped = Index.Snap(point, RadiusM, Profile(profile)).Snapped;

        Assert.NotNull(snapped);
        Assert.Equal(expectedWay, Map.EdgeOsmWayId[snapped.Value.Edge]);
        Assert.Equal(expectedWay == 10 ? northM : PavementNorthOfMainM - northM, snapped.Value.DistanceM, 0.05);
    }

    [Theory]
    [InlineData("foot")]
    [InlineData("wheelchair")]
    public void A_point_on_a_path_that_shares_no_node_with_the_network_snaps_to_the_nearest_connected_way_within_the_radius(string profile)
    {
        var onPath = Between(S1, S2);
        double toB = Coordinates.DistanceM(onPath.Lat, onPath.Lon, B.Lat, B.Lon);

        var snapped = Index.Snap(onPath, RadiusM, Profile(profile)).Snapped;

        Assert.NotNull(snapped);
        Assert.True(Profile(profile).Network.IsOnMain(snapped.Value.Edge));
        Assert.Equal(toB, snapped.Value.DistanceM, 0.05); // the corner B is the nearest point of the square
        Assert.InRange(toB, 30, RadiusM);
    }

    [Fact]
    public void With_no_connected_way_within_the_radius_the_unjoined_path_is_better_than_nothing()
    {
        var onPath = Between(S1, S2);

        var snapped = Index.Snap(onPath, 30, Profile("foot")).Snapped;

        Assert.NotNull(snapped);
        Assert.Equal(30, Map.EdgeOsmWayId[snapped.Value.Edge]);
        Assert.Equal(0, snapped.Value.DistanceM, 0.05);
    }

    [Fact]
    public void The_nearest_point_on_the_main_network_ignores_nearer_islands()
    {
        var onPavement = North(Between(D, C), 19.5);

        var target = Index.NearestOnMain(onPavement, SnapIndex.WiderSearchRadiusM, Profile("wheelchair"));

        Assert.NotNull(target);
        Assert.Equal(10, Map.EdgeOsmWayId[target.Value.Edge]);
        Assert.Equal(19.5, target.Value.DistanceM, 0.05);
        Assert.Null(Index.NearestOnMain(onPavement, 10, Profile("wheelchair")));
    }

    [Theory]
    [InlineData(1.0, 10.0, false)]  // within 10 m the main network wins whatever lies nearer
    [InlineData(1.0, 10.01, true)]
    [InlineData(0.0, 10.01, true)]  // on the island way itself
    [InlineData(4.0, 12.0, false)]  // at most three times as far: the main network
    [InlineData(4.0, 12.01, true)]
    [InlineData(2.0, 1.0, false)]   // the main way is nearer
    public void The_rule_as_a_table(double islandM, double mainM, bool keepsIsland)
    {
        Assert.Equal(keepsIsland, SnapIndex.KeepsIsland(islandM, mainM, SnapIndex.NearM, SnapIndex.MainFactor));
        Assert.True(SnapIndex.KeepsIsland(islandM, null, SnapIndex.NearM, SnapIndex.MainFactor)); // nothing else within the radius
    }

    [Theory]
    [InlineData("wheelchair")]
    [InlineData("foot")]
    public void A_path_joined_to_nothing_gives_way_to_any_other_usable_way_within_the_radius(string profile)
    {
        // 5 m north of the pavement, 3 m south of the unjoined path above it, 25 m north of the square. For a wheelchair
        // the pavement is an island of its own rules, yet it is joined to the network: a refusal from there can name
        // the steps; from the unjoined path not even that.
        var point = North(Between(D, C), PavementNorthOfMainM + 5);

        var snapped = Index.Snap(point, RadiusM, Profile(profile)).Snapped;

        Assert.NotNull(snapped);
        Assert.Equal(20, Map.EdgeOsmWayId[snapped.Value.Edge]);
        Assert.Equal(5, snapped.Value.DistanceM, 0.05);
    }
}
