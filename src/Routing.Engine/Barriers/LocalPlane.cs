using Routing.Graph;

namespace Routing.Engine.Barriers;

/// <summary>
/// A local equirectangular projection in metres centred on one point: x east, y north. Within a few kilometres of
/// the centre its distances agree with the sphere's to well under a decimetre, which is all that pinning a report to
/// a way, telling whether a route passes one, or drawing an isochrone needs.
/// </summary>
public readonly struct LocalPlane
{
    /// <summary>The sphere of <see cref="Coordinates.DistanceM(double, double, double, double)"/>, so both agree.</summary>
    public const double MetresPerDegree = Coordinates.MetresPerDegree;

    private readonly double _lat0;
    private readonly double _lon0;
    private readonly double _metresPerLonDegree;

    public LocalPlane(GeoPoint centre)
    {
        _lat0 = centre.Lat;
        _lon0 = centre.Lon;
        _metresPerLonDegree = MetresPerDegree * Math.Cos(centre.Lat * (Math.PI / 180));
    }

    public (double X, double Y) Project(GeoPoint point) =>
        ((point.Lon - _lon0) * _metresPerLonDegree, (point.Lat - _lat0) * MetresPerDegree);

    public (double X, double Y) ProjectE7(int latE7, int lonE7) =>
        Project(new GeoPoint(Coordinates.ToDegrees(latE7), Coordinates.ToDegrees(lonE7)));

    public GeoPoint Unproject(double x, double y) =>
        new(_lat0 + (y / MetresPerDegree), _lon0 + (_metresPerLonDegree > 0 ? x / _metresPerLonDegree : 0));

    /// <summary>Squared distance from p to the segment a-b, and where along it (0..1) the nearest point lies.</summary>
    public static double SegmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by, out double t)
    {
        double ex = bx - ax, ey = by - ay;
        double lengthSquared = (ex * ex) + (ey * ey);
        t = lengthSquared > 0 ? Math.Clamp((((px - ax) * ex) + ((py - ay) * ey)) / lengthSquared, 0, 1) : 0;
        double dx = ax + (t * ex) - px, dy = ay + (t * ey) - py;
        return (dx * dx) + (dy * dy);
    }

    /// <summary>Distance from p to a polyline (one point is a polyline too); +infinity for no points.</summary>
    public static double PolylineDistance(double px, double py, ReadOnlySpan<(double X, double Y)> line)
    {
        if (line.Length == 0)
        {
            return double.PositiveInfinity;
        }
        if (line.Length == 1)
        {
            return Math.Sqrt(((line[0].X - px) * (line[0].X - px)) + ((line[0].Y - py) * (line[0].Y - py)));
        }
        double best = double.PositiveInfinity;
        for (int i = 0; i + 1 < line.Length; i++)
        {
            best = Math.Min(best, SegmentDistanceSquared(px, py, line[i].X, line[i].Y, line[i + 1].X, line[i + 1].Y, out _));
        }
        return Math.Sqrt(best);
    }

    /// <summary>Whether p lies inside the ring (even-odd rule; the ring may or may not repeat its first point).</summary>
    public static bool InsideRing(double px, double py, ReadOnlySpan<(double X, double Y)> ring)
    {
        bool inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > py) != (yj > py) && px < ((xj - xi) * (py - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }
        return inside;
    }

    /// <summary>Whether the segments p1-p2 and q1-q2 cross (touching is left to the distance tests).</summary>
    public static bool SegmentsIntersect((double X, double Y) p1, (double X, double Y) p2, (double X, double Y) q1, (double X, double Y) q2)
    {
        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
            ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
        double d1 = Cross(q1, q2, p1), d2 = Cross(q1, q2, p2), d3 = Cross(p1, p2, q1), d4 = Cross(p1, p2, q2);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }
}
