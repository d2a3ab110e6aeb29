using Routing.Graph;

namespace Routing.Engine.Barriers;

/// <summary>How the level a feed gives an equipment and the levels a graph elevator serves agree; the order is the order of preference.</summary>
public enum LevelAgreement
{
    /// <summary>The elevator serves the equipment's level.</summary>
    Same,
    /// <summary>Either side gives no level.</summary>
    Unknown,
    /// <summary>Both give levels, and the elevator serves none that is the equipment's.</summary>
    Different,
}

/// <summary>The graph elevator a feed's equipment stands for (<see cref="BarrierOverlay.MatchElevator"/>).</summary>
/// <param name="Levels">The levels the elevator serves (OSM <c>level</c>), ascending; empty when unknown.</param>
public sealed record ElevatorMatch(BarrierPin Pin, LevelAgreement Agreement, IReadOnlyList<double> Levels);

/// <summary>
/// Which of the graph's elevators within reach a feed's equipment stands for. Level decides before distance: an
/// elevator that serves the equipment's level wins over a nearer one whose level is unknown, and one whose level is
/// unknown over a nearer one that serves other levels; so an elevator on another level is taken only when nothing
/// else lies within reach (and the match says so). Among equals the nearest wins, and at the same point the elevator
/// node wins over a way through it (the node is where the elevator is).
/// </summary>
public static class ElevatorLevelRule
{
    /// <summary>Levels are decimals in OSM and in feeds (<c>1.5</c>); closer than this they are the same level.</summary>
    private const double SameLevelTolerance = 0.01;

    /// <summary>Distances closer than this are the same point.</summary>
    private const double SamePointM = 0.01;

    public static LevelAgreement Agreement(double? equipmentLevel, ReadOnlySpan<ElementLevel> elementLevels)
    {
        if (equipmentLevel is not { } level || elementLevels.IsEmpty)
        {
            return LevelAgreement.Unknown;
        }
        foreach (var served in elementLevels)
        {
            if (Math.Abs(served.Level - level) < SameLevelTolerance)
            {
                return LevelAgreement.Same;
            }
        }
        return LevelAgreement.Different;
    }

    /// <summary>Whether a candidate beats the best so far (by agreement, then distance, then node over way).</summary>
    public static bool Beats(LevelAgreement agreement, double distanceM, bool isNode, LevelAgreement bestAgreement, double bestDistanceM, bool bestIsNode) =>
        agreement != bestAgreement
            ? agreement < bestAgreement
            : Math.Abs(distanceM - bestDistanceM) > SamePointM ? distanceM < bestDistanceM : isNode && !bestIsNode;
}
