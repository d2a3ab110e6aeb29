using Routing.Graph.Facts;
using Routing.TestSupport;

namespace Routing.Terrain.Tests.Inclines;

/// <summary>
/// The bundled terrain model measured against the inclines mappers tagged in the Heidelberg extract, before and after
/// the confidence rule (the README's table). Fails if a change to the rule or the terrain makes it worse.
/// </summary>
public sealed class InclineAccuracyTests
{
    private static readonly Lazy<List<TaggedIncline>> LazyComparisons = new(() =>
        [.. InclineAccuracy.Compare(Heidelberg.Imported, ElevationFiles.Open([RepositoryPaths.HeidelbergElevation], smoothed: true))
            .Where(c => !c.OnStructure)]);

    private static List<TaggedIncline> Comparisons => LazyComparisons.Value;

    [Fact]
    public void Hundreds_of_tagged_edges_are_compared()
    {
        Assert.InRange(Comparisons.Count, 700, 900);
        Assert.InRange(Comparisons.Select(c => c.OsmWayId).Distinct().Count(), 400, 550);
    }

    [Fact]
    public void Taken_as_facts_the_readings_call_many_level_ways_steep_and_the_rule_blocks_few_of_them()
    {
        foreach (var limit in InclineAccuracy.ByLimit(Comparisons))
        {
            Assert.True(limit.FalseSteepBefore > 0.2, $"{limit.LimitPct} %: before, {limit.FalseSteepBefore:P0} called steep");
            Assert.True(limit.FalseSteepAfter <= 0.05, $"{limit.LimitPct} %: after, {limit.FalseSteepAfter:P0} of ways within the limit blocked");
            // Nothing steep is called flat that was not already: the rule flags what it does not block.
            Assert.Equal(limit.FalseFlatBefore, limit.FalseFlatAfter);
            Assert.True(limit.SteepBlockedAfter >= 0.15, $"{limit.LimitPct} %: only {limit.SteepBlockedAfter:P0} of truly steep ways still block");
            Assert.True(limit.BlocksRightAfter >= 0.8, $"{limit.LimitPct} %: only {limit.BlocksRightAfter:P0} of blocks fall on ways tagged steeper");
        }
    }

    [Fact]
    public void Short_edges_are_never_trusted_and_long_ones_mostly_are()
    {
        var bands = InclineAccuracy.ByLength(Comparisons);
        Assert.Equal(0, bands[0].HighConfidenceShare); // under 50 m, below one 90 m cell
        Assert.True(bands[^1].HighConfidenceShare > 0.6, $"over 200 m only {bands[^1].HighConfidenceShare:P0} trusted");
        // Over two cells the model is closer to the tags than its 30 m reading, which is why limits check that.
        Assert.True(bands[^1].MedianErrorResolvedPct < bands[^1].MedianErrorSteepestPct);
    }

    [Fact]
    public void The_castle_terraces_are_not_trusted()
    {
        // Tagged level, read as 35 to 45 % by a surface model on a steep hillside.
        var terraces = Comparisons.Where(c => c.TaggedPct == 0 && Math.Abs(c.Reading.SteepestPct) > 30).ToList();
        Assert.NotEmpty(terraces);
        Assert.All(terraces, c => Assert.Equal(InclineConfidence.Low, c.Judged.Confidence));
    }
}
