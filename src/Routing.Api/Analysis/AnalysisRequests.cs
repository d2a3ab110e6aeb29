using System.ComponentModel;
using System.Text.Json.Serialization;
using Routing.Api.Routes;

namespace Routing.Api.Analysis;

/// <summary>The body of <c>POST /v1/isochrones</c>. Give <c>ranges_s</c> or <c>ranges_m</c>, not both.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record IsochroneRequestBody
{
    [Description("Points to measure reach from (1..10); one search each.")]
    public IReadOnlyList<PointDto?>? Origins { get; init; }

    [Description("Preset profile: wheelchair (default), powered_wheelchair, walker, pushchair or foot.")]
    public string? Profile { get; init; }

    [Description("Changes to the profile's values, as for routes.")]
    public ConstraintsDto? Constraints { get; init; }

    [Description("Budgets in seconds of the profile's cost (a route's cost_s: duration plus what comfort and unknown data cost), 1..6 values of 1..3600.")]
    public IReadOnlyList<double>? RangesS { get; init; }

    [Description("Budgets in metres along the shortest usable ways, 1..6 values of 1..20000.")]
    public IReadOnlyList<double>? RangesM { get; init; }
}

/// <summary>The body of <c>POST /v1/matrix</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record MatrixRequestBody
{
    [Description("Start points (1..100).")]
    public IReadOnlyList<PointDto?>? Sources { get; init; }

    [Description("End points (1..100).")]
    public IReadOnlyList<PointDto?>? Destinations { get; init; }

    [Description("Preset profile: wheelchair (default), powered_wheelchair, walker, pushchair or foot.")]
    public string? Profile { get; init; }

    [Description("Changes to the profile's values, as for routes.")]
    public ConstraintsDto? Constraints { get; init; }
}

/// <summary>The answer of <c>POST /v1/matrix</c>: row-major, a row per source; null where there is no route.</summary>
internal sealed record MatrixResponse(
    [property: Description("Duration of the route from each source to each destination, seconds; null where there is none.")] double?[][] DurationsS,
    [property: Description("Length of the same routes, metres.")] double?[][] DistancesM,
    [property: Description("The profile's cost of the same routes, seconds (a route's cost_s).")] double?[][] CostsS,
    [property: Description("Where each source was placed, or why it could not be (its row is then null).")] IReadOnlyList<MatrixPointDto> Sources,
    [property: Description("Where each destination was placed, or why it could not be.")] IReadOnlyList<MatrixPointDto> Destinations);

internal sealed record MatrixPointDto(LatLonDto Requested, LatLonDto? Snapped, [property: Description("null, point-outside-area or point-not-on-network.")] string? Problem);

/// <summary>A GeoJSON FeatureCollection of isochrones (RFC 7946), one Polygon or MultiPolygon feature per origin and range.</summary>
internal sealed record IsochroneCollection(string Type, IReadOnlyList<IsochroneFeature> Features);

internal sealed record IsochroneFeature(string Type, IsochroneGeometry Geometry, IsochroneProperties Properties);

/// <summary>Polygon: rings of [lon, lat]; MultiPolygon: polygons of rings.</summary>
internal sealed record IsochroneGeometry(string Type, object Coordinates);

internal sealed record IsochroneProperties(
    int OriginIndex,
    [property: Description("The range in seconds, when ranges_s was asked.")] double? RangeS,
    [property: Description("The range in metres, when ranges_m was asked.")] double? RangeM,
    [property: Description("Network length reached, metres; partly reached ways count in part.")] double ReachedLengthM,
    [property: Description("Area of the polygon, square metres.")] double AreaM2,
    string Profile);
