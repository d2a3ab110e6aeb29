using Routing.Engine.Profiles;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Barriers;

/// <summary>
/// What a verified report does to an edge or vertex for one profile (the table), judged by the profile's own
/// <see cref="ProfileRules"/> wherever the report states a fact:
/// <list type="bullet">
/// <item><c>construction</c>, <c>blocked_path</c>: blocked for everyone.</item>
/// <item><c>elevator_out_of_service</c>: blocked for wheeled profiles; walking pays <see cref="BrokenElevatorWalkingPenaltyS"/>
/// (the stairs, if any, are usually elsewhere).</item>
/// <item><c>missing_kerb_ramp</c>, <c>high_kerb</c>: a raised kerb of the measured height (default
/// <see cref="DefaultKerbHeightCm"/>) on the vertex or edge, judged against <c>max_kerb_cm</c>.</item>
/// <item><c>narrow_passage</c>: the measured width (default <see cref="DefaultWidthCm"/>), judged against <c>min_width_cm</c>.</item>
/// <item><c>steep_ramp</c>: the measured incline (default <see cref="DefaultInclinePct"/>) both up and down, judged
/// against the slope limits of the direction of travel.</item>
/// <item><c>surface_damage</c>: smoothness <c>very_bad</c>, judged against <c>min_smoothness</c>.</item>
/// <item><c>other</c>: no change of cost; routes that pass it warn.</item>
/// <item>A live elevator (<see cref="ReportedBarrier.Live"/>): out of service as a broken elevator above, with evidence
/// <c>live</c>; working, no change; unknown (or stale), the cost of one unknown fact under the request's unknown policy,
/// as an unmapped barrier costs.</item>
/// </list>
/// A report that states a fact overrides an explicit <c>wheelchair=yes</c> on the way for that judgement: the report
/// is newer than the map. The caller takes the maximum of the element's own cost and each report's, so a report
/// never makes anything cheaper.
/// </summary>
internal static class BarrierEffects
{
    public const int DefaultKerbHeightCm = 12;
    public const int DefaultWidthCm = 60;
    public const double DefaultInclinePct = 10;
    public const double BrokenElevatorWalkingPenaltyS = 600;

    /// <summary>
    /// The arc's cost parts (per metre, fixed) under one report in one direction, and the violation the report causes
    /// (null when the report does not block this profile, or the edge was blocked already).
    /// </summary>
    public static (double PerMetre, double Fixed, Violation? Violation) OnArc(ProfileRules rules, ProfileSettings settings, bool relaxed,
        in EdgeClass edge, bool backward, in ArcVerdict own, ReportedBarrier report)
    {
        var (ownPerMetre, ownFixed) = CompiledProfile.Price(own, relaxed);
        switch (report.Live?.State)
        {
            case LiveElevatorState.Working:
                return (ownPerMetre, ownFixed, null);
            case LiveElevatorState.Unknown:
                return (ownPerMetre, ownFixed + rules.UnknownPenaltyS(UnknownFacts.Barrier), null);
        }
        switch (report.Kind)
        {
            case ReportedBarrierKind.Construction:
            case ReportedBarrierKind.BlockedPath:
            case ReportedBarrierKind.ElevatorOutOfService when settings.Wheeled:
                return Blocked(own, relaxed, report);
            case ReportedBarrierKind.ElevatorOutOfService:
                return (ownPerMetre, ownFixed + BrokenElevatorWalkingPenaltyS, null);
            case ReportedBarrierKind.MissingKerbRamp:
            case ReportedBarrierKind.HighKerb:
                return Judged(rules.Edge(edge with
                {
                    Kerb = KerbKind.Raised,
                    KerbEvidence = Evidence.Tagged,
                    KerbHeightCm = KerbHeight(report),
                }, backward), own, relaxed, report);
            case ReportedBarrierKind.NarrowPassage:
                return Judged(rules.Edge(edge with
                {
                    WidthCm = (ushort)Math.Clamp(report.RemainingWidthCm ?? DefaultWidthCm, 1, ushort.MaxValue),
                    WidthEvidence = Evidence.Tagged,
                    Wheelchair = WithoutExplicitYes(edge.Wheelchair),
                }, backward), own, relaxed, report);
            case ReportedBarrierKind.SteepRamp:
                double pct = report.InclinePct is { } measured && double.IsFinite(measured) ? Math.Abs(measured) : DefaultInclinePct;
                short permille = (short)Math.Clamp(Math.Round(pct * 10), 0, short.MaxValue);
                var up = Judged(rules.Edge(Sloped(edge, permille), backward), own, relaxed, report);
                var down = Judged(rules.Edge(Sloped(edge, (short)-permille), backward), own, relaxed, report);
                return (Math.Max(up.PerMetre, down.PerMetre), Math.Max(up.Fixed, down.Fixed), up.Violation ?? down.Violation);
            case ReportedBarrierKind.SurfaceDamage:
                var damaged = edge.Smoothness > Smoothness.VeryBad ? edge.Smoothness : Smoothness.VeryBad;
                return Judged(rules.Edge(edge with
                {
                    Smoothness = damaged,
                    SmoothnessEvidence = Evidence.Tagged,
                    Wheelchair = WithoutExplicitYes(edge.Wheelchair),
                }, backward), own, relaxed, report);
            default:
                return (ownPerMetre, ownFixed, null);
        }
    }

    /// <summary>The vertex's cost under one report, and the violation it causes (see <see cref="OnArc"/>).</summary>
    public static (double Cost, Violation? Violation) OnNode(ProfileRules rules, ProfileSettings settings, bool relaxed,
        in NodeClass node, in NodeVerdict own, ReportedBarrier report)
    {
        double ownCost = CompiledProfile.Price(own, relaxed);
        switch (report.Live?.State)
        {
            case LiveElevatorState.Working:
                return (ownCost, null);
            case LiveElevatorState.Unknown:
                return (ownCost + rules.UnknownPenaltyS(UnknownFacts.Barrier), null);
        }
        switch (report.Kind)
        {
            case ReportedBarrierKind.Construction:
            case ReportedBarrierKind.BlockedPath:
            case ReportedBarrierKind.ElevatorOutOfService when settings.Wheeled:
                return Blocked(own, relaxed, report);
            case ReportedBarrierKind.ElevatorOutOfService:
                return (ownCost + BrokenElevatorWalkingPenaltyS, null);
            case ReportedBarrierKind.MissingKerbRamp:
            case ReportedBarrierKind.HighKerb:
                return Judged(rules.Node(node with
                {
                    Kerb = KerbKind.Raised,
                    KerbEvidence = Evidence.Tagged,
                    KerbHeightCm = KerbHeight(report),
                }), own, relaxed, report);
            case ReportedBarrierKind.NarrowPassage:
                return Judged(rules.Node(node with
                {
                    WidthCm = (ushort)Math.Clamp(report.RemainingWidthCm ?? DefaultWidthCm, 1, ushort.MaxValue),
                    Wheelchair = WithoutExplicitYes(node.Wheelchair),
                }), own, relaxed, report);
            default:
                return (ownCost, null); // slopes and surfaces are facts of ways, not of points
        }
    }

    /// <summary>
    /// "construction reported (report 17)": the detail of every violation a report causes; for a live elevator the
    /// feed's equipment id, with evidence <c>live</c> and no report id (no one reported it).
    /// </summary>
    public static Violation Reported(ReportedBarrier report, Violation? judged) => report.Live is { } live
        ? new(Constraint.Reported, null, null, null, $"elevator {live.Id} out of service (live)", null, report.Kind, ViolationEvidence.Live, Live: live)
        : new(
            Constraint.Reported,
            judged?.Actual,
            judged?.Limit,
            judged?.Unit,
            $"{FactNames.Of(report.Kind)} reported (report {report.ReportId})",
            report.ReportId,
            report.Kind,
            ViolationEvidence.Reported);

    private static (double PerMetre, double Fixed, Violation? Violation) Blocked(in ArcVerdict own, bool relaxed, ReportedBarrier report)
    {
        // Relaxed: the way as it is plus one more broken limit; strict: blocked whatever the way is like.
        var (perMetre, fixedCost) = CompiledProfile.Price(own with { Broken = default }, relaxed);
        int broken = own.Broken.Count + 1;
        return relaxed
            ? (perMetre, fixedCost + (broken * CompiledProfile.ViolationPenaltyS), Reported(report, null))
            : (double.PositiveInfinity, fixedCost, Reported(report, null));
    }

    private static (double Cost, Violation? Violation) Blocked(in NodeVerdict own, bool relaxed, ReportedBarrier report)
    {
        double cost = CompiledProfile.Price(own with { Broken = default }, relaxed);
        int broken = own.Broken.Count + 1;
        return (relaxed ? cost + (broken * CompiledProfile.ViolationPenaltyS) : double.PositiveInfinity, Reported(report, null));
    }

    /// <summary>Prices a verdict on the changed facts; its violation is the report's for the first limit the report adds.</summary>
    private static (double PerMetre, double Fixed, Violation? Violation) Judged(in ArcVerdict changed, in ArcVerdict own, bool relaxed, ReportedBarrier report)
    {
        var (perMetre, fixedCost) = CompiledProfile.Price(changed, relaxed);
        return (perMetre, fixedCost, Added(changed.Broken, own.Broken) is { } v ? Reported(report, v) : null);
    }

    private static (double Cost, Violation? Violation) Judged(in NodeVerdict changed, in NodeVerdict own, bool relaxed, ReportedBarrier report) =>
        (CompiledProfile.Price(changed, relaxed), Added(changed.Broken, own.Broken) is { } v ? Reported(report, v) : null);

    /// <summary>The first limit broken under the report that the element as mapped does not break already.</summary>
    private static Violation? Added(BrokenLimits reported, BrokenLimits own)
    {
        foreach (var violation in reported.AsSpan())
        {
            if (!own.AsSpan().Contains(violation))
            {
                return violation;
            }
        }
        return null;
    }

    private static EdgeClass Sloped(in EdgeClass edge, short permille) => edge with
    {
        InclineKind = InclineKind.Value,
        InclineEvidence = Evidence.Tagged,
        InclinePermille = permille,
        SteepestInclinePermille = permille,
        InclineSpreadPermille = 0,
        InclineConfidence = InclineConfidence.Measured,
    };

    private static byte KerbHeight(ReportedBarrier report) => (byte)Math.Clamp(report.KerbHeightCm ?? DefaultKerbHeightCm, 0, byte.MaxValue);

    private static WheelchairTag WithoutExplicitYes(WheelchairTag tag) =>
        tag is WheelchairTag.Yes or WheelchairTag.Designated ? WheelchairTag.Unknown : tag;
}
