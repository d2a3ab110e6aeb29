using System.ComponentModel;
using System.Text.Json.Serialization;
using Routing.Engine.Profiles;

namespace Routing.Api.Routes;

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
    public ConstraintsDto? Constraints { get; init; }

    [Description("Language of instructions and warnings: en (default) or de.")]
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

/// <summary>Overrides of the profile's values; each is optional.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ConstraintsDto
{
    [Description("Steepest uphill incline, percent (0.5..100).")]
    public double? MaxInclineUpPct { get; init; }

    [Description("Steepest downhill incline, percent (0.5..100).")]
    public double? MaxInclineDownPct { get; init; }

    [Description("Highest kerb, cm (0..50).")]
    public int? MaxKerbCm { get; init; }

    [Description("Narrowest passage, cm (0..500).")]
    public int? MinWidthCm { get; init; }

    [Description("OSM surface values that block (replaces the preset's list; [] avoids none).")]
    public IReadOnlyList<string?>? AvoidSurfaces { get; init; }

    [Description("Worst OSM smoothness value still accepted.")]
    public string? MinSmoothness { get; init; }

    [Description("never, avoid or allowed.")]
    public StepsPolicy? Steps { get; init; }

    [Description("What to do with unknown facts: allow, penalize or avoid.")]
    public UnknownPolicy? Unknown { get; init; }

    [Description("What a terrain model's estimated incline does against a slope limit: penalize (default: blocks where the model resolves the stretch and it is at least 70 % likely beyond the limit, else costs by its chance, with a slope_risk warning from 50 %), block (the estimate beyond the limit blocks like a tag) or ignore (never blocks; warnings only). Tagged slopes beyond the limit always block.")]
    public DerivedInclinePolicy? DerivedIncline { get; init; }

    [Description("Speed on level, smooth ground, m/s (0.1..5).")]
    public double? SpeedMps { get; init; }

    [Description("The most the route may climb in total, metres (0..5000); a route over it is refused, naming the climb.")]
    public double? MaxClimbM { get; init; }
}
