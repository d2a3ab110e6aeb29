using Routing.Engine;
using Routing.Engine.Barriers;

namespace Routing.Barriers;

/// <summary>A WGS 84 bounding box in degrees.</summary>
public readonly record struct GeoBounds(double MinLat, double MinLon, double MaxLat, double MaxLon)
{
    public static GeoBounds Of(BarrierGeometry geometry) => Of(geometry.Points);

    public static GeoBounds Of(IReadOnlyList<GeoPoint> points)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("no points", nameof(points));
        }
        double minLat = double.MaxValue, minLon = double.MaxValue, maxLat = double.MinValue, maxLon = double.MinValue;
        foreach (var p in points)
        {
            minLat = Math.Min(minLat, p.Lat);
            minLon = Math.Min(minLon, p.Lon);
            maxLat = Math.Max(maxLat, p.Lat);
            maxLon = Math.Max(maxLon, p.Lon);
        }
        return new GeoBounds(minLat, minLon, maxLat, maxLon);
    }

    public bool Intersects(GeoBounds other) =>
        MinLat <= other.MaxLat && other.MinLat <= MaxLat && MinLon <= other.MaxLon && other.MinLon <= MaxLon;

    public bool Contains(GeoPoint point) => point.Lat >= MinLat && point.Lat <= MaxLat && point.Lon >= MinLon && point.Lon <= MaxLon;

    /// <summary>The diagonal in metres (equirectangular; fine at city scale).</summary>
    public double DiagonalM
    {
        get
        {
            const double metresPerDegree = 111_195;
            double x = (MaxLon - MinLon) * Math.Cos((MinLat + MaxLat) / 2 * Math.PI / 180);
            double y = MaxLat - MinLat;
            return Math.Sqrt((x * x) + (y * y)) * metresPerDegree;
        }
    }
}
