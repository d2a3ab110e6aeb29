using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Routing.GeoFormats;

/// <summary>What is wrong with a GeoJSON geometry's coordinates.</summary>
public enum GeoJsonFault
{
    /// <summary>A polygon's coordinates are not a non-empty list of rings of positions.</summary>
    NotRings,
    /// <summary>A polygon has more than its outer ring.</summary>
    Holes,
    /// <summary>Not a list of positions.</summary>
    NotPositions,
    /// <summary>More positions than the caller allows (<see cref="GeoJsonError.Detail"/>: how many).</summary>
    TooManyPositions,
    /// <summary>Not a position of two or three numbers.</summary>
    NotPosition,
    LongitudeRange,
    LatitudeRange,
    /// <summary>A line without two different positions.</summary>
    LineTooShort,
    /// <summary>A ring without four positions and three different corners.</summary>
    RingTooShort,
    RingNotClosed,
    /// <summary>A ring that crosses or touches itself (<see cref="GeoJsonError.Detail"/>: what and where).</summary>
    RingNotValid,
}

/// <summary>One fault, the field it is at (<c>location.coordinates[0][2]</c>) and, for a position, the position as sent.</summary>
public sealed record GeoJsonError(GeoJsonFault Fault, string Field, JsonElement? Position = null, string? Detail = null)
{
    /// <summary>A coordinate of <see cref="Position"/> as a client wrote it.</summary>
    public string Coordinate(int index) => Position is { } p ? p[index].GetRawText() : "";
}

/// <summary>
/// The one reader of GeoJSON coordinates (RFC 7946) into NetTopologySuite geometries: a point, a line, a polygon of one
/// outer ring, closed and not crossing itself; positions are <c>[lon, lat]</c> (an altitude is allowed and ignored).
/// Each door (barrier reports, ORS's avoid_polygons) says what a fault means in its own words; the rules are here.
/// </summary>
public static class GeoJsonCoordinates
{
    private static readonly GeometryFactory Planar = new();

    public static Point? ReadPoint(JsonElement coordinates, string field, ICollection<GeoJsonError> errors) =>
        ReadPosition(coordinates, field, errors) is { } c ? Planar.CreatePoint(c) : null;

    public static LineString? ReadLine(JsonElement coordinates, string field, int maxPositions, ICollection<GeoJsonError> errors)
    {
        var points = ReadPositions(coordinates, field, maxPositions, errors);
        if (points is null)
        {
            return null;
        }
        if (points.Length < 2 || points.Distinct().Count() < 2)
        {
            errors.Add(new(GeoJsonFault.LineTooShort, field));
            return null;
        }
        return Planar.CreateLineString(points);
    }

    public static Polygon? ReadPolygon(JsonElement coordinates, string field, int maxPositions, ICollection<GeoJsonError> errors)
    {
        if (coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() == 0
            || coordinates.EnumerateArray().Any(ring => ring.ValueKind != JsonValueKind.Array || ring.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.Array)))
        {
            errors.Add(new(GeoJsonFault.NotRings, field));
            return null;
        }
        if (coordinates.GetArrayLength() > 1)
        {
            // A hole would have to let what lies inside it in again; refusing keeps the area exactly what was asked.
            errors.Add(new(GeoJsonFault.Holes, field));
            return null;
        }
        string ringField = field + "[0]";
        var ring = ReadPositions(coordinates[0], ringField, maxPositions, errors);
        if (ring is null)
        {
            return null;
        }
        if (ring.Length < 4 || ring.Distinct().Count() < 3)
        {
            errors.Add(new(GeoJsonFault.RingTooShort, ringField));
            return null;
        }
        if (!ring[0].Equals2D(ring[^1]))
        {
            errors.Add(new(GeoJsonFault.RingNotClosed, ringField));
            return null;
        }
        var polygon = Planar.CreatePolygon(ring);
        if (!polygon.IsValid)
        {
            var problem = new IsValidOp(polygon).ValidationError;
            errors.Add(new(GeoJsonFault.RingNotValid, ringField, Detail: string.Create(CultureInfo.InvariantCulture,
                $"{problem?.Message.ToLowerInvariant() ?? "invalid"} near {problem?.Coordinate.Y:F6}, {problem?.Coordinate.X:F6}")));
            return null;
        }
        return polygon;
    }

    private static Coordinate[]? ReadPositions(JsonElement array, string field, int maxPositions, ICollection<GeoJsonError> errors)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(GeoJsonFault.NotPositions, field));
            return null;
        }
        if (array.GetArrayLength() > maxPositions)
        {
            errors.Add(new(GeoJsonFault.TooManyPositions, field, Detail: array.GetArrayLength().ToString(CultureInfo.InvariantCulture)));
            return null;
        }
        var points = new List<Coordinate>(array.GetArrayLength());
        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (ReadPosition(item, $"{field}[{index}]", errors) is { } point)
            {
                points.Add(point);
            }
            index++;
        }
        return points.Count == index ? [.. points] : null;
    }

    private static Coordinate? ReadPosition(JsonElement position, string field, ICollection<GeoJsonError> errors)
    {
        int length = position.ValueKind == JsonValueKind.Array ? position.GetArrayLength() : 0;
        if (length is < 2 or > 3 || position.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
        {
            errors.Add(new(GeoJsonFault.NotPosition, field, position));
            return null;
        }
        if (!position[0].TryGetDouble(out double lon) || !double.IsFinite(lon) || lon is < -180 or > 180)
        {
            errors.Add(new(GeoJsonFault.LongitudeRange, field, position));
            return null;
        }
        if (!position[1].TryGetDouble(out double lat) || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            errors.Add(new(GeoJsonFault.LatitudeRange, field, position));
            return null;
        }
        return new Coordinate(lon, lat);
    }
}
