using Routing.Engine.Barriers;
using Routing.Graph;
using Routing.TestSupport;
using static Routing.Engine.Tests.Barriers.BarrierTesting;

namespace Routing.Engine.Tests.Barriers;

/// <summary>
/// The index of pending reports against an oracle that shares none of its geometry: both the route and each report
/// sampled every half metre, the smallest distance between the samples (and a sample of the route inside a polygon),
/// on the original, unsimplified shapes.
/// </summary>
public sealed class PendingReportIndexTests
{
    private const double SampleM = 0.5;

    /// <summary>Near the old town, where the index's plane (centred on the extract) is least exact: about 10 km off its centre.</summary>
    private static readonly GeoPoint Centre = new(49.4105, 8.7065);

    [Fact]
    public void Finds_exactly_the_reports_a_route_passes_within_25_m_and_where_it_first_does()
    {
        var random = new Random(11);
        int near = 0, far = 0;
        for (int trial = 0; trial < 12; trial++)
        {
            var route = RandomLine(random, Centre, count: 8, stepM: 60);
            var reports = Enumerable.Range(0, 40).Select(i => RandomReport(random, route[random.Next(route.Count)], i)).ToList();
            var index = PendingReportIndex.Build(Heidelberg.Graph, reports);
            var found = index.Approaches(route).ToDictionary(a => a.Report, a => a.RoutePoint);
            var plane = new LocalPlane(Centre);

            for (int r = 0; r < reports.Count; r++)
            {
                var distances = Enumerable.Range(0, route.Count).Select(i => StretchDistanceM(plane, route, i, reports[r].Geometry)).ToList();
                // Simplifying moves a shape by up to 2 m; within that band of the threshold either answer is right.
                const double Band = PendingReportIndex.ToleranceM + 0.5;
                int firstSurelyNear = distances.FindIndex(d => d <= PendingReportIndex.NearM - Band);
                if (firstSurelyNear >= 0)
                {
                    near++;
                    Assert.True(found.TryGetValue(r, out int at), $"trial {trial}: report {r} at {distances.Min():F1} m is not found");
                    Assert.InRange(at, 0, firstSurelyNear);
                    Assert.True(distances[at] <= PendingReportIndex.NearM + Band, $"report {r} found at stretch {at}, {distances[at]:F1} m away");
                }
                else if (distances.Min() > PendingReportIndex.NearM + Band)
                {
                    far++;
                    Assert.False(found.ContainsKey(r), $"trial {trial}: report {r} at {distances.Min():F1} m is found");
                }
            }
        }
        Assert.True(near > 50 && far > 50, $"both cases occur often: {near} near, {far} far");
    }

    [Fact]
    public void A_comb_of_992_points_is_simplified_to_a_bounded_shape_that_still_warns_the_routes_it_touches()
    {
        // 124 teeth 40 m long and 4 m apart: the kind of polygon drawn to make every nearby route test a thousand points.
        var comb = new List<GeoPoint>();
        for (int tooth = 0; tooth < 124; tooth++)
        {
            double east = tooth * 4;
            comb.AddRange([Offset(Centre, 0, east), Offset(Centre, 40, east), Offset(Centre, 40, east + 2), Offset(Centre, 2, east + 2)]);
        }
        Assert.Equal(496, comb.Count);
        comb.AddRange(comb.Select(p => Offset(p, 0, 496)).ToList()); // a second comb beside the first: 992 points
        var report = Report(1, ReportedBarrierKind.Construction, BarrierGeometryType.Polygon, comb, verified: false);
        var index = PendingReportIndex.Build(Heidelberg.Graph, [report]);

        Assert.InRange(index.ShapeOf(0).Length, 3, PendingReportIndex.MaxVertices);
        var crossing = new List<GeoPoint> { Offset(Centre, -100, 300), Offset(Centre, 100, 300) };
        var along = new List<GeoPoint> { Offset(Centre, 20, -100), Offset(Centre, 20, -10) };
        var away = new List<GeoPoint> { Offset(Centre, 100, 0), Offset(Centre, 100, 900) };
        Assert.Single(index.Approaches(crossing));
        Assert.Single(index.Approaches(along));
        Assert.Empty(index.Approaches(away));
    }

    [Fact]
    public void A_new_report_is_simplified_alone_and_the_others_keep_their_shapes()
    {
        var first = Report(1, ReportedBarrierKind.Construction, BarrierGeometryType.LineString, RandomLine(new Random(3), Centre, 50, 10), verified: false);
        var second = Report(2, ReportedBarrierKind.Construction, Offset(Centre, 30, 30), verified: false);
        var before = PendingReportIndex.Build(Heidelberg.Graph, [first]);

        var after = PendingReportIndex.Build(Heidelberg.Graph, [second, first], (before, [first]));

        Assert.True(after.ShapeOf(1) == before.ShapeOf(0), "the shape of the report both hold is reused, not simplified again");
        Assert.Equal(2, after.Count);
        Assert.Equal(2, after.Approaches([Offset(Centre, -50, 0), Offset(Centre, 50, 40)]).Count);
    }

    private static List<GeoPoint> RandomLine(Random random, GeoPoint start, int count, double stepM)
    {
        var points = new List<GeoPoint> { start };
        double heading = random.NextDouble() * 2 * Math.PI;
        for (int i = 1; i < count; i++)
        {
            heading += (random.NextDouble() - 0.5) * 1.5;
            double length = stepM * (0.2 + random.NextDouble());
            points.Add(Offset(points[^1], length * Math.Cos(heading), length * Math.Sin(heading)));
        }
        return points;
    }

    /// <summary>A point, line or polygon placed up to 80 m from a route point.</summary>
    private static ReportedBarrier RandomReport(Random random, GeoPoint near, int id)
    {
        var anchor = Offset(near, (random.NextDouble() - 0.5) * 160, (random.NextDouble() - 0.5) * 160);
        return (id % 3) switch
        {
            0 => Report(id, ReportedBarrierKind.Construction, anchor, verified: false),
            1 => Report(id, ReportedBarrierKind.BlockedPath, BarrierGeometryType.LineString, RandomLine(random, anchor, random.Next(2, 30), 8), verified: false),
            _ => Report(id, ReportedBarrierKind.Construction, BarrierGeometryType.Polygon,
                [.. Enumerable.Range(0, 40).Select(k => Offset(anchor, Math.Sin(k * Math.PI / 20) * (10 + random.NextDouble() * 15),
                    Math.Cos(k * Math.PI / 20) * (10 + random.NextDouble() * 15)))], verified: false),
        };
    }

    /// <summary>From route stretch i (to the next point; the last point alone) to the report's shape, by sampling both.</summary>
    private static double StretchDistanceM(LocalPlane plane, List<GeoPoint> route, int i, BarrierGeometry geometry)
    {
        var stretch = Sample(plane, [route[i], route[Math.Min(i + 1, route.Count - 1)]]);
        var shapePoints = geometry.Type == BarrierGeometryType.Polygon ? [.. geometry.Points, geometry.Points[0]] : geometry.Points;
        var shape = Sample(plane, shapePoints);
        if (geometry.Type == BarrierGeometryType.Polygon)
        {
            var ring = geometry.Points.Select(plane.Project).ToArray();
            if (stretch.Any(p => LocalPlane.InsideRing(p.X, p.Y, ring)))
            {
                return 0;
            }
        }
        double best = double.PositiveInfinity;
        foreach (var (x, y) in stretch)
        {
            foreach (var (sx, sy) in shape)
            {
                best = Math.Min(best, ((x - sx) * (x - sx)) + ((y - sy) * (y - sy)));
            }
        }
        return Math.Sqrt(best);
    }

    private static List<(double X, double Y)> Sample(LocalPlane plane, IReadOnlyList<GeoPoint> line)
    {
        var samples = new List<(double X, double Y)> { plane.Project(line[0]) };
        for (int k = 0; k + 1 < line.Count; k++)
        {
            var (ax, ay) = plane.Project(line[k]);
            var (bx, by) = plane.Project(line[k + 1]);
            int steps = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay))) / SampleM));
            for (int s = 1; s <= steps; s++)
            {
                samples.Add((ax + ((bx - ax) * s / steps), ay + ((by - ay) * s / steps)));
            }
        }
        return samples;
    }
}
