namespace Routing.Osm.Import;

/// <summary>
/// Makes pedestrian areas (squares, <c>highway=pedestrian</c> + <c>area=yes</c>) crossable: two entry points of an
/// area are linked by a straight edge when that line stays inside the outline. Without this a route would walk
/// around the edge of every square.
/// </summary>
internal static class PedestrianAreaCrossings
{
    /// <summary>Beyond this many entries an area is only walkable along its outline, to bound the quadratic pair test.</summary>
    public const int MaxEntriesPerArea = 120;

    /// <summary>
    /// Pairs of entry positions (indices into the ring) whose connecting line lies inside the polygon.
    /// The ring is closed: its last point equals its first.
    /// </summary>
    public static List<(int A, int B)> VisiblePairs(ReadOnlySpan<int> ringLatE7, ReadOnlySpan<int> ringLonE7, IReadOnlyList<int> entries)
    {
        var pairs = new List<(int, int)>();
        int points = ringLatE7.Length;
        if (points < 4 || entries.Count < 2 || entries.Count > MaxEntriesPerArea)
        {
            return pairs;
        }
        // Local planar coordinates: good to centimetres over the size of a square.
        double cosLat = Math.Cos(ringLatE7[0] / 1e7 * Math.PI / 180);
        var x = new double[points];
        var y = new double[points];
        for (int i = 0; i < points; i++)
        {
            x[i] = ringLonE7[i] / 1e7 * cosLat;
            y[i] = ringLatE7[i] / 1e7;
        }
        for (int i = 0; i < entries.Count; i++)
        {
            for (int j = i + 1; j < entries.Count; j++)
            {
                int a = entries[i], b = entries[j];
                if (AreRingNeighbours(a, b, points - 1))
                {
                    continue; // the outline already links them
                }
                if (IsInside(x, y, a, b))
                {
                    pairs.Add((a, b));
                }
            }
        }
        return pairs;
    }

    private static bool AreRingNeighbours(int a, int b, int ringSize)
    {
        int d = Math.Abs(a - b);
        return d == 1 || d == ringSize - 1;
    }

    private static bool IsInside(double[] x, double[] y, int a, int b)
    {
        double ax = x[a], ay = y[a], bx = x[b], by = y[b];
        for (int s = 0; s < x.Length - 1; s++)
        {
            int t = s + 1;
            bool touchesEnd = s == a || t == a || s == b || t == b
                              || (x[s] == ax && y[s] == ay) || (x[t] == bx && y[t] == by)
                              || (x[s] == bx && y[s] == by) || (x[t] == ax && y[t] == ay);
            if (!touchesEnd && SegmentsCross(ax, ay, bx, by, x[s], y[s], x[t], y[t]))
            {
                return false;
            }
        }
        return ContainsPoint(x, y, (ax + bx) / 2, (ay + by) / 2);
    }

    /// <summary>True when the segments cross or touch: a line that grazes a corner of the outline may leave the area.</summary>
    private static bool SegmentsCross(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        double d1 = Cross(cx, cy, dx, dy, ax, ay);
        double d2 = Cross(cx, cy, dx, dy, bx, by);
        double d3 = Cross(ax, ay, bx, by, cx, cy);
        double d4 = Cross(ax, ay, bx, by, dx, dy);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }
        return (d1 == 0 && WithinBox(cx, cy, dx, dy, ax, ay)) || (d2 == 0 && WithinBox(cx, cy, dx, dy, bx, by))
               || (d3 == 0 && WithinBox(ax, ay, bx, by, cx, cy)) || (d4 == 0 && WithinBox(ax, ay, bx, by, dx, dy));
    }

    private static bool WithinBox(double ax, double ay, double bx, double by, double px, double py) =>
        px >= Math.Min(ax, bx) && px <= Math.Max(ax, bx) && py >= Math.Min(ay, by) && py <= Math.Max(ay, by);

    private static double Cross(double ox, double oy, double px, double py, double qx, double qy) =>
        ((px - ox) * (qy - oy)) - ((py - oy) * (qx - ox));

    /// <summary>Even-odd ray casting.</summary>
    private static bool ContainsPoint(double[] x, double[] y, double px, double py)
    {
        bool inside = false;
        for (int i = 0, j = x.Length - 2; i < x.Length - 1; j = i++)
        {
            if ((y[i] > py) != (y[j] > py) && px < ((x[j] - x[i]) * (py - y[i]) / (y[j] - y[i])) + x[i])
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
