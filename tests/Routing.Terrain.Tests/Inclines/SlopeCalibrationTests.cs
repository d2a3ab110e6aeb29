using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Terrain.Tests.Inclines;

/// <summary>The fit and the scoring on synthetic tags drawn from a known model, where the right answer is known.</summary>
public sealed class SlopeCalibrationTests
{
    private static readonly SlopeModelParameters Truth = new(0.3, 0.4, 1.0, 0.2, 0.5, 0.2);

    /// <summary>
    /// Edges spread over a 10 km square, with random readings, relief and lengths, and tags drawn from
    /// <paramref name="truth"/>'s normal distribution: what a perfect fit would be fitted on.
    /// </summary>
    private static List<TaggedIncline> Synthetic(SlopeModelParameters truth, int count, int seed)
    {
        var random = new Random(seed);
        var model = new SlopeModel(truth);
        var edges = new List<TaggedIncline>(count);
        for (int i = 0; i < count; i++)
        {
            double steepest = (random.NextDouble() - 0.5) * 40;
            var reading = new InclineReading(LengthM: 20 + (random.NextDouble() * 300), CellSizeM: 90, AveragePct: steepest * 0.7,
                SteepestPct: steepest, ResolvedPct: steepest * 0.8, ReliefPct: random.NextDouble() * 30);
            var (mean, spread) = model.Distribution(reading);
            double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            edges.Add(new TaggedIncline(i, mean + (spread * normal), reading, OnStructure: false,
                49.35 + (random.NextDouble() * 0.09), 8.6 + (random.NextDouble() * 0.14)));
        }
        return edges;
    }

    [Fact]
    public void The_fit_recovers_the_parameters_the_tags_were_drawn_from()
    {
        var fitted = SlopeCalibration.Fit(Synthetic(Truth, 4000, seed: 1), new SlopeModelParameters(0.5, 0.5, 1.5, 0, 0, 0));
        Assert.Equal(Truth.ResolvedWeight + Truth.SteepestWeight, fitted.ResolvedWeight + fitted.SteepestWeight, 0.03);
        Assert.Equal(Truth.LogSpread, fitted.LogSpread, 0.15);
        Assert.Equal(Truth.LogSpreadPerTenReliefPct, fitted.LogSpreadPerTenReliefPct, 0.06);
        Assert.Equal(Truth.LogSpreadPerTenMeanPct, fitted.LogSpreadPerTenMeanPct, 0.06);
    }

    [Fact]
    public void Held_out_chances_of_a_true_model_match_the_observed_shares()
    {
        var heldOut = SlopeCalibration.CrossValidate(Synthetic(Truth, 3000, seed: 2), 5, 1000, Truth);
        var bins = SlopeCalibration.Calibration(heldOut, [6, 10]);
        Assert.Equal(3000 * 2 * 2, bins.Sum(b => b.Cases));
        foreach (var bin in bins.Where(b => b.Cases >= 300))
        {
            Assert.True(Math.Abs(bin.MeanChance - bin.ObservedShare) <= 0.05, $"{bin.FromChance}-{bin.ToChance}: {bin.MeanChance:P0} against {bin.ObservedShare:P0}");
        }
    }

    [Fact]
    public void A_model_that_ignores_the_spread_is_found_out_by_its_calibration()
    {
        // Tags drawn with a spread four times what the scored model claims: its confident chances come true far less often.
        var wide = Truth with { LogSpread = Truth.LogSpread + Math.Log(4) };
        var edges = Synthetic(wide, 3000, seed: 3);
        var model = new SlopeModel(Truth);
        var estimates = edges.Select(e => new HeldOutEstimate(e, 0, model.Estimate(e.Reading, e.OnStructure))).ToList();
        var confident = SlopeCalibration.Calibration(estimates, [6]).Where(b => b.FromChance >= 0.8 && b.Cases >= 50).ToList();
        Assert.NotEmpty(confident);
        Assert.All(confident, b => Assert.True(b.ObservedShare < b.MeanChance - 0.1, $"{b.MeanChance:P0} against {b.ObservedShare:P0}"));
    }

    [Fact]
    public void Spatial_folds_keep_each_block_whole_and_use_every_fold()
    {
        var edges = Synthetic(Truth, 1000, seed: 4);
        int[] folds = SlopeCalibration.SpatialFolds(edges, 5, 1000);
        Assert.Equal(5, folds.Distinct().Count());
        Assert.Equal(folds, SlopeCalibration.SpatialFolds(edges, 5, 1000));
        var foldOfBlock = new Dictionary<(long, long), int>();
        for (int i = 0; i < edges.Count; i++)
        {
            var block = ((long)Math.Floor(edges[i].LatDeg * Coordinates.MetresPerDegree / 1000),
                (long)Math.Floor(edges[i].LonDeg * Coordinates.MetresPerDegree * Math.Cos(edges[i].LatDeg * Math.PI / 180) / 1000));
            Assert.Equal(foldOfBlock.GetValueOrDefault(block, folds[i]), folds[i]);
            foldOfBlock[block] = folds[i];
        }
    }

    [Theory]
    [InlineData(0, 1, 1.96, 0.025)]
    [InlineData(10, 2, 10, 0.5)]
    [InlineData(10, 2, 8, 0.841345)]
    [InlineData(-3, 0, 2, 0)]
    public void The_chance_is_the_normal_upper_tail(double mean, double spread, double limit, double expected) =>
        Assert.Equal(expected, SlopeChance.Beyond(mean, spread, limit, null), 4);
}
