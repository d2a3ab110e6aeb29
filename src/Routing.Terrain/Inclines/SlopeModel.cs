using Routing.Graph.Facts;

namespace Routing.Terrain;

/// <summary>
/// The few numbers of a <see cref="SlopeModel"/>, fitted by <see cref="SlopeCalibration.Fit"/>. The mean is linear in
/// the signed readings without an intercept, so reversing an edge reverses its mean and keeps its spread.
/// </summary>
/// <param name="ResolvedWeight">Weight of the steepest reading over a stretch the model resolves (two cells).</param>
/// <param name="SteepestWeight">Weight of the steepest reading over 30 m.</param>
/// <param name="LogSpread">Natural log of the spread, in percentage points, on level ground and a long edge.</param>
/// <param name="LogSpreadPerTenReliefPct">Added to the log spread per 10 % of slope of the ground around.</param>
/// <param name="LogSpreadShortEdge">Added to the log spread times cell size / edge length (at most 1): short edges are blurred.</param>
/// <param name="LogSpreadPerTenMeanPct">Added to the log spread per 10 % of the mean: steep readings err more.</param>
public readonly record struct SlopeModelParameters(
    double ResolvedWeight, double SteepestWeight,
    double LogSpread, double LogSpreadPerTenReliefPct, double LogSpreadShortEdge, double LogSpreadPerTenMeanPct)
{
    internal const int Count = 6;

    internal double this[int i] => i switch
    {
        0 => ResolvedWeight, 1 => SteepestWeight, 2 => LogSpread, 3 => LogSpreadPerTenReliefPct, 4 => LogSpreadShortEdge,
        5 => LogSpreadPerTenMeanPct, _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    internal SlopeModelParameters With(int i, double value) => i switch
    {
        0 => this with { ResolvedWeight = value }, 1 => this with { SteepestWeight = value }, 2 => this with { LogSpread = value },
        3 => this with { LogSpreadPerTenReliefPct = value }, 4 => this with { LogSpreadShortEdge = value },
        5 => this with { LogSpreadPerTenMeanPct = value }, _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };
}

/// <summary>
/// What a terrain reading says about the true incline of an edge: a normal distribution, stored as its mean and spread
/// in whole percent (<see cref="GraphTerrain.InclineStepPermille"/>), with the confidence that says whether the model
/// resolves the edge at all.
/// </summary>
/// <param name="MeanPct">Expected steepest sustained incline in the edge's forward direction: the value every answer shows.</param>
/// <param name="SpreadPct">Standard deviation of the true incline around the mean, percentage points.</param>
public readonly record struct SlopeEstimate(double MeanPct, double SpreadPct, InclineConfidence Confidence)
{
    /// <summary>The chance that the incline, travelled forward (or backward), is beyond the limits.</summary>
    public double ChanceBeyond(bool backward, double? upLimitPct, double? downLimitPct) =>
        SlopeChance.Beyond(backward ? -MeanPct : MeanPct, SpreadPct, upLimitPct, downLimitPct);
}

/// <summary>
/// The true incline of an edge given what a terrain model reads there. Fitted on a 3″ (about 90 m) model against the
/// inclines mappers tagged in the Heidelberg extract (<c>Routing.Preprocess check-inclines</c> refits it and scores it
/// by spatial cross-validation; the README has the figures). A 90 m model smears a street into its surroundings, so
/// the mean shrinks the readings towards level, and the spread grows with the relief around (a hillside read into a
/// terrace), on edges shorter than a cell, and with the reading itself.
/// <para>
/// A finer model is not what the parameters were fitted on: its spread scales with the cell size (never under half a
/// point, a ground model's vertical error over 30 m), and below <see cref="TrustedCellSizeM"/> its steepest reading is
/// taken as the mean, since it resolves a 30 m stretch. A city with a ground model should refit with check-inclines.
/// </para>
/// </summary>
public sealed class SlopeModel(SlopeModelParameters parameters)
{
    /// <summary>The cell size the parameters were fitted on.</summary>
    internal const double FittedCellSizeM = 90;

    /// <summary>Cells this small or smaller resolve a sustained stretch: the 30 m reading is the mean.</summary>
    internal const double TrustedCellSizeM = GraphTerrain.SustainedLengthM;

    /// <summary>Even a 1 m ground model has a vertical error of about 15 cm, half a point over 30 m.</summary>
    private const double MinimumSpreadPct = 0.5;

    /// <summary>The model resolves inclines over stretches of this many cells; shorter windows only sharpen its noise.</summary>
    private const double ResolvableCells = 2;

    /// <summary>Edges shorter than this many cells are not resolved: low confidence, never a block.</summary>
    private const double MinimumLengthCells = 1;

    /// <summary>
    /// Fitted on all 786 tagged ground edges of the Heidelberg extract on the bundled 3″ model
    /// (<c>check-inclines data/heidelberg.osm.pbf -e data/heidelberg.elevation.tif</c> prints the fit).
    /// </summary>
    public static SlopeModel Fitted { get; } = new(new SlopeModelParameters(0.264, 0.415, 1.232, 0.160, 0.662, 0.239));

    public SlopeModelParameters Parameters => parameters;

    /// <summary>The shortest stretch whose incline the model resolves: two cells, and never below the sustained length.</summary>
    public static double ResolvableLengthM(double cellSizeM) => Math.Max(GraphTerrain.SustainedLengthM, ResolvableCells * cellSizeM);

    /// <summary>The estimate as stored in a graph: mean and spread in whole percent, the spread at least one.</summary>
    public SlopeEstimate Estimate(in InclineReading reading, bool onStructure)
    {
        var (meanPct, spreadPct) = Distribution(reading);
        bool resolved = !onStructure && reading.CellSizeM > 0 && reading.LengthM >= MinimumLengthCells * reading.CellSizeM;
        return new SlopeEstimate(Math.Round(meanPct, MidpointRounding.AwayFromZero), Math.Max(1, Math.Round(spreadPct, MidpointRounding.AwayFromZero)),
            resolved ? InclineConfidence.High : InclineConfidence.Low);
    }

    /// <summary>Mean and spread of the true incline, unrounded (what the fit optimises).</summary>
    internal (double MeanPct, double SpreadPct) Distribution(in InclineReading reading)
    {
        var p = parameters;
        double cellM = reading.CellSizeM > 0 ? reading.CellSizeM : FittedCellSizeM;
        double fitted = (p.ResolvedWeight * reading.ResolvedPct) + (p.SteepestWeight * reading.SteepestPct);
        // Between a trusted fine model and the fitted coarse one, the mean moves from the reading to the fit.
        double coarseness = Math.Clamp((cellM - TrustedCellSizeM) / (FittedCellSizeM - TrustedCellSizeM), 0, 1);
        double meanPct = ((1 - coarseness) * reading.SteepestPct) + (coarseness * fitted);
        double shortness = Math.Min(1, cellM / Math.Max(reading.LengthM, 1));
        double logSpread = p.LogSpread + (p.LogSpreadPerTenReliefPct * reading.ReliefPct / 10) + (p.LogSpreadShortEdge * shortness)
                           + (p.LogSpreadPerTenMeanPct * Math.Abs(meanPct) / 10);
        return (meanPct, Math.Max(MinimumSpreadPct, Math.Exp(logSpread) * Math.Min(1, cellM / FittedCellSizeM)));
    }
}
