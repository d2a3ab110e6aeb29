using Routing.Graph;

namespace Routing.Engine.Barriers;

/// <summary>
/// The reports awaiting verification, made cheap for routes to ask "which of you do I pass within
/// <see cref="NearM"/>?". Anyone with a reporter key can add them, so their cost to every route must stay bounded
/// however they are drawn: each shape is simplified once (Douglas-Peucker, <see cref="ToleranceM"/>, coarser only
/// for a shape still over <see cref="MaxVertices"/> vertices) and projected once onto one plane for the graph, and a
/// grid of <see cref="CellM"/> cells lists the reports near each cell, so a route tests only the reports near each of
/// its stretches, and each report only until it is found.
/// </summary>
internal sealed class PendingReportIndex
{
    /// <summary>How near a route must pass a pending report to be warned about it.</summary>
    public const double NearM = 25;

    /// <summary>Simplifying moves no shape point by more than this; small beside <see cref="NearM"/>.</summary>
    public const double ToleranceM = 2;

    /// <summary>A shape with more vertices after simplifying is simplified further (a comb drawn to slow routes down).</summary>
    public const int MaxVertices = 128;

    private const double CellM = 100;

    /// <summary>A report whose nearness box spans more cells than this is tested by every route stretch instead.</summary>
    private const int MaxCellsPerReport = 4096;

    private readonly LocalPlane _plane;
    private readonly Shape[] _shapes;
    private readonly Dictionary<long, List<int>> _cells = [];
    private readonly List<int> _everywhere = [];

    private PendingReportIndex(LocalPlane plane, Shape[] shapes)
    {
        _plane = plane;
        _shapes = shapes;
    }

    public static PendingReportIndex Empty { get; } = new(new LocalPlane(new GeoPoint(0, 0)), []);

    public int Count => _shapes.Length;

    /// <summary>The simplified shape of report <paramref name="report"/> (index into the list built from), in the index's plane.</summary>
    internal ReadOnlySpan<(double X, double Y)> ShapeOf(int report) => _shapes[report].Points;

    /// <param name="previous">The index of the same graph before, with the reports it was built from: a report it already
    /// held (the same object) keeps its simplified shape, so a new report costs its own simplification, not everyone's.</param>
    public static PendingReportIndex Build(RoutingGraph graph, IReadOnlyList<ReportedBarrier> reports,
        (PendingReportIndex Index, IReadOnlyList<ReportedBarrier> Reports)? previous = null)
    {
        if (reports.Count == 0)
        {
            return Empty;
        }
        var box = graph.Bounds;
        var plane = new LocalPlane(new GeoPoint((box.MinLat + box.MaxLat) / 2, (box.MinLon + box.MaxLon) / 2));
        var known = new Dictionary<ReportedBarrier, Shape>(ReferenceEqualityComparer.Instance);
        if (previous is ({ Count: > 0 } before, var beforeReports))
        {
            for (int r = 0; r < beforeReports.Count; r++)
            {
                known[beforeReports[r]] = before._shapes[r];
            }
        }
        var shapes = new Shape[reports.Count];
        for (int r = 0; r < reports.Count; r++)
        {
            shapes[r] = known.TryGetValue(reports[r], out var shape) ? shape : Shape.Of(reports[r].Geometry, plane);
        }
        var index = new PendingReportIndex(plane, shapes);
        for (int r = 0; r < shapes.Length; r++)
        {
            index.Register(r);
        }
        return index;
    }

    /// <summary>
    /// For each report the route passes within <see cref="NearM"/>, the index of the route point that starts the
    /// first stretch doing so, in the order the route meets them.
    /// </summary>
    public List<(int Report, int RoutePoint)> Approaches(IReadOnlyList<GeoPoint> route)
    {
        var found = new List<(int Report, int RoutePoint)>();
        if (_shapes.Length == 0 || route.Count == 0)
        {
            return found;
        }
        var points = new (double X, double Y)[route.Count];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = _plane.Project(route[i]);
        }
        // Per report: the last stretch it was tested with (so a report in several cells is tested once), or -2 once found.
        var testedAt = new int[_shapes.Length];
        Array.Fill(testedAt, -1);
        for (int i = 0; i < points.Length; i++)
        {
            var a = points[i];
            var b = i + 1 < points.Length ? points[i + 1] : a;
            foreach (int r in _everywhere)
            {
                Test(r, i, a, b, testedAt, found);
            }
            var (minCx, minCy) = Cell(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y));
            var (maxCx, maxCy) = Cell(Math.Max(a.X, b.X), Math.Max(a.Y, b.Y));
            for (long cx = minCx; cx <= maxCx; cx++)
            {
                for (long cy = minCy; cy <= maxCy; cy++)
                {
                    if (_cells.TryGetValue(Key(cx, cy), out var near))
                    {
                        foreach (int r in near)
                        {
                            Test(r, i, a, b, testedAt, found);
                        }
                    }
                }
            }
        }
        return found;
    }

    private void Test(int report, int stretch, (double X, double Y) a, (double X, double Y) b, int[] testedAt, List<(int, int)> found)
    {
        if (testedAt[report] == -2 || testedAt[report] == stretch)
        {
            return;
        }
        testedAt[report] = stretch;
        if (_shapes[report].Within(a, b, NearM))
        {
            testedAt[report] = -2;
            found.Add((report, stretch));
        }
    }

    private void Register(int report)
    {
        var shape = _shapes[report];
        if (shape.Points.Length == 0)
        {
            return; // an unusable geometry warns nobody
        }
        var (minCx, minCy) = Cell(shape.MinX - NearM, shape.MinY - NearM);
        var (maxCx, maxCy) = Cell(shape.MaxX + NearM, shape.MaxY + NearM);
        if ((maxCx - minCx + 1) * (maxCy - minCy + 1) > MaxCellsPerReport)
        {
            _everywhere.Add(report);
            return;
        }
        for (long cx = minCx; cx <= maxCx; cx++)
        {
            for (long cy = minCy; cy <= maxCy; cy++)
            {
                long key = Key(cx, cy);
                if (!_cells.TryGetValue(key, out var list))
                {
                    _cells[key] = list = [];
                }
                list.Add(report);
            }
        }
    }

    private static (long X, long Y) Cell(double x, double y) => ((long)Math.Floor(x / CellM), (long)Math.Floor(y / CellM));

    private static long Key(long cx, long cy) => (cx << 32) ^ (cy & 0xFFFFFFFF);

    /// <summary>A report's simplified shape in the plane; a polygon's ring is closed (its closing side counts as a line too).</summary>
    private sealed class Shape((double X, double Y)[] points, bool polygon)
    {
        public (double X, double Y)[] Points { get; } = points;

        public double MinX { get; } = points.Length == 0 ? 0 : points.Min(p => p.X);

        public double MinY { get; } = points.Length == 0 ? 0 : points.Min(p => p.Y);

        public double MaxX { get; } = points.Length == 0 ? 0 : points.Max(p => p.X);

        public double MaxY { get; } = points.Length == 0 ? 0 : points.Max(p => p.Y);

        public static Shape Of(BarrierGeometry geometry, LocalPlane plane)
        {
            if (!double.IsFinite(GeoBounds.Of(geometry).MinLat))
            {
                return new Shape([], false);
            }
            var projected = geometry.Points.Select(plane.Project).ToList();
            bool polygon = geometry.Type == BarrierGeometryType.Polygon && projected.Count >= 3;
            if (polygon && projected[0] != projected[^1])
            {
                projected.Add(projected[0]);
            }
            var simplified = Simplify(projected, ToleranceM);
            for (double tolerance = ToleranceM * 2; simplified.Length > MaxVertices; tolerance *= 2)
            {
                simplified = Simplify(projected, tolerance);
            }
            return new Shape(simplified, polygon && simplified.Length >= 4);
        }

        /// <summary>Whether the stretch a-b (a point when a = b) comes within <paramref name="nearM"/> of the shape.</summary>
        public bool Within((double X, double Y) a, (double X, double Y) b, double nearM)
        {
            if (Math.Max(a.X, b.X) < MinX - nearM || Math.Min(a.X, b.X) > MaxX + nearM
                || Math.Max(a.Y, b.Y) < MinY - nearM || Math.Min(a.Y, b.Y) > MaxY + nearM)
            {
                return false;
            }
            var line = Points.AsSpan();
            if (polygon && LocalPlane.InsideRing(a.X, a.Y, line))
            {
                return true;
            }
            double nearSquared = nearM * nearM;
            if (LocalPlane.PolylineDistance(a.X, a.Y, line) <= nearM || LocalPlane.PolylineDistance(b.X, b.Y, line) <= nearM)
            {
                return true;
            }
            foreach (var (px, py) in line)
            {
                if (LocalPlane.SegmentDistanceSquared(px, py, a.X, a.Y, b.X, b.Y, out _) <= nearSquared)
                {
                    return true;
                }
            }
            for (int k = 0; k + 1 < line.Length; k++)
            {
                if (LocalPlane.SegmentsIntersect(a, b, line[k], line[k + 1]))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Douglas-Peucker: the points to keep so that no dropped point lies farther than the tolerance from the result.</summary>
        private static (double X, double Y)[] Simplify(List<(double X, double Y)> points, double toleranceM)
        {
            if (points.Count <= 2)
            {
                return [.. points];
            }
            var keep = new bool[points.Count];
            keep[0] = keep[^1] = true;
            var stack = new Stack<(int From, int To)>();
            stack.Push((0, points.Count - 1));
            double toleranceSquared = toleranceM * toleranceM;
            while (stack.TryPop(out var span))
            {
                int farthest = -1;
                double farthestSquared = toleranceSquared;
                var (ax, ay) = points[span.From];
                var (bx, by) = points[span.To];
                for (int i = span.From + 1; i < span.To; i++)
                {
                    double d = LocalPlane.SegmentDistanceSquared(points[i].X, points[i].Y, ax, ay, bx, by, out _);
                    if (d > farthestSquared)
                    {
                        (farthest, farthestSquared) = (i, d);
                    }
                }
                if (farthest >= 0)
                {
                    keep[farthest] = true;
                    stack.Push((span.From, farthest));
                    stack.Push((farthest, span.To));
                }
            }
            return [.. points.Where((_, i) => keep[i])];
        }
    }
}
