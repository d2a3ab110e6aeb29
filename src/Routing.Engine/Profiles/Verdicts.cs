namespace Routing.Engine.Profiles;

/// <summary>Facts a profile cares about that the map does not know, on one arc or node.</summary>
[Flags]
public enum UnknownFacts : byte
{
    None = 0,
    Surface = 1 << 0,
    Smoothness = 1 << 1,
    Width = 1 << 2,
    Incline = 1 << 3,
    Kerb = 1 << 4,
    Barrier = 1 << 5,
}

/// <summary>
/// What a profile makes of travelling one edge in one direction. Cost = length × duration per metre × cost factor
/// + fixed duration + penalty: the duration is the physical time, the factor and the penalty say how much worse
/// than its time the stretch is for this user (rough surface, a slope in the comfort zone, unknown facts).
/// </summary>
public readonly record struct ArcVerdict(
    double DurationSecondsPerMetre,
    double CostFactor,
    double FixedDurationS,
    double PenaltyS,
    UnknownFacts Unknown,
    BrokenLimits Broken)
{
    /// <summary>The first limit broken (the one a one-line explanation names), null when none.</summary>
    public Violation? Violation => Broken.First;
}

/// <summary>What a profile makes of passing a vertex (kerb, barrier, elevator, signalled crossing).</summary>
public readonly record struct NodeVerdict(double DurationS, double PenaltyS, UnknownFacts Unknown, BrokenLimits Broken)
{
    /// <summary>The first limit broken, null when none.</summary>
    public Violation? Violation => Broken.First;
}

/// <summary>
/// Part of an arc's verdict (its incline, or every other fact) before the two are combined by
/// <see cref="ProfileRules.Combine"/>: factors multiply, unknown facts and broken limits add up.
/// </summary>
internal readonly record struct PartialVerdict(double SpeedFactor, double CostFactor, double FixedS, double PenaltyS, UnknownFacts Unknown,
    BrokenLimits Broken)
{
    /// <summary>Changes nothing when combined.</summary>
    public static PartialVerdict Neutral { get; } = new(1, 1, 0, 0, UnknownFacts.None, default);
}
