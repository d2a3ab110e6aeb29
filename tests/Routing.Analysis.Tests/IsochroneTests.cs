using NetTopologySuite.Geometries;
using Coordinates = Routing.Graph.Coordinates;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Engine.Reach;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.TestSupport;

namespace Routing.Analysis.Tests;

/// <summary>Isochrones on a graph whose reach is known by hand, and on Heidelberg.</summary>
public sealed class IsochroneTests
{
    /// <summary>
    /// A street of four 100 m edges running east from A (0 m) to E (400 m), a 100 m footway north from C (200 m), and
    /// steps of 50 m north from B (100 m): every reach below is a sum of these lengths.
    /// </summary>
    private static readonly Lazy<Router> LazyStreet = new(() =>
    {
        var builder = new GraphBuilder();
        const double lat = 49.41, lon = 8.69;
        double dLon(double m) => m / (Coordinates.MetresPerDegree * Math.Cos(lat * Math.PI / 180));
        double dLat(double m) => m / Coordinates.MetresPerDegree;
        int V(long id, double eastM, double northM) =>
            builder.AddVertex(id, Coordinates.ToE7(lat + dLat(northM)), Coordinates.ToE7(lon + dLon(eastM)), default);
        int a = V(1, 0, 0), b = V(2, 100, 0), c = V(3, 200, 0), d = V(4, 300, 0), e = V(5, 400, 0), f = V(6, 200, 100), g = V(7, 100, 50);
        var footway = new EdgeClass
        {
            Highway = HighwayKind.Footway, Surface = SurfaceKind.Asphalt, SurfaceEvidence = Evidence.Tagged,
            Smoothness = Smoothness.Good, SmoothnessEvidence = Evidence.Tagged, WidthCm = 200, WidthEvidence = Evidence.Tagged,
            InclineKind = InclineKind.Value, InclineEvidence = Evidence.Tagged, InclineConfidence = InclineConfidence.Measured,
        };
        builder.AddEdge(a, b, footway, 10, null, [], []);
        builder.AddEdge(b, c, footway, 10, null, [], []);
        builder.AddEdge(c, d, footway, 10, null, [], []);
        builder.AddEdge(d, e, footway, 10, null, [], []);
        builder.AddEdge(c, f, footway, 20, null, [], []);
        builder.AddEdge(b, g, footway with { Highway = HighwayKind.Steps, Flags = EdgeFlags.Steps }, 30, null, [], []);
        var graph = builder.Build(new GraphMetadata { SourceFile = "street", BuiltAtUtc = DateTimeOffset.UnixEpoch, BuilderVersion = "test" });
        return new Router(graph, ProfileCatalog.Default);
    });

    private static readonly GeoPoint StreetStart = new(49.41, 8.69);

    private static ProfileSettings Preset(string name)
    {
        Assert.True(ProfileCatalog.Default.TryGet(name, out var preset), name);
        return preset;
    }

    [Theory]
    [InlineData("foot", 50, 50)]          // half of A-B
    [InlineData("foot", 150, 150 + 50)]   // A-B, half of B-C, and half of the 50 m steps from B
    [InlineData("foot", 250, 350)]        // A-C (200), half of C-D (50), half of C-F (50), the whole steps (50)
    [InlineData("wheelchair", 150, 150)]  // no steps for a wheelchair
    [InlineData("wheelchair", 1000, 500)] // the whole street and the footway, never the steps
    public void Reach_in_metres_is_the_sum_of_the_reached_parts(string profile, double rangeM, double expectedM)
    {
        var (isochrones, failure) = Isochrones.Compute(LazyStreet.Value, [StreetStart], Preset(profile), ReachMetric.LengthM, [rangeM]);

        Assert.Null(failure);
        var isochrone = Assert.Single(isochrones);
        Assert.Equal(expectedM, isochrone.ReachedLengthM, 0.5);
        Assert.True(isochrone.Area.IsValid);
        Assert.True(isochrone.Area is Polygon or MultiPolygon);
    }

    [Fact]
    public void Reach_in_seconds_follows_the_profile_speed_and_the_area_grows_with_the_range()
    {
        var wheelchair = Preset("wheelchair");
        // On level, smooth, known footway cost is duration: 0.9 m/s for 100 s is 90 m.
        var (isochrones, _) = Isochrones.Compute(LazyStreet.Value, [StreetStart], wheelchair, ReachMetric.CostS, [100, 200]);

        Assert.Equal(90, isochrones[0].ReachedLengthM, 0.5);
        Assert.Equal(180, isochrones[1].ReachedLengthM, 0.5);
        Assert.True(isochrones[1].AreaM2 > isochrones[0].AreaM2);
        Assert.True(isochrones[1].Area.Covers(isochrones[0].Area));
    }

    [Fact]
    public void A_point_off_the_map_is_the_failure_with_its_index()
    {
        var (_, failure) = Isochrones.Compute(LazyStreet.Value, [StreetStart, new GeoPoint(10, 10)], Preset("foot"), ReachMetric.LengthM, [100]);

        Assert.Equal(1, Assert.IsType<PointOutsideArea>(failure).WaypointIndex);
    }

    [Fact]
    public void On_heidelberg_wheelchair_reach_lies_inside_foot_reach_from_the_same_stop()
    {
        var router = new Router(Heidelberg.Graph, ProfileCatalog.Default);
        var bismarckplatz = new GeoPoint(49.4094, 8.6934);
        var (foot, _) = Isochrones.Compute(router, [bismarckplatz], Preset("foot"), ReachMetric.CostS, [600]);
        var (wheelchair, _) = Isochrones.Compute(router, [bismarckplatz], Preset("wheelchair"), ReachMetric.CostS, [600]);

        Assert.True(wheelchair[0].ReachedLengthM > 1000, $"{wheelchair[0].ReachedLengthM} m");
        Assert.True(wheelchair[0].ReachedLengthM < foot[0].ReachedLengthM);
        Assert.True(wheelchair[0].AreaM2 < foot[0].AreaM2);
        // Both outlines are smoothed by 15 m, so containment is checked with that much room.
        Assert.True(foot[0].Area.Buffer(0.0003).Covers(wheelchair[0].Area), "the wheelchair's reach sticks out of the walker's");
    }
}
