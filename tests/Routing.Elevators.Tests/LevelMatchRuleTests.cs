using System.Globalization;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Elevators.Tests;

/// <summary>
/// The matching rule, row by row: an equipment on a level and two elevator nodes of a small graph, A north of it and B
/// south, each at its distance and with its levels ("" for none); which one the equipment is matched to, and how their
/// levels agree. Level decides before distance, within <see cref="ElevatorOptions.MatchDistanceM"/> only.
/// </summary>
public sealed class LevelMatchRuleTests
{
    private const double ReachM = 30;
    private static readonly GeoPoint Equipment = new(49.41, 8.69);

    [Theory]
    [InlineData("0", 2, "1;2", 5, "-1;0", "B", LevelAgreement.Same)]      // the level wins over a nearer elevator on other levels
    [InlineData("0", 2, "", 5, "0", "B", LevelAgreement.Same)]            // ... and over a nearer one of unknown level
    [InlineData("0", 2, "1", 5, "", "B", LevelAgreement.Unknown)]         // unknown beats a nearer known mismatch
    [InlineData("0", 2, "1", 5, "2", "A", LevelAgreement.Different)]      // nothing better within reach: the nearest, said to differ
    [InlineData("0", 2, "1", 40, "0", "A", LevelAgreement.Different)]     // the level counts only within reach
    [InlineData("0", 2, "0", 5, "0", "A", LevelAgreement.Same)]           // both on the level: the nearer
    [InlineData("", 2, "1", 5, "0", "A", LevelAgreement.Unknown)]         // the feed gives no level: the nearer
    [InlineData("0.5", 2, "0;1", 5, "0.5", "B", LevelAgreement.Same)]     // split levels compare as numbers
    [InlineData("-1", 2, "", 5, "", "A", LevelAgreement.Unknown)]         // the map gives no levels: the nearer
    [InlineData("0", 35, "0", 40, "0", null, LevelAgreement.Same)]        // nothing within reach: no match, not a guess
    public void Level_decides_before_distance_within_reach(string equipmentLevel, double aNorthM, string aLevels, double bSouthM, string bLevels,
        string? expected, LevelAgreement expectedAgreement)
    {
        var graph = TwoElevators(aNorthM, Levels(aLevels), bSouthM, Levels(bLevels));
        double? level = equipmentLevel.Length == 0 ? null : double.Parse(equipmentLevel, CultureInfo.InvariantCulture);

        var match = BarrierOverlay.MatchElevator(graph, Equipment, ReachM, level);

        if (expected is null)
        {
            Assert.Null(match);
            return;
        }
        Assert.NotNull(match);
        Assert.Equal([expected == "A" ? NodeA : NodeB], match.Pin.OsmNodeIds);
        Assert.Equal(expectedAgreement, match.Agreement);
        Assert.Equal(Levels(expected == "A" ? aLevels : bLevels).Select(l => (double)l), match.Levels);
        Assert.Equal(expected == "A" ? aNorthM : bSouthM, match.Pin.DistanceM!.Value, 1);
    }

    private const long NodeA = 1, NodeB = 2;

    private static float[] Levels(string list) =>
        [.. list.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(l => float.Parse(l, CultureInfo.InvariantCulture))];

    /// <summary>Elevator nodes A (north) and B (south) of the equipment, each on a footway of its own that runs 10 m east.</summary>
    private static RoutingGraph TwoElevators(double aNorthM, float[] aLevels, double bSouthM, float[] bLevels)
    {
        var builder = new GraphBuilder();
        var elevator = new NodeClass { Flags = NodeFlags.Elevator };
        var footway = new EdgeClass { Highway = HighwayKind.Footway };
        foreach (var (node, northM, levels) in new[] { (NodeA, aNorthM, aLevels), (NodeB, -bSouthM, bLevels) })
        {
            int latE7 = Coordinates.ToE7(Equipment.Lat + (northM / Coordinates.MetresPerDegree));
            int vertex = builder.AddVertex(node, latE7, Coordinates.ToE7(Equipment.Lon), elevator);
            builder.AddVertexLevels(vertex, levels);
            double eastDegrees = 10 / (Coordinates.MetresPerDegree * Math.Cos(Equipment.Lat * Math.PI / 180));
            int east = builder.AddVertex(node + 100, latE7, Coordinates.ToE7(Equipment.Lon + eastDegrees), default);
            builder.AddEdge(vertex, east, footway, node + 200, null, [], []);
        }
        return builder.Build(new GraphMetadata { SourceFile = "two-elevators", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
    }
}
