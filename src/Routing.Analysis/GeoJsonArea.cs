using NetTopologySuite.Geometries;

namespace Routing.Analysis;

/// <summary>
/// An isochrone's area as a GeoJSON geometry's type and coordinates ([lon, lat] to 7 decimals, RFC 7946 ring order),
/// shared by our own API and the openrouteservice-compatible one.
/// </summary>
public static class GeoJsonArea
{
    public static (string Type, double[][][][] Polygons) Of(Geometry area) => area switch
    {
        Polygon polygon => ("Polygon", [Rings(polygon)]),
        MultiPolygon multi => ("MultiPolygon", [.. multi.Geometries.Cast<Polygon>().Select(Rings)]),
        _ => throw new InvalidOperationException($"An isochrone is a polygon, not a {area.GeometryType}"),
    };

    /// <summary>The coordinates member: a Polygon's rings, or a MultiPolygon's polygons.</summary>
    public static object Coordinates(string type, double[][][][] polygons) => type == "Polygon" ? polygons[0] : polygons;

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
