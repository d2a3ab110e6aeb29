using Routing.Engine.Barriers;
using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Routes;

/// <summary>
/// What a route should say about barrier reports: <c>reported_barrier</c> for each verified report pinned to an edge or
/// vertex the route uses (the profile accepted it, perhaps at a price: a broken elevator for someone walking, a kerb
/// within the limit), and <c>unverified_barrier</c> for each report awaiting verification within
/// <see cref="UnverifiedNearM"/> of the route's line; <c>elevator_status</c> for each live elevator the route passes
/// through, whatever its state. Each report is named once, where the route first meets it.
/// </summary>
internal static class BarrierWarnings
{
    public const double UnverifiedNearM = 25;

    public static List<(double PositionM, RouteWarning Warning)> Collect(RoutingGraph graph, BarrierOverlay overlay, ReadOnlySpan<RoutePiece> pieces,
        IReadOnlyList<AssembledSegment> segments, IReadOnlyList<GeoPoint> geometry, TextLanguage language)
    {
        var found = new List<(double PositionM, RouteWarning Warning)>();
        if (overlay.IsEmpty || segments.Count == 0 || geometry.Count == 0)
        {
            return found;
        }
        var named = new HashSet<ReportedBarrier>(ReferenceEqualityComparer.Instance);
        void Add(string type, ReportedBarrier report, int segment, GeoPoint location)
        {
            if (!named.Add(report))
            {
                return;
            }
            if (report.Live is { } live)
            {
                // Live elevators are named whatever their state: "working, checked 2 min ago" is news to a wheelchair user too.
                found.Add((segments[segment].StartDistanceM,
                    new RouteWarning("elevator_status", RouteTexts.ElevatorStatus(live, DateTimeOffset.UtcNow, language), segment, location)));
            }
            else
            {
                string kind = RouteTexts.Get("report." + FactNames.Of(report.Kind), language);
                found.Add((segments[segment].StartDistanceM,
                    new RouteWarning(type, RouteTexts.Format("warning." + type, language, kind, report.ReportId.ToString()), segment, location)));
            }
        }

        if (overlay.Active.Count > 0)
        {
            for (int s = 0; s < segments.Count; s++)
            {
                for (int p = segments[s].FirstPiece; p <= segments[s].LastPiece; p++)
                {
                    ref readonly var piece = ref pieces[p];
                    if (piece.StartVertex >= 0)
                    {
                        foreach (var report in overlay.ReportsAtVertex(piece.StartVertex))
                        {
                            Add("reported_barrier", report, s, new GeoPoint(Coordinates.ToDegrees(graph.VertexLatE7[piece.StartVertex]),
                                Coordinates.ToDegrees(graph.VertexLonE7[piece.StartVertex])));
                        }
                    }
                    foreach (var report in overlay.ReportsOnEdge(piece.Edge))
                    {
                        Add("reported_barrier", report, s, geometry[piece.FirstPoint]);
                    }
                }
            }
        }

        if (overlay.Unverified.Count > 0)
        {
            // A cheap test first: most reports lie nowhere near a given route.
            var bounds = GeoBounds.Of(geometry);
            double marginLat = (UnverifiedNearM + 1) / LocalPlane.MetresPerDegree;
            double marginLon = marginLat / Math.Max(0.01, Math.Cos(Math.Max(Math.Abs(bounds.MinLat), Math.Abs(bounds.MaxLat)) * (Math.PI / 180)));
            (double X, double Y)[]? projected = null;
            var plane = new LocalPlane(geometry[0]);
            for (int r = 0; r < overlay.Unverified.Count; r++)
            {
                if (!overlay.UnverifiedBounds[r].Near(bounds, marginLat, marginLon))
                {
                    continue;
                }
                projected ??= [.. geometry.Select(plane.Project)];
                var report = overlay.Unverified[r];
                if (NearestApproach(report.Geometry, plane, projected) is { } routePoint)
                {
                    var location = report.Geometry.Type == BarrierGeometryType.Point ? report.Geometry.Points[0] : geometry[routePoint];
                    Add("unverified_barrier", report, SegmentOf(segments, routePoint), location);
                }
            }
        }
        return found;
    }

    /// <summary>
    /// Where the route comes within <see cref="UnverifiedNearM"/> of the report's geometry: the index of the route
    /// point that starts the closest stretch; null when the route stays farther away. All in one plane for the route
    /// (a city's extent keeps its error to centimetres at this distance).
    /// </summary>
    /// <param name="geometry">A geometry of finite points (its bounds were checked).</param>
    private static int? NearestApproach(BarrierGeometry geometry, LocalPlane plane, (double X, double Y)[] route)
    {
        var shape = geometry.Points.Select(plane.Project).ToList();
        bool polygon = geometry.Type == BarrierGeometryType.Polygon && shape.Count >= 3;
        if (polygon && shape[0] != shape[^1])
        {
            shape.Add(shape[0]); // the ring's closing side counts as a line too
        }
        var line = shape.ToArray();
        double minX = line.Min(p => p.X) - UnverifiedNearM, maxX = line.Max(p => p.X) + UnverifiedNearM;
        double minY = line.Min(p => p.Y) - UnverifiedNearM, maxY = line.Max(p => p.Y) + UnverifiedNearM;

        int best = -1;
        double bestM = UnverifiedNearM;
        for (int i = 0; i < route.Length; i++)
        {
            var (x, y) = route[i];
            var (bx, by) = i + 1 < route.Length ? route[i + 1] : (x, y);
            if (Math.Max(x, bx) < minX || Math.Min(x, bx) > maxX || Math.Max(y, by) < minY || Math.Min(y, by) > maxY)
            {
                continue; // this stretch stays well clear of the report
            }
            double distanceM = polygon && LocalPlane.InsideRing(x, y, line) ? 0 : LocalPlane.PolylineDistance(x, y, line);
            if (i + 1 < route.Length)
            {
                // The stretch to the next route point: report points beside it, and a crossing in its middle.
                foreach (var (px, py) in line)
                {
                    distanceM = Math.Min(distanceM, Math.Sqrt(LocalPlane.SegmentDistanceSquared(px, py, x, y, bx, by, out _)));
                }
                for (int k = 0; k + 1 < line.Length && distanceM > 0; k++)
                {
                    if (LocalPlane.SegmentsIntersect((x, y), (bx, by), line[k], line[k + 1]))
                    {
                        distanceM = 0;
                    }
                }
            }
            if (distanceM <= bestM && (best < 0 || distanceM < bestM))
            {
                (best, bestM) = (i, distanceM);
            }
        }
        return best < 0 ? null : best;
    }

    private static int SegmentOf(IReadOnlyList<AssembledSegment> segments, int routePoint)
    {
        for (int s = 0; s < segments.Count; s++)
        {
            if (routePoint < segments[s].Segment.LastPoint)
            {
                return s;
            }
        }
        return segments.Count - 1;
    }
}
