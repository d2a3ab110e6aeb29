using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Http;
using Routing.Routes.Http;
using Routing.Serving;
using Routing.Transit.Trips;
using Routing.Texts;

namespace Routing.Transit.Http;

/// <summary><c>POST /v1/trips</c>: step-free trips with public transport, walks judged by the request's profile.</summary>
public static class TripEndpoints
{
    /// <summary>The body limit, bytes: a trip request is a few hundred.</summary>
    public const int MaxBodyBytes = 16 * 1024;
    /// <summary>The most transfers a request may ask for: each is one more round of the search.</summary>
    public const int MaxTransfersLimit = 5;
    public const int DefaultMaxTransfers = 3;

    private static readonly Dictionary<string, int[]> Modes = new(StringComparer.Ordinal)
    {
        ["tram"] = [0, .. Enumerable.Range(900, 100)],
        ["subway"] = [1, .. Enumerable.Range(400, 100)],
        ["rail"] = [2, .. Enumerable.Range(100, 100)],
        ["bus"] = [3, 11, .. Enumerable.Range(700, 100)],
        ["ferry"] = [4, .. Enumerable.Range(1000, 100)],
        ["cable_tram"] = [5],
        ["aerial_lift"] = [6, .. Enumerable.Range(1300, 100)],
        ["funicular"] = [7, .. Enumerable.Range(1400, 100)],
        ["monorail"] = [12],
    };

    public static IEndpointRouteBuilder MapTripEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/trips", PostTrip)
            .WithTags("Trips")
            .WithName("PostTrips")
            .WithQuota(Quota.Expensive)
            .WithSummary("Step-free trips with public transport")
            .WithDescription(
                "Itineraries from `from` to `to` leaving at `departure` or arriving by `arrival` (ISO 8601 with offset, e.g. " +
                "`2026-12-07T08:00:00+01:00`; neither: now), for `profile` with its `constraints` (the names of `/v1/routes`). " +
                "Every walk (to the first stop, between stops, from the last) is judged by the street engine for that profile " +
                $"and may cost at most {TripPlanner.MaxWalkCostS} s; stops within {TripPlanner.AccessRadiusM} m are tried. For wheeled profiles a trip or stop " +
                "marked not accessible (GTFS 2) is never used; one whose accessibility is unknown is refused with " +
                $"`transit.accessibility: strict` and used at {TripPlanner.UnknownPenaltyS} s each with `penalize` (default), named in the itinerary's `notes`. " +
                $"`transit.max_transfers` 0 to {MaxTransfersLimit} (default {DefaultMaxTransfers}), `transit.modes` e.g. [\"tram\", \"bus\"]. " +
                "Itineraries are Pareto-optimal in arrival, transfers and walking effort. With the bundled data the timetable is a demo " +
                "derived from OpenStreetMap route relations (`demo: true`). A short trip also gets the walk alone, as one `walk` leg, when it arrives " +
                "no later than the best ride or no ride is possible and the walk is one the planner would take to a stop. No itinerary: 422 `no-trip` with `blockers` in words and " +
                $"`least_violating_itinerary`. Body at most {MaxBodyBytes} bytes (413). Example body: " +
                "`{\"from\": {\"lat\": 49.4094, \"lon\": 8.6934}, \"to\": {\"lat\": 49.4163, \"lon\": 8.6710}, \"departure\": \"2026-12-07T08:00:00+01:00\", " +
                "\"profile\": \"wheelchair\", \"transit\": {\"accessibility\": \"penalize\", \"max_transfers\": 2}}`.")
            .Accepts<TripRequestBody>("application/json")
            .Produces<TripResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(TripExamples.Request)
            .WithResponseExample(StatusCodes.Status200OK, "application/json", TripExamples.Response)
            .WithResponseExample(StatusCodes.Status400BadRequest, "application/problem+json", TripExamples.InvalidRequest)
            .WithResponseExample(StatusCodes.Status422UnprocessableEntity, "application/problem+json", TripExamples.NoTrip);
        return routes;
    }

    internal static async Task<IResult> PostTrip(HttpRequest http, Router router, LoadedGraph graph, TripPlanner planner, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        // A body not labelled JSON is refused (415) by the endpoint's Accepts metadata, and one too large (413) by the
        // host's problem handler, as for every other door.
        var errors = new FieldErrors();
        var body = await JsonBody.ReadAsync<TripRequestBody>(http, MaxBodyBytes, json.Value.SerializerOptions, errors, cancellationToken);
        var request = body is null ? null : Validate(body with { Language = RequestLanguage.Code(http, body.Language) }, router.Profiles, errors);
        if (request is null || errors.Any)
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(http.HttpContext))));
        }
        var language = Translations.Of(request.Language);
        if (router.FirstUnplaceable([request.From, request.To], request.Profile) is { } unplaceable)
        {
            return TypedResults.Problem(Unplaceable(unplaceable, graph, request.Profile.Name, language));
        }
        var plan = planner.Plan(router, request, cancellationToken);
        if (plan.Refusal is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.NoTrip,
                detail: language.Format("trip.no_trip", request.Profile.Name, string.Join("; ", refusal.Blockers)),
                extensions: new Dictionary<string, object?>
                {
                    ["profile"] = request.Profile.Name,
                    ["demo"] = plan.Demo,
                    ["blockers"] = refusal.Blockers,
                    ["least_violating_itinerary"] = refusal.LeastViolating is { } least ? TripResponse.Of(least) : null,
                });
        }
        return TypedResults.Ok(new TripResponse(plan.Demo, plan.Demo ? language.Get("trip.demo_notice") : null, [.. plan.Itineraries.Select(TripResponse.Of)]));
    }

    /// <summary>A point no walk can start from, as a route's problem says it (in the request's language), naming the body's field.</summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails Unplaceable(RouteOutcome outcome, LoadedGraph graph, string profile, TextLanguage language) => outcome switch
    {
        PointOutsideArea outside => RouteProblems.PointOutsideArea(outside, Field(outside.WaypointIndex), graph.AreaBbox(), language),
        PointNotOnNetwork off => RouteProblems.PointNotOnNetwork(off, Field(off.WaypointIndex), profile, language),
        _ => throw new InvalidOperationException($"Unexpected placement failure {outcome.GetType().Name}"),
    };

    /// <summary>The trip's two points as a route's start and destination, with the body's field ("from", "to") in <c>field</c>.</summary>
    private static ProblemPoint Field(int index) =>
        new(index, index == 0 ? "from" : "to", "waypoint_index", "field", index == 0 ? "start" : "destination");

    private static TripRequest? Validate(TripRequestBody body, ProfileCatalog catalog, FieldErrors errors)
    {
        var from = Point(body.From, "from", errors);
        var to = Point(body.To, "to", errors);
        if (body.Departure is not null && body.Arrival is not null)
        {
            errors.AddMessage("arrival", "not_both", "departure", "arrival");
        }
        string? timeText = body.Arrival ?? body.Departure;
        string timeField = body.Arrival is not null ? "arrival" : "departure";
        DateTimeOffset time = DateTimeOffset.UtcNow;
        if (timeText is not null && !TryTime(timeText, out time))
        {
            errors.AddMessage(timeField, "not_iso_time", timeText);
        }
        var overrides = body.Constraints ?? new ConstraintOverrides();
        foreach (var (constraint, message) in overrides.Validate())
        {
            errors.Add("constraints." + constraint, message);
        }
        string profileName = body.Profile ?? ProfileCatalog.DefaultPreset;
        if (!catalog.TryGet(profileName, out var preset))
        {
            errors.AddMessage("profile", "not_a_profile", profileName, string.Join(", ", catalog.Presets.Select(p => p.Name)));
        }
        string language = Translations.English.Code;
        if (body.Language is { } asked)
        {
            if (Translations.Find(asked) is { } found)
            {
                language = found.Code;
            }
            else
            {
                errors.AddMessage("language", "not_supported", asked, string.Join(", ", Translations.Codes));
            }
        }
        var transit = body.Transit ?? new TransitOptionsBody();
        var accessibility = transit.Accessibility switch
        {
            null or "penalize" => UnknownAccessibility.Penalize,
            "strict" => UnknownAccessibility.Strict,
            _ => (UnknownAccessibility?)null,
        };
        if (accessibility is null)
        {
            errors.AddMessage("transit.accessibility", "not_supported_of_two", transit.Accessibility, "penalize", "strict");
        }
        int maxTransfers = transit.MaxTransfers ?? DefaultMaxTransfers;
        if (maxTransfers is < 0 or > MaxTransfersLimit)
        {
            errors.AddMessage("transit.max_transfers", "out_of_range_no_unit", 0, MaxTransfersLimit, maxTransfers);
        }
        var routeTypes = new HashSet<int>();
        foreach (string? mode in transit.Modes ?? [])
        {
            if (mode is not null && Modes.TryGetValue(mode, out int[]? types))
            {
                routeTypes.UnionWith(types);
            }
            else
            {
                errors.AddMessage("transit.modes", "not_a_mode", mode, string.Join(", ", Modes.Keys));
            }
        }
        if (errors.Any || from is null || to is null || preset is null)
        {
            return null;
        }
        return new TripRequest(from.Value, to.Value, time, body.Arrival is not null, overrides.ApplyTo(preset), accessibility!.Value, maxTransfers, routeTypes, language);
    }

    /// <summary>ISO 8601 with an explicit offset (<c>Z</c> or <c>+01:00</c>): a time without one would mean different moments to client and server.</summary>
    private static bool TryTime(string text, out DateTimeOffset time)
    {
        time = default;
        int t = text.IndexOf('T', StringComparison.Ordinal);
        bool hasOffset = t > 0 && (text.EndsWith('Z') || text.AsSpan(t).IndexOfAny('+', '-') > 0);
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static GeoPoint? Point(PointBody? point, string field, FieldErrors errors)
    {
        if (point is null)
        {
            errors.AddMessage(field, "point_required");
            return null;
        }
        bool ok = true;
        if (point.Lat is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            errors.AddMessage(field + ".lat", "required_degrees", -90, 90);
            ok = false;
        }
        if (point.Lon is not { } lon || !double.IsFinite(lon) || lon is < -180 or > 180)
        {
            errors.AddMessage(field + ".lon", "required_degrees", -180, 180);
            ok = false;
        }
        return ok ? new GeoPoint(point.Lat!.Value, point.Lon!.Value) : null;
    }
}
