using System.Text.Json;
using System.Text.Json.Serialization;
using Routing.Barriers;
using Routing.Engine;
using Routing.Engine.Barriers;
using Routing.GeoFormats;

namespace Routing.Barriers.Http;

/// <summary>
/// A barrier report as answered. <c>reporter</c> appears only for planners, admins and the reporter themself;
/// <c>history</c> only on single reports (<c>GET /v1/barriers/{id}</c> and answers to writes).
/// </summary>
/// <param name="Active">Verified and inside its validity window now: the report changes routes.</param>
/// <param name="Location">The GeoJSON geometry as reported ([lon, lat], 7 decimals).</param>
/// <param name="Pinned">What the location was pinned to in the routing graph.</param>
/// <param name="AllowedActions">What a planner may do next: verify, resolve, reject, edit.</param>
internal sealed record BarrierDto(
    long Id,
    ReportedBarrierKind Kind,
    BarrierStatus Status,
    bool Active,
    GeoJsonGeometry Location,
    PinDto Pinned,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    string? Description,
    int? KerbHeightCm,
    int? RemainingWidthCm,
    double? InclinePct,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ActorDto? Reporter,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> AllowedActions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<HistoryDto>? History);


/// <param name="OsmWayIds">OSM ways the report lies on.</param>
/// <param name="OsmNodeIds">OSM nodes the report lies on (a kerb, an elevator, a junction).</param>
/// <param name="Point">For a point report: where on the network it was pinned.</param>
/// <param name="DistanceM">For a point report: how far that is from the reported point.</param>
internal sealed record PinDto(IReadOnlyList<long> OsmWayIds, IReadOnlyList<long> OsmNodeIds, LatLonDto? Point, double? DistanceM);

/// <summary>Who did something: the API key's id (never the key) and its role.</summary>
internal sealed record ActorDto(string KeyId, ApiKeyRole Role);

/// <param name="ChangedFields">For <c>edited</c>: the fields whose values changed.</param>
/// <param name="By">Who: shown to planners and admins only.</param>
internal sealed record HistoryDto(
    DateTimeOffset At,
    BarrierAction Action,
    BarrierStatus Status,
    IReadOnlyList<string> ChangedFields,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ActorDto? By);

/// <param name="NextAfter">The id to pass as <c>after</c> for the next page; null on the last page.</param>
internal sealed record BarrierListResponse(IReadOnlyList<BarrierDto> Barriers, long? NextAfter);

/// <summary>The body of <c>POST /v1/barriers</c> (for the OpenAPI document; the body is read field by field).</summary>
internal sealed record CreateBarrierBody(
    ReportedBarrierKind Kind,
    GeoJsonGeometry Location,
    string? Description = null,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidUntil = null,
    int? KerbHeightCm = null,
    int? RemainingWidthCm = null,
    double? InclinePct = null);

/// <summary>The body of <c>PATCH /v1/barriers/{id}</c>: only the fields to change; null clears an optional field.</summary>
internal sealed record EditBarrierBody(
    ReportedBarrierKind? Kind = null,
    string? Description = null,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidUntil = null,
    int? KerbHeightCm = null,
    int? RemainingWidthCm = null,
    double? InclinePct = null);

/// <summary>A GeoJSON FeatureCollection of reports, for GIS tools.</summary>
/// <param name="NextAfter">The id to pass as <c>after</c> for the next page; null on the last page (a foreign member, which GeoJSON allows).</param>
internal sealed record BarrierFeatureCollection(string Type, IReadOnlyList<GeoJsonFeature<GeoJsonGeometry, BarrierFeatureProperties>> Features, long? NextAfter);

internal sealed record BarrierFeatureProperties(
    long Id,
    ReportedBarrierKind Kind,
    BarrierStatus Status,
    bool Active,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    string? Description,
    int? KerbHeightCm,
    int? RemainingWidthCm,
    double? InclinePct,
    IReadOnlyList<long> OsmWayIds,
    IReadOnlyList<long> OsmNodeIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>An API key as listed: never the key, never its hash.</summary>
internal sealed record ApiKeyDto(string KeyId, ApiKeyRole Role, string? Name, ApiKeySource Source, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

internal sealed record ApiKeyListResponse(IReadOnlyList<ApiKeyDto> ApiKeys);

/// <summary>A new key. <c>key</c> is shown this once; the service keeps only its SHA-256.</summary>
internal sealed record CreatedApiKeyDto(string KeyId, ApiKeyRole Role, string? Name, ApiKeySource Source, DateTimeOffset CreatedAt, string Key);

/// <summary>The body of <c>POST /v1/admin/api-keys</c>.</summary>
internal sealed record CreateApiKeyBody(ApiKeyRole Role, string? Name = null);

/// <summary>Reports to DTOs, showing each reader only what they may see.</summary>
internal static class BarrierMapper
{
    public static BarrierDto ToDto(BarrierReport report, Actor? reader, DateTimeOffset now, bool withHistory)
    {
        bool actors = BarrierPermissions.CanSeeHistoryActors(reader);
        return new BarrierDto(
            report.Id,
            report.Kind,
            report.Status,
            report.CountsAt(now),
            BarrierGeoJson.ToGeometry(report.Geometry),
            Pin(report.Pin),
            report.Window.From,
            report.Window.Until,
            report.Description,
            report.Facts.KerbHeightCm,
            report.Facts.RemainingWidthCm,
            report.Facts.InclinePct,
            BarrierPermissions.CanSeeReporter(reader, report) ? new ActorDto(report.Reporter.KeyId, report.Reporter.Role) : null,
            report.CreatedAt,
            report.UpdatedAt,
            [.. BarrierLifecycle.AllowedActions(report.Status).Select(ActionVerb)],
            withHistory
                ? [.. report.History.Select(h => new HistoryDto(h.At, h.Action, h.Status, h.ChangedFields, actors ? new ActorDto(h.By.KeyId, h.By.Role) : null))]
                : null);
    }

    /// <summary>A report as a GeoJSON feature whose id is the report's.</summary>
    public static GeoJsonFeature<GeoJsonGeometry, BarrierFeatureProperties> ToFeature(BarrierReport report, DateTimeOffset now) => new(
        BarrierGeoJson.ToGeometry(report.Geometry),
        new BarrierFeatureProperties(
            report.Id, report.Kind, report.Status, report.CountsAt(now), report.Window.From, report.Window.Until, report.Description,
            report.Facts.KerbHeightCm, report.Facts.RemainingWidthCm, report.Facts.InclinePct,
            report.Pin.OsmWayIds, report.Pin.OsmNodeIds, report.CreatedAt, report.UpdatedAt)) { Id = report.Id };


    public static PinDto Pin(BarrierPin pin) => new(
        pin.OsmWayIds, pin.OsmNodeIds, pin.PinnedPoint is { } p ? new LatLonDto(p.Lat, p.Lon) : null, pin.DistanceM is { } d ? Math.Round(d, 1) : null);

    public static ApiKeyDto ToDto(ApiKey key) => new(key.KeyId, key.Role, key.Name, key.Source, key.IsActive, key.CreatedAt, key.RevokedAt);

    public static string ActionVerb(BarrierAction action) => action switch
    {
        BarrierAction.Verified => "verify",
        BarrierAction.Resolved => "resolve",
        BarrierAction.Rejected => "reject",
        BarrierAction.Edited => "edit",
        _ => "create",
    };
}
