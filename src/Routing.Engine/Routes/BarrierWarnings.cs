using Routing.Engine.Barriers;
using Routing.Graph;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Engine.Routes;

/// <summary>
/// What a route should say about barrier reports: <c>reported_barrier</c> for each verified report pinned to an edge or
/// vertex the route uses (the profile accepted it, perhaps at a price: a broken elevator for someone walking, a kerb
/// within the limit), and <c>unverified_barrier</c> for each report awaiting verification within
/// <see cref="PendingReportIndex.NearM"/> of the route's line; <c>elevator_status</c> for each live elevator the route passes
/// through, whatever its state. Each report is named once, where the route first meets it.
/// </summary>
internal static class BarrierWarnings
{
    /// <param name="overlay">The overlay the route was priced with: its verified reports.</param>
    /// <param name="pending">The overlay whose reports awaiting verification apply now.</param>
    public static List<(double PositionM, RouteWarning Warning)> Collect(RoutingGraph graph, BarrierOverlay overlay, BarrierOverlay pending,
        ReadOnlySpan<RoutePiece> pieces, IReadOnlyList<AssembledSegment> segments, IReadOnlyList<GeoPoint> geometry, TextLanguage language)
    {
        var found = new List<(double PositionM, RouteWarning Warning)>();
        if ((overlay.Active.Count == 0 && pending.Unverified.Count == 0) || segments.Count == 0 || geometry.Count == 0)
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

        foreach (var (r, routePoint) in pending.PendingIndex.Approaches(geometry))
        {
            var report = pending.Unverified[r];
            var location = report.Geometry.Type == BarrierGeometryType.Point ? report.Geometry.Points[0] : geometry[routePoint];
            Add("unverified_barrier", report, SegmentOf(segments, routePoint), location);
        }
        return found;
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
