using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Reach;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.TestSupport;

namespace Routing.Analysis.Tests;

/// <summary>The fix-first ranking where the answer is known by hand, and a report's impact as two direct computations.</summary>
public sealed class FixFirstTests
{
    /// <summary>
    /// From the stop at A a 100 m footway runs east to B. Behind 50 m of steps from B lies a 300 m footway (to H);
    /// behind a 12 cm kerb at C (a 100 m footway from A north to C) lies a 100 m footway to K. So for a wheelchair,
    /// ramping the steps opens 350 m, lowering the kerb 100 m (the kerb's own footway is reached already).
    /// </summary>
    private static Router Town()
    {
        var builder = new GraphBuilder();
        const double lat = 49.41, lon = 8.69;
        double dLon(double m) => m / (Coordinates.MetresPerDegree * Math.Cos(lat * Math.PI / 180));
        int V(long id, double eastM, double northM, NodeClass node = default) =>
            builder.AddVertex(id, Coordinates.ToE7(lat + (northM / Coordinates.MetresPerDegree)), Coordinates.ToE7(lon + dLon(eastM)), node);
        var footway = new EdgeClass
        {
            Highway = HighwayKind.Footway, Surface = SurfaceKind.Asphalt, SurfaceEvidence = Evidence.Tagged, Smoothness = Smoothness.Good,
            SmoothnessEvidence = Evidence.Tagged, WidthCm = 200, WidthEvidence = Evidence.Tagged,
            InclineKind = InclineKind.Value, InclineEvidence = Evidence.Tagged, InclineConfidence = InclineConfidence.Measured,
        };
        int a = V(1, 0, 0), b = V(2, 100, 0), g = V(3, 150, 0), h = V(4, 450, 0);
        int c = V(5, 0, 100, new NodeClass { Barrier = BarrierKind.Kerb, Kerb = KerbKind.Raised, KerbEvidence = Evidence.Tagged, KerbHeightCm = 12 });
        int k = V(6, 0, 200);
        builder.AddEdge(a, b, footway, 10, null, [], []);
        builder.AddEdge(b, g, footway with { Highway = HighwayKind.Steps, Flags = EdgeFlags.Steps }, 11, null, [], []);
        builder.AddEdge(g, h, footway, 12, null, [], []);
        builder.AddEdge(a, c, footway, 13, null, [], []);
        builder.AddEdge(c, k, footway, 14, null, [], []);
        return new Router(builder.Build(new GraphMetadata { SourceFile = "town", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" }),
            ProfileCatalog.Default);
    }

    private static ProfileSettings Preset(string name)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var preset), name);
        return preset;
    }

    [Fact]
    public void The_steps_come_first_then_the_kerb_with_the_length_each_opens()
    {
        var ranking = FixFirst.Rank(Town(), [new GeoPoint(49.41, 8.69)], Preset("wheelchair"), minutes: 60);

        Assert.Equal(1, ranking.Origins);
        Assert.Equal(200, ranking.BaselineM, 0.5); // A-B and A-C
        Assert.Collection(ranking.Fixes,
            steps =>
            {
                Assert.Equal(Constraint.Steps, steps.Candidate.Violation.Constraint);
                Assert.Equal(11, steps.Candidate.OsmWayId);
                Assert.Equal(350, steps.GainM, 0.5);
            },
            kerb =>
            {
                Assert.Equal(Constraint.Kerb, kerb.Candidate.Violation.Constraint);
                Assert.Equal(5, kerb.Candidate.OsmNodeId);
                Assert.Equal(100, kerb.GainM, 0.5);
            });
    }

    [Fact]
    public void A_short_budget_opens_only_what_it_reaches()
    {
        // 0.9 m/s for 200 s: 180 m. From A, B is at 100 m; the ramped steps add 50 m, then 30 m of the footway beyond.
        var ranking = FixFirst.Rank(Town(), [new GeoPoint(49.41, 8.69)], Preset("wheelchair"), minutes: 200 / 60.0);

        var steps = Assert.Single(ranking.Fixes, f => f.Candidate.Violation.Constraint == Constraint.Steps);
        Assert.Equal(80, steps.GainM, 1);
    }

    [Fact]
    public void Walking_has_nothing_to_fix()
    {
        var ranking = FixFirst.Rank(Town(), [new GeoPoint(49.41, 8.69)], Preset("foot"), minutes: 60);

        Assert.Empty(ranking.Fixes);
        Assert.Equal(650, ranking.BaselineM, 0.5);
    }

    [Fact]
    public void On_heidelberg_every_listed_fix_gains_and_the_list_is_sorted()
    {
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default);
        GeoPoint[] stops = [new(49.4094, 8.6934), new(49.4105, 8.7098), new(49.4040, 8.6840)];

        var ranking = FixFirst.Rank(router, stops, Preset("wheelchair"), minutes: 10);

        Assert.Equal(3, ranking.Origins);
        Assert.NotEmpty(ranking.Fixes);
        Assert.All(ranking.Fixes, f => Assert.True(f.GainM > 0 && f.OriginsGaining > 0));
        Assert.Equal(ranking.Fixes.OrderByDescending(f => f.GainM).Select(f => f.GainM), ranking.Fixes.Select(f => f.GainM));
    }
}
