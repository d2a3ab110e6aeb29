using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Routing.Engine;
using Routing.Engine.Barriers;

namespace Routing.Barriers;

/// <summary>
/// Reads and writes a report's location as a GeoJSON geometry (RFC 7946): <c>Point</c>, <c>LineString</c> or
/// <c>Polygon</c> (one outer ring, closed, no holes); positions are <c>[lon, lat]</c> (an altitude is allowed and
/// ignored). Reading says what is wrong in words a client understands, by field.
/// </summary>
public static class BarrierGeoJson
{
    private static readonly string[] OtherGeoJsonTypes = ["MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection", "Feature", "FeatureCollection"];

    /// <summary>Reads a geometry; on failure adds (field, message) pairs under <paramref name="field"/> and returns null.</summary>
    public static BarrierGeometry? TryRead(JsonElement element, string field, ICollection<KeyValuePair<string, string>> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(field, "must be a GeoJSON geometry object: {\"type\": \"Point\", \"coordinates\": [lon, lat]} (or a LineString or Polygon)"));
            return null;
        }
        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(field + ".type", "is required: Point, LineString or Polygon"));
            return null;
        }
        string type = typeElement.GetString()!;
        BarrierGeometryType? geometryType = type switch
        {
            "Point" => BarrierGeometryType.Point,
            "LineString" => BarrierGeometryType.LineString,
            "Polygon" => BarrierGeometryType.Polygon,
            _ => null,
        };
        if (geometryType is not { } kind)
        {
            errors.Add(new(field + ".type", OtherGeoJsonTypes.Contains(type, StringComparer.Ordinal)
                ? $"must be Point, LineString or Polygon; {type} is not supported (send one report per part)"
                : "must be Point, LineString or Polygon (GeoJSON type names are case-sensitive)"));
            return null;
        }
        string coordinatesField = field + ".coordinates";
        if (!element.TryGetProperty("coordinates", out var coordinates))
        {
            errors.Add(new(coordinatesField, "is required"));
            return null;
        }
        int before = errors.Count;
        List<GeoPoint>? points = kind switch
        {
            BarrierGeometryType.Point => ReadPosition(coordinates, coordinatesField, errors) is { } p ? [p] : null,
            BarrierGeometryType.LineString => ReadLine(coordinates, coordinatesField, errors),
            _ => ReadPolygon(coordinates, coordinatesField, errors),
        };
        if (points is null || errors.Count > before)
        {
            return null;
        }
        if (kind != BarrierGeometryType.Point && GeoBounds.Of(points).DiagonalM > BarrierLimits.MaxExtentM)
        {
            errors.Add(new(coordinatesField, Invariant($"spans {GeoBounds.Of(points).DiagonalM / 1000:F1} km; a report may cover at most {BarrierLimits.MaxExtentM / 1000:F0} km (one report per site)")));
            return null;
        }
        return new BarrierGeometry(kind, points);
    }

    private static List<GeoPoint>? ReadLine(JsonElement coordinates, string field, ICollection<KeyValuePair<string, string>> errors)
    {
        var points = ReadPositions(coordinates, field, errors);
        if (points is null)
        {
            return null;
        }
        if (points.Count < 2 || points.Distinct().Count() < 2)
        {
            errors.Add(new(field, "a LineString needs at least two different positions"));
            return null;
        }
        return points;
    }

    private static readonly NetTopologySuite.Geometries.GeometryFactory Planar = new();

    private static List<GeoPoint>? ReadPolygon(JsonElement coordinates, string field, ICollection<KeyValuePair<string, string>> errors)
    {
        if (coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() == 0
            || coordinates.EnumerateArray().Any(ring => ring.ValueKind != JsonValueKind.Array || ring.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.Array)))
        {
            errors.Add(new(field, "must be a list of linear rings: [[[lon, lat], [lon, lat], [lon, lat], [lon, lat]]] (a ring is a list of positions)"));
            return null;
        }
        if (coordinates.GetArrayLength() > 1)
        {
            errors.Add(new(field, "must hold one ring; polygons with holes are not supported"));
            return null;
        }
        string ringField = field + "[0]";
        var ring = ReadPositions(coordinates[0], ringField, errors);
        if (ring is null)
        {
            return null;
        }
        if (ring.Count < 4 || ring.Distinct().Count() < 3)
        {
            errors.Add(new(ringField, "a polygon ring needs at least four positions (three corners and the first repeated)"));
            return null;
        }
        if (ring[0] != ring[^1])
        {
            errors.Add(new(ringField, "a polygon ring must be closed: the last position must equal the first"));
            return null;
        }
        var polygon = Planar.CreatePolygon([.. ring.Select(p => new NetTopologySuite.Geometries.Coordinate(p.Lon, p.Lat))]);
        if (!polygon.IsValid)
        {
            var problem = new NetTopologySuite.Operation.Valid.IsValidOp(polygon).ValidationError;
            errors.Add(new(ringField, $"is not a valid area ({problem?.Message.ToLowerInvariant() ?? "invalid"} near {problem?.Coordinate.Y:F6}, {problem?.Coordinate.X:F6}): a ring must not cross or touch itself"));
            return null;
        }
        return ring;
    }

    private static List<GeoPoint>? ReadPositions(JsonElement array, string field, ICollection<KeyValuePair<string, string>> errors)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(field, "must be a list of positions [[lon, lat], ...]"));
            return null;
        }
        if (array.GetArrayLength() > BarrierLimits.MaxPositions)
        {
            errors.Add(new(field, $"must have at most {BarrierLimits.MaxPositions} positions, has {array.GetArrayLength()}"));
            return null;
        }
        var points = new List<GeoPoint>(array.GetArrayLength());
        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (ReadPosition(item, $"{field}[{index}]", errors) is { } point)
            {
                points.Add(point);
            }
            index++;
        }
        return points.Count == index ? points : null;
    }

    private static GeoPoint? ReadPosition(JsonElement position, string field, ICollection<KeyValuePair<string, string>> errors)
    {
        int length = position.ValueKind == JsonValueKind.Array ? position.GetArrayLength() : 0;
        if (length is < 2 or > 3 || position.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
        {
            errors.Add(new(field, "must be a position [lon, lat] of two numbers (degrees, longitude first)"));
            return null;
        }
        if (!position[0].TryGetDouble(out double lon) || !double.IsFinite(lon) || lon is < -180 or > 180)
        {
            errors.Add(new(field, Invariant($"longitude must be between -180 and 180 degrees, was {position[0].GetRawText()}")));
            return null;
        }
        if (!position[1].TryGetDouble(out double lat) || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            errors.Add(new(field, Invariant($"latitude must be between -90 and 90 degrees, was {position[1].GetRawText()} (positions are [lon, lat])")));
            return null;
        }
        return new GeoPoint(lat, lon);
    }

    /// <summary>Writes the geometry as GeoJSON, coordinates with 7 decimals.</summary>
    public static void Write(Utf8JsonWriter writer, BarrierGeometry geometry)
    {
        writer.WriteStartObject();
        writer.WriteString("type", geometry.Type.ToString());
        writer.WritePropertyName("coordinates");
        WriteCoordinates(writer, geometry);
        writer.WriteEndObject();
    }

    /// <summary>Writes only the <c>coordinates</c> value of the geometry.</summary>
    public static void WriteCoordinates(Utf8JsonWriter writer, BarrierGeometry geometry)
    {
        switch (geometry.Type)
        {
            case BarrierGeometryType.Point:
                WritePosition(writer, geometry.Points[0]);
                break;
            case BarrierGeometryType.LineString:
                WritePositions(writer, geometry.Points);
                break;
            default:
                writer.WriteStartArray();
                WritePositions(writer, geometry.Points);
                writer.WriteEndArray();
                break;
        }
    }

    public static string ToJson(BarrierGeometry geometry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, geometry);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The <c>coordinates</c> as a JSON element (for answers that embed the geometry).</summary>
    public static JsonElement CoordinatesElement(BarrierGeometry geometry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCoordinates(writer, geometry);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>Reads a geometry this class wrote (a stored one); throws <see cref="FormatException"/> when it is not valid.</summary>
    public static BarrierGeometry Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<KeyValuePair<string, string>>();
        return TryRead(document.RootElement, "geometry", errors)
            ?? throw new FormatException($"stored geometry is not valid: {string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}"))}");
    }

    private static void WritePositions(Utf8JsonWriter writer, IReadOnlyList<GeoPoint> points)
    {
        writer.WriteStartArray();
        foreach (var point in points)
        {
            WritePosition(writer, point);
        }
        writer.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter writer, GeoPoint point)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(Math.Round(point.Lon, 7));
        writer.WriteNumberValue(Math.Round(point.Lat, 7));
        writer.WriteEndArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
