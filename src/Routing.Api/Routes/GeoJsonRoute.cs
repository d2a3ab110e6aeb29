using System.ComponentModel;
using System.Text.Json.Serialization;
using Routing.Engine.Routes;
using Route = Routing.Engine.Routes.Route;

namespace Routing.Api.Routes;

/// <summary>
/// <c>format=geojson</c>: a GeoJSON FeatureCollection (RFC 7946) with one LineString feature per segment, whose
/// properties are the segment object of the JSON answer (facts with their evidence). Route-level values (distance,
/// duration, summary, instructions, warnings, waypoints) are in the foreign member <c>route</c> (RFC 7946 §6.1), so
/// every feature is a segment and map styling needs no special case.
/// </summary>
internal sealed record GeoJsonRoute(
    [property: Description("[min_lon, min_lat, max_lon, max_lat].")] double[] Bbox,
    [property: Description("Route-level values; the same as in the JSON answer, without geometry and segments.")] GeoJsonRouteProperties Route,
    [property: Description("One LineString feature per segment, in order.")] IReadOnlyList<GeoJsonSegmentFeature> Features)
{
    [Description("Always FeatureCollection."), JsonPropertyOrder(-1)]
    public string Type { get; init; } = "FeatureCollection";

    public static GeoJsonRoute From(Route route)
    {
        var dto = RouteMapper.ToDto(route);
        var coordinates = dto.Geometry.Coordinates;
        var features = dto.Segments.Select(segment =>
        {
            int first = Math.Max(segment.FirstPoint, 0);
            int count = Math.Max(segment.LastPoint - first + 1, 0);
            return new GeoJsonSegmentFeature(new LineStringDto([.. coordinates.Skip(first).Take(count)]), segment);
        });
        return new GeoJsonRoute(
            dto.Bbox,
            new GeoJsonRouteProperties(dto.DistanceM, dto.DurationS, dto.CostS, dto.AscentM, dto.DescentM, dto.ElevationProfile,
                dto.Summary, dto.Instructions, dto.Warnings, dto.Waypoints),
            [.. features]);
    }
}

internal sealed record GeoJsonSegmentFeature(LineStringDto Geometry, SegmentDto Properties)
{
    [Description("Always Feature."), JsonPropertyOrder(-1)]
    public string Type { get; init; } = "Feature";
}

internal sealed record GeoJsonRouteProperties(
    double DistanceM,
    double DurationS,
    double CostS,
    double? AscentM,
    double? DescentM,
    IReadOnlyList<double[]>? ElevationProfile,
    SummaryDto Summary,
    IReadOnlyList<InstructionDto> Instructions,
    IReadOnlyList<WarningDto> Warnings,
    IReadOnlyList<WaypointDto> Waypoints);
