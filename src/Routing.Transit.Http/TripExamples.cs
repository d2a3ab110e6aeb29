using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Routing.Engine.Profiles;
using Routing.GeoFormats;
using Routing.Http;

namespace Routing.Transit.Http;

/// <summary>
/// Examples for the OpenAPI document, built from the real DTO types so that they cannot drift from the answers: the
/// README's trip across the old town (walk, tram 21, walk) on the demo timetable, a refusal and a client fault.
/// </summary>
internal static class TripExamples
{
    public static TripRequestBody Request { get; } = new()
    {
        From = new PointBody { Lat = 49.4094, Lon = 8.6934 },
        To = new PointBody { Lat = 49.4036, Lon = 8.6757 },
        Departure = "2026-12-07T10:00:00+01:00",
        Profile = "wheelchair",
        Constraints = new ConstraintOverrides { MaxKerbCm = 3 },
        Language = "en",
        Transit = new TransitOptionsBody { Accessibility = "penalize", MaxTransfers = 2, Modes = ["tram", "bus"] },
    };

    private static DateTimeOffset At(string localTime) => DateTimeOffset.Parse($"2026-12-07T{localTime}+01:00", System.Globalization.CultureInfo.InvariantCulture);

    private static GeoJsonGeometry Line(params (double Lat, double Lon)[] points) =>
        GeoJsonGeometry.LineString([.. points.Select(p => GeoJsonGeometry.Position(p.Lat, p.Lon))]);

    private static readonly StopDto Bismarckplatz = new("1446890318", "Bismarckplatz", 49.4097928, 8.6931593, "unknown", At("10:09:42"), At("10:10:02"));
    private static readonly StopDto Hauptbahnhof = new("3304821198", "Heidelberg Hauptbahnhof", 49.4034577, 8.6760163, "yes", At("10:15:58"), At("10:16:18"));

    private static readonly ItineraryDto Itinerary = new(At("10:08:03"), At("10:20:50"), 767, 0, 213.8, 550.3,
        ["tram 21 from Bismarckplatz to Heidelberg Hauptbahnhof: wheelchair access not recorded (accessibility penalize: +600 s)"],
        [
            new WalkLegDto("walk", At("10:08:03"), At("10:09:02"), 59, 46.9, 94.3, 0, Line((49.4094, 8.6934), (49.4096, 8.6933), (49.4097928, 8.6931593)),
                [new WalkSegmentDto("Sofienstraße", "primary", 19.3, null, 0, null), new WalkSegmentDto("Bismarckplatz", "footway", 27.6, "paving_stones", 0.5, 300)],
                [new InstructionDto("depart", "Head north on Sofienstraße", 19.3), new InstructionDto("arrive", "You have arrived", 0)],
                [new WarningDto("unknown_width", "Width unknown on 19 m of the route")]),
            new TransitLegDto("transit", At("10:10:02"), At("10:15:58"), 356, "tram",
                new LineDto("21", "Straßenbahn RNV Linie 21: Handschuhsheim => Bismarckplatz", null), "Bismarckplatz", "17309@09:50:00",
                Bismarckplatz, Hauptbahnhof, "unknown", true, [], Line((49.4097928, 8.6931593), (49.4066, 8.6845), (49.4034577, 8.6760163))),
            new WalkLegDto("walk", At("10:16:18"), At("10:20:50"), 272, 166.9, 456, 0, Line((49.4034577, 8.6760163), (49.4036, 8.6757)),
                [new WalkSegmentDto("Willy-Brandt-Platz", "pedestrian", 166.9, "asphalt", 1.2, null)],
                [new InstructionDto("depart", "Head west on Willy-Brandt-Platz", 166.9), new InstructionDto("arrive", "You have arrived", 0)],
                []),
        ]);

    public static TripResponse Response { get; } = new(true, TripEndpoints.DemoNotice, [Itinerary]);

    public static ProblemDetails InvalidRequest { get; } = HttpProblems.InvalidRequest(new Dictionary<string, string[]>
    {
        ["departure"] = ["'2026-12-07T08:00:00' is not an ISO 8601 time with offset, e.g. 2026-12-07T08:00:00+01:00"],
        ["transit.max_transfers"] = ["must be between 0 and 5, was 9"],
    });

    public static ProblemDetails NoTrip { get; } = NoTripProblem();

    private static ProblemDetails NoTripProblem()
    {
        string[] blockers = ["stop Bismarckplatz, platform B: not wheelchair accessible", "no accessible trip arriving by 08:12 that day"];
        var problem = HttpProblems.Create(ProblemTypes.NoTrip, StatusCodes.Status422UnprocessableEntity, $"No trip for profile wheelchair: {string.Join("; ", blockers)}.");
        problem.Extensions["profile"] = "wheelchair";
        problem.Extensions["demo"] = false;
        problem.Extensions["blockers"] = blockers;
        problem.Extensions["least_violating_itinerary"] = Itinerary with
        {
            Notes = ["trip t_platformB_0801 (tram 5): stop Bismarckplatz, platform B: not wheelchair accessible"],
        };
        return problem;
    }
}
