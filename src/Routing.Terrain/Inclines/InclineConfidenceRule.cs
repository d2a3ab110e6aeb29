using Routing.Graph.Facts;

namespace Routing.Terrain;

/// <summary>
/// How far a terrain model's incline can be trusted, and the incline it vouches for. Derived by measuring the bundled
/// 3″ model against the 800 edges of the Heidelberg extract whose incline mappers tagged (<see cref="InclineAccuracy"/>,
/// <c>Routing.Preprocess check-inclines</c>; the figures are in the README):
/// <list type="bullet">
/// <item>On edges shorter than one cell the reading barely correlates with the tag (r = 0.27 under 50 m, against 0.72
/// over 200 m): the model smears the street into its surroundings. Such readings get low confidence, and so do
/// bridges and tunnels, which do not follow the ground at all.</item>
/// <item>The steepest reading over 30 m is sharper than a 90 m grid is: over two cells the reading is closer to the
/// tags (median error 3.4 against 5.3 points over 200 m), so a limit is checked against that.</item>
/// <item>Readings err more where the ground around is steep (the castle's terraces, tagged level, read 35 to 45 %):
/// the error margin is 1 point plus a tenth of the surrounding slope. Taken as facts, the readings call 41 % of edges
/// tagged at most 6 % steeper than 6 %; with this rule 3 % are blocked, and nine in ten blocks are right, while a third
/// of the truly steep edges still block and the rest are flagged as possibly steep, never called flat. A gate on the
/// surrounding slope instead of a margin lost a fifth of the true blocks without blocking fewer level ways.</item>
/// </list>
/// </summary>
public static class InclineConfidenceRule
{
    /// <summary>The model resolves inclines over stretches of this many cells; shorter windows only sharpen its noise.</summary>
    internal const double ResolvableCells = 2;

    /// <summary>Edges shorter than this many cells get low confidence.</summary>
    internal const double MinimumLengthCells = 1;

    /// <summary>The margin of a 3″ (about 90 m) model on level ground, percentage points.</summary>
    private const double ErrorPctAt90M = 1;

    /// <summary>Each percent of slope of the ground around adds this much to the margin, at 90 m cells.</summary>
    private const double ErrorPerReliefPctAt90M = 0.1;

    /// <summary>Even a 1 m ground model has a vertical error of about 15 cm, half a point over 30 m.</summary>
    private const double MinimumErrorPct = 0.5;

    /// <summary>The shortest stretch whose incline the model resolves: two cells, and never below the sustained length.</summary>
    public static double ResolvableLengthM(double cellSizeM) => Math.Max(GraphTerrain.SustainedLengthM, ResolvableCells * cellSizeM);

    /// <summary>
    /// A model's incline error in percentage points: it grows with the slope of the ground around (a few metres of
    /// misplacement read part of the hillside into the way) and shrinks with the cells, down to the vertical accuracy.
    /// </summary>
    public static double ErrorPct(double cellSizeM, double reliefPct) =>
        Math.Max(MinimumErrorPct, (ErrorPctAt90M + (ErrorPerReliefPctAt90M * reliefPct)) * cellSizeM / 90);

    /// <summary>
    /// The confidence of a reading and the incline it vouches for (signed, percent; 0 for low confidence): the
    /// steepest two-cell incline less the model's error there.
    /// </summary>
    public static (InclineConfidence Confidence, double AssuredPct) Judge(in InclineReading reading, bool onStructure)
    {
        if (onStructure || reading.CellSizeM <= 0 || reading.LengthM < MinimumLengthCells * reading.CellSizeM)
        {
            return (InclineConfidence.Low, 0);
        }
        double assured = Math.Max(0, Math.Abs(reading.ResolvedPct) - ErrorPct(reading.CellSizeM, reading.ReliefPct));
        return (InclineConfidence.High, Math.CopySign(assured, reading.ResolvedPct));
    }
}
