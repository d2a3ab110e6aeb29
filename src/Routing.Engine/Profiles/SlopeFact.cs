using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Profiles;

/// <summary>
/// One edge's slope in one direction, the one place every answer takes it from: the blocker's actual value, the
/// segment's <c>incline_pct</c>, the slope warning and the map tile show <see cref="ValuePct"/> with this evidence and
/// confidence, and the chance that it breaks a limit comes from <see cref="ChanceBeyond"/>.
/// </summary>
/// <param name="ValuePct">Steepest sustained incline in the direction of travel, percent, negative downhill: the tag, or the terrain model's estimate.</param>
/// <param name="AveragePct">Rise over the whole edge divided by its length, in the direction of travel.</param>
/// <param name="SpreadPct">How far the true incline may lie from the value (a standard deviation); 0 for a tag, which is a fact.</param>
/// <param name="Evidence">Tagged, or derived (from the street's tag for its sidewalk, or a terrain model).</param>
/// <param name="Confidence">Measured (a fact), high (a terrain model that resolves the edge) or low (one that cannot).</param>
public readonly record struct SlopeFact(double ValuePct, double AveragePct, double SpreadPct, Evidence Evidence, InclineConfidence Confidence)
{
    /// <summary>A value measured, not estimated: beyond a limit it blocks under every policy.</summary>
    public bool IsFact => SpreadPct <= 0;

    /// <summary>The slope of an edge travelled forward or backward; null when no value is known, and for steps (their tag gives a direction, not a slope).</summary>
    public static SlopeFact? Of(in EdgeClass edge, bool backward)
    {
        if (edge.InclineKind != InclineKind.Value || edge.Has(EdgeFlags.Steps))
        {
            return null;
        }
        double sign = backward ? -1 : 1;
        // A terrain estimate has a spread; a tag (and a barrier report) has none.
        bool derived = edge.InclineConfidence is InclineConfidence.High or InclineConfidence.Low;
        return new SlopeFact(sign * edge.SteepestInclinePermille / 10.0, sign * edge.InclinePermille / 10.0,
            derived ? Math.Max(edge.InclineSpreadPermille / 10.0, MinimumSpreadPct) : 0, edge.InclineEvidence, edge.InclineConfidence);
    }

    /// <summary>A derived value always has some spread, even from a graph whose spread rounded to 0.</summary>
    private const double MinimumSpreadPct = 0.5;

    /// <summary>
    /// The chance that the true incline is beyond the limit on the side the value points to: steeper uphill than
    /// <paramref name="upLimitPct"/> for a climb, steeper downhill than <paramref name="downLimitPct"/> for a descent.
    /// </summary>
    public double ChanceBeyond(double? upLimitPct, double? downLimitPct) => SlopeChance.Beyond(ValuePct, SpreadPct, upLimitPct, downLimitPct);

    /// <summary>A climb (a value of 0 included): the uphill limit is the one that applies.</summary>
    public bool Uphill => ValuePct >= 0;
}
