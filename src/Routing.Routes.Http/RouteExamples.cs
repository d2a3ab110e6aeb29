using Microsoft.AspNetCore.Mvc;
using Routing.Engine;
using Routing.Engine.Routes;
using Routing.Engine.Profiles;
using Routing.Graph.Facts;
using Routing.Texts;

namespace Routing.Routes.Http;

/// <summary>Examples for the OpenAPI document, built from the real DTO types so that they cannot drift from the answers.</summary>
internal static class RouteExamples
{
    public static ProfileDto Wheelchair { get; } = ProfileCatalog.Default.TryGet("wheelchair", out var preset)
        ? ProfileDto.From(preset)
        : throw new InvalidOperationException("the wheelchair preset is missing");

    public static ProfilesResponse Profiles { get; } = ProfilesResponse.Of(ProfileCatalog.Default);

    public static RouteRequestBody RouteRequest { get; } = new()
    {
        From = new PointDto { Lat = 49.4094, Lon = 8.6934 },
        To = new PointDto { Lat = 49.4122, Lon = 8.7101 },
        Via = [],
        Profile = "wheelchair",
        Constraints = new ConstraintOverrides { MaxKerbCm = 3, Steps = StepsPolicy.Never, Unknown = UnknownPolicy.Penalize },
        Language = "de",
        SnapRadiusM = 50,
        Format = "json",
    };

    /// <summary>The example route's three points with their heights (declared first: the answer below writes them).</summary>
    private static readonly RouteLine ExampleLine = new(
        [new GeoPoint(49.4094, 8.6934), new GeoPoint(49.4095, 8.6939), new GeoPoint(49.4099, 8.6944)],
        new ElevationProfile([0, 41.2, 84.6], [114.2, 114.6, 115.5], AscentM: 1.3, DescentM: 0));

    public static RoutesResponse RouteResponse { get; } = new(
    [
        new RouteDto(
            DistanceM: DecimalNumber.Metres(84.6),
            DurationS: DecimalNumber.Seconds(97.3),
            CostS: DecimalNumber.Seconds(121.8),
            AscentM: DecimalNumber.Metres(1.3),
            DescentM: DecimalNumber.Metres(0),
            Bbox: [8.6934, 49.4094, 8.6944, 49.4099],
            Geometry: new LineStringDto(Positions.All(ExampleLine)),
            ElevationProfile: new ElevationPositions(ExampleLine),
            Segments: new SegmentList(
            [
                new SegmentDto(0, DecimalNumber.Metres(41.2), DecimalNumber.Seconds(45.8), 0, 1, 23456789, "Hauptstraße", "pedestrian",
                    new TextFact("sett", "tagged"), new TextFact(null, "unknown"), new IntegerFact(null, "unknown"),
                    new InclineFact(DecimalNumber.Percent(1.5), DecimalNumber.Percent(0.8), "derived", "high", DecimalNumber.Chance(0.02)), null, null, null, null, null, false, false, false, false, ["smoothness", "width"], []),
                new SegmentDto(1, DecimalNumber.Metres(43.4), DecimalNumber.Seconds(51.5), 1, 2, 34567890, null, "crossing",
                    new TextFact("asphalt", "tagged"), new TextFact("good", "tagged"), new IntegerFact(300, "tagged"),
                    new InclineFact(DecimalNumber.Percent(2.0), DecimalNumber.Percent(2.0), "derived", "low", DecimalNumber.Chance(0.07)), null, null,
                    new KerbDto("lowered", new IntegerFact(2, "derived"), 4567890123, new LatLonDto(49.4095, 8.6939)),
                    null, "traffic_signals", false, false, false, false, [], []),
            ]),
            Summary: new SummaryDto(0.487, new Dictionary<string, double> { ["smoothness"] = 0.487, ["width"] = 0.487 },
                KerbsCrossed: 1, Crossings: 1, Elevators: 0, Profile: Wheelchair, WalkingDistanceM: DecimalNumber.Metres(80.3), Detour: null),
            Instructions:
            [
                new InstructionDto("depart", "Starten Sie auf Hauptstraße", DecimalNumber.Metres(41.2), new LatLonDto(49.4094, 8.6934), 0, "Hauptstraße"),
                new InstructionDto("cross", "Überqueren Sie die Straße an der Ampel (abgesenkter Bordstein, 2 cm)", DecimalNumber.Metres(43.4), new LatLonDto(49.4095, 8.6939), 1, null),
                new InstructionDto("arrive", "Sie haben Ihr Ziel erreicht", DecimalNumber.Metres(0), new LatLonDto(49.4099, 8.6944), 1, null),
            ],
            Warnings: [new WarningDto("unknown_width", "Breite auf 41 m unbekannt", 0, new LatLonDto(49.4094, 8.6934))],
            Waypoints:
            [
                new WaypointDto(new LatLonDto(49.4094, 8.6934), new LatLonDto(49.4094, 8.6934), DecimalNumber.Metres(0.8), 23456789),
                new WaypointDto(new LatLonDto(49.4099, 8.6945), new LatLonDto(49.4099, 8.6944), DecimalNumber.Metres(4.2), 34567890),
            ],
            Alternatives: []),
    ]);

    public static ProblemDetails InvalidRequest { get; } = HttpProblems.InvalidRequest(new Dictionary<string, string[]>
    {
        ["from.lat"] = ["must be between -90 and 90 degrees, was 94.1"],
        ["constraints.max_kerb_cm"] = ["must be between 0 and 50 cm, was 80"],
    });

    public static ProblemDetails NoRoute { get; } = WithExtensions(
        HttpProblems.Create(ProblemTypes.NoRoute, StatusCodes.Status422UnprocessableEntity,
            "No route for the profile “Manual wheelchair” from the start to the destination: kerb 12 cm at a point on Plöck, limit 3 cm."),
        ("leg_index", 0),
        ("profile", "wheelchair"),
        ("blockers", new[]
        {
            new BlockerDto("kerb", "max_kerb_cm", "12", "kerb 12 cm at a point on Plöck, limit 3 cm", 12, 3, "cm", null,
                new LatLonDto(49.412, 8.691), null, 456, "tagged", null),
        }),
        ("suggested_waypoints", Array.Empty<SuggestedWaypointDto>()));

    public static ProblemDetails UnknownProfile(int status) =>
        HttpProblems.UnknownProfile("rollerblades", ProfileCatalog.Default.Presets.Select(p => p.Name), status, Translations.English);

    private static ProblemDetails WithExtensions(ProblemDetails problem, params (string Key, object? Value)[] extensions)
    {
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }
}
