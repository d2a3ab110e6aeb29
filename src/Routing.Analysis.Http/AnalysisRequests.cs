using Routing.Engine.Profiles;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Routing.GeoFormats;

namespace Routing.Analysis.Http;

/// <summary>The body of <c>POST /v1/isochrones</c>. Give <c>ranges_s</c> or <c>ranges_m</c>, not both.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record IsochroneRequestBody
{
    [Description("Points to measure reach from (1..10); one search each.")]
    public IReadOnlyList<PointDto?>? Origins { get; init; }

    [Description("Preset profile: wheelchair (default), powered_wheelchair, walker, pushchair or foot.")]
    public string? Profile { get; init; }

    [Description("Changes to the profile's values, as for routes.")]
    public ConstraintOverrides? Constraints { get; init; }

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
    public ConstraintOverrides? Constraints { get; init; }
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
internal sealed record IsochroneCollection(string Type, IReadOnlyList<GeoJsonFeature<GeoJsonGeometry, IsochroneProperties>> Features);

internal sealed record IsochroneProperties(
    int OriginIndex,
    [property: Description("The range in seconds, when ranges_s was asked.")] double? RangeS,
    [property: Description("The range in metres, when ranges_m was asked.")] double? RangeM,
    [property: Description("Network length reached, metres; partly reached ways count in part.")] double ReachedLengthM,
    [property: Description("Area of the polygon, square metres.")] double AreaM2,
    string Profile);

/// <summary>
/// The data-quality audit as GeoJSON: one rectangle per cell with walkable ways; its properties are column, row,
/// walkable_length_m, the unknown shares (0..1), crossings_without_kerb_data, kerbs_of_unknown_height.
/// </summary>
internal sealed record AuditCollection(string Type, IReadOnlyList<GeoJsonFeature<GeoJsonGeometry, Routing.Analysis.AuditCell>> Features)
{
    public static AuditCollection From(IReadOnlyList<Routing.Analysis.AuditCell> cells) => new("FeatureCollection",
        [.. cells.Select(c => new GeoJsonFeature<GeoJsonGeometry, Routing.Analysis.AuditCell>(new GeoJsonGeometry("Polygon", new[]
        {
            new[]
            {
                Corner(c.Bounds.MinLon, c.Bounds.MinLat), Corner(c.Bounds.MaxLon, c.Bounds.MinLat), Corner(c.Bounds.MaxLon, c.Bounds.MaxLat),
                Corner(c.Bounds.MinLon, c.Bounds.MaxLat), Corner(c.Bounds.MinLon, c.Bounds.MinLat),
            },
        }), c))]);

    private static double[] Corner(double lon, double lat) => [RouteMapper.Degrees(lon), RouteMapper.Degrees(lat)];
}

/// <summary>The audit as CSV for spreadsheets and QGIS: one line per cell, its centre as lat and lon.</summary>
internal static class AuditCsv
{
    public static string Write(IReadOnlyList<Routing.Analysis.AuditCell> cells)
    {
        var text = new System.Text.StringBuilder(
            "column,row,lat,lon,walkable_length_m,unknown_surface_share,unknown_smoothness_share,unknown_width_share,unknown_incline_share,low_confidence_incline_share,crossings_without_kerb_data,kerbs_of_unknown_height\n");
        foreach (var c in cells)
        {
            text.Append(System.FormattableString.Invariant(
                $"{c.Column},{c.Row},{RouteMapper.Degrees((c.Bounds.MinLat + c.Bounds.MaxLat) / 2)},{RouteMapper.Degrees((c.Bounds.MinLon + c.Bounds.MaxLon) / 2)},{c.WalkableLengthM},{c.UnknownSurfaceShare},{c.UnknownSmoothnessShare},{c.UnknownWidthShare},{c.UnknownInclineShare},{c.LowConfidenceInclineShare},{c.CrossingsWithoutKerbData},{c.KerbsOfUnknownHeight}\n"));
        }
        return text.ToString();
    }
}

/// <summary>The body of <c>POST /v1/fix-first</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record FixFirstRequestBody
{
    [Description("Where people start (1..500 points); without it, every public-transport stop of the extract.")]
    public IReadOnlyList<PointDto?>? Origins { get; init; }

    [Description("Preset profile (default wheelchair).")]
    public string? Profile { get; init; }

    [Description("Changes to the profile's values, as for routes.")]
    public ConstraintOverrides? Constraints { get; init; }

    [Description("The budget: minutes of the profile's cost from each origin (1..60, default 10).")]
    public double? Minutes { get; init; }

    [Description("json (default), geojson or csv.")]
    public string? Format { get; init; }
}

internal sealed record FixFirstResponse(
    [property: Description("Origins placed on the network.")] int Origins,
    [property: Description("Network length reached today, summed over the origins, metres.")] double BaselineM,
    [property: Description("Blocking ways and nodes looked at.")] int CandidatesChecked,
    [property: Description("Fixes that open something, best first.")] IReadOnlyList<FixDto> Fixes);

internal sealed record FixDto(
    int Rank,
    [property: Description("steps, incline_up, incline_down, kerb or barrier.")] string Constraint,
    [property: Description("What mending means.")] string Fix,
    [property: Description("Network length it would open, summed over the origins, metres.")] double GainM,
    int OriginsGaining,
    LatLonDto Location,
    long? OsmWayId,
    long? OsmNodeId,
    string Message);

/// <summary>The fix-first ranking as GeoJSON points, for a map or QGIS.</summary>
internal sealed record FixCollection(string Type, IReadOnlyList<GeoJsonFeature<GeoJsonGeometry, FixDto>> Features)
{
    public static FixCollection From(FixFirstResponse answer) => new("FeatureCollection",
        [.. answer.Fixes.Select(f => new GeoJsonFeature<GeoJsonGeometry, FixDto>(new GeoJsonGeometry("Point", new[] { f.Location.Lon, f.Location.Lat }), f))]);
}

internal sealed record BarrierImpactResponse([property: Description("Reports in force, the most harmful first.")] IReadOnlyList<BarrierImpactDto> Reports);

internal sealed record BarrierImpactDto(
    long ReportId,
    string Kind,
    [property: Description("Network length reachable without the report and not with it, summed over the origins, metres.")] double LostM,
    int OriginsLosing);
