using Routing.Engine.Barriers;
using Routing.Graph.Facts;

namespace Routing.Engine.Profiles;

/// <summary>Which limit of a profile a way or node breaks.</summary>
public enum Constraint
{
    Steps,
    Construction,
    PrivateAccess,
    NoAccess,
    OneWay,
    Escalator,
    WheelchairNo,
    Surface,
    Smoothness,
    Width,
    InclineUp,
    InclineDown,
    Kerb,
    Barrier,
    DifficultTrail,
    /// <summary>
    /// A verified barrier report blocks the way or node for this profile (construction, a broken elevator, a kerb or
    /// narrowing the report measured): <see cref="Violation.ReportId"/> and <see cref="Violation.ReportKind"/> say which.
    /// </summary>
    Reported,
    /// <summary>No path exists at all, whatever the limits: the points lie in separate parts of the network.</summary>
    NotConnected,
    /// <summary>The route climbs more in total than the request's <c>max_climb_m</c>, even the one that climbs least.</summary>
    Climb,
}

/// <summary>Where the fact behind a broken limit comes from.</summary>
public enum ViolationEvidence
{
    /// <summary>An OSM tag on the way or node.</summary>
    Tagged,
    /// <summary>Inferred: from another tag (kerb=lowered gives 3 cm) or from a terrain model.</summary>
    Derived,
    /// <summary>A verified barrier report.</summary>
    Reported,
    /// <summary>A live status feed (an elevator out of service): <see cref="Violation.Live"/> says which and since when.</summary>
    Live,
}

/// <summary>
/// A broken limit: what, by how much (<see cref="Actual"/> against <see cref="Limit"/> in <see cref="Unit"/>, when
/// the constraint has a measure), and the name of the request field that would lift it.
/// </summary>
/// <param name="ReportId">For <see cref="Constraint.Reported"/>: the barrier report that causes it.</param>
/// <param name="ReportKind">For <see cref="Constraint.Reported"/>: what the report says is wrong.</param>
/// <param name="Evidence">Where the fact that breaks the limit comes from: tagged, derived (from another tag or the terrain), reported.</param>
/// <param name="InclineConfidence">For slopes: how far the incline can be trusted.</param>
/// <param name="Chance">For a slope a terrain model estimates: the chance that it is beyond the limit (null for facts).</param>
/// <param name="Live">For evidence <see cref="ViolationEvidence.Live"/>: the elevator and what its feed said.</param>
public readonly record struct Violation(
    Constraint Constraint,
    double? Actual = null,
    double? Limit = null,
    string? Unit = null,
    string? Detail = null,
    long? ReportId = null,
    ReportedBarrierKind? ReportKind = null,
    ViolationEvidence Evidence = ViolationEvidence.Tagged,
    InclineConfidence? InclineConfidence = null,
    double? Chance = null,
    LiveElevator? Live = null)
{
    /// <summary>The request constraint a user can change to accept this, or null when nothing can (construction, access, reports).</summary>
    public string? RequestField => Constraint switch
    {
        Constraint.Steps => "steps",
        Constraint.Surface => "avoid_surfaces",
        Constraint.Smoothness => "min_smoothness",
        Constraint.Width => "min_width_cm",
        Constraint.InclineUp => "max_incline_up_pct",
        Constraint.InclineDown => "max_incline_down_pct",
        Constraint.Kerb => "max_kerb_cm",
        Constraint.Climb => "max_climb_m",
        _ => null,
    };

    /// <summary>
    /// The settings with this limit lifted just far enough to accept what breaks it (<see cref="RequestField"/> set to
    /// the value found: the kerb's height, the slope, the surface no longer avoided, steps avoided rather than refused);
    /// the same settings when no request can lift it.
    /// </summary>
    public ProfileSettings Lift(ProfileSettings settings) => Constraint switch
    {
        Constraint.Steps => settings with { Steps = StepsPolicy.Avoid },
        Constraint.Surface when Detail is { } surface => settings with { AvoidSurfaces = [.. settings.AvoidSurfaces.Where(s => s != surface)] },
        Constraint.Smoothness when Detail is { } smoothness => settings with { MinSmoothness = Worse(settings.MinSmoothness, smoothness) },
        Constraint.Width when Actual is { } widthCm => settings with { MinWidthCm = Math.Min(settings.MinWidthCm ?? int.MaxValue, (int)widthCm) },
        Constraint.Kerb when Actual is { } kerbCm => settings with { MaxKerbCm = Math.Max(settings.MaxKerbCm ?? 0, (int)Math.Ceiling(kerbCm)) },
        Constraint.InclineUp when Actual is { } upPct => settings with { MaxInclineUpPct = Math.Max(settings.MaxInclineUpPct ?? 0, upPct) },
        Constraint.InclineDown when Actual is { } downPct => settings with { MaxInclineDownPct = Math.Max(settings.MaxInclineDownPct ?? 0, downPct) },
        Constraint.Climb when Actual is { } climbM => settings with { MaxClimbM = Math.Max(settings.MaxClimbM ?? 0, climbM) },
        _ => settings,
    };

    /// <summary>
    /// The value of <see cref="RequestField"/> that lifts this limit (what <see cref="Lift"/> sets), written as a query
    /// string carries it ("avoid", "6", "12.5", "asphalt,sett"), so that a client offers it as it is; null when no
    /// request can lift it or nothing was measured.
    /// </summary>
    public string? LiftValue(ProfileSettings settings)
    {
        // Lift hands back the same settings when nothing was measured or no request can lift this.
        var lifted = Lift(settings);
        if (lifted == settings)
        {
            return null;
        }
        return Constraint switch
        {
            Constraint.Steps => ConstraintTable.NameOf(lifted.Steps),
            Constraint.Surface => string.Join(',', lifted.AvoidSurfaces),
            Constraint.Smoothness => lifted.MinSmoothness,
            Constraint.Width => Text(lifted.MinWidthCm),
            Constraint.Kerb => Text(lifted.MaxKerbCm),
            Constraint.InclineUp => Text(lifted.MaxInclineUpPct),
            Constraint.InclineDown => Text(lifted.MaxInclineDownPct),
            Constraint.Climb => Text(lifted.MaxClimbM),
            _ => null,
        };
    }

    private static string? Text(double? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The worse of two OSM smoothness values (a limit lifted twice keeps the more permissive value).</summary>
    private static string Worse(string? accepted, string found) =>
        accepted is not null && FactNames.TryParseSmoothness(accepted, out var a) && FactNames.TryParseSmoothness(found, out var f) && a > f
            ? accepted
            : found;
}
