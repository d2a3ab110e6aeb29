using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Terrain;

/// <summary>A tagged edge with the estimate of a model fitted without its fold: the only kind of figure reported.</summary>
public readonly record struct HeldOutEstimate(TaggedIncline Edge, int Fold, SlopeEstimate Estimate);

/// <summary>Cases (an edge travelled one way, at one limit) whose predicted chance fell in [FromChance, ToChance).</summary>
/// <param name="MeanChance">The mean predicted chance of the bin's cases.</param>
/// <param name="ObservedShare">The share of them whose tagged incline climbs beyond the limit that way.</param>
public readonly record struct CalibrationBin(double FromChance, double ToChance, int Cases, double MeanChance, double ObservedShare);

/// <summary>How the rule decides at one limit, against the tags, on held-out edges; each edge counts once per direction.</summary>
/// <param name="Steep">Cases whose tagged incline climbs beyond the limit.</param>
/// <param name="WarnPrecision">Share of the warned cases (chance at least <see cref="SlopeChance.Material"/>, blocks included) that are steep.</param>
/// <param name="WarnRecall">Share of the steep cases that are warned of or blocked.</param>
/// <param name="BlockPrecision">Share of the blocked cases (resolved and chance at least <see cref="SlopeChance.VeryLikely"/>) that are steep.</param>
/// <param name="BlockRecall">Share of the steep cases that block.</param>
/// <param name="LevelWarnedShare">Share of cases tagged 0 to 3 % (either way) that are warned of or blocked.</param>
/// <param name="BeforePrecision">The same as <paramref name="WarnPrecision"/> for the old yes/no flag: the 30 m reading beyond the limit.</param>
/// <param name="BeforeRecall">The same as <paramref name="WarnRecall"/> for the old flag.</param>
/// <param name="LevelWarnedBefore">The same as <paramref name="LevelWarnedShare"/> for the old flag.</param>
public readonly record struct DecisionAccuracy(
    double LimitPct, int Cases, int Steep,
    double WarnPrecision, double WarnRecall, double BlockPrecision, double BlockRecall, double LevelWarnedShare,
    double BeforePrecision, double BeforeRecall, double LevelWarnedBefore);

/// <summary>
/// Fits a <see cref="SlopeModel"/> to tagged inclines and scores it by spatial cross-validation: the extract is cut into
/// square blocks, the blocks are dealt into folds, and each fold's edges are estimated by a model fitted on the other
/// folds only. Blocks, not edges, are dealt, because neighbouring edges share a way, a hillside and the model's error:
/// an edge scored by a model fitted on its neighbour would flatter the fit.
/// </summary>
public static class SlopeCalibration
{
    public const int FoldCount = 5;

    /// <summary>About a district: Heidelberg's tagged edges fall into some 60 such blocks.</summary>
    public const double BlockSizeM = 1000;

    /// <summary>The limits of the presets and the request range: a manual wheelchair's 6 % (DIN 18040) up to 12 %.</summary>
    public static IReadOnlyList<double> LimitsPct { get; } = [6, 8, 10, 12];

    public static IReadOnlyList<double> ChanceBins { get; } = [0, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 1];

    private const double LevelPct = 3;
    private const double FirstStep = 0.1;
    private const double LastStep = 0.001;

    /// <summary>
    /// The fold of each edge: its block (<paramref name="blockSizeM"/> squares by the edge's middle), blocks dealt in
    /// an order shuffled with a fixed seed, so the folds are the same on every run and of about equal size in blocks.
    /// </summary>
    public static int[] SpatialFolds(IReadOnlyList<TaggedIncline> edges, int foldCount, double blockSizeM)
    {
        var blocks = edges.Select(e => BlockOf(e, blockSizeM)).ToArray();
        var order = blocks.Distinct().Order().ToArray();
        new Random(23).Shuffle(order);
        var foldOfBlock = new Dictionary<(int, int), int>();
        for (int i = 0; i < order.Length; i++)
        {
            foldOfBlock[order[i]] = i % foldCount;
        }
        return [.. blocks.Select(b => foldOfBlock[b])];
    }

    /// <summary>How many blocks the edges fall into.</summary>
    public static int BlockCount(IReadOnlyList<TaggedIncline> edges, double blockSizeM) => edges.Select(e => BlockOf(e, blockSizeM)).Distinct().Count();

    private static (int, int) BlockOf(in TaggedIncline edge, double blockSizeM)
    {
        double northM = edge.LatDeg * Coordinates.MetresPerDegree;
        double eastM = edge.LonDeg * Coordinates.MetresPerDegree * Math.Cos(edge.LatDeg * Math.PI / 180);
        return ((int)Math.Floor(northM / blockSizeM), (int)Math.Floor(eastM / blockSizeM));
    }

    /// <summary>
    /// The parameters that maximise the likelihood of the tags under the model, by a pattern search from
    /// <paramref name="start"/> (six parameters and a smooth likelihood: no library needed, and the result is the same everywhere).
    /// </summary>
    public static SlopeModelParameters Fit(IReadOnlyList<TaggedIncline> edges, SlopeModelParameters start)
    {
        var best = start;
        double bestCost = NegativeLogLikelihood(edges, best);
        for (double step = FirstStep; step >= LastStep; step /= 2)
        {
            bool improved = true;
            while (improved)
            {
                improved = false;
                for (int i = 0; i < SlopeModelParameters.Count; i++)
                {
                    foreach (double delta in (ReadOnlySpan<double>)[step, -step])
                    {
                        var candidate = best.With(i, best[i] + delta);
                        double cost = NegativeLogLikelihood(edges, candidate);
                        if (cost < bestCost)
                        {
                            (best, bestCost, improved) = (candidate, cost, true);
                        }
                    }
                }
            }
        }
        return best;
    }

    /// <summary>Minus the log likelihood of the tags (constants dropped): what <see cref="Fit"/> minimises.</summary>
    public static double NegativeLogLikelihood(IReadOnlyList<TaggedIncline> edges, SlopeModelParameters parameters)
    {
        var model = new SlopeModel(parameters);
        double sum = 0;
        foreach (var edge in edges)
        {
            var (meanPct, spreadPct) = model.Distribution(edge.Reading);
            double z = (edge.TaggedPct - meanPct) / spreadPct;
            sum += (0.5 * z * z) + Math.Log(spreadPct);
        }
        return sum;
    }

    /// <summary>Each edge with the estimate (as a graph stores it) of a model fitted on the other folds.</summary>
    public static IReadOnlyList<HeldOutEstimate> CrossValidate(IReadOnlyList<TaggedIncline> edges, int foldCount, double blockSizeM, SlopeModelParameters start)
    {
        int[] folds = SpatialFolds(edges, foldCount, blockSizeM);
        var estimates = new HeldOutEstimate[edges.Count];
        for (int fold = 0; fold < foldCount; fold++)
        {
            var training = edges.Where((_, i) => folds[i] != fold).ToList();
            var model = new SlopeModel(Fit(training, start));
            for (int i = 0; i < edges.Count; i++)
            {
                if (folds[i] == fold)
                {
                    estimates[i] = new HeldOutEstimate(edges[i], fold, model.Estimate(edges[i].Reading, edges[i].OnStructure));
                }
            }
        }
        return estimates;
    }

    /// <summary>
    /// Predicted chance against observed share: every edge both ways at every limit (a case), binned by its chance of
    /// climbing beyond the limit that way.
    /// </summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<HeldOutEstimate> estimates, IReadOnlyList<double> limitsPct)
    {
        int bins = ChanceBins.Count - 1;
        var cases = new int[bins];
        var chances = new double[bins];
        var steep = new int[bins];
        foreach (var (chance, isSteep) in Cases(estimates, limitsPct))
        {
            int bin = Math.Min(bins - 1, ChanceBins.Count(b => b <= chance) - 1);
            cases[bin]++;
            chances[bin] += chance;
            steep[bin] += isSteep ? 1 : 0;
        }
        return [.. Enumerable.Range(0, bins).Select(b => new CalibrationBin(ChanceBins[b], ChanceBins[b + 1], cases[b],
            cases[b] == 0 ? 0 : chances[b] / cases[b], cases[b] == 0 ? 0 : (double)steep[b] / cases[b]))];
    }

    private static IEnumerable<(double Chance, bool Steep)> Cases(IReadOnlyList<HeldOutEstimate> estimates, IReadOnlyList<double> limitsPct)
    {
        foreach (double limit in limitsPct)
        {
            foreach (var e in estimates)
            {
                foreach (bool backward in Directions)
                {
                    yield return (e.Estimate.ChanceBeyond(backward, limit, null), Climb(e.Edge.TaggedPct, backward) > limit);
                }
            }
        }
    }

    private static readonly bool[] Directions = [false, true];

    private static double Climb(double forwardPct, bool backward) => backward ? -forwardPct : forwardPct;

    /// <summary>Precision and recall of warnings and blocks at one limit (uphill that way; a descent is the other way's climb).</summary>
    public static DecisionAccuracy AtLimit(IReadOnlyList<HeldOutEstimate> estimates, double limitPct)
    {
        int cases = 0, steep = 0, warned = 0, warnedSteep = 0, blocked = 0, blockedSteep = 0, level = 0, levelWarned = 0;
        int flaggedBefore = 0, flaggedSteepBefore = 0, levelFlaggedBefore = 0;
        foreach (var e in estimates)
        {
            foreach (bool backward in (ReadOnlySpan<bool>)[false, true])
            {
                double chance = e.Estimate.ChanceBeyond(backward, limitPct, null);
                bool isSteep = Climb(e.Edge.TaggedPct, backward) > limitPct;
                bool isLevel = Math.Abs(e.Edge.TaggedPct) <= LevelPct;
                bool warns = chance >= SlopeChance.Material;
                bool blocks = e.Estimate.Confidence == InclineConfidence.High && chance >= SlopeChance.VeryLikely;
                bool flaggedOld = Climb(e.Edge.Reading.SteepestPct, backward) > limitPct;
                cases++;
                steep += isSteep ? 1 : 0;
                warned += warns ? 1 : 0;
                warnedSteep += warns && isSteep ? 1 : 0;
                blocked += blocks ? 1 : 0;
                blockedSteep += blocks && isSteep ? 1 : 0;
                level += isLevel ? 1 : 0;
                levelWarned += isLevel && warns ? 1 : 0;
                flaggedBefore += flaggedOld ? 1 : 0;
                flaggedSteepBefore += flaggedOld && isSteep ? 1 : 0;
                levelFlaggedBefore += isLevel && flaggedOld ? 1 : 0;
            }
        }
        return new DecisionAccuracy(limitPct, cases, steep,
            Ratio(warnedSteep, warned), Ratio(warnedSteep, steep), Ratio(blockedSteep, blocked), Ratio(blockedSteep, steep),
            Ratio(levelWarned, level), Ratio(flaggedSteepBefore, flaggedBefore), Ratio(flaggedSteepBefore, steep), Ratio(levelFlaggedBefore, level));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;
}
