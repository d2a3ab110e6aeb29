using NetTopologySuite.Geometries;

namespace Routing.GeoFormats;

/// <summary>
/// A GeoJSON geometry as an answer writes it: its type and its coordinates member ([lon, lat] positions, nested as the
/// type wants). Isochrones of both doors, audit cells and fix-first points are written through it.
/// </summary>
public sealed record GeoJsonGeometry(string Type, object Coordinates)
{
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
        return [.. coordinates.Select(c => new[] { Math.Round(c.X, 7), Math.Round(c.Y, 7) })];
    }
}
