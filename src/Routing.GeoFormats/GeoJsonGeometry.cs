using NetTopologySuite.Geometries;

namespace Routing.GeoFormats;

/// <summary>
/// A GeoJSON geometry as an answer writes it: its type and its coordinates member ([lon, lat] positions, nested as the
/// type wants), the one geometry type of every GeoJSON answer except the route's own line (written on the hot path):
/// isochrones of both doors, audit cells, fix-first points, places, barrier reports, trips' legs, ORS's routes.
/// </summary>
public sealed record GeoJsonGeometry(string Type, object Coordinates)
{
    /// <summary>Positions carry 7 decimals of a degree: about 1 cm, the precision of every position the API answers with.</summary>
    private const int DegreeDecimals = 7;

    /// <summary>A [lon, lat] position to 7 decimals.</summary>
    public static double[] Position(double lat, double lon) => [Math.Round(lon, DegreeDecimals), Math.Round(lat, DegreeDecimals)];

    public static GeoJsonGeometry Point(double lat, double lon) => new("Point", Position(lat, lon));

    /// <param name="positions">[lon, lat] or [lon, lat, elevation] positions as the answer writes them.</param>
    public static GeoJsonGeometry LineString(IReadOnlyList<double[]> positions) => new("LineString", positions);

    /// <summary>A polygon of one ring, as given (a reported area keeps the ring its reporter drew).</summary>
    public static GeoJsonGeometry Polygon(IReadOnlyList<double[]> ring) => new("Polygon", new[] { ring });

    /// <summary>An area (Polygon or MultiPolygon) to 7 decimals, in RFC 7946 ring order.</summary>
    public static GeoJsonGeometry OfArea(NetTopologySuite.Geometries.Geometry area) => area switch
    {
        Polygon polygon => new("Polygon", Rings(polygon)),
        MultiPolygon multi => new("MultiPolygon", multi.Geometries.Cast<Polygon>().Select(Rings).ToArray()),
        _ => throw new ArgumentException($"An area is a polygon, not a {area.GeometryType}", nameof(area)),
    };

    /// <summary>Exterior ring first, then holes; RFC 7946 wants exteriors counter-clockwise and holes clockwise.</summary>
    private static double[][][] Rings(Polygon polygon) =>
        [Ring(polygon.Shell, counterClockwise: true), .. polygon.Holes.Select(hole => Ring(hole, counterClockwise: false))];

    private static double[][] Ring(LinearRing ring, bool counterClockwise)
    {
        var coordinates = ring.Coordinates;
        if (NetTopologySuite.Algorithm.Orientation.IsCCW(coordinates) != counterClockwise)
        {
            coordinates = [.. coordinates.Reverse()];
        }
        return [.. coordinates.Select(c => Position(c.Y, c.X))];
    }
}
