using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Tests.Profiles;

/// <summary>The map's four words come from the verdicts that route: steps, slopes, unknown facts, comfort.</summary>
public sealed class EdgeJudgeTests
{
    private static readonly EdgeClass Known = new()
    {
        Highway = HighwayKind.Footway, Surface = SurfaceKind.Asphalt, SurfaceEvidence = Evidence.Tagged, Smoothness = Smoothness.Good,
        SmoothnessEvidence = Evidence.Tagged, WidthCm = 200, WidthEvidence = Evidence.Tagged, InclineKind = InclineKind.Value, InclineEvidence = Evidence.Tagged,
    };

    /// <summary>One edge of the given facts between two points 100 m apart, judged for a preset.</summary>
    private static EdgeJudge JudgeOne(EdgeClass facts, string preset)
    {
        var builder = new GraphBuilder();
        int a = builder.AddVertex(1, 494_100_000, 86_900_000, default), b = builder.AddVertex(2, 494_109_000, 86_900_000, default);
        builder.AddEdge(a, b, facts, 7, null, [], []);
        var graph = builder.Build(new GraphMetadata { SourceFile = "judge", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
        return new EdgeJudge(CompiledProfile.Compile(graph, Routes.RouteFixture.Preset(preset)));
    }

    [Fact]
    public void A_level_paved_footway_with_every_fact_known_is_usable() =>
        Assert.Equal(EdgeJudgement.Usable, JudgeOne(Known, "wheelchair").Edge(0));

    [Fact]
    public void Steps_block_a_wheelchair_but_not_someone_walking()
    {
        var steps = Known with { Highway = HighwayKind.Steps, Flags = EdgeFlags.Steps };

        Assert.Equal(EdgeJudgement.Blocked, JudgeOne(steps, "wheelchair").Edge(0));
        Assert.Equal(EdgeJudgement.Usable, JudgeOne(steps, "foot").Edge(0));
    }

    [Fact]
    public void A_slope_in_the_comfort_zone_is_above_comfort_and_beyond_the_limit_blocked_uphill_only()
    {
        var judge = JudgeOne(Known with { InclinePermille = 50, SteepestInclinePermille = 50 }, "wheelchair");
        var steep = JudgeOne(Known with { InclinePermille = 70, SteepestInclinePermille = 70 }, "wheelchair");

        Assert.Equal(EdgeJudgement.AboveComfort, judge.Edge(0, backward: false));
        Assert.Equal(EdgeJudgement.Blocked, steep.Edge(0, backward: false));
        Assert.Equal(EdgeJudgement.AboveComfort, steep.Edge(0, backward: true));
        Assert.Equal(EdgeJudgement.Blocked, steep.Edge(0));
    }

    [Fact]
    public void Unknown_width_is_unknown_for_a_wheelchair() =>
        Assert.Equal(EdgeJudgement.Unknown, JudgeOne(Known with { WidthCm = 0, WidthEvidence = Evidence.Unknown }, "wheelchair").Edge(0));
}
