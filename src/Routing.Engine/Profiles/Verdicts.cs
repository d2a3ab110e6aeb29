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
    Violation? Violation);

/// <summary>What a profile makes of passing a vertex (kerb, barrier, elevator, signalled crossing).</summary>
public readonly record struct NodeVerdict(double DurationS, double PenaltyS, UnknownFacts Unknown, Violation? Violation);
