using System.Text.Json;

namespace Routing.Ors;

/// <summary>
/// The body of ORS's <c>POST /v2/directions/{profile}</c>, as far as it means something for walking and wheelchairs.
/// Members ORS knows that change a route in ways this service cannot do are refused by name (<see cref="OrsRequestReader"/>),
/// never silently dropped.
/// </summary>
internal sealed record OrsDirectionsRequest
{
    /// <summary>[lon, lat] of the start, any via points and the destination.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Coordinates { get; init; }
    /// <summary>fastest, shortest or recommended (default).</summary>
    public string? Preference { get; init; }
    /// <summary>m (default), km or mi: the unit of every distance in the answer.</summary>
    public string? Units { get; init; }
    public string? Language { get; init; }
    public bool? Geometry { get; init; }
    public bool? Instructions { get; init; }
    /// <summary>text (default) or html; both answer plain text.</summary>
    public string? InstructionsFormat { get; init; }
    public bool? Elevation { get; init; }
    public IReadOnlyList<string>? ExtraInfo { get; init; }
    /// <summary>Snap radius per coordinate in metres, -1 for ORS's "unlimited".</summary>
    public IReadOnlyList<double>? Radiuses { get; init; }
    /// <summary>Echoed in <c>metadata.query.id</c>.</summary>
    public string? Id { get; init; }
    public OrsOptions? Options { get; init; }
    /// <summary>Accepted for ORS clients; routes carry no maneuver objects.</summary>
    public bool? Maneuvers { get; init; }
    public bool? ContinueStraight { get; init; }
    public bool? RoundaboutExits { get; init; }
    public bool? SuppressWarnings { get; init; }
    public bool? GeometrySimplify { get; init; }
}

internal sealed record OrsOptions
{
    /// <summary>steps (honoured), ferries and fords (nothing of the kind in the network).</summary>
    public IReadOnlyList<string>? AvoidFeatures { get; init; }
    /// <summary>A GeoJSON Polygon or MultiPolygon, [lon, lat] positions; ways inside are not used.</summary>
    public JsonElement? AvoidPolygons { get; init; }
    public OrsProfileParams? ProfileParams { get; init; }
}

internal sealed record OrsProfileParams
{
    public OrsRestrictions? Restrictions { get; init; }
    /// <summary>green and quiet factors of foot-* profiles: accepted, answered with a warning (no such data here).</summary>
    public JsonElement? Weightings { get; init; }
    /// <summary>ORS reads these two beside <c>restrictions</c>; they are accepted there and inside it.</summary>
    public bool? SurfaceQualityKnown { get; init; }
    public bool? AllowUnsuitable { get; init; }
}

/// <summary>The wheelchair restrictions of <c>options.profile_params.restrictions</c>.</summary>
internal sealed record OrsRestrictions
{
    public string? SurfaceType { get; init; }
    public string? TrackType { get; init; }
    public string? SmoothnessType { get; init; }
    /// <summary>Metres, or "any".</summary>
    public JsonElement? MaximumSlopedKerb { get; init; }
    /// <summary>Percent, or "any".</summary>
    public JsonElement? MaximumIncline { get; init; }
    public double? MinimumWidth { get; init; }
    public bool? SurfaceQualityKnown { get; init; }
    public bool? AllowUnsuitable { get; init; }
}
