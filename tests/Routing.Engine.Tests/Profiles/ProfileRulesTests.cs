using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.TestSupport;

namespace Routing.Engine.Tests.Profiles;

/// <summary>The accessibility judgement as tables: facts and profile in, block or cost out.</summary>
public sealed class ProfileRulesTests
{
    private static ProfileSettings Preset(string name)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var preset));
        return preset;
    }

    /// <summary>A fully known, flat, smooth, wide footway: the baseline every rule is measured against.</summary>
    internal static EdgeClass GoodFootway => new()
    {
        Highway = HighwayKind.Footway,
        Surface = SurfaceKind.Asphalt,
        SurfaceEvidence = Evidence.Tagged,
        Smoothness = Smoothness.Good,
        SmoothnessEvidence = Evidence.Tagged,
        WidthCm = 200,
        WidthEvidence = Evidence.Tagged,
        InclineKind = InclineKind.Value,
        InclineEvidence = Evidence.Tagged,
    };

    private static EdgeClass WithIncline(int permille) =>
        GoodFootway with { InclinePermille = (short)permille, SteepestInclinePermille = (short)permille };

    private static Constraint? Blocks(string profile, EdgeClass edge, bool backward = false) =>
        new ProfileRules(Preset(profile)).Edge(edge, backward).Violation?.Constraint;

    private static double CostPerMetre(ProfileSettings settings, EdgeClass edge, bool backward = false)
    {
        var verdict = new ProfileRules(settings).Edge(edge, backward);
        Assert.Null(verdict.Violation);
        return verdict.DurationSecondsPerMetre * verdict.CostFactor;
    }

    public static TheoryData<string, EdgeClass, Constraint?> EdgeTable => new()
    {
        { "wheelchair", GoodFootway, null },
        { "foot", GoodFootway, null },
        { "wheelchair", GoodFootway with { Flags = EdgeFlags.Steps }, Constraint.Steps },
        { "wheelchair", GoodFootway with { Flags = EdgeFlags.Steps | EdgeFlags.WheelchairRamp }, null },
        { "wheelchair", GoodFootway with { Flags = EdgeFlags.Steps | EdgeFlags.StrollerRamp }, Constraint.Steps },
        { "pushchair", GoodFootway with { Flags = EdgeFlags.Steps | EdgeFlags.StrollerRamp }, null },
        { "pushchair", GoodFootway with { Flags = EdgeFlags.Steps }, null },
        { "walker", GoodFootway with { Flags = EdgeFlags.Steps }, Constraint.Steps },
        { "foot", GoodFootway with { Flags = EdgeFlags.Steps }, null },
        { "foot", GoodFootway with { Flags = EdgeFlags.Steps | EdgeFlags.Conveying }, null },
        { "powered_wheelchair", GoodFootway with { Flags = EdgeFlags.Conveying }, Constraint.Escalator },
        { "foot", GoodFootway with { Flags = EdgeFlags.Construction }, Constraint.Construction },
        { "foot", GoodFootway with { Highway = HighwayKind.Construction }, Constraint.Construction },
        { "foot", GoodFootway with { Access = AccessKind.Private }, Constraint.PrivateAccess },
        { "foot", GoodFootway with { Access = AccessKind.Permissive }, null },
        { "wheelchair", GoodFootway with { Wheelchair = WheelchairTag.No }, Constraint.WheelchairNo },
        { "walker", GoodFootway with { Wheelchair = WheelchairTag.No }, null },
        { "wheelchair", GoodFootway with { Surface = SurfaceKind.Gravel }, Constraint.Surface },
        { "wheelchair", GoodFootway with { Surface = SurfaceKind.Gravel, Wheelchair = WheelchairTag.Yes }, null },
        { "wheelchair", GoodFootway with { Surface = SurfaceKind.Cobblestone }, null },
        { "powered_wheelchair", GoodFootway with { Surface = SurfaceKind.Sand }, Constraint.Surface },
        { "foot", GoodFootway with { Surface = SurfaceKind.Mud }, null },
        { "wheelchair", GoodFootway with { Smoothness = Smoothness.Bad }, Constraint.Smoothness },
        { "powered_wheelchair", GoodFootway with { Smoothness = Smoothness.Bad }, null },
        { "powered_wheelchair", GoodFootway with { Smoothness = Smoothness.VeryBad }, Constraint.Smoothness },
        { "wheelchair", GoodFootway with { WidthCm = 80 }, Constraint.Width },
        { "wheelchair", GoodFootway with { WidthCm = 90 }, null },
        { "walker", GoodFootway with { WidthCm = 80 }, null },
        { "foot", GoodFootway with { WidthCm = 30 }, null },
        { "wheelchair", WithIncline(60), null },
        { "wheelchair", WithIncline(70), Constraint.InclineUp },
        { "wheelchair", WithIncline(-80), null },
        { "wheelchair", WithIncline(-90), Constraint.InclineDown },
        { "powered_wheelchair", WithIncline(120), null },
        { "foot", WithIncline(300), null },
        { "walker", GoodFootway with { Kerb = KerbKind.Raised, KerbEvidence = Evidence.Derived, KerbHeightCm = 12 }, Constraint.Kerb },
        { "pushchair", GoodFootway with { Kerb = KerbKind.Raised, KerbEvidence = Evidence.Tagged, KerbHeightCm = 10 }, null },
        { "wheelchair", GoodFootway with { Flags = EdgeFlags.DifficultTrail }, Constraint.DifficultTrail },
        { "foot", GoodFootway with { Flags = EdgeFlags.DifficultTrail }, null },
    };

    [Theory]
    [MemberData(nameof(EdgeTable))]
    public void Edge_facts_block_the_right_profiles(string profile, EdgeClass edge, Constraint? expected) =>
        Assert.Equal(expected, Blocks(profile, edge));

    [Theory]
    [InlineData(70, false, Constraint.InclineUp)]
    [InlineData(70, true, null)] // 7 % up one way is 7 % down the other, inside the 8 % downhill limit
    [InlineData(-70, true, Constraint.InclineUp)]
    [InlineData(-90, false, Constraint.InclineDown)]
    [InlineData(-90, true, Constraint.InclineUp)]
    public void Incline_is_judged_in_the_direction_of_travel(int permille, bool backward, Constraint? expected) =>
        Assert.Equal(expected, Blocks("wheelchair", WithIncline(permille), backward));

    /// <summary>A terrain estimate: the mean of the true incline, its spread, and whether the model resolves the edge.</summary>
    private static EdgeClass Derived(int meanPermille, int spreadPermille, InclineConfidence confidence) => GoodFootway with
    {
        InclineEvidence = Evidence.Derived,
        InclinePermille = (short)(meanPermille / 2),
        SteepestInclinePermille = (short)meanPermille,
        InclineSpreadPermille = (short)spreadPermille,
        InclineConfidence = confidence,
    };

    /// <summary>The wheelchair preset: 6 % up, 8 % down.</summary>
    public static TheoryData<EdgeClass, DerivedInclinePolicy, Constraint?> DerivedInclineTable => new()
    {
        // A tag is a fact: beyond the limit it blocks whatever the policy.
        { WithIncline(90) with { InclineConfidence = InclineConfidence.Measured }, DerivedInclinePolicy.Ignore, Constraint.InclineUp },
        { WithIncline(90) with { InclineConfidence = InclineConfidence.Measured }, DerivedInclinePolicy.Penalize, Constraint.InclineUp },
        // Resolved and very likely beyond (12 ± 2 against 6: 99.9 %; -12 ± 2 against 8 down: 97.7 %) blocks by default ...
        { Derived(120, 20, InclineConfidence.High), DerivedInclinePolicy.Penalize, Constraint.InclineUp },
        { Derived(-120, 20, InclineConfidence.High), DerivedInclinePolicy.Penalize, Constraint.InclineDown },
        // ... but not when the model cannot resolve the edge, nor under ignore.
        { Derived(120, 20, InclineConfidence.Low), DerivedInclinePolicy.Penalize, null },
        { Derived(120, 20, InclineConfidence.High), DerivedInclinePolicy.Ignore, null },
        // Resolved but only likely (8 ± 6 against 6: 63 %, under the 70 % a block needs): priced, not blocked.
        { Derived(80, 60, InclineConfidence.High), DerivedInclinePolicy.Penalize, null },
        // Under block the estimate counts like a tag, resolved or not.
        { Derived(70, 20, InclineConfidence.Low), DerivedInclinePolicy.Block, Constraint.InclineUp },
        { Derived(50, 60, InclineConfidence.High), DerivedInclinePolicy.Block, null },
        { Derived(0, 10, InclineConfidence.High), DerivedInclinePolicy.Penalize, null },
    };

    [Theory]
    [MemberData(nameof(DerivedInclineTable))]
    public void Derived_inclines_block_only_where_very_likely_beyond_the_limit_over_a_resolved_stretch(EdgeClass edge, DerivedInclinePolicy policy, Constraint? expected)
    {
        var verdict = new ProfileRules(Preset("wheelchair") with { DerivedIncline = policy }).Edge(edge, backward: false);
        Assert.Equal(expected, verdict.Violation?.Constraint);
    }

    [Theory]
    [InlineData(60, 10, 6, 0.5)]          // at the limit: an even chance
    [InlineData(70, 10, 6, 0.841345)]     // one spread beyond: the normal's 84 %
    [InlineData(40, 10, 6, 0.022750)]     // two spreads within
    [InlineData(-100, 10, 6, 0.977250)]   // downhill 10 ± 1 against 8 down: two spreads beyond (the climb's tail is nil)
    public void The_chance_beyond_the_limit_is_the_normal_tail_in_the_direction_of_travel(int meanPermille, int spreadPermille, double upLimitPct, double expected)
    {
        var slope = SlopeFact.Of(Derived(meanPermille, spreadPermille, InclineConfidence.High), backward: false)!.Value;
        Assert.Equal(expected, slope.ChanceBeyond(upLimitPct, 8), 5);
        // Reversed, the climb becomes the descent.
        var reversed = SlopeFact.Of(Derived(meanPermille, spreadPermille, InclineConfidence.High), backward: true)!.Value;
        Assert.Equal(expected, reversed.ChanceBeyond(8, upLimitPct), 5);
    }

    [Fact]
    public void A_tag_has_no_spread_its_chance_is_nought_or_one()
    {
        Assert.Equal(1, SlopeFact.Of(WithIncline(70) with { InclineConfidence = InclineConfidence.Measured }, backward: false)!.Value.ChanceBeyond(6, 8));
        Assert.Equal(0, SlopeFact.Of(WithIncline(60) with { InclineConfidence = InclineConfidence.Measured }, backward: false)!.Value.ChanceBeyond(6, 8));
    }

    [Fact]
    public void The_cost_of_a_derived_slope_is_its_expected_cost_under_penalize_and_at_most_the_limit_under_ignore()
    {
        // Without the effort of climbing, which is added per metre of climb whatever the policy.
        var wheelchair = Preset("wheelchair") with { ClimbEquivalentM = 0 };
        var uncertain = Derived(90, 60, InclineConfidence.Low);
        double chance = SlopeFact.Of(uncertain, backward: false)!.Value.ChanceBeyond(6, 8);
        double penalize = CostPerMetre(wheelchair with { DerivedIncline = DerivedInclinePolicy.Penalize }, uncertain);
        double ignore = CostPerMetre(wheelchair with { DerivedIncline = DerivedInclinePolicy.Ignore }, uncertain);
        double atLimit = CostPerMetre(wheelchair with { DerivedIncline = DerivedInclinePolicy.Ignore }, uncertain with { SteepestInclinePermille = 60 });
        Assert.Equal(ignore * (1 + (4 * chance)), penalize, 9); // (1 - p) passable + p times five
        Assert.Equal(atLimit, ignore, 9);
        // Below a material chance (4 ± 6 against 6: 37 %) the chance costs nothing.
        var unlikely = Derived(40, 60, InclineConfidence.Low);
        Assert.Equal(CostPerMetre(wheelchair with { DerivedIncline = DerivedInclinePolicy.Ignore }, unlikely), CostPerMetre(wheelchair, unlikely), 9);
    }

    [Fact]
    public void A_likely_too_steep_stretch_costs_far_more_than_three_level_ones()
    {
        // The old rule capped a possibly steep stretch at three times a level one, so a long climb beat any detour.
        var wheelchair = Preset("wheelchair");
        double level = CostPerMetre(wheelchair, Derived(0, 10, InclineConfidence.Low));
        double likely = CostPerMetre(wheelchair, Derived(200, 80, InclineConfidence.Low)); // 20 ± 8 against 6: 96 %
        Assert.True(likely > 8 * level, $"{likely / level:F1} times a level stretch");
    }

    [Fact]
    public void A_blocking_derived_incline_gives_the_estimate_its_evidence_confidence_and_chance()
    {
        var edge = Derived(120, 20, InclineConfidence.High);
        var violation = new ProfileRules(Preset("wheelchair")).Edge(edge, backward: false).Violation;
        var slope = SlopeFact.Of(edge, backward: false)!.Value;
        Assert.Equal((ViolationEvidence.Derived, InclineConfidence.High, slope.ValuePct, slope.ChanceBeyond(6, 8)),
            (violation?.Evidence, violation?.InclineConfidence, violation?.Actual, violation?.Chance));
        Assert.Equal(12.0, slope.ValuePct);
    }

    [Fact]
    public void One_way_edges_block_only_against_their_direction()
    {
        var forwardOnly = GoodFootway with { Flags = EdgeFlags.ForwardOnly };
        Assert.Null(Blocks("foot", forwardOnly, backward: false));
        Assert.Equal(Constraint.OneWay, Blocks("foot", forwardOnly, backward: true));
        var backwardOnly = GoodFootway with { Flags = EdgeFlags.BackwardOnly };
        Assert.Equal(Constraint.OneWay, Blocks("foot", backwardOnly, backward: false));
        Assert.Null(Blocks("foot", backwardOnly, backward: true));
    }

    public static TheoryData<string, NodeClass, Constraint?> NodeTable => new()
    {
        { "wheelchair", default, null },
        { "wheelchair", new NodeClass { Barrier = BarrierKind.KissingGate }, Constraint.Barrier },
        { "wheelchair", new NodeClass { Barrier = BarrierKind.KissingGate, Wheelchair = WheelchairTag.Yes }, null },
        { "foot", new NodeClass { Barrier = BarrierKind.Stile }, null },
        { "walker", new NodeClass { Barrier = BarrierKind.Turnstile }, Constraint.Barrier },
        { "wheelchair", new NodeClass { Barrier = BarrierKind.Bollard }, null },
        { "wheelchair", new NodeClass { Barrier = BarrierKind.CycleBarrier }, null },
        { "wheelchair", new NodeClass { Barrier = BarrierKind.CycleBarrier, WidthCm = 70 }, Constraint.Width },
        { "wheelchair", new NodeClass { Barrier = BarrierKind.Gate, Flags = NodeFlags.NoAccess }, Constraint.NoAccess },
        { "wheelchair", new NodeClass { Barrier = BarrierKind.Door, Flags = NodeFlags.Entrance, WidthCm = 80 }, Constraint.Width },
        { "wheelchair", new NodeClass { Barrier = BarrierKind.Kerb, Kerb = KerbKind.Lowered, KerbEvidence = Evidence.Derived, KerbHeightCm = 3 }, null },
        { "wheelchair", new NodeClass { Barrier = BarrierKind.Kerb, Kerb = KerbKind.Raised, KerbEvidence = Evidence.Tagged, KerbHeightCm = 4 }, Constraint.Kerb },
        { "powered_wheelchair", new NodeClass { Barrier = BarrierKind.Kerb, Kerb = KerbKind.Rolled, KerbEvidence = Evidence.Derived, KerbHeightCm = 6 }, null },
        { "wheelchair", new NodeClass { Barrier = BarrierKind.Kerb, Kerb = KerbKind.Unknown }, null },
        { "foot", new NodeClass { Barrier = BarrierKind.Kerb, Kerb = KerbKind.Raised, KerbEvidence = Evidence.Tagged, KerbHeightCm = 20 }, null },
        { "wheelchair", new NodeClass { Flags = NodeFlags.Elevator, Wheelchair = WheelchairTag.No }, Constraint.WheelchairNo },
    };

    [Theory]
    [MemberData(nameof(NodeTable))]
    public void Node_facts_block_the_right_profiles(string profile, NodeClass node, Constraint? expected) =>
        Assert.Equal(expected, new ProfileRules(Preset(profile)).Node(node).Violation?.Constraint);

    [Fact]
    public void Cost_rises_smoothly_through_the_comfort_zone_of_a_slope()
    {
        var wheelchair = Preset("wheelchair");
        double previous = CostPerMetre(wheelchair, WithIncline(0));
        for (int permille = 5; permille <= 60; permille += 5)
        {
            double cost = CostPerMetre(wheelchair, WithIncline(permille));
            Assert.True(cost > previous, $"cost must rise with slope: {permille} per mille");
            // No jump: 0.5 % more slope never more than doubles the cost.
            Assert.True(cost < 2 * previous, $"cost jumps at {permille} per mille: {previous} -> {cost}");
            previous = cost;
        }
    }

    [Fact]
    public void Kerb_penalty_grows_from_the_comfort_limit_to_the_hard_limit()
    {
        var rules = new ProfileRules(Preset("pushchair")); // kerb limit 10 cm, comfort from 5 cm
        double Penalty(byte cm) => rules.Node(new NodeClass { Kerb = KerbKind.Raised, KerbEvidence = Evidence.Tagged, KerbHeightCm = cm }).PenaltyS;
        Assert.Equal(0, Penalty(5));
        Assert.True(Penalty(7) > 0);
        Assert.True(Penalty(10) > Penalty(7));
    }

    [Fact]
    public void Unknown_facts_cost_according_to_the_policy()
    {
        var unknownFootway = new EdgeClass { Highway = HighwayKind.Footway };
        var wheelchair = Preset("wheelchair");
        double allow = CostPerMetre(wheelchair with { Unknown = UnknownPolicy.Allow }, unknownFootway);
        double penalize = CostPerMetre(wheelchair with { Unknown = UnknownPolicy.Penalize }, unknownFootway);
        double avoid = CostPerMetre(wheelchair with { Unknown = UnknownPolicy.Avoid }, unknownFootway);
        Assert.True(allow < penalize && penalize < avoid);
        Assert.Equal(CostPerMetre(wheelchair with { Unknown = UnknownPolicy.Allow }, GoodFootway with { InclinePermille = 0 }), allow, 9);
        var verdict = new ProfileRules(wheelchair).Edge(unknownFootway, backward: false);
        Assert.Equal(UnknownFacts.Surface | UnknownFacts.Smoothness | UnknownFacts.Width | UnknownFacts.Incline, verdict.Unknown);
    }

    [Fact]
    public void Length_over_speed_is_a_lower_bound_of_every_arc_for_every_profile_and_override()
    {
        // The A* search is exact only if no arc costs less per metre than MinCostPerMetre.
        var graph = Heidelberg.Graph;
        var random = new Random(1);
        foreach (var preset in ProfileCatalog.Default.Presets)
        {
            for (int trial = 0; trial < 5; trial++)
            {
                var settings = new ConstraintOverrides
                {
                    MaxInclineUpPct = random.Next(1, 30),
                    MaxKerbCm = random.Next(0, 15),
                    SpeedMps = 0.5 + random.NextDouble(),
                    Unknown = (UnknownPolicy)random.Next(3),
                }.ApplyTo(preset);
                foreach (bool relaxed in new[] { false, true })
                {
                    var profile = CompiledProfile.Compile(graph, settings, relaxed);
                    foreach (double perMetre in profile.ArcCostPerMetre)
                    {
                        Assert.True(perMetre >= profile.MinCostPerMetre * (1 - 1e-12), $"{preset.Name}: {perMetre} < {profile.MinCostPerMetre}");
                    }
                    Assert.All(profile.ArcFixedCost.ToArray(), c => Assert.True(c >= 0));
                    Assert.All(profile.NodeCost.ToArray(), c => Assert.True(c >= 0));
                }
            }
        }
    }

    [Fact]
    public void Compiled_tables_price_every_class_as_its_own_verdict_does()
    {
        // Compiling judges each distinct incline and rest once (EdgeClassGroups) and multiplies their parts; a group
        // key missing a field that a rule reads, or a part priced differently, would price some class as another.
        // Every Heidelberg class against its own verdict:
        var graph = Heidelberg.Graph;
        foreach (var preset in ProfileCatalog.Default.Presets)
        {
            var rules = new ProfileRules(preset);
            foreach (bool relaxed in new[] { false, true })
            {
                var profile = CompiledProfile.Compile(graph, preset, relaxed);
                for (int c = 0; c < graph.EdgeClasses.Length; c++)
                {
                    for (int direction = 0; direction < 2; direction++)
                    {
                        var (perMetre, fixedCost) = CompiledProfile.Price(rules.Edge(graph.EdgeClasses[c], direction == 1), relaxed);
                        // The compiler multiplies the same factors in another order: equal up to the last bits.
                        double compiled = profile.ArcCostPerMetre[(2 * c) + direction];
                        Assert.True(perMetre == compiled || Math.Abs(perMetre - compiled) <= 1e-12 * perMetre, $"class {c}: {perMetre} vs {compiled}");
                        Assert.Equal(fixedCost, profile.ArcFixedCost[(2 * c) + direction]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Steps_ignore_their_incline_and_an_incline_block_yields_to_other_blocks()
    {
        var wheelchair = new ProfileRules(Preset("wheelchair"));
        var steep = new EdgeClass { Highway = HighwayKind.Footway, InclineKind = InclineKind.Value, InclinePermille = 150, SteepestInclinePermille = 150 };

        Assert.Equal(Constraint.InclineUp, wheelchair.Edge(steep, backward: false).Violation?.Constraint);
        Assert.Equal(Constraint.Steps, wheelchair.Edge(steep with { Flags = EdgeFlags.Steps }, backward: false).Violation?.Constraint);
        Assert.Equal(PartialVerdict.Neutral, wheelchair.Incline(steep with { Flags = EdgeFlags.Steps }, backward: false));
        Assert.Equal(Constraint.Construction, wheelchair.Edge(steep with { Flags = EdgeFlags.Construction }, backward: false).Violation?.Constraint);
    }

    [Fact]
    public void Relaxed_profile_blocks_nothing_and_charges_each_violation()
    {
        var graph = Heidelberg.Graph;
        var strict = CompiledProfile.Compile(graph, Preset("wheelchair"));
        var relaxed = CompiledProfile.Compile(graph, Preset("wheelchair"), relaxed: true);
        Assert.Contains(strict.ArcCostPerMetre.ToArray(), double.IsPositiveInfinity);
        Assert.DoesNotContain(relaxed.ArcCostPerMetre.ToArray(), double.IsPositiveInfinity);
        Assert.DoesNotContain(relaxed.NodeCost.ToArray(), double.IsPositiveInfinity);
        Assert.Contains(relaxed.ArcFixedCost.ToArray(), c => c >= CompiledProfile.ViolationPenaltyS);
    }
}
