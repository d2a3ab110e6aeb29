using Routing.Graph;

namespace Routing.Engine.Routes;

/// <summary>
/// Parts of an edge's polyline between two offsets. Offsets are metres along the shape from the edge's first vertex
/// (<c>EdgeFrom</c>), measured with <see cref="Coordinates.DistanceM(int, int, int, int)"/> exactly as the graph
/// builder measures edge lengths, so an offset of <c>EdgeLengthCm / 100</c> lands on the last vertex.
/// </summary>
internal static class EdgeShape
{
    /// <summary>
    /// How close (metres) an offset may come to a shape point and still count as that point: edge lengths are rounded
    /// to centimetres, and a cut a millimetre before a vertex would add a point indistinguishable from it.
    /// </summary>
    private const double SamePointM = 0.01;

    /// <summary>The edge's points (both ends included) in forward order.</summary>
    public static List<(int LatE7, int LonE7)> PointsOf(RoutingGraph graph, int edge)
    {
        var points = new List<(int LatE7, int LonE7)>();
        graph.AppendArcPoints(edge * 2, points);
        return points;
    }

    /// <summary>The part of the edge from <paramref name="fromOffsetM"/> to <paramref name="toOffsetM"/>, in that order (so backwards when from &gt; to).</summary>
    public static List<GeoPoint> Part(RoutingGraph graph, int edge, double fromOffsetM, double toOffsetM) =>
        Cut(PointsOf(graph, edge), fromOffsetM, toOffsetM);

    /// <summary>
    /// The same part into <paramref name="part"/> (cleared first), reading the edge into <paramref name="edgePoints"/>
    /// and its steps from <paramref name="steps"/>: a route assembles a part per edge, and two scratch lists per route
    /// allocate less than two new lists per edge.
    /// </summary>
    public static void Part(RoutingGraph graph, EdgeStepLengths steps, int edge, double fromOffsetM, double toOffsetM,
        List<(int LatE7, int LonE7)> edgePoints, List<GeoPoint> part)
    {
        edgePoints.Clear();
        graph.AppendArcPoints(edge * 2, edgePoints);
        part.Clear();
        Cut(edgePoints, steps.StepsOf(edge), fromOffsetM, toOffsetM, part);
    }

    /// <summary>The position at an offset along the edge.</summary>
    public static GeoPoint PointAt(RoutingGraph graph, int edge, double offsetM) => PointAt(PointsOf(graph, edge), offsetM);

    /// <summary>
    /// The part of a polyline between two distances along it, both ends included and interpolated; inner points are
    /// the polyline's own points strictly between the two. Distances are clamped to the polyline.
    /// </summary>
    public static List<GeoPoint> Cut(IReadOnlyList<(int LatE7, int LonE7)> points, double fromM, double toM)
    {
        var part = new List<GeoPoint>();
        Cut(points, fromM, toM, part);
        return part;
    }

    /// <summary>The same part, appended to <paramref name="part"/>.</summary>
    public static void Cut(IReadOnlyList<(int LatE7, int LonE7)> points, double fromM, double toM, List<GeoPoint> part)
    {
        // Each step's length once (a haversine each), for the three walks below.
        Span<double> stepsM = points.Count <= 128 ? stackalloc double[points.Count] : new double[points.Count];
        StepLengths(points, stepsM);
        Cut(points, stepsM, fromM, toM, part);
    }

    /// <summary>The same part, appended to <paramref name="part"/>, with the polyline's <see cref="StepLengths"/> given.</summary>
    private static void Cut(IReadOnlyList<(int LatE7, int LonE7)> points, ReadOnlySpan<double> stepsM, double fromM, double toM, List<GeoPoint> part)
    {
        int start = part.Count;
        double lowM = Math.Min(fromM, toM), highM = Math.Max(fromM, toM);
        part.Add(PointAt(points, stepsM, lowM));
        double walkedM = 0;
        for (int i = 1; i < points.Count - 1; i++)
        {
            walkedM += stepsM[i];
            if (walkedM > highM - SamePointM)
            {
                break;
            }
            if (walkedM > lowM + SamePointM)
            {
                part.Add(ToGeo(points[i]));
            }
        }
        part.Add(PointAt(points, stepsM, highM));
        if (fromM > toM)
        {
            part.Reverse(start, part.Count - start);
        }
    }

    /// <summary>The position at a distance along a polyline; the first or last point beyond its ends.</summary>
    public static GeoPoint PointAt(IReadOnlyList<(int LatE7, int LonE7)> points, double distanceM)
    {
        Span<double> stepsM = points.Count <= 128 ? stackalloc double[points.Count] : new double[points.Count];
        StepLengths(points, stepsM);
        return PointAt(points, stepsM, distanceM);
    }

    private static GeoPoint PointAt(IReadOnlyList<(int LatE7, int LonE7)> points, ReadOnlySpan<double> stepsM, double distanceM)
    {
        double walkedM = 0;
        for (int i = 1; i < points.Count; i++)
        {
            double stepM = stepsM[i];
            if (distanceM <= walkedM + SamePointM)
            {
                return ToGeo(points[i - 1]);
            }
            if (distanceM < walkedM + stepM - SamePointM)
            {
                double t = (distanceM - walkedM) / stepM;
                var (a, b) = (points[i - 1], points[i]);
                return new GeoPoint(
                    Coordinates.ToDegrees(a.LatE7) + (t * Coordinates.ToDegrees(b.LatE7 - a.LatE7)),
                    Coordinates.ToDegrees(a.LonE7) + (t * Coordinates.ToDegrees(b.LonE7 - a.LonE7)));
            }
            walkedM += stepM;
        }
        return ToGeo(points[^1]);
    }

    /// <summary>The length of each step of a polyline: <paramref name="stepsM"/>[i] from point i - 1 to point i ([0] is 0).</summary>
    internal static void StepLengths(IReadOnlyList<(int LatE7, int LonE7)> points, Span<double> stepsM)
    {
        if (stepsM.Length > 0)
        {
            stepsM[0] = 0;
        }
        for (int i = 1; i < points.Count; i++)
        {
            stepsM[i] = DistanceM(points[i - 1], points[i]);
        }
    }

    /// <summary>The length of a polyline, as the graph builder measures it.</summary>
    public static double LengthM(IReadOnlyList<(int LatE7, int LonE7)> points)
    {
        double lengthM = 0;
        for (int i = 1; i < points.Count; i++)
        {
            lengthM += DistanceM(points[i - 1], points[i]);
        }
        return lengthM;
    }

    public static GeoPoint ToGeo((int LatE7, int LonE7) point) =>
        new(Coordinates.ToDegrees(point.LatE7), Coordinates.ToDegrees(point.LonE7));

    private static double DistanceM((int LatE7, int LonE7) a, (int LatE7, int LonE7) b) =>
        Coordinates.DistanceM(a.LatE7, a.LonE7, b.LatE7, b.LonE7);
}
