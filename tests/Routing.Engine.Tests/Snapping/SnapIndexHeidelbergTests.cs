using Routing.Engine.Profiles;
using Routing.Engine.Snapping;
using Routing.Graph;
using Routing.TestSupport;
using Xunit.Abstractions;
using static Routing.Engine.Tests.Snapping.SnapFixture;

namespace Routing.Engine.Tests.Snapping;

/// <summary>Snapping on the real city, checked against a scan of every edge.</summary>
public sealed class SnapIndexHeidelbergTests(ITestOutputHelper output)
{
    private const double RadiusM = 50;
    private static readonly Lazy<SnapIndex> LazyIndex = new(() => new SnapIndex(Heidelberg.Graph));

    private static RoutingGraph CityGraph => Heidelberg.Graph;
    private static SnapIndex CityIndex => LazyIndex.Value;

    [Theory]
    [InlineData("wheelchair", 20261126)]
    [InlineData("foot", 7)]
    public void Random_points_near_the_main_network_snap_as_near_as_a_scan_of_every_edge_finds(string profileName, int seed)
    {
        var profile = Profile(CityGraph, profileName);
        var mainEdges = new List<int>();
        for (int edge = 0; edge < CityGraph.EdgeCount; edge++)
        {
            if (CityGraph.VertexComponent[CityGraph.EdgeFrom[edge]] == 0)
            {
                mainEdges.Add(edge);
            }
        }
        var random = new Random(seed);
        int snappedCount = 0, beyondCount = 0;

        for (int i = 0; i < 200; i++)
        {
            var point = PointNear(mainEdges[random.Next(mainEdges.Count)], random);

            var result = CityIndex.Snap(point, RadiusM, profile);
            var expected = BruteForce.Snap(CityGraph, profile, point, RadiusM);

            string where = $"point {i} ({point.Lat:F7}, {point.Lon:F7})";
            if (expected.DistanceM is { } expectedM)
            {
                snappedCount++;
                Assert.True(result.Snapped is not null, $"{where}: the scan finds edge {expected.Edge} at {expectedM:F3} m");
                var snap = result.Snapped.Value;
                Assert.True(Math.Abs(snap.DistanceM - expectedM) <= 0.01,
                            $"{where}: snapped to edge {snap.Edge} at {snap.DistanceM:F3} m, the scan finds edge {expected.Edge} at {expectedM:F3} m");
                Assert.True(profile.IsUsable(CityGraph, snap.Edge));
                Assert.Equal(profile.Network.IsOnMain(expected.Edge), profile.Network.IsOnMain(snap.Edge));
                Assert.InRange(snap.OffsetM, 0, CityGraph.EdgeLengthCm[snap.Edge] / 100.0);
                // The reported point lies on the reported edge, and the distance is to it.
                Assert.True(BruteForce.DistanceToEdgeM(CityGraph, snap.Edge, snap.Point) <= 0.01, $"{where}: the snapped point is on its edge");
                Assert.Equal(DistanceM(point, snap.Point), snap.DistanceM, 0.001);
                Assert.Null(result.NearestUsableBeyondRadiusM);
            }
            else
            {
                beyondCount++;
                Assert.Null(result.Snapped);
                var nearest = BruteForce.NearestUsableM(CityGraph, profile, point, SnapIndex.WiderSearchRadiusM);
                Assert.Equal(nearest is null, result.NearestUsableBeyondRadiusM is null);
                if (nearest is { } nearestM)
                {
                    Assert.Equal(nearestM, result.NearestUsableBeyondRadiusM!.Value, 0.01);
                }
            }
        }

        output.WriteLine($"{profileName}: {snappedCount} snapped, {beyondCount} beyond the radius");
        Assert.True(snappedCount >= 150, $"only {snappedCount} of 200 points snapped: the test would prove little");
    }

    [Fact]
    public void A_point_in_the_middle_of_nowhere_is_not_covered_and_snaps_nowhere()
    {
        var nowhere = new GeoPoint(49.0, 8.0);
        var oldTown = new GeoPoint(49.4106, 8.7055); // Hauptstraße

        Assert.False(CityIndex.Covers(nowhere));
        Assert.Equal(new SnapResult(null, null), CityIndex.Snap(nowhere, RadiusM, Profile(CityGraph, "foot")));
        Assert.True(CityIndex.Covers(oldTown));
        Assert.NotNull(CityIndex.Snap(oldTown, RadiusM, Profile(CityGraph, "foot")).Snapped);
    }

    [Fact]
    public void A_snap_allocates_nothing()
    {
        var profile = Profile(CityGraph, "wheelchair");
        var points = new[] { new GeoPoint(49.4106, 8.7055), new GeoPoint(49.4094, 8.6936), new GeoPoint(49.0, 8.0), new GeoPoint(49.3900, 8.6700) };
        foreach (var point in points)
        {
            CityIndex.Snap(point, RadiusM, profile); // JIT and lazy initialisation first
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            CityIndex.Snap(points[i % points.Length], RadiusM, profile);
        }
        long allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocatedBytes);
    }

    /// <summary>A point within 40 m of a random position on the edge, in a random direction.</summary>
    private static GeoPoint PointNear(int edge, Random random)
    {
        var points = new List<(int LatE7, int LonE7)>();
        CityGraph.AppendArcPoints(edge * 2, points);
        int segment = random.Next(points.Count - 1);
        double t = random.NextDouble();
        var (a, b) = (points[segment], points[segment + 1]);
        var onEdge = new GeoPoint(
            Coordinates.ToDegrees(a.LatE7) + (t * Coordinates.ToDegrees(b.LatE7 - a.LatE7)),
            Coordinates.ToDegrees(a.LonE7) + (t * Coordinates.ToDegrees(b.LonE7 - a.LonE7)));
        double angle = random.NextDouble() * 2 * Math.PI;
        double distanceM = random.NextDouble() * 40;
        return Offset(onEdge, distanceM * Math.Cos(angle), distanceM * Math.Sin(angle));
    }
}

/// <summary>The slow, obvious answer: every segment of every edge, with the island rule applied afterwards.</summary>
internal static class BruteForce
{
    private const double MetresPerDegree = 6_371_008.8 * Math.PI / 180;

    public static (int Edge, double? DistanceM) Snap(RoutingGraph graph, CompiledProfile profile, GeoPoint point, double radiusM)
    {
        var network = profile.Network;
        (int Edge, double M) main = (-1, double.PositiveInfinity), island = main, detached = main;
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            if (!profile.IsUsable(graph, edge))
            {
                continue;
            }
            double m = DistanceToEdgeM(graph, edge, point);
            if (network.IsOnMain(edge))
            {
                main = m < main.M ? (edge, m) : main;
            }
            else if (network.IsStaticIsland(graph, edge))
            {
                detached = m < detached.M ? (edge, m) : detached;
            }
            else
            {
                island = m < island.M ? (edge, m) : island;
            }
        }
        var chosen = island.M <= radiusM && SnapIndex.KeepsIsland(island.M, main.M <= radiusM ? main.M : null, SnapIndex.NearM, SnapIndex.MainFactor) ? island
            : main.M <= radiusM ? main
            : detached;
        return chosen.M <= radiusM ? (chosen.Edge, chosen.M) : (-1, null);
    }

    public static double? NearestUsableM(RoutingGraph graph, CompiledProfile profile, GeoPoint point, double radiusM)
    {
        double best = double.PositiveInfinity;
        for (int edge = 0; edge < graph.EdgeCount; edge++)
        {
            if (profile.IsUsable(graph, edge))
            {
                best = Math.Min(best, DistanceToEdgeM(graph, edge, point));
            }
        }
        return best <= radiusM ? best : null;
    }

    /// <summary>
    /// Great-circle distance from the point to the nearest point of the edge's polyline, found in a flat projection
    /// centred on the point.
    /// </summary>
    public static double DistanceToEdgeM(RoutingGraph graph, int edge, GeoPoint point)
    {
        double kx = MetresPerDegree * Math.Cos(point.Lat * Math.PI / 180);
        var points = Points;
        points.Clear();
        graph.AppendArcPoints(edge * 2, points);
        double bestSquared = double.PositiveInfinity;
        GeoPoint nearest = default;
        for (int i = 0; i + 1 < points.Count; i++)
        {
            double x1 = (Coordinates.ToDegrees(points[i].LonE7) - point.Lon) * kx;
            double y1 = (Coordinates.ToDegrees(points[i].LatE7) - point.Lat) * MetresPerDegree;
            double x2 = (Coordinates.ToDegrees(points[i + 1].LonE7) - point.Lon) * kx;
            double y2 = (Coordinates.ToDegrees(points[i + 1].LatE7) - point.Lat) * MetresPerDegree;
            double dx = x2 - x1, dy = y2 - y1;
            double squared = (dx * dx) + (dy * dy);
            double t = squared == 0 ? 0 : Math.Clamp(-((x1 * dx) + (y1 * dy)) / squared, 0, 1);
            double distanceSquared = Math.Pow(x1 + (t * dx), 2) + Math.Pow(y1 + (t * dy), 2);
            if (distanceSquared < bestSquared)
            {
                bestSquared = distanceSquared;
                nearest = new GeoPoint(point.Lat + ((y1 + (t * dy)) / MetresPerDegree), point.Lon + ((x1 + (t * dx)) / kx));
            }
        }
        return SnapFixture.DistanceM(point, nearest);
    }

    [ThreadStatic]
    private static List<(int LatE7, int LonE7)>? t_points;

    private static List<(int LatE7, int LonE7)> Points => t_points ??= [];
}
