using Routing.Graph.Facts;
using Routing.TestSupport;

namespace Routing.Terrain.Tests.Inclines;

/// <summary>
/// The bundled terrain model and the slope model measured against the inclines mappers tagged in the Heidelberg
/// extract, on held-out districts only (the README's tables, <c>check-inclines</c>). Fails if a change to the model,
/// its fit or the terrain makes the chances less honest or the decisions worse.
/// </summary>
public sealed class InclineAccuracyTests
{
    private static readonly Lazy<List<TaggedIncline>> LazyComparisons = new(() =>
        [.. InclineAccuracy.Compare(Heidelberg.Imported, ElevationFiles.Open([RepositoryPaths.HeidelbergElevation], smoothed: true))
            .Where(c => !c.OnStructure)]);

    private static readonly Lazy<IReadOnlyList<HeldOutEstimate>> LazyHeldOut = new(() =>
        SlopeCalibration.CrossValidate(Comparisons, SlopeCalibration.FoldCount, SlopeCalibration.BlockSizeM, SlopeModel.Fitted.Parameters));

    private static List<TaggedIncline> Comparisons => LazyComparisons.Value;

    [Fact]
    public void Hundreds_of_tagged_edges_are_compared()
    {
        Assert.InRange(Comparisons.Count, 700, 900);
        Assert.InRange(Comparisons.Select(c => c.OsmWayId).Distinct().Count(), 400, 550);
    }

    [Fact]
    public void The_shipped_parameters_are_the_fit_on_every_tagged_edge()
    {
        var fitted = SlopeCalibration.Fit(Comparisons, SlopeModel.Fitted.Parameters);
        var shipped = SlopeModel.Fitted.Parameters;
        for (int i = 0; i < SlopeModelParameters.Count; i++)
        {
            Assert.Equal(shipped[i], fitted[i], 0.01);
        }
    }

    [Fact]
    public void Held_out_chances_up_to_eighty_percent_match_the_observed_shares()
    {
        // The top bin (0.8 and more) holds the castle's terraces and tags whose direction disagrees with the model:
        // the README shows it as it is; the bins below carry nearly every decision. From 0.4 they are within a point or
        // two; from 0.05 to 0.4 they run up to 7.5 points high (the bound leaves half a point for a change of terrain).
        foreach (var bin in SlopeCalibration.Calibration(LazyHeldOut.Value, SlopeCalibration.LimitsPct).Where(b => b.ToChance <= 0.8 && b.Cases >= 100))
        {
            Assert.True(Math.Abs(bin.MeanChance - bin.ObservedShare) <= 0.08,
                $"{bin.FromChance:P0}-{bin.ToChance:P0}: predicted {bin.MeanChance:P0}, observed {bin.ObservedShare:P0} on {bin.Cases} cases");
        }
    }

    [Fact]
    public void Held_out_blocks_are_mostly_right_and_warnings_flag_fewer_level_ways_than_the_old_flag()
    {
        foreach (double limit in SlopeCalibration.LimitsPct)
        {
            var a = SlopeCalibration.AtLimit(LazyHeldOut.Value, limit);
            Assert.True(a.BlockPrecision >= 0.75, $"{limit} %: only {a.BlockPrecision:P0} of blocks right");
            Assert.True(a.BlockRecall > 0, $"{limit} %: nothing blocks");
            Assert.True(a.LevelWarnedShare <= a.LevelWarnedBefore, $"{limit} %: {a.LevelWarnedShare:P0} of level ways warned, {a.LevelWarnedBefore:P0} before");
            Assert.True(a.WarnPrecision >= 0.5, $"{limit} %: only {a.WarnPrecision:P0} of warnings right");
        }
    }

    [Fact]
    public void Short_edges_are_never_resolved_and_long_ones_always_are()
    {
        var bands = InclineAccuracy.ByLength(Comparisons);
        Assert.Equal(0, bands[0].ResolvedShare); // under 50 m, below one 90 m cell
        Assert.Equal(1, bands[^1].ResolvedShare);
        // Over two cells the model is closer to the tags than its 30 m reading.
        Assert.True(bands[^1].MedianErrorResolvedPct < bands[^1].MedianErrorSteepestPct);
    }

    [Fact]
    public void The_castle_terraces_are_not_resolved_and_never_block()
    {
        // Tagged level, read as 35 to 45 % by a surface model on a steep hillside.
        var terraces = Comparisons.Where(c => c.TaggedPct == 0 && Math.Abs(c.Reading.SteepestPct) > 30).ToList();
        Assert.NotEmpty(terraces);
        Assert.All(terraces, c => Assert.Equal(InclineConfidence.Low, SlopeModel.Fitted.Estimate(c.Reading, c.OnStructure).Confidence));
    }
}
