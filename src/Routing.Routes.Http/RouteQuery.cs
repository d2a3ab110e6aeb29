using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Routing.Engine.Profiles;

namespace Routing.Routes.Http;

/// <summary>
/// The query of <c>GET /v1/routes</c>: the same request as the POST body, flattened. Everything is bound as text and
/// parsed by <see cref="RouteQueryParser"/>, so that a malformed value is reported by field like any other error. The
/// constraints are read and documented from their table (<see cref="ConstraintParameters"/>), as tiles read them.
/// </summary>
internal sealed record RouteQuery
{
    [FromQuery(Name = "from"), Description("Start point as LAT,LON in degrees, e.g. 49.4094,8.6934.")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("Destination as LAT,LON, e.g. 49.4122,8.7101.")]
    public string? To { get; init; }

    [FromQuery(Name = "via"), Description("Points to pass, LAT,LON;LAT,LON (at most 25).")]
    public string? Via { get; init; }

    [FromQuery(Name = "profile"), Description("Preset profile: wheelchair (default), powered_wheelchair, walker, pushchair or foot.")]
    public string? Profile { get; init; }

    [FromQuery(Name = "language"), Description("The language of texts: a code from GET /i18n/languages.json (en, de, fr, it, tr, uk, ar); by default the Accept-Language header's, else en.")]
    public string? Language { get; init; }

    [FromQuery(Name = "format"), Description("json (default), geojson or gpx.")]
    public string? Format { get; init; }

    [FromQuery(Name = "geometry"), Description("The route's line: full (default, every point), simplified (within 2 m of the route, every segment keeps its ends) or none (no geometry and no elevation_profile; json only).")]
    public string? Geometry { get; init; }

    [FromQuery(Name = "instructions"), Description("true (default) or false: leave out the instructions (GPX: the waypoints).")]
    public string? Instructions { get; init; }

    [FromQuery(Name = "elevation"), Description("true (default) or false: leave out the heights (the third coordinate, elevation_profile; GPX: ele).")]
    public string? Elevation { get; init; }

    [FromQuery(Name = "segments"), Description("true (default) or false: leave out the segments and their facts (json only: GeoJSON features are the segments).")]
    public string? Segments { get; init; }

    [FromQuery(Name = "snap_radius_m"), Description("Snap radius, metres (1..1000, default 50).")]
    public string? SnapRadiusM { get; init; }

    /// <summary>Every parameter name this endpoint knows besides the constraints (<see cref="ConstraintTable"/>); any other is refused.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "from", "to", "via", "profile", "language", "format", "geometry", "instructions", "elevation", "segments", "snap_radius_m",
    };
}
