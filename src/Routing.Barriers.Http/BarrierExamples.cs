using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Routing.Barriers;
using Routing.Engine.Barriers;
using Routing.GeoFormats;
using Routing.Texts;

namespace Routing.Barriers.Http;

/// <summary>Examples for the OpenAPI document, built from the real DTO types so that they cannot drift from the answers.</summary>
internal static class BarrierExamples
{
    private static readonly DateTimeOffset Created = new(2026, 11, 26, 8, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Verified = new(2026, 11, 26, 9, 2, 0, TimeSpan.Zero);

    public static CreateBarrierBody CreateRequest { get; } = new(
        ReportedBarrierKind.BlockedPath,
        GeoJsonGeometry.Point(49.4094, 8.6934),
        "Scaffolding blocks the whole pavement; no way around on this side.",
        ValidFrom: null,
        ValidUntil: new DateTimeOffset(2026, 12, 18, 17, 0, 0, TimeSpan.Zero),
        RemainingWidthCm: 0);

    public static EditBarrierBody EditRequest { get; } = new(
        Description: "Scaffolding until 18 December; a 70 cm gap on the left.",
        RemainingWidthCm: 70);

    public static BarrierDto Report { get; } = new(
        42, ReportedBarrierKind.BlockedPath, BarrierStatus.Verified, true,
        GeoJsonGeometry.Point(49.4094, 8.6934),
        new PinDto([38886298], [], new LatLonDto(49.4094357, 8.6935587), 11.6),
        null, new DateTimeOffset(2026, 12, 18, 17, 0, 0, TimeSpan.Zero),
        "Scaffolding blocks the whole pavement; no way around on this side.", null, 0, null,
        new ActorDto("key_3f9a1c2b7d4e", ApiKeyRole.Reporter),
        Created, Verified,
        ["resolve", "reject", "edit"],
        [
            new HistoryDto(Created, BarrierAction.Created, BarrierStatus.Reported, [], new ActorDto("key_3f9a1c2b7d4e", ApiKeyRole.Reporter)),
            new HistoryDto(Verified, BarrierAction.Verified, BarrierStatus.Verified, [], new ActorDto("key_81b0e2f4a9c3", ApiKeyRole.Planner)),
        ]);

    public static BarrierDto ListedReport { get; } = Report with { Reporter = null, History = null };

    public static BarrierFeatureCollection FeatureCollection { get; } = new("FeatureCollection",
    [
        new GeoJsonFeature<GeoJsonGeometry, BarrierFeatureProperties>(Report.Location, new BarrierFeatureProperties(
            42, ReportedBarrierKind.BlockedPath, BarrierStatus.Verified, true, null, Report.ValidUntil, Report.Description, null, 0, null,
            [38886298], [], Created, Verified)) { Id = 42 },
    ], null);

    public static ProblemDetails InvalidRequest { get; } = HttpProblems.InvalidRequest(new Dictionary<string, string[]>
    {
        ["location.coordinates"] = ["latitude must be between -90 and 90 degrees, was 98.6934 (positions are [lon, lat])"],
        ["valid_until"] = ["must be after valid_from"],
        ["kerb_height_cm"] = ["must be between 0 and 50 cm, was 120"],
    });

    public static ProblemDetails NotOnNetwork { get; } = BarrierProblems.NotOnNetwork(
        new BarrierGeometry(BarrierGeometryType.Point, [new Routing.Engine.GeoPoint(49.4170, 8.6800)]), Translations.English);

    public static ProblemDetails InvalidTransition { get; } = BarrierProblems.InvalidTransition(
        new BarrierReport(42, ReportedBarrierKind.BlockedPath, new BarrierGeometry(BarrierGeometryType.Point, [new Routing.Engine.GeoPoint(49.4094, 8.6934)]),
            new BarrierPin([], [], null, null), ValidityWindow.Always, null, MeasuredFacts.None, BarrierStatus.Resolved,
            new Actor("key_3f9a1c2b7d4e", ApiKeyRole.Reporter), Created, Verified, 3, []),
        new Phrase("problem.transition_final", "resolved", "verified"), Translations.English);

    public static CreateApiKeyBody CreateKeyRequest { get; } = new(ApiKeyRole.Planner, "Tiefbauamt, Frau Weber");

    public static CreatedApiKeyDto CreatedKey { get; } = new("key_81b0e2f4a9c3", ApiKeyRole.Planner, "Tiefbauamt, Frau Weber", ApiKeySource.Api, Created,
        "rk_q5Zb0hWl3vJ8mT2xYc9nR4sK7dF1gA6eP0uI3oL8wE2");

    public static ApiKeyListResponse Keys { get; } = new(
    [
        new ApiKeyDto("key_0c4d9e1f2a3b", ApiKeyRole.Admin, "operations", ApiKeySource.Configuration, true, Created, null),
        new ApiKeyDto("key_81b0e2f4a9c3", ApiKeyRole.Planner, "Tiefbauamt, Frau Weber", ApiKeySource.Api, true, Created, null),
        new ApiKeyDto("key_3f9a1c2b7d4e", ApiKeyRole.Reporter, "citizen app", ApiKeySource.Api, false, Created, Verified),
    ]);
}
