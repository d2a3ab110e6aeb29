using Routing.Engine.Profiles;
using Routing.Engine.Search;
using static Routing.Engine.Tests.Routes.RouteFixture;

namespace Routing.Engine.Tests.Routes;

/// <summary>
/// Explanations of failed requests: a path found with the relaxed profile (blocks turned into penalties) is walked
/// with the strict profile, and each broken limit is named with its place and magnitude.
/// </summary>
public sealed class BlockerExplanationTests
{
    private static IReadOnlyList<Blocker> Explain(string profile, string language, SnapPoint from, long[] nodes, SnapPoint to)
    {
        var relaxed = Profile(profile, relaxed: true);
        var path = Path(from, nodes, to, relaxed);
        return Assembler.Explain(path, Profile(profile), language);
    }

    [Fact]
    public void The_raised_kerb_blocks_a_wheelchair_at_node_9_with_height_and_limit()
    {
        var relaxed = Profile("wheelchair", relaxed: true);
        var path = Path(Snap(8, 9, 0.5), [9], Snap(9, 10, 0.5), relaxed);
        Assert.True(path.CostS >= CompiledProfile.ViolationPenaltyS, "the relaxed path pays for breaking a limit");

        var blocker = Assert.Single(Assembler.Explain(path, Profile("wheelchair"), "en"));
        Assert.Equal((Constraint.Kerb, 12.0, 3.0), (blocker.Violation.Constraint, blocker.Violation.Actual, blocker.Violation.Limit));
        Assert.Equal((9L, (long?)null), (blocker.OsmNodeId, blocker.OsmWayId));
        Assert.Equal(At(9), blocker.Location);
        Assert.Equal("kerb 12 cm at a point on the crossing, limit 3 cm", blocker.Message);

        var german = Assert.Single(Assembler.Explain(path, Profile("wheelchair"), "de"));
        Assert.Equal("Bordstein 12 cm an einem Punkt auf dem Überweg, Grenze 3 cm", german.Message);
    }

    [Fact]
    public void Steps_without_a_ramp_block_a_wheelchair_on_way_100()
    {
        var blockers = Explain("wheelchair", "en", Snap(1, 2, 0.5), [2, 5], Snap(5, 6, 0.5));

        var blocker = Assert.Single(blockers);
        Assert.Equal(Constraint.Steps, blocker.Violation.Constraint);
        Assert.Equal((100L, (long?)null), (blocker.OsmWayId, blocker.OsmNodeId));
        Assert.Equal("steps", blocker.Message);
        var (two, five) = (At(2), At(5));
        Assert.Equal((two.Lat + five.Lat) / 2, blocker.Location.Lat, 7);
        Assert.Equal((two.Lon + five.Lon) / 2, blocker.Location.Lon, 7);

        var german = Assert.Single(Explain("wheelchair", "de", Snap(1, 2, 0.5), [2, 5], Snap(5, 6, 0.5)));
        Assert.Equal("Treppe", german.Message);
    }

    [Fact]
    public void The_kissing_gate_blocks_a_wheelchair_at_node_16_besides_the_gravel_of_path_203()
    {
        var blockers = Explain("wheelchair", "en", Snap(14, 15, 0.5), [15, 16, 17], Snap(17, 20, 0.5));

        Assert.Equal([Constraint.Surface, Constraint.Barrier, Constraint.Surface], blockers.Select(b => b.Violation.Constraint));
        var gate = blockers[1];
        Assert.Equal((16L, "kissing gate at a point on the path"), (gate.OsmNodeId, gate.Message));
        Assert.Equal("surface gravel on the path by Marktplatz is avoided", blockers[0].Message);
        Assert.Equal(203L, blockers[2].OsmWayId);

        var german = Explain("wheelchair", "de", Snap(14, 15, 0.5), [15, 16, 17], Snap(17, 20, 0.5));
        Assert.Equal("Drehgatter an einem Punkt auf dem Pfad", german[1].Message);
    }

    [Fact]
    public void Consecutive_arcs_of_one_way_with_the_same_violation_are_one_blocker()
    {
        // A user who avoids paving stones: both edges of road 400, joined at the plain node 8, break the same limit.
        var strict = CompiledProfile.Compile(FixtureGraph, Preset("wheelchair") with { AvoidSurfaces = ["paving_stones"] });
        var relaxed = CompiledProfile.Compile(FixtureGraph, strict.Settings, relaxed: true);
        var path = Path(Snap(11, 8, 0.5), [8], Snap(8, 12, 0.5), relaxed);

        var blocker = Assert.Single(Assembler.Explain(path, strict, "en"));
        Assert.Equal(Constraint.Surface, blocker.Violation.Constraint);
        Assert.Equal("surface paving stones on Plöck is avoided", blocker.Message);
    }

    [Fact]
    public void An_uphill_beyond_the_limit_names_the_incline_and_the_limit()
    {
        var relaxed = Profile("wheelchair", relaxed: true);
        // 0.9 -> 0.1 from node 12 travels 13 -> 12: uphill at 8 %, above the wheelchair's 6 %.
        var path = Along(Snap(12, 13, 0.9), Snap(12, 13, 0.1), relaxed);

        var blocker = Assert.Single(Assembler.Explain(path, Profile("wheelchair"), "en"));
        Assert.Equal((Constraint.InclineUp, 401L), (blocker.Violation.Constraint, blocker.OsmWayId));
        Assert.Equal("incline 8.0 % uphill on Sandgasse, limit 6 %", blocker.Message);
        Assert.Equal("Steigung 8,0 % bergauf auf der Sandgasse, Grenze 6 %", Assert.Single(Assembler.Explain(path, Profile("wheelchair"), "de")).Message);

        // Downhill the same road is within the 8 % limit.
        Assert.Empty(Assembler.Explain(Along(Snap(12, 13, 0.1), Snap(12, 13, 0.9), relaxed), Profile("wheelchair"), "en"));
    }

    [Fact]
    public void A_path_that_breaks_no_limit_has_no_blockers()
    {
        Assert.Empty(Explain("foot", "en", Snap(1, 2, 0.5), [2, 5], Snap(5, 6, 0.5)));
        Assert.Empty(Explain("wheelchair", "en", Snap(5, 6, 0.5), [6, 7, 8], Snap(8, 9, 0.5)));
    }

    [Fact]
    public void Points_in_separate_parts_of_the_network_are_not_connected_whatever_the_limits()
    {
        // Footway 602 is a far island: not even the relaxed profile reaches it from footway 200.
        int edge = Edge(40, 42); // node 41 is a plain shape point of the edge
        var island = new SnapPoint(edge, 0, At(FixtureGraph.VertexOsmNodeId[FixtureGraph.EdgeFrom[edge]]), 0);
        var blocker = Assembler.NotConnected(island, "de");

        Assert.Equal((Constraint.NotConnected, 602L), (blocker.Violation.Constraint, blocker.OsmWayId));
        Assert.Equal("Start und Ziel liegen in getrennten Teilen des Wegenetzes", blocker.Message);
        Assert.Equal(island.Point, blocker.Location);
    }
}
