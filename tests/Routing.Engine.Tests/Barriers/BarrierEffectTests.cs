using Routing.Engine.Barriers;
using Routing.Engine.Profiles;
using Routing.Engine.Routes;
using Routing.Engine.Tests.Routes;
using Routing.Graph;
using Routing.Graph.Facts;
using static Routing.Engine.Tests.Barriers.BarrierTesting;
using Routing.Texts;

namespace Routing.Engine.Tests.Barriers;

/// <summary>
/// What each kind of report does to each preset, on the accessibility fixture: way-like reports sit on footway 200
/// between nodes 1 and 2 (asphalt, 2 m wide, incline unknown: usable by every preset), kerb reports on the plain
/// junction node 3, broken elevators on elevator node 14.
/// </summary>
public sealed class BarrierEffectTests
{
    private static readonly string[] Presets = ["wheelchair", "powered_wheelchair", "walker", "pushchair", "foot"];

    private static RoutingGraph Graph => RouteFixture.FixtureGraph;

    private static ReportedBarrier ReportOf(ReportedBarrierKind kind, int? kerbCm, int? widthCm, double? inclinePct)
    {
        var at = kind switch
        {
            ReportedBarrierKind.MissingKerbRamp or ReportedBarrierKind.HighKerb => RouteFixture.At(3),
            ReportedBarrierKind.ElevatorOutOfService => RouteFixture.At(14),
            _ => Middle(Graph, RouteFixture.Edge(1, 2)),
        };
        return Report(17, kind, at, kerbHeightCm: kerbCm, widthCm: widthCm, inclinePct: inclinePct);
    }

    /// <param name="blocked">Per preset (wheelchair, powered_wheelchair, walker, pushchair, foot): Y blocked, n not.</param>
    [Theory]
    [InlineData(ReportedBarrierKind.Construction, null, null, null, "YYYYY")]
    [InlineData(ReportedBarrierKind.BlockedPath, null, null, null, "YYYYY")]
    [InlineData(ReportedBarrierKind.ElevatorOutOfService, null, null, null, "YYYYn")]
    [InlineData(ReportedBarrierKind.MissingKerbRamp, null, null, null, "YYYYn")] // 12 cm
    [InlineData(ReportedBarrierKind.HighKerb, null, null, null, "YYYYn")]
    [InlineData(ReportedBarrierKind.HighKerb, 8, null, null, "YYYnn")] // pushchair: 10 cm
    [InlineData(ReportedBarrierKind.MissingKerbRamp, 5, null, null, "Ynnnn")] // 6 cm limits
    [InlineData(ReportedBarrierKind.NarrowPassage, null, null, null, "YYYYn")] // 60 cm
    [InlineData(ReportedBarrierKind.NarrowPassage, null, 80, null, "YYnnn")] // 90 cm for wheelchairs, 70 cm otherwise
    [InlineData(ReportedBarrierKind.SteepRamp, null, null, null, "Ynnnn")] // 10 %: only the manual wheelchair's 6 % / 8 %
    [InlineData(ReportedBarrierKind.SteepRamp, null, null, 11.0, "YnYnn")] // walker: 10 %
    [InlineData(ReportedBarrierKind.SurfaceDamage, null, null, null, "YYYYn")]
    [InlineData(ReportedBarrierKind.Other, null, null, null, "nnnnn")]
    public void Each_kind_blocks_the_profiles_it_should(ReportedBarrierKind kind, int? kerbCm, int? widthCm, double? inclinePct, string blocked)
    {
        var report = ReportOf(kind, kerbCm, widthCm, inclinePct);
        var overlay = BarrierOverlay.Build(Graph, [report]);
        var pinned = Assert.Single(overlay.Active);
        Assert.False(pinned.Pin.IsEmpty);

        for (int p = 0; p < Presets.Length; p++)
        {
            var settings = Preset(Presets[p]);
            var without = CompiledProfile.Compile(Graph, settings);
            var with = CompiledProfile.Compile(Graph, settings, overlay: overlay);
            bool isBlocked = pinned.Edges.Any(e => !with.IsUsable(Graph, e)) || pinned.Vertices.Any(v => double.IsPositiveInfinity(with.VertexCost(v)));
            Assert.True(pinned.Edges.All(e => without.IsUsable(Graph, e)) && pinned.Vertices.All(v => double.IsFinite(without.VertexCost(v))),
                $"{Presets[p]} may use the fixture's element without the report");
            Assert.True((blocked[p] == 'Y') == isBlocked, $"{kind} for {Presets[p]}: expected {(blocked[p] == 'Y' ? "blocked" : "usable")}");

            // Blocked in the strict profile means a named violation; in the relaxed profile a penalty, never +infinity.
            var relaxed = CompiledProfile.Compile(Graph, settings, relaxed: true, overlay: overlay);
            foreach (int edge in pinned.Edges)
            {
                foreach (bool backward in new[] { false, true })
                {
                    var violation = with.EdgeVerdict(Graph, edge, backward).Violation;
                    double strictCost = with.PartialEdgeCost(Graph, edge, backward, 10);
                    Assert.Equal(double.IsPositiveInfinity(strictCost), violation is not null);
                    if (violation is { } v)
                    {
                        AssertReported(v, report);
                        Assert.True(relaxed.PartialEdgeCost(Graph, edge, backward, 10) >= CompiledProfile.ViolationPenaltyS);
                    }
                    // A report only ever adds cost.
                    Assert.True(strictCost >= without.PartialEdgeCost(Graph, edge, backward, 10));
                    Assert.True(relaxed.PartialEdgeCost(Graph, edge, backward, 10) >= CompiledProfile.Compile(Graph, settings, relaxed: true).PartialEdgeCost(Graph, edge, backward, 10));
                }
            }
            foreach (int vertex in pinned.Vertices)
            {
                var violation = with.VertexVerdict(Graph, vertex).Violation;
                Assert.Equal(double.IsPositiveInfinity(with.VertexCost(vertex)), violation is not null);
                if (violation is { } v)
                {
                    AssertReported(v, report);
                    Assert.True(relaxed.VertexCost(vertex) >= CompiledProfile.ViolationPenaltyS);
                }
                Assert.True(with.VertexCost(vertex) >= without.VertexCost(vertex));
            }
        }
    }

    private static void AssertReported(Violation violation, ReportedBarrier report)
    {
        Assert.Equal(Constraint.Reported, violation.Constraint);
        Assert.Equal(report.ReportId, violation.ReportId);
        Assert.Equal(report.Kind, violation.ReportKind);
        Assert.Null(violation.RequestField);
        Assert.Equal($"{FactNames.Of(report.Kind)} reported (report {report.ReportId})", violation.Detail);
    }

    [Fact]
    public void A_broken_elevator_costs_walking_a_penalty_and_other_reports_cost_nothing()
    {
        var foot = Preset("foot");
        var without = CompiledProfile.Compile(Graph, foot);
        int elevator = RouteFixture.Vertex(14);
        var broken = CompiledProfile.Compile(Graph, foot, overlay: BarrierOverlay.Build(Graph, [ReportOf(ReportedBarrierKind.ElevatorOutOfService, null, null, null)]));
        Assert.Equal(without.VertexCost(elevator) + BarrierEffects.BrokenElevatorWalkingPenaltyS, broken.VertexCost(elevator));

        int edge = RouteFixture.Edge(1, 2);
        foreach (var settings in Presets.Select(Preset))
        {
            var plain = CompiledProfile.Compile(Graph, settings);
            var other = CompiledProfile.Compile(Graph, settings, overlay: BarrierOverlay.Build(Graph, [ReportOf(ReportedBarrierKind.Other, null, null, null)]));
            Assert.Equal(plain.PartialEdgeCost(Graph, edge, false, 20), other.PartialEdgeCost(Graph, edge, false, 20));
            Assert.Equal(plain.PartialEdgeCost(Graph, edge, true, 20), other.PartialEdgeCost(Graph, edge, true, 20));
        }
    }

    [Fact]
    public void A_report_never_makes_a_way_cheaper_than_the_map_says()
    {
        // Kerb 9 is tagged 12 cm; a report of a 2 cm kerb there does not lower it: the raised kerb still blocks.
        var wheelchair = Preset("wheelchair");
        var overlay = BarrierOverlay.Build(Graph, [Report(4, ReportedBarrierKind.HighKerb, RouteFixture.At(9), kerbHeightCm: 2)]);
        var profile = CompiledProfile.Compile(Graph, wheelchair, overlay: overlay);
        int kerb = RouteFixture.Vertex(9);
        Assert.True(double.IsPositiveInfinity(profile.VertexCost(kerb)));
        Assert.Equal(Constraint.Kerb, profile.VertexVerdict(Graph, kerb).Violation?.Constraint); // the map's own limit is named first
    }

    [Fact]
    public void Only_the_overlaid_elements_change_and_the_graph_classes_stay_as_they_are()
    {
        var overlay = BarrierOverlay.Build(Graph, [ReportOf(ReportedBarrierKind.Construction, null, null, null)]);
        var plain = CompiledProfile.Compile(Graph, Preset("walker"));
        var with = CompiledProfile.Compile(Graph, Preset("walker"), overlay: overlay);
        int pinned = RouteFixture.Edge(1, 2);
        for (int edge = 0; edge < Graph.EdgeCount; edge++)
        {
            Assert.Equal(edge == pinned, with.EdgeClassIds[edge] >= Graph.EdgeClasses.Length);
            if (edge != pinned)
            {
                Assert.Equal(plain.PartialEdgeCost(Graph, edge, false, 7), with.PartialEdgeCost(Graph, edge, false, 7));
            }
        }
        Assert.Equal(Graph.EdgeClassId.ToArray(), plain.EdgeClassIds.ToArray());
        Assert.Equal(1, overlay.OverlaidEdgeCount);
        Assert.Equal(ReportedBarrierKind.Construction, Assert.Single(overlay.ReportsOnEdge(pinned)).Kind);
        Assert.Empty(overlay.ReportsOnEdge(RouteFixture.Edge(2, 3)));
    }

    [Fact]
    public void Every_report_kind_has_a_text_in_both_languages()
    {
        foreach (var kind in Enum.GetValues<ReportedBarrierKind>())
        {
            string key = "report." + FactNames.Of(kind);
            Assert.True(RouteTexts.Has(key), $"missing text {key}");
            Assert.False(string.IsNullOrWhiteSpace(RouteTexts.Get(key, Translations.Of("de"))));
        }
        Assert.True(RouteTexts.Has("blocker.reported"));
        Assert.True(RouteTexts.Has("warning.unverified_barrier"));
    }
}
