namespace Routing.Graph.Facts;

/// <summary>
/// The chance that a derived incline lies beyond a limit. A terrain model's incline is stored as a normal distribution
/// of the true incline (<see cref="EdgeClass.SteepestInclinePermille"/> its mean, <see cref="EdgeClass.InclineSpreadPermille"/>
/// its standard deviation, both fitted against tagged inclines by <c>SlopeCalibration</c> in Routing.Terrain): the build
/// scores the fit with this very function, and the engine prices and blocks with it.
/// </summary>
public static class SlopeChance
{
    /// <summary>
    /// From this chance a derived slope is worth a warning: more likely than not beyond the limit. Chosen on held-out
    /// edges (README, "Slope risk"): at 6 %, 0.3 would warn of 83 % of the steep stretches but be right only 56 % of
    /// the time and warn on 28 % of the level ones; 0.5 is right 66 % of the time, warns on 18 % of the level ones and
    /// still names two in three steep stretches. Below it the cost still counts the chance.
    /// </summary>
    public const double Material = 0.5;

    /// <summary>
    /// From this chance a derived slope over a stretch the model resolves (at least one cell long) blocks like a tag:
    /// very likely beyond the limit. On held-out resolved edges nine in ten such blocks at 6 and 8 % fall on stretches
    /// tagged beyond the limit (README, "Slope risk"); 0.8 blocked less than half as much and no more rightly.
    /// </summary>
    public const double VeryLikely = 0.7;

    /// <summary>
    /// The chance that an incline with mean <paramref name="meanPct"/> and spread <paramref name="spreadPct"/> (signed
    /// in the direction of travel) is beyond the limit on the side the mean points to: steeper uphill than
    /// <paramref name="upLimitPct"/> for a climb (a mean of 0 included), steeper downhill than
    /// <paramref name="downLimitPct"/> for a descent; 0 when that side has no limit. The other side's tail is left out:
    /// a warning says "uphill, 70 % likely steeper than your 6 %", and a descent is the other direction's climb. A
    /// spread of 0 is a fact: 0 or 1.
    /// </summary>
    public static double Beyond(double meanPct, double spreadPct, double? upLimitPct, double? downLimitPct) =>
        meanPct >= 0
            ? upLimitPct is { } up ? UpperTail(meanPct, spreadPct, up) : 0
            : downLimitPct is { } down ? UpperTail(-meanPct, spreadPct, down) : 0;

    /// <summary>P(X &gt; limit) for X normal with the given mean and spread; a step at the limit when the spread is 0.</summary>
    internal static double UpperTail(double mean, double spread, double limit) =>
        spread <= 0 ? (mean > limit ? 1 : 0) : 0.5 * Erfc((limit - mean) / (spread * Math.Sqrt(2)));

    /// <summary>
    /// The complementary error function, to 1.2e-7 everywhere (Numerical Recipes' Chebyshev fit): .NET has none, and
    /// a chance is shown to two places at most.
    /// </summary>
    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double polynomial = 0;
        foreach (double c in (ReadOnlySpan<double>)[0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223])
        {
            polynomial = (polynomial * t) + c;
        }
        double r = t * Math.Exp(-(z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }
}
