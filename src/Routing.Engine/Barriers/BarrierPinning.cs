using Routing.Graph;
using Routing.Graph.Facts;

namespace Routing.Engine.Barriers;

/// <summary>The graph elements a report's geometry was pinned to (graph indices), and for a point where.</summary>
internal sealed record PinnedElements(int[] Edges, int[] Vertices, GeoPoint? Point, double? DistanceM)
{
    public static PinnedElements None { get; } = new([], [], null, null);

    public BarrierPin ToPin(RoutingGraph graph) => new(
        [.. Edges.Select(e => graph.EdgeOsmWayId[e]).Distinct()],
        [.. Vertices.Select(v => graph.VertexOsmNodeId[v]).Distinct()],
        Point,
        DistanceM);
}

/// <summary>
/// Pins a report's geometry to the graph, independent of any profile (a report on a staircase still concerns the
/// staircase):
/// <list type="bullet">
/// <item>A point of a node-like kind (kerbs, elevators, <c>other</c>) goes to the nearest vertex within
/// <see cref="VertexM"/> (for kerb kinds a vertex with a kerb or crossing is preferred), else to the nearest edge
/// within <see cref="EdgeM"/>. A broken elevator also takes every elevator edge and elevator vertex within
/// <see cref="ElevatorM"/>; when there are such, they alone are pinned (the footway beside an elevator is not broken).</item>
/// <item>A point of a way-like kind (construction, blocked path, narrow passage) goes to a vertex only when it lies
/// on it (within <see cref="AtVertexM"/>: blocking a junction blocks every way through it), else to the nearest edge;
/// a steep ramp or damaged surface always to the nearest edge. Edges lying on top of the nearest one there are
/// pinned with it.</item>
/// <item>A line takes every edge that runs along it: the part of the edge within <see cref="LineM"/> of the line is
/// at least half the edge or <see cref="LineMinAlongM"/>, so ways that only meet or cross the line stay free.</item>
/// <item>A polygon takes every vertex inside it and every edge whose part inside is at least half the edge or
/// <see cref="PolygonMinInsideM"/>: a way crossing the area is pinned, a way that merely starts at a blocked vertex
/// inside stays reachable up to the border.</item>
/// </list>
/// Nothing near: nothing pinned, and the report has no effect.
/// </summary>
internal static class BarrierPinning
{
    public const double VertexM = 8;
    public const double AtVertexM = 2;
    public const double EdgeM = 30;
    public const double ElevatorM = 15;
    /// <summary>
    /// A live elevator's point is the element it was matched to (<see cref="NearestElevator"/>), so it pins only the
    /// elevator elements at that point: a station's next elevator, metres away, keeps running.
    /// </summary>
    public const double LiveElevatorM = 0.5;
    public const double LineM = 5;
    public const double LineMinAlongM = 8;
    public const double PolygonMinInsideM = 5;
    /// <summary>Edges this much farther from a reported point than the nearest one still lie on top of it.</summary>
    public const double OverlapM = 0.2;

    /// <summary>Edges are measured in steps of at most this many metres when lines and polygons are pinned.</summary>
    private const double SampleStepM = 1;

    /// <summary>What the geometry pins to; nothing for a missing or unusable geometry (no points, not finite, beyond the poles).</summary>
    public static PinnedElements Pin(BarrierGeometryIndex index, BarrierGeometry? geometry, ReportedBarrierKind kind, bool live = false)
    {
        if (geometry?.Points is not { Count: > 0 } points
            || points.Any(p => !double.IsFinite(p.Lat) || !double.IsFinite(p.Lon) || Math.Abs(p.Lat) > 89))
        {
            return PinnedElements.None;
        }
        return geometry.Type switch
        {
            BarrierGeometryType.Point when live => PinElevators(index, points[0], new LocalPlane(points[0]), LiveElevatorM) ?? PinnedElements.None,
            BarrierGeometryType.Point => PinPoint(index, points[0], kind),
            BarrierGeometryType.LineString => PinLine(index, points),
            BarrierGeometryType.Polygon => PinPolygon(index, points),
            _ => PinnedElements.None,
        };
    }

    private static PinnedElements PinPoint(BarrierGeometryIndex index, GeoPoint point, ReportedBarrierKind kind)
    {
        var graph = index.Graph;
        var plane = new LocalPlane(point);
        if (kind == ReportedBarrierKind.ElevatorOutOfService && PinElevators(index, point, plane, ElevatorM) is { } elevators)
        {
            return elevators;
        }
        double vertexM = kind switch
        {
            ReportedBarrierKind.MissingKerbRamp or ReportedBarrierKind.HighKerb or ReportedBarrierKind.ElevatorOutOfService
                or ReportedBarrierKind.Other => VertexM,
            ReportedBarrierKind.Construction or ReportedBarrierKind.BlockedPath or ReportedBarrierKind.NarrowPassage => AtVertexM,
            _ => -1,
        };
        if (vertexM >= 0)
        {
            Func<int, bool>? preferred = kind is ReportedBarrierKind.MissingKerbRamp or ReportedBarrierKind.HighKerb
                ? v => graph.ClassOfVertex(v) is var node && (node.Kerb != KerbKind.None || node.Crossing != CrossingKind.None)
                : null;
            var (vertex, distanceM) = NearestVertex(index, point, plane, vertexM, preferred);
            if (vertex < 0 && preferred is not null)
            {
                (vertex, distanceM) = NearestVertex(index, point, plane, vertexM, null);
            }
            if (vertex >= 0)
            {
                return new PinnedElements([], [vertex], GeoPoint.OfVertex(graph, vertex), distanceM);
            }
        }
        var (edges, onEdge) = NearestEdges(index, point, plane, EdgeM);
        return edges.Length == 0
            ? PinnedElements.None
            : new PinnedElements(edges, [], onEdge, Coordinates.DistanceM(point.Lat, point.Lon, onEdge.Lat, onEdge.Lon));
    }

    /// <summary>
    /// The one elevator edge or vertex within <paramref name="radiusM"/> of <paramref name="point"/> that an equipment
    /// on <paramref name="level"/> (null: unknown) stands for, by <see cref="ElevatorLevelRule"/>, with the point on it and
    /// how its levels agree; null when there is none.
    /// </summary>
    public static (PinnedElements Pinned, LevelAgreement Agreement, ElementLevel[] Levels)? NearestElevator(
        BarrierGeometryIndex index, GeoPoint point, double radiusM, double? level)
    {
        if (!double.IsFinite(point.Lat) || !double.IsFinite(point.Lon) || Math.Abs(point.Lat) > 89 || !(radiusM >= 0))
        {
            return null;
        }
        var graph = index.Graph;
        int bestElement = -1;
        bool bestIsNode = false;
        var bestAgreement = LevelAgreement.Different;
        double bestM = double.PositiveInfinity;
        GeoPoint bestPoint = default;
        foreach (var (element, isNode, distanceM, nearest) in ElevatorsNear(index, new LocalPlane(point), radiusM))
        {
            var agreement = ElevatorLevelRule.Agreement(level, isNode ? graph.LevelsOfVertex(element) : graph.LevelsOfEdge(element));
            if (bestElement < 0 || ElevatorLevelRule.Beats(agreement, distanceM, isNode, bestAgreement, bestM, bestIsNode))
            {
                (bestElement, bestIsNode, bestAgreement, bestM, bestPoint) = (element, isNode, agreement, distanceM, nearest);
            }
        }
        if (bestElement < 0)
        {
            return null;
        }
        double reportedM = Coordinates.DistanceM(point.Lat, point.Lon, bestPoint.Lat, bestPoint.Lon);
        return bestIsNode
            ? (new PinnedElements([], [bestElement], bestPoint, reportedM), bestAgreement, graph.LevelsOfVertex(bestElement).ToArray())
            : (new PinnedElements([bestElement], [], bestPoint, reportedM), bestAgreement, graph.LevelsOfEdge(bestElement).ToArray());
    }

    /// <summary>Every elevator edge and vertex within <paramref name="radiusM"/>; null when there is none.</summary>
    private static PinnedElements? PinElevators(BarrierGeometryIndex index, GeoPoint point, LocalPlane plane, double radiusM)
    {
        var edges = new List<int>();
        var vertices = new List<int>();
        double bestM = double.PositiveInfinity;
        GeoPoint bestPoint = default;
        foreach (var (element, isNode, distanceM, nearest) in ElevatorsNear(index, plane, radiusM))
        {
            (isNode ? vertices : edges).Add(element);
            if (distanceM < bestM)
            {
                (bestM, bestPoint) = (distanceM, nearest);
            }
        }
        if (edges.Count == 0 && vertices.Count == 0)
        {
            return null;
        }
        return new PinnedElements([.. edges], [.. vertices], bestPoint, Coordinates.DistanceM(point.Lat, point.Lon, bestPoint.Lat, bestPoint.Lon));
    }

    /// <summary>
    /// The elevator edges, then the elevator vertices, within <paramref name="radiusM"/> of the plane's origin: each with
    /// its distance and its point nearest the origin.
    /// </summary>
    private static IEnumerable<(int Element, bool IsNode, double DistanceM, GeoPoint Nearest)> ElevatorsNear(
        BarrierGeometryIndex index, LocalPlane plane, double radiusM)
    {
        var graph = index.Graph;
        var (minLat, minLon, maxLat, maxLon) = Box(plane, [(0, 0)], radiusM);
        foreach (int edge in index.EdgesNear(minLat, minLon, maxLat, maxLon))
        {
            if (!graph.ClassOfEdge(edge).IsElevator)
            {
                continue;
            }
            var (distanceM, nearest) = EdgeDistance(index, edge, plane);
            if (distanceM <= radiusM)
            {
                yield return (edge, false, distanceM, nearest);
            }
        }
        foreach (int vertex in index.VerticesNear(minLat, minLon, maxLat, maxLon))
        {
            if (!graph.ClassOfVertex(vertex).Has(NodeFlags.Elevator))
            {
                continue;
            }
            var (x, y) = plane.ProjectE7(graph.VertexLatE7[vertex], graph.VertexLonE7[vertex]);
            double distanceM = Math.Sqrt((x * x) + (y * y));
            if (distanceM <= radiusM)
            {
                yield return (vertex, true, distanceM, GeoPoint.OfVertex(graph, vertex));
            }
        }
    }

    private static PinnedElements PinLine(BarrierGeometryIndex index, IReadOnlyList<GeoPoint> points)
    {
        var plane = new LocalPlane(points[0]);
        var line = points.Select(plane.Project).ToArray();
        var (minLat, minLon, maxLat, maxLon) = Box(plane, line, LineM);
        var edges = new List<int>();
        foreach (int edge in index.EdgesNear(minLat, minLon, maxLat, maxLon))
        {
            var (coveredM, totalM) = Coverage(index, edge, plane, (ax, ay, bx, by, lengthM) => SampledM(ax, ay, bx, by, lengthM,
                (x, y) => LocalPlane.PolylineDistance(x, y, line) <= LineM));
            if (Pinned(coveredM, totalM, LineMinAlongM))
            {
                edges.Add(edge);
            }
        }
        return new PinnedElements([.. edges], [], null, null);
    }

    private static PinnedElements PinPolygon(BarrierGeometryIndex index, IReadOnlyList<GeoPoint> points)
    {
        var graph = index.Graph;
        var plane = new LocalPlane(points[0]);
        var ring = points.Select(plane.Project).ToArray();
        if (ring.Distinct().Count() < 3)
        {
            return PinnedElements.None;
        }
        var (minLat, minLon, maxLat, maxLon) = Box(plane, ring, 0);
        var edges = new List<int>();
        var cuts = new double[ring.Length + 2];
        foreach (int edge in index.EdgesNear(minLat, minLon, maxLat, maxLon))
        {
            var (insideM, totalM) = Coverage(index, edge, plane, (ax, ay, bx, by, lengthM) => InsideRingM(ax, ay, bx, by, lengthM, ring, cuts));
            if (Pinned(insideM, totalM, PolygonMinInsideM))
            {
                edges.Add(edge);
            }
        }
        var vertices = new List<int>();
        foreach (int vertex in index.VerticesNear(minLat, minLon, maxLat, maxLon))
        {
            var (x, y) = plane.ProjectE7(graph.VertexLatE7[vertex], graph.VertexLonE7[vertex]);
            if (LocalPlane.InsideRing(x, y, ring))
            {
                vertices.Add(vertex);
            }
        }
        return new PinnedElements([.. edges], [.. vertices], null, null);
    }

    /// <summary>An edge is pinned when the covered part is at least half of it, or at least <paramref name="enoughM"/>.</summary>
    private static bool Pinned(double coveredM, double totalM, double enoughM) =>
        coveredM > 0 && (coveredM >= 0.5 * totalM || coveredM >= enoughM);

    /// <summary>
    /// How many metres of the edge <paramref name="coveredM"/> finds covered, step by step of its shape, and its whole
    /// length; an edge of no length is covered when its point is (a step of no length, covered or not).
    /// </summary>
    private static (double CoveredM, double TotalM) Coverage(BarrierGeometryIndex index, int edge, LocalPlane plane, StepCoverage coveredM)
    {
        var lat = index.PointLatE7;
        var lon = index.PointLonE7;
        int first = index.FirstPoint(edge), last = index.FirstPoint(edge + 1) - 1;
        double covered = 0, totalM = 0;
        var (ax, ay) = plane.ProjectE7(lat[first], lon[first]);
        for (int b = first + 1; b <= last; b++)
        {
            var (bx, by) = plane.ProjectE7(lat[b], lon[b]);
            double lengthM = Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay)));
            covered += coveredM(ax, ay, bx, by, lengthM);
            totalM += lengthM;
            (ax, ay) = (bx, by);
        }
        if (totalM <= 0)
        {
            var (x, y) = plane.ProjectE7(lat[first], lon[first]);
            return coveredM(x, y, x, y, 0) > 0 ? (double.Epsilon, 0) : (0, 0);
        }
        return (covered, totalM);
    }

    /// <summary>The metres of the step a-b (<paramref name="lengthM"/> long) that are covered.</summary>
    private delegate double StepCoverage(double ax, double ay, double bx, double by, double lengthM);

    /// <summary>
    /// Covered metres measured at the middles of sub-steps of at most <see cref="SampleStepM"/>: for coverage with no
    /// boundary to intersect (nearness to a line). A step of no length counts as covered when its point is.
    /// </summary>
    private static double SampledM(double ax, double ay, double bx, double by, double lengthM, Func<double, double, bool> covered)
    {
        if (lengthM <= 0)
        {
            return covered(ax, ay) ? double.Epsilon : 0;
        }
        int steps = Math.Max(1, (int)Math.Ceiling(lengthM / SampleStepM));
        double coveredM = 0;
        for (int k = 0; k < steps; k++)
        {
            double t = (k + 0.5) / steps;
            if (covered(ax + (t * (bx - ax)), ay + (t * (by - ay))))
            {
                coveredM += lengthM / steps;
            }
        }
        return coveredM;
    }

    /// <summary>
    /// The metres of the step a-b inside the ring, exactly: the step is cut where it crosses the ring, and each piece is
    /// wholly inside or outside, so one test at its middle decides it. An avoid area of a request is pinned this way on
    /// every request, so it must not cost a test per metre of every way in the area. A step of no length counts as
    /// inside when its point is.
    /// </summary>
    /// <param name="cuts">Scratch space for the cuts: the ring's length plus two.</param>
    private static double InsideRingM(double ax, double ay, double bx, double by, double lengthM, (double X, double Y)[] ring, double[] cuts)
    {
        if (lengthM <= 0)
        {
            return LocalPlane.InsideRing(ax, ay, ring) ? double.Epsilon : 0;
        }
        int count = 0;
        cuts[count++] = 0;
        cuts[count++] = 1;
        double ex = bx - ax, ey = by - ay;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            double fx = ring[i].X - ring[j].X, fy = ring[i].Y - ring[j].Y;
            double denominator = (ex * fy) - (ey * fx);
            if (denominator == 0)
            {
                continue; // parallel: the pieces around it are decided at their middles anyway
            }
            double gx = ring[j].X - ax, gy = ring[j].Y - ay;
            double t = ((gx * fy) - (gy * fx)) / denominator;
            double u = ((gx * ey) - (gy * ex)) / denominator;
            if (t > 0 && t < 1 && u >= 0 && u <= 1)
            {
                cuts[count++] = t;
            }
        }
        var all = cuts.AsSpan(0, count);
        all.Sort();
        double insideM = 0;
        for (int k = 0; k + 1 < all.Length; k++)
        {
            double middle = (all[k] + all[k + 1]) / 2;
            if (all[k + 1] > all[k] && LocalPlane.InsideRing(ax + (middle * ex), ay + (middle * ey), ring))
            {
                insideM += (all[k + 1] - all[k]) * lengthM;
            }
        }
        return insideM;
    }

    private static (int Vertex, double DistanceM) NearestVertex(BarrierGeometryIndex index, GeoPoint point, LocalPlane plane, double radiusM,
        Func<int, bool>? accept)
    {
        var graph = index.Graph;
        var (minLat, minLon, maxLat, maxLon) = Box(plane, [(0, 0)], radiusM);
        int best = -1;
        double bestSquared = radiusM * radiusM;
        foreach (int vertex in index.VerticesNear(minLat, minLon, maxLat, maxLon))
        {
            var (x, y) = plane.ProjectE7(graph.VertexLatE7[vertex], graph.VertexLonE7[vertex]);
            double squared = (x * x) + (y * y);
            if (squared <= bestSquared && (best < 0 || squared < bestSquared) && (accept is null || accept(vertex)))
            {
                (best, bestSquared) = (vertex, squared);
            }
        }
        if (best < 0)
        {
            return (-1, double.PositiveInfinity);
        }
        var at = GeoPoint.OfVertex(graph, best);
        return (best, Coordinates.DistanceM(point.Lat, point.Lon, at.Lat, at.Lon));
    }

    /// <summary>
    /// The nearest edge within the radius, with every edge that overlaps it there (within <see cref="OverlapM"/> as
    /// near): where ways lie on top of each other, such as crossings of a square between entries in a line, whoever
    /// reports the spot means all of them.
    /// </summary>
    private static (int[] Edges, GeoPoint Point) NearestEdges(BarrierGeometryIndex index, GeoPoint point, LocalPlane plane, double radiusM)
    {
        var (minLat, minLon, maxLat, maxLon) = Box(plane, [(0, 0)], radiusM);
        var candidates = new List<(int Edge, double DistanceM)>();
        double bestM = double.PositiveInfinity;
        GeoPoint bestPoint = default;
        foreach (int edge in index.EdgesNear(minLat, minLon, maxLat, maxLon))
        {
            var (distanceM, nearest) = EdgeDistance(index, edge, plane);
            if (distanceM > radiusM)
            {
                continue;
            }
            candidates.Add((edge, distanceM));
            if (distanceM < bestM)
            {
                (bestM, bestPoint) = (distanceM, nearest);
            }
        }
        return ([.. candidates.Where(c => c.DistanceM <= bestM + OverlapM).Select(c => c.Edge)], bestPoint);
    }

    /// <summary>Distance from the plane's centre to the edge's shape, and the nearest point on it.</summary>
    private static (double DistanceM, GeoPoint Nearest) EdgeDistance(BarrierGeometryIndex index, int edge, LocalPlane plane)
    {
        var lat = index.PointLatE7;
        var lon = index.PointLonE7;
        int first = index.FirstPoint(edge), last = index.FirstPoint(edge + 1) - 1;
        double bestSquared = double.PositiveInfinity;
        double nearestX = 0, nearestY = 0;
        var (ax, ay) = plane.ProjectE7(lat[first], lon[first]);
        if (first == last)
        {
            return (Math.Sqrt((ax * ax) + (ay * ay)), plane.Unproject(ax, ay));
        }
        for (int b = first + 1; b <= last; b++)
        {
            var (bx, by) = plane.ProjectE7(lat[b], lon[b]);
            double squared = LocalPlane.SegmentDistanceSquared(0, 0, ax, ay, bx, by, out double t);
            if (squared < bestSquared)
            {
                (bestSquared, nearestX, nearestY) = (squared, ax + (t * (bx - ax)), ay + (t * (by - ay)));
            }
            (ax, ay) = (bx, by);
        }
        return (Math.Sqrt(bestSquared), plane.Unproject(nearestX, nearestY));
    }

    /// <summary>The box (degrees) around projected points grown by a margin, with a metre to spare for rounding.</summary>
    private static (double MinLat, double MinLon, double MaxLat, double MaxLon) Box(LocalPlane plane, ReadOnlySpan<(double X, double Y)> points, double marginM)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        foreach (var (x, y) in points)
        {
            (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
        }
        double m = marginM + 1;
        var low = plane.Unproject(minX - m, minY - m);
        var high = plane.Unproject(maxX + m, maxY + m);
        return (low.Lat, low.Lon, high.Lat, high.Lon);
    }
}
