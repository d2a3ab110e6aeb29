using System.Globalization;
using Routing.Engine.Profiles;
using Routing.Graph.Facts;
using Routing.TestSupport;

namespace Routing.Engine.Tests.Routes;

/// <summary>
/// Slopes a user can trust, on the real Heidelberg graph: refusals rest only on what is measured or what the terrain
/// model vouches for, uncertain readings are passable and flagged, and a refusal carries the least-violating route.
/// </summary>
public sealed class SlopeConfidenceRouteTests
{
    private static readonly Lazy<Router> LazyRouter = new(() => new Router(Heidelberg.Graph, ProfileCatalog.Default));
    private static Router Router => LazyRouter.Value;

    private static readonly Lazy<List<(GeoPoint From, GeoPoint To)>> LazyUrbanPairs = new(() =>
        [.. File.ReadLines(RepositoryPaths.UrbanPairs).Skip(1).Select(line => line.Split(',')).Select(f =>
            (new GeoPoint(Parse(f[0]), Parse(f[1])), new GeoPoint(Parse(f[2]), Parse(f[3]))))]);

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static ProfileSettings Preset(string name, DerivedInclinePolicy? derivedIncline = null)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var preset));
        return new ConstraintOverrides { DerivedIncline = derivedIncline }.ApplyTo(preset);
    }

    private static RouteOutcome Route((GeoPoint From, GeoPoint To) pair, ProfileSettings profile) =>
        Router.Route(new RouteRequest([pair.From, pair.To], profile));

    [Theory]
    [InlineData("wheelchair")]
    [InlineData("powered_wheelchair")]
    [InlineData("walker")]
    public void No_urban_pair_is_refused_for_a_slope_the_terrain_model_cannot_vouch_for(string profileName)
    {
        var profile = Preset(profileName);
        var pairs = LazyUrbanPairs.Value;
        Assert.Equal(200, pairs.Count);
        int refusedNow = 0, refusedBefore = 0;
        foreach (var pair in pairs)
        {
            if (Route(pair, profile) is NoRoute noRoute)
            {
                refusedNow++;
                Assert.All(noRoute.Blockers.Where(b => b.Violation.Constraint is Constraint.InclineUp or Constraint.InclineDown),
                    b => Assert.True(b.Violation.InclineConfidence == InclineConfidence.Measured
                                     || (b.Violation.InclineConfidence == InclineConfidence.High && b.Violation.Chance >= SlopeChance.VeryLikely),
                        $"{b.Message}: {b.Violation.InclineConfidence}, {b.Violation.Chance:P0}"));
            }
            refusedBefore += Route(pair, profile with { DerivedIncline = DerivedInclinePolicy.Block }) is RouteFound ? 0 : 1;
        }
        // Taking every estimate as fact refused many more: the difference is what the chance gives back.
        Assert.True(refusedNow < refusedBefore, $"{profileName}: {refusedNow} refusals now, {refusedBefore} when every terrain slope blocks");
        Assert.True(refusedBefore > 0, "a set where nothing is refused proves nothing");
    }

    [Fact]
    public void A_refusal_carries_the_least_violating_route_whose_segments_name_what_they_break()
    {
        var wheelchair = Preset("wheelchair");
        int checkedRefusals = 0;
        foreach (var pair in LazyUrbanPairs.Value)
        {
            if (Route(pair, wheelchair) is not NoRoute noRoute || noRoute.Blockers is [{ Violation.Constraint: Constraint.NotConnected }])
            {
                continue;
            }
            var leastBad = Assert.IsType<Routing.Engine.Routes.Route>(noRoute.LeastViolatingRoute);
            var broken = leastBad.Segments.SelectMany(s => s.Violations).ToHashSet();
            // The climb budget is a limit of the whole route, not of a segment.
            Assert.All(noRoute.Blockers.Where(b => b.Violation.Constraint != Constraint.Climb), b => Assert.Contains(b.Violation, broken));
            Assert.All(leastBad.Segments.Where(s => s.Violations.Count > 0 && s.Steps), s =>
                Assert.Contains(s.Violations, v => v.Constraint == Constraint.Steps));
            checkedRefusals++;
        }
        Assert.True(checkedRefusals >= 5, $"only {checkedRefusals} refusals to check");
    }

    [Fact]
    public void Under_block_every_terrain_reading_beyond_the_limit_refuses_and_says_how_far_it_is_trusted()
    {
        var strict = Preset("wheelchair", DerivedInclinePolicy.Block);
        var lowConfidenceBlockers = LazyUrbanPairs.Value
            .Select(pair => Route(pair, strict)).OfType<NoRoute>()
            .SelectMany(n => n.Blockers)
            .Where(b => b.Violation.InclineConfidence == InclineConfidence.Low)
            .ToList();
        Assert.NotEmpty(lowConfidenceBlockers);
        Assert.All(lowConfidenceBlockers, b => Assert.Equal(ViolationEvidence.Derived, b.Violation.Evidence));
    }

    [Fact]
    public void Likely_too_steep_stretches_are_warned_about_with_where_how_long_how_steep_and_how_likely()
    {
        var walker = Preset("walker");
        var found = LazyUrbanPairs.Value.Select(pair => Route(pair, walker)).OfType<RouteFound>().Select(f => f.Route).ToList();
        int warned = 0;
        foreach (var route in found)
        {
            var segments = route.Segments.ToList();
            foreach (var warning in route.Warnings.Where(w => w.Type == "slope_risk"))
            {
                var first = segments[warning.SegmentIndex!.Value];
                Assert.True(first.ChanceBeyondLimit >= SlopeChance.Material, $"{warning.Message}: {first.ChanceBeyondLimit:P0}");
                Assert.NotNull(warning.Location);
                Assert.Matches(@"\d+ m", warning.Message);
                // The value and chance of one segment of the run, as that segment shows them (one number per slope).
                var run = segments.Skip(warning.SegmentIndex.Value).TakeWhile(s => s.ChanceBeyondLimit >= SlopeChance.Material
                    && Math.Sign(s.InclinePct.Value ?? 0) == Math.Sign(first.InclinePct.Value ?? 0));
                Assert.Contains(run, s => warning.Message.Contains($"estimated {Math.Abs(s.InclinePct.Value!.Value):0} %", StringComparison.Ordinal)
                                          && warning.Message.Contains($"{Math.Round(s.ChanceBeyondLimit!.Value * 100):0} % chance", StringComparison.Ordinal));
                if (first.Name.Length > 0)
                {
                    Assert.Contains(first.Name, warning.Message, StringComparison.Ordinal);
                }
                warned++;
            }
            // Every material chance on a terrain estimate is warned of, at its run's first segment.
            for (int i = 0; i < segments.Count; i++)
            {
                bool risky = segments[i].InclineConfidence is InclineConfidence.High or InclineConfidence.Low && segments[i].ChanceBeyondLimit >= SlopeChance.Material;
                bool runStarts = i == 0 || !(segments[i - 1].ChanceBeyondLimit >= SlopeChance.Material);
                if (risky && runStarts)
                {
                    Assert.Contains(route.Warnings, w => w.Type == "slope_risk" && w.SegmentIndex == i);
                }
            }
        }
        Assert.True(warned > 0, "no slope warning on 200 urban walker routes proves nothing");
    }
}
