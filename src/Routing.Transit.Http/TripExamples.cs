using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Http;
using Routing.Routes.Http;
using Routing.Texts;

namespace Routing.Transit.Http;

/// <summary>
/// Examples for the OpenAPI document, built from the real DTO types so that they cannot drift from the answers: the
/// README's trip across the old town (walk, tram 21, walk) on the demo timetable, a refusal and a client fault.
/// </summary>
internal static class TripExamples
{
    /// <summary>The examples' words: the request asks for English.</summary>
    private static readonly TextLanguage English = Translations.English;

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

    /// <summary>A leg's line as a route's is written (a walk's segments index it).</summary>
    private static LineStringDto Line(params (double Lat, double Lon)[] points) =>
        new(Positions.All(new RouteLine([.. points.Select(p => new GeoPoint(p.Lat, p.Lon))], elevation: null)));

    /// <summary>A segment of an example walk: what differs from one to the next; the rest as a level, plain way has it.</summary>
    private static SegmentDto Segment(int index, double distanceM, double durationS, int firstPoint, int lastPoint, long osmWayId, string name, string highway,
        bool sidewalk, TextFact surface, IntegerFact widthCm, double inclinePct, string[] unknown) => new(
        index, DecimalNumber.Metres(distanceM), DecimalNumber.Seconds(durationS), firstPoint, lastPoint, osmWayId, name, highway,
        surface, new TextFact(null, "unknown"), widthCm,
        new InclineFact(DecimalNumber.Percent(inclinePct), DecimalNumber.Percent(inclinePct), "derived", "high", DecimalNumber.Chance(0)),
        InclineDirection: null, Steep: null, KerbAtStart: null, BarrierAtStart: null, Crossing: null, Elevator: false, Steps: false, Ramp: false,
        Sidewalk: sidewalk, Unknown: unknown);

    private static readonly StopDto Bismarckplatz = new("1446890318", "Bismarckplatz", 49.4097928, 8.6931593, "unknown", At("10:09:42"), At("10:10:02"));
    private static readonly StopDto Hauptbahnhof = new("3304821198", "Heidelberg Hauptbahnhof", 49.4034577, 8.6760163, "yes", At("10:15:58"), At("10:16:18"));

    private static readonly ItineraryDto Itinerary = new(At("10:08:03"), At("10:20:50"), 767, 0, 213.8, 550.3,
        [English.Format("trip.ride_unknown_penalized", "tram", "21", "Bismarckplatz", "Heidelberg Hauptbahnhof", "600")],
        [
            new WalkLegDto(At("10:08:03"), At("10:09:02"), 59, 46.9, 94.3, 0, Line((49.4094, 8.6934), (49.4096, 8.6933), (49.4097928, 8.6931593)),
                new SegmentList(
                [
                    Segment(0, 19.3, 23.3, 0, 1, 4044387, "Sofienstraße", "primary", sidewalk: true, new TextFact(null, "unknown"), new IntegerFact(null, "unknown"), 0, ["surface", "smoothness", "width"]),
                    Segment(1, 27.6, 33.3, 1, 2, 28922430, "Bismarckplatz", "footway", sidewalk: false, new TextFact("paving_stones", "tagged"), new IntegerFact(300, "tagged"), 0.5, ["smoothness"]),
                ]),
                [
                    new InstructionDto("depart", "Head north on Sofienstraße", DecimalNumber.Metres(19.3), new LatLonDto(49.4094, 8.6934), 0, "Sofienstraße"),
                    new InstructionDto("continue", "Continue onto Bismarckplatz", DecimalNumber.Metres(27.6), new LatLonDto(49.4096, 8.6933), 1, "Bismarckplatz"),
                    new InstructionDto("arrive", "You have arrived", DecimalNumber.Metres(0), new LatLonDto(49.4097928, 8.6931593), 1, null),
                ],
                [new WarningDto("unknown_width", "Width unknown for 19 m of the route", 0, new LatLonDto(49.4094, 8.6934))]),
            new TransitLegDto(At("10:10:02"), At("10:15:58"), 356, "tram",
                new LineDto("21", "Straßenbahn RNV Linie 21: Handschuhsheim => Bismarckplatz", null), "Bismarckplatz", "17309@09:50:00",
                Bismarckplatz, Hauptbahnhof, "unknown", true, [], Line((49.4097928, 8.6931593), (49.4066, 8.6845), (49.4034577, 8.6760163))),
            new WalkLegDto(At("10:16:18"), At("10:20:50"), 272, 166.9, 456, 0, Line((49.4034577, 8.6760163), (49.4036, 8.6757)),
                new SegmentList(
                [
                    Segment(0, 166.9, 201.1, 0, 1, 32286453, "Willy-Brandt-Platz", "pedestrian", sidewalk: false, new TextFact("asphalt", "tagged"), new IntegerFact(null, "unknown"), 1.2, ["smoothness", "width"]),
                ]),
                [
                    new InstructionDto("depart", "Head west on Willy-Brandt-Platz", DecimalNumber.Metres(166.9), new LatLonDto(49.4034577, 8.6760163), 0, "Willy-Brandt-Platz"),
                    new InstructionDto("arrive", "You have arrived", DecimalNumber.Metres(0), new LatLonDto(49.4036, 8.6757), 0, null),
                ],
                []),
        ]);

    public static TripResponse Response { get; } = new(true, English.Get("trip.demo_notice"), [Itinerary]);

    public static ProblemDetails InvalidRequest { get; } = HttpProblems.InvalidRequest(new Dictionary<string, string[]>
    {
        ["departure"] = ["'2026-12-07T08:00:00' is not an ISO 8601 time with offset, e.g. 2026-12-07T08:00:00+01:00"],
        ["transit.max_transfers"] = ["must be between 0 and 5, was 9"],
    });

    public static ProblemDetails NoTrip { get; } = NoTripProblem();

    private static ProblemDetails NoTripProblem()
    {
        string platformB = English.Format("trip.stop_not_accessible", English.Format("trip.stop_platform", "Bismarckplatz", "B"));
        string[] blockers = [platformB, English.Format("trip.none_accessible_by", "08:12")];
        var problem = HttpProblems.Create(ProblemTypes.NoTrip, StatusCodes.Status422UnprocessableEntity, English.Format("trip.no_trip", "wheelchair", string.Join("; ", blockers)));
        problem.Extensions["profile"] = "wheelchair";
        problem.Extensions["demo"] = false;
        problem.Extensions["blockers"] = blockers;
        problem.Extensions["least_violating_itinerary"] = Itinerary with
        {
            Notes = [platformB],
        };
        return problem;
    }
}
