using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Routing.Barriers;
using Routing.Elevators.Store;
using Routing.Engine;
using Routing.Http;
using Routing.Engine.Barriers;
using Routing.Texts;

namespace Routing.Elevators.Http;

/// <summary>
/// <c>/v1/elevators</c>: every equipment with its state, age, match and feed; its history; the most hours out of
/// service (planners); a planner's hand-made match. Thin: the room's board and store do the work, the host's problem
/// vocabulary answers errors, and the host hands in its role conventions.
/// </summary>
public static class ElevatorEndpoints
{
    /// <summary>What DB's licence asks for beside its data (the FaSta API is CC BY 4.0), shown with every list.</summary>
    public const string Attribution = "Elevator states from the configured feeds; Deutsche Bahn's FaSta data: © DB InfraGO AG, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).";

    /// <summary>The window of the history's hours out of service, and the ranking's default.</summary>
    public const int HistoryDays = 30;

    /// <param name="anyone">The host's convention for reads anyone may make (a key, when sent, must be valid).</param>
    /// <param name="planners">The host's convention for planners only.</param>
    public static IEndpointRouteBuilder MapElevatorEndpoints(this IEndpointRouteBuilder app, Action<IEndpointConventionBuilder> anyone, Action<IEndpointConventionBuilder> planners)
    {
        ArgumentNullException.ThrowIfNull(anyone);
        ArgumentNullException.ThrowIfNull(planners);
        var group = app.MapGroup("/v1/elevators").WithTags("Elevators");
        anyone(group.MapGet("", ListAsync).WithName("ListElevators")
            .WithSummary("Every elevator the feeds report: state, age, match on the graph, feed")
            .WithDescription("Each equipment any configured feed answered, with the state routes see (working, out_of_service, unknown: a state older than Elevators:StaleAfterSeconds is unknown), what the feed last said, since when, when it was last confirmed, and the graph's elevator node or way it was matched to (null when none lies within Elevators:MatchDistanceM: listed, not guessed). Carries the feeds' licence attribution."));
        anyone(group.MapGet("/{id}/history", HistoryAsync).WithName("ElevatorHistory")
            .WithSummary("An elevator's state changes, and its hours out of service in the last 30 days")
            .WithDescription("Every state change the feeds reported for the equipment, oldest first. 404 when no feed ever reported it."));
        planners(group.MapGet("/out-of-service", OutOfServiceAsync).WithName("ElevatorsOutOfService")
            .WithSummary("The elevators with the most hours out of service (planners)")
            .WithDescription("Hours out of service in the last `days` (1 to 3660, default 30), most first, at most `limit` (1 to 1000, default 20), with the outages begun in that time. Needs a planner key."));
        planners(group.MapPut("/{id}/match", MatchAsync).WithName("MatchElevator")
            .WithSummary("Fix an elevator's match by hand: the point of its node or way, or null for none (planners)")
            .WithDescription("Body `{\"lat\": ..., \"lon\": ...}`: the point of the graph's elevator node or way meant (within 2 m; else 422), or both null: the equipment is not on this graph. Stored, and in force on every replica at once. 404 for an equipment no feed reported. Needs a planner key."));
        return app;
    }

    private static async Task<Ok<ElevatorListDto>> ListAsync(ElevatorBoard board, Router router, TimeProvider time, IOptions<ElevatorOptions> options,
        CancellationToken cancellationToken)
    {
        var views = await board.ViewsAsync(router.Graph, cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new ElevatorListDto([.. views.Select(v => ToDto(v, now))], options.Value.StaleAfterSeconds, options.Value.MatchDistanceM, Attribution));
    }

    private static async Task<Results<Ok<ElevatorHistoryDto>, ProblemHttpResult>> HistoryAsync(string id, HttpContext http, IElevatorStore store, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var changes = await store.HistoryAsync(id, cancellationToken);
        if (changes.Count == 0)
        {
            return NotFound(id, http);
        }
        var now = time.GetUtcNow();
        var (hours, _) = ElevatorHistory.OutOfService(changes, now.AddDays(-HistoryDays), now);
        return TypedResults.Ok(new ElevatorHistoryDto(id, [.. changes.Select(c => new StateChangeDto(FeedStateNames.Of(c.State), c.At, c.Explanation))],
            Math.Round(hours, 2)));
    }

    private static async Task<Results<Ok<OutOfServiceDto>, ProblemHttpResult>> OutOfServiceAsync(HttpContext http, IElevatorStore store, ElevatorBoard board, Router router,
        TimeProvider time, CancellationToken cancellationToken, int days = HistoryDays, int limit = 20)
    {
        var errors = new FieldErrors();
        if (days is < 1 or > 3660)
        {
            errors.AddMessage("days", "whole_number_from_to", 1, 3660);
        }
        if (limit is < 1 or > 1000)
        {
            errors.AddMessage("limit", "whole_number_from_to", 1, 1000);
        }
        if (errors.Any)
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(http))));
        }
        var now = time.GetUtcNow();
        var views = (await board.ViewsAsync(router.Graph, cancellationToken)).ToDictionary(v => v.Stored.Id);
        var rows = (await store.HistoryAsync(null, cancellationToken))
            .GroupBy(c => c.Id)
            .Select(g => (Id: g.Key, Out: ElevatorHistory.OutOfService(g, now.AddDays(-days), now)))
            .Where(r => r.Out.Hours > 0)
            .OrderByDescending(r => r.Out.Hours).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(r => views.TryGetValue(r.Id, out var v)
                ? new OutOfServiceRowDto(r.Id, v.Stored.Description, v.Stored.Station, v.StationName, Math.Round(r.Out.Hours, 2), r.Out.Outages, StateName(v.Live.State))
                : new OutOfServiceRowDto(r.Id, null, null, null, Math.Round(r.Out.Hours, 2), r.Out.Outages, StateName(LiveElevatorState.Unknown)));
        return TypedResults.Ok(new OutOfServiceDto(days, [.. rows]));
    }

    private static async Task<Results<Ok<ElevatorDto>, ProblemHttpResult>> MatchAsync(string id, MatchRequest body, HttpContext http,
        IElevatorStore store, ElevatorBoard board, BarrierService barriers, Router router, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.Lat is null != body.Lon is null
            || body.Lat is { } lat && (!double.IsFinite(lat) || Math.Abs(lat) > 90)
            || body.Lon is { } lon && (!double.IsFinite(lon) || Math.Abs(lon) > 180))
        {
            var errors = new FieldErrors();
            errors.AddMessage("lat", "elevator_point");
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(http))));
        }
        var point = body.Lat is { } la && body.Lon is { } lo ? new GeoPoint(la, lo) : (GeoPoint?)null;
        if (point is { } p && BarrierOverlay.MatchElevator(router.Graph, p, ElevatorBoard.HandMatchM, level: null) is null)
        {
            return TypedResults.Problem(HttpProblems.Create(ProblemTypes.LocationNotOnNetwork, StatusCodes.Status422UnprocessableEntity, new Phrase(
                "problem.elevator_not_near", ElevatorBoard.HandMatchM, p.Lat, p.Lon).In(RequestLanguage.OfProblem(http))));
        }
        var now = time.GetUtcNow();
        if (!await store.SetMatchAsync(id, new HandMatch(point, http.User.Identity?.Name ?? "planner", now), cancellationToken))
        {
            return NotFound(id, http);
        }
        barriers.Changes.Advance(); // this replica's overlay at once; others through the store's notification
        var view = (await board.ViewsAsync(router.Graph, cancellationToken)).First(v => v.Stored.Id == id);
        return TypedResults.Ok(ToDto(view, now));
    }

    private static ProblemHttpResult NotFound(string id, HttpContext http) =>
        TypedResults.Problem(HttpProblems.Create(ProblemTypes.NotFound, StatusCodes.Status404NotFound,
            RequestLanguage.OfProblem(http).Format("problem.elevator_not_found", id)));

    private static ElevatorDto ToDto(ElevatorView view, DateTimeOffset now)
    {
        var s = view.Stored;
        var match = view.Match is { Pin: { PinnedPoint: { } at } pin } matched
            ? new ElevatorMatchDto(pin.OsmNodeIds, pin.OsmWayIds, at.Lat, at.Lon, s.HandMatch is null ? Math.Round(pin.DistanceM ?? 0, 1) : null,
                matched.Levels, AgreementName(matched.Agreement), s.HandMatch is not null, s.HandMatch?.By, s.HandMatch?.At)
            : null;
        return new ElevatorDto(s.Id, s.Feed, s.FeedId, s.Description, s.Station, view.StationName, s.Lat, s.Lon, s.Level, StateName(view.Live.State), FeedStateNames.Of(s.State),
            s.Explanation, view.Stale, view.Live.Since, s.CheckedAt, Math.Max(0, (long)(now - s.CheckedAt).TotalSeconds), match);
    }

    private static string AgreementName(LevelAgreement agreement) => agreement switch
    {
        LevelAgreement.Same => "same",
        LevelAgreement.Different => "different",
        _ => "unknown",
    };

    private static string StateName(LiveElevatorState state) => state switch
    {
        LiveElevatorState.Working => "working",
        LiveElevatorState.OutOfService => "out_of_service",
        _ => "unknown",
    };
}
