using System.Globalization;
using System.Text.Json;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.GeoFormats;

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
            errors.Add(new(coordinatesField, Invariant($"spans {GeoBounds.Of(points).DiagonalM / 1000:F1} km; a report may cover at most {BarrierLimits.MaxExtentM / 1000:F0} km (one report per site)")));
            return null;
        }
        return new BarrierGeometry(kind, points);
    }

    /// <summary>What a fault of the location's coordinates says to a client, beside its field.</summary>
    private static string Message(GeoJsonError fault) => fault.Fault switch
    {
        GeoJsonFault.NotRings => "must be a list of linear rings: [[[lon, lat], [lon, lat], [lon, lat], [lon, lat]]] (a ring is a list of positions)",
        GeoJsonFault.Holes => "must hold one ring; polygons with holes are not supported",
        GeoJsonFault.NotPositions => "must be a list of positions [[lon, lat], ...]",
        GeoJsonFault.TooManyPositions => $"must have at most {BarrierLimits.MaxPositions} positions, has {fault.Detail}",
        GeoJsonFault.NotPosition => "must be a position [lon, lat] of two numbers (degrees, longitude first)",
        GeoJsonFault.LongitudeRange => $"longitude must be between -180 and 180 degrees, was {fault.Coordinate(0)}",
        GeoJsonFault.LatitudeRange => $"latitude must be between -90 and 90 degrees, was {fault.Coordinate(1)} (positions are [lon, lat])",
        GeoJsonFault.LineTooShort => "a LineString needs at least two different positions",
        GeoJsonFault.RingTooShort => "a polygon ring needs at least four positions (three corners and the first repeated)",
        GeoJsonFault.RingNotClosed => "a polygon ring must be closed: the last position must equal the first",
        _ => $"is not a valid area ({fault.Detail}): a ring must not cross or touch itself",
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
        var errors = new List<KeyValuePair<string, string>>();
        return TryRead(document.RootElement, "geometry", errors)
            ?? throw new FormatException($"stored geometry is not valid: {string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}"))}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
