using System.Globalization;
using System.Text.Json;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.GeoFormats;
using Routing.Texts;

namespace Routing.Barriers;

/// <summary>
/// Reads and writes a report's location as a GeoJSON geometry (RFC 7946): <c>Point</c>, <c>LineString</c> or
/// <c>Polygon</c> (one outer ring, closed, no holes); positions are <c>[lon, lat]</c> (an altitude is allowed and
/// ignored), read by the one GeoJSON reader (<see cref="GeoJsonCoordinates"/>); this says what is wrong in words a
/// client understands, by field.
/// </summary>
public static class BarrierGeoJson
{
    private static readonly JsonSerializerOptions StoredJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly string[] OtherGeoJsonTypes = ["MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection", "Feature", "FeatureCollection"];

    /// <summary>Reads a geometry; on failure adds (field, message) pairs under <paramref name="field"/> and returns null.</summary>
    public static BarrierGeometry? TryRead(JsonElement element, string field, ICollection<KeyValuePair<string, Phrase>> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(field, Phrase.FieldError("geojson_object")));
            return null;
        }
        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(field + ".type", Phrase.FieldError("geojson_type_required")));
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
                ? Phrase.FieldError("geojson_type_one_part", type)
                : Phrase.FieldError("geojson_type_case")));
            return null;
        }
        string coordinatesField = field + ".coordinates";
        if (!element.TryGetProperty("coordinates", out var coordinates))
        {
            errors.Add(new(coordinatesField, Phrase.FieldError("required")));
            return null;
        }
        var faults = new List<GeoJsonError>();
        NetTopologySuite.Geometries.Geometry? read = kind switch
        {
            BarrierGeometryType.Point => GeoJsonCoordinates.ReadPoint(coordinates, coordinatesField, faults),
            BarrierGeometryType.LineString => GeoJsonCoordinates.ReadLine(coordinates, coordinatesField, BarrierLimits.MaxPositions, faults),
            _ => GeoJsonCoordinates.ReadPolygon(coordinates, coordinatesField, BarrierLimits.MaxPositions, faults),
        };
        foreach (var fault in faults)
        {
            errors.Add(new(fault.Field, Message(fault)));
        }
        if (read is null)
        {
            return null;
        }
        // A polygon's outer ring, or the point or line itself, as [lon, lat] coordinates.
        var source = read is NetTopologySuite.Geometries.Polygon polygon ? polygon.ExteriorRing.Coordinates : read.Coordinates;
        List<GeoPoint> points = [.. source.Select(c => new GeoPoint(c.Y, c.X))];
        if (kind != BarrierGeometryType.Point && GeoBounds.Of(points).DiagonalM > BarrierLimits.MaxExtentM)
        {
            errors.Add(new(coordinatesField, Phrase.FieldError("geojson_extent",
                Invariant($"{GeoBounds.Of(points).DiagonalM / 1000:F1}"), Invariant($"{BarrierLimits.MaxExtentM / 1000:F0}"))));
            return null;
        }
        return new BarrierGeometry(kind, points);
    }

    /// <summary>What a fault of the location's coordinates says to a client, beside its field.</summary>
    private static Phrase Message(GeoJsonError fault) => fault.Fault switch
    {
        GeoJsonFault.NotRings => Phrase.FieldError("geojson_not_rings"),
        GeoJsonFault.Holes => Phrase.FieldError("geojson_holes"),
        GeoJsonFault.NotPositions => Phrase.FieldError("geojson_not_positions"),
        GeoJsonFault.TooManyPositions => Phrase.FieldError("geojson_too_many_positions", BarrierLimits.MaxPositions, fault.Detail),
        GeoJsonFault.NotPosition => Phrase.FieldError("geojson_not_position"),
        GeoJsonFault.LongitudeRange => Phrase.FieldError("geojson_longitude", fault.Coordinate(0)),
        GeoJsonFault.LatitudeRange => Phrase.FieldError("geojson_latitude", fault.Coordinate(1)),
        GeoJsonFault.LineTooShort => Phrase.FieldError("geojson_line_short"),
        GeoJsonFault.RingTooShort => Phrase.FieldError("geojson_ring_short"),
        GeoJsonFault.RingNotClosed => Phrase.FieldError("geojson_ring_open"),
        // The detail is NetTopologySuite's own English words and the place; the sentence around it is translated.
        _ => Phrase.FieldError("geojson_ring_invalid", fault.Detail),
    };

    /// <summary>The geometry as GeoJSON, coordinates with 7 decimals: what answers embed and what the stores keep.</summary>
    public static GeoJsonGeometry ToGeometry(BarrierGeometry geometry)
    {
        double[][] positions = [.. geometry.Points.Select(p => GeoJsonGeometry.Position(p.Lat, p.Lon))];
        return geometry.Type switch
        {
            BarrierGeometryType.Point => GeoJsonGeometry.Point(geometry.Points[0].Lat, geometry.Points[0].Lon),
            BarrierGeometryType.LineString => GeoJsonGeometry.LineString(positions),
            _ => GeoJsonGeometry.Polygon(positions),
        };
    }

    /// <summary>The stored text of a geometry: <c>{"type":...,"coordinates":...}</c>, read back by <see cref="Parse"/>.</summary>
    public static string ToJson(BarrierGeometry geometry) => JsonSerializer.Serialize(ToGeometry(geometry), StoredJson);

    /// <summary>Reads a geometry this class wrote (a stored one); throws <see cref="FormatException"/> when it is not valid.</summary>
    public static BarrierGeometry Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<KeyValuePair<string, Phrase>>();
        return TryRead(document.RootElement, "geometry", errors)
            ?? throw new FormatException($"stored geometry is not valid: {string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}"))}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
