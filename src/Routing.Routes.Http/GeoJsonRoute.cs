using System.ComponentModel;
using System.Text.Json.Serialization;
using Routing.Engine.Routes;
using Routing.GeoFormats;
using Route = Routing.Engine.Routes.Route;

namespace Routing.Routes.Http;

/// <summary>
/// <c>format=geojson</c>: a GeoJSON FeatureCollection (RFC 7946) with one LineString feature per segment, whose
/// properties are the segment object of the JSON answer (facts with their evidence). Route-level values (distance,
/// duration, summary, instructions, warnings, waypoints) are in the foreign member <c>route</c> (RFC 7946 §6.1), so
/// every feature is a segment and map styling needs no special case.
/// </summary>
internal sealed record GeoJsonRoute(
    [property: Description("[min_lon, min_lat, max_lon, max_lat].")] double[] Bbox,
    [property: Description("Route-level values; the same as in the JSON answer, without geometry and segments.")] GeoJsonRouteProperties Route,
    [property: Description("One LineString feature per segment, in order.")] GeoJsonFeature<LineStringDto, SegmentDto>[] Features)
{
    [Description("Always FeatureCollection."), JsonPropertyOrder(-1)]
    public string Type { get; init; } = "FeatureCollection";

    /// <summary>The features share the route's line: each writes its own stretch of it, nothing is copied.</summary>
    /// <param name="detail">What the client asked for; the full answer by default.</param>
    public static GeoJsonRoute From(Route route, RouteDetail? detail = null)
    {
        detail ??= RouteDetail.Full;
        var line = RouteLine.Of(route, detail);
        var dto = RouteMapper.ToDto(route, detail, line);
        var segments = dto.Segments?.Items ?? throw new ArgumentException("A GeoJSON answer's features are its segments.", nameof(detail));
        var features = new GeoJsonFeature<LineStringDto, SegmentDto>[segments.Length];
        for (int i = 0; i < features.Length; i++)
        {
            var segment = segments[i];
            int first = Math.Max(segment.FirstPoint, 0);
            int count = Math.Max(segment.LastPoint - first + 1, 0);
            features[i] = new GeoJsonFeature<LineStringDto, SegmentDto>(new LineStringDto(new Positions(line, first, count)), segment);
        }
        return new GeoJsonRoute(
            dto.Bbox,
            new GeoJsonRouteProperties(dto.DistanceM, dto.DurationS, dto.CostS, dto.AscentM, dto.DescentM, dto.ElevationProfile,
                dto.Summary, dto.Instructions, dto.Warnings, dto.Waypoints),
            features);
    }
}

internal sealed record GeoJsonRouteProperties(
    DecimalNumber DistanceM,
    DecimalNumber DurationS,
    DecimalNumber CostS,
    DecimalNumber? AscentM,
    DecimalNumber? DescentM,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ElevationPositions? ElevationProfile,
    SummaryDto Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InstructionDto[]? Instructions,
    WarningDto[] Warnings,
    WaypointDto[] Waypoints);
