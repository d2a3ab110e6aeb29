using System.ComponentModel;
using System.Text.Json.Serialization;
using Routing.Engine.Profiles;

namespace Routing.Routes.Http;

/// <summary>The body of <c>POST /v1/routes</c>. Unknown fields are refused, so that a misspelt constraint is not silently ignored.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RouteRequestBody
{
    [Description("Start point.")]
    public PointDto? From { get; init; }

    [Description("Destination.")]
    public PointDto? To { get; init; }

    [Description("Points to pass on the way, in order (at most 25).")]
    public IReadOnlyList<PointDto?>? Via { get; init; }

    [Description("Preset profile: wheelchair (default), powered_wheelchair, walker, pushchair or foot.")]
    public string? Profile { get; init; }

    [Description("Changes to the profile's values for this request; a missing value keeps the preset's.")]
    public ConstraintOverrides? Constraints { get; init; }

    [Description("The language of instructions, warnings and problem texts: a code from GET /i18n/languages.json (en, de, fr, it, tr, uk, ar); by default the Accept-Language header's, else en.")]
    public string? Language { get; init; }

    [Description("How far from a requested point a usable way may be, metres (1..1000, default 50).")]
    public double? SnapRadiusM { get; init; }

    [Description("Answer format: json (default), geojson or gpx.")]
    public string? Format { get; init; }

    [Description("The route's line: full (default, every point), simplified (within 2 m of the route, every segment keeps its ends) or none (no geometry and no elevation_profile; json only).")]
    public string? Geometry { get; init; }

    [Description("false leaves out the instructions (GPX: the waypoints); default true.")]
    public bool? Instructions { get; init; }

    [Description("false leaves out the heights (the third coordinate, elevation_profile; GPX: ele); default true.")]
    public bool? Elevation { get; init; }

    [Description("false leaves out the segments and their facts (json only: GeoJSON features are the segments); default true.")]
    public bool? Segments { get; init; }
}

/// <summary>A WGS 84 position in degrees.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record PointDto
{
    [Description("Latitude, degrees (-90..90).")]
    public double? Lat { get; init; }

    [Description("Longitude, degrees (-180..180).")]
    public double? Lon { get; init; }
}
