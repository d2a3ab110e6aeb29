using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Engine.Tests.Routes;

namespace Routing.Engine.Tests.Profiles;

/// <summary>Effort in the cost, every broken limit named, and limits lifted by exactly what they name.</summary>
public sealed class EffortAndLimitsTests
{
    private static ProfileSettings Preset(string name) => RouteFixture.Preset(name);

    /// <summary>The rules tests' fully known footway, its incline tagged.</summary>
    private static readonly EdgeClass Footway = ProfileRulesTests.GoodFootway with { InclineConfidence = InclineConfidence.Measured };

    private static EdgeClass Sloped(int permille) => Footway with
    {
        InclinePermille = (short)permille,
        SteepestInclinePermille = (short)permille,
    };

    private static double CostPerMetre(ProfileSettings settings, EdgeClass edge)
    {
        var verdict = new ProfileRules(settings).Edge(edge, backward: false);
        Assert.False(verdict.Broken.Any);
        return verdict.DurationSecondsPerMetre * verdict.CostFactor;
    }

    /// <summary>
    /// Every grade at which 300 m of climb fits into a trip across the extract (at most 8 km of climbing) and within the
    /// preset's uphill limit: climbing 300 m is over the preset's climb budget, or costs more than a level route three
    /// times as long.
    /// </summary>
    [Theory]
    [InlineData("wheelchair")]
    [InlineData("powered_wheelchair")]
    [InlineData("walker")]
    [InlineData("pushchair")]
    public void A_route_that_climbs_300_m_never_beats_a_level_one_three_times_as_long(string name)
    {
        var preset = Preset(name);
        if (preset.MaxClimbM < 300)
        {
            return; // refused by the budget, whatever it costs (RoutePlanningHeidelbergTests)
        }
        double level = CostPerMetre(preset, Sloped(0));
        for (int permille = 40; permille <= preset.MaxInclineUpPct!.Value * 10; permille += 10)
        {
            double climbingM = 300 / (permille / 1000.0);
            Assert.True(climbingM * CostPerMetre(preset, Sloped(permille)) > 3 * climbingM * level,
                $"{name}: {climbingM:0} m at {permille / 10.0} % costs no more than {3 * climbingM:0} m on the level");
        }
    }

    [Theory]
    [InlineData("wheelchair", 30, 0)]
    [InlineData("wheelchair", -30, 0)]
    [InlineData("wheelchair", -60, 10)]
    [InlineData("pushchair", -60, 0)]
    public void Effort_is_charged_per_metre_of_climb_and_braking_only_for_steep_descents_of_manual_chairs(string name, int permille, double descentEquivalentM)
    {
        var preset = Preset(name);
        var withEffort = CostPerMetre(preset, Sloped(permille));
        var withoutEffort = CostPerMetre(preset with { ClimbEquivalentM = 0, SteepDescentEquivalentM = 0 }, Sloped(permille));
        double grade = permille / 1000.0;
        double expectedLevelMetres = grade > 0 ? preset.ClimbEquivalentM * grade : descentEquivalentM * -grade;
        Assert.Equal(expectedLevelMetres / preset.SpeedMps, withEffort - withoutEffort, 9);
    }

    [Fact]
    public void Every_limit_a_way_breaks_is_named_not_only_the_first()
    {
        var edge = Sloped(90) with { Smoothness = Smoothness.VeryBad, WidthCm = 70, Surface = SurfaceKind.Gravel };
        var verdict = new ProfileRules(Preset("wheelchair")).Edge(edge, backward: false);
        Assert.Equal([Constraint.Surface, Constraint.Smoothness, Constraint.Width, Constraint.InclineUp],
            verdict.Broken.AsSpan().ToArray().Select(v => v.Constraint));
    }

    [Fact]
    public void A_relaxed_profile_charges_a_penalty_per_broken_limit()
    {
        var rules = new ProfileRules(Preset("wheelchair"));
        var one = CompiledProfile.Price(rules.Edge(Footway with { WidthCm = 70 }, false), relaxed: true);
        var three = CompiledProfile.Price(rules.Edge(Sloped(90) with { Smoothness = Smoothness.VeryBad, WidthCm = 70 }, false), relaxed: true);
        Assert.InRange(one.Fixed, CompiledProfile.ViolationPenaltyS, CompiledProfile.ViolationPenaltyS + 100);
        Assert.InRange(three.Fixed, 3 * CompiledProfile.ViolationPenaltyS, (3 * CompiledProfile.ViolationPenaltyS) + 100);
    }

    public static TheoryData<Violation, Func<ProfileSettings, bool>> Lifts => new()
    {
        { new Violation(Constraint.Steps), s => s.Steps == StepsPolicy.Avoid },
        { new Violation(Constraint.Surface, Detail: "gravel"), s => !s.AvoidSurfaces.Contains("gravel") && s.AvoidSurfaces.Contains("sand") },
        { new Violation(Constraint.Smoothness, Detail: "very_bad"), s => s.MinSmoothness == "very_bad" },
        { new Violation(Constraint.Width, 70, 90, "cm"), s => s.MinWidthCm == 70 },
        { new Violation(Constraint.Kerb, 12, 3, "cm"), s => s.MaxKerbCm == 12 },
        { new Violation(Constraint.InclineUp, 9.5, 6, "%"), s => s.MaxInclineUpPct == 9.5 && s.MaxInclineDownPct == 8 },
        { new Violation(Constraint.InclineDown, 12, 8, "%"), s => s.MaxInclineDownPct == 12 && s.MaxInclineUpPct == 6 },
        { new Violation(Constraint.Climb, 117, 50, "m"), s => s.MaxClimbM == 117 },
        { new Violation(Constraint.Construction), s => s == Preset("wheelchair") },
    };

    [Theory]
    [MemberData(nameof(Lifts))]
    public void A_violation_lifts_exactly_its_own_field_to_the_value_found(Violation violation, Func<ProfileSettings, bool> lifted) =>
        Assert.True(lifted(violation.Lift(Preset("wheelchair"))));

    /// <summary>
    /// What a client is offered (the lift as a query string writes it) read back through the constraint table lifts the
    /// same field to the same value as the engine's own lift.
    /// </summary>
    [Theory]
    [MemberData(nameof(Lifts))]
    public void A_lift_value_read_as_a_request_lifts_as_the_engine_does(Violation violation, Func<ProfileSettings, bool> lifted)
    {
        var preset = Preset("wheelchair");
        string? text = violation.LiftValue(preset);
        if (violation.RequestField is not { } field)
        {
            Assert.Null(text);
            return;
        }
        Assert.NotNull(text);
        Assert.True(ConstraintTable.TryGet(field, out var row));
        var (overrides, problem) = row.Read(new ConstraintOverrides(), text);
        Assert.Null(problem);
        Assert.True(lifted(overrides.ApplyTo(preset)), $"{field}={text}");
    }

    [Theory]
    [InlineData(Constraint.Kerb, 12.4, null, "13")]
    [InlineData(Constraint.InclineDown, 12.5, null, "12.5")]
    [InlineData(Constraint.Steps, null, null, "avoid")]
    [InlineData(Constraint.Surface, null, "sett", "sand,gravel")]
    [InlineData(Constraint.Width, null, null, null)] // nothing measured: nothing to offer
    [InlineData(Constraint.Construction, null, null, null)]
    public void A_lift_value_is_written_as_a_query_string_carries_it(Constraint constraint, double? actual, string? detail, string? expected)
    {
        var preset = Preset("wheelchair") with { AvoidSurfaces = ["sand", "sett", "gravel"] };
        Assert.Equal(expected, new Violation(constraint, actual, Detail: detail).LiftValue(preset));
    }

    [Fact]
    public void Lifting_smoothness_twice_keeps_the_more_permissive_value()
    {
        var settings = new Violation(Constraint.Smoothness, Detail: "very_horrible").Lift(Preset("wheelchair"));
        Assert.Equal("very_horrible", new Violation(Constraint.Smoothness, Detail: "very_bad").Lift(settings).MinSmoothness);
    }
}
