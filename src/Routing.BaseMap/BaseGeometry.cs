using NetTopologySuite.Geometries;

namespace Routing.BaseMap;

/// <summary>A feature's parts (1e-7 degrees, longitude first) as NetTopologySuite geometries in degrees.</summary>
internal static class BaseGeometry
{
    public static Geometry Of(GeometryFactory factory, BaseFeature feature) => feature.Layer switch
    {
        BaseLayer.Labels => factory.CreatePoint(new Coordinate(feature.Parts[0][0] / 1e7, feature.Parts[0][1] / 1e7)),
        _ when feature.IsPolygon => Polygon(factory, feature.Parts),
        _ => factory.CreateLineString(Coordinates(feature.Parts[0])),
    };

    /// <summary>The first ring is the outline, the rest its holes.</summary>
    public static Polygon Polygon(GeometryFactory factory, int[][] rings) =>
        factory.CreatePolygon(factory.CreateLinearRing(Coordinates(rings[0])), [.. rings.Skip(1).Select(hole => factory.CreateLinearRing(Coordinates(hole)))]);

    private static Coordinate[] Coordinates(int[] part)
    {
        var coordinates = new Coordinate[part.Length / 2];
        for (int i = 0; i < coordinates.Length; i++)
        {
            coordinates[i] = new Coordinate(part[2 * i] / 1e7, part[(2 * i) + 1] / 1e7);
        }
        return coordinates;
    }
}
