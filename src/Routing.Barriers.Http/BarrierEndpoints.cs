using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Routing.Barriers;
using Routing.Engine;
using Routing.Texts;

namespace Routing.Barriers.Http;

/// <summary>
/// <c>/v1/barriers</c>: reports of what blocks people on wheels, their moderation, and an export for GIS tools.
/// Everyone reads active reports; reporters and planners create; planners verify, resolve, reject and edit.
/// </summary>
internal static class BarrierEndpoints
{
    private const string AccessText =
        "\n\nAccess: send an API key in the `X-Api-Key` header. Without a key only active reports (verified, inside their " +
        "validity window) are visible, and never who reported them. A reporter also sees their own reports; planners and " +
        "admins see all, with the reporter and who changed what. A wrong key is `401 api-key-invalid` everywhere; a write " +
        "without a key `401 api-key-required`; a key of the wrong role `403 forbidden`.";

    public static IEndpointRouteBuilder MapBarrierEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/barriers").WithTags("Barrier reports");

        group.MapPost("/", CreateBarrier)
            .WithName("CreateBarrier")
            .WithSummary("Report a barrier")
            .WithDescription(
                "Reports what blocks people on wheels: `kind` (elevator_out_of_service, construction, missing_kerb_ramp, high_kerb, " +
                "blocked_path, narrow_passage, steep_ramp, surface_damage, other) at `location`, a GeoJSON geometry: a Point " +
                "(pinned to the nearest fitting OSM node or way), a LineString along a closed pavement, or a Polygon around a " +
                "site (one closed ring). Optional: `description` (at most 2000 characters), a validity window `valid_from` / " +
                "`valid_until` (RFC 3339; the report stops counting when it ends), and measured facts `kerb_height_cm` (0..50), " +
                "`remaining_width_cm` (0..1000), `incline_pct` (0..100), which each profile judges against its own limits.\n\n" +
                "A reporter's report starts `reported`: it changes no route until a planner verifies it, and routes passing near " +
                "it carry an `unverified_barrier` warning. A planner's report starts `verified` and changes routes at once: the " +
                "answer comes after the new overlay is in place (within a second). The answer (201) holds the report, what it " +
                "was pinned to (`pinned`), and its history. A reporter (a key, or the person a citizen app names in `X-End-User-Id` " +
                "beside its key) may create 30 reports a minute and have 20 waiting for a planner (`429 rate-limited`, with " +
                "`quota`); only reports that were accepted count.\n\n" +
                "Errors: `invalid-request` (400, `errors` by field: a location outside the covered area, a malformed geometry, " +
                "an unknown kind, a window that ends before it starts or has ended, out-of-range facts, a too long description, " +
                "unknown fields), `location-not-on-network` (422: no way or node near enough to pin it to)." + AccessText)
            .Accepts<CreateBarrierBody>("application/json")
            .RequireKeyRole(ApiKeyRole.Reporter, ApiKeyRole.Planner)
            .WithBarrierProblems(400, 401, 403, 422, 429)
            .WithRequestExample(BarrierExamples.CreateRequest)
            .WithBarrierExample(StatusCodes.Status201Created, BarrierExamples.Report)
            .WithBarrierExample(StatusCodes.Status400BadRequest, BarrierExamples.InvalidRequest, "application/problem+json")
            .WithBarrierExample(StatusCodes.Status422UnprocessableEntity, BarrierExamples.NotOnNetwork, "application/problem+json");

        group.MapGet("/", ListBarriers)
            .WithName("ListBarriers")
            .WithSummary("List barrier reports")
            .WithDescription(
                "Reports by id, without history. Filters: `bbox=min_lon,min_lat,max_lon,max_lat` (reports whose geometry's box " +
                "meets it), `status` and `kind` (comma-separated names). Filters narrow what the caller may see; they never " +
                "widen it, and what the caller may see is decided in the store, never by reading every report. `active` is true " +
                "for reports that change routes now. Pages of `limit` reports (1 to 1000, the default): when a page is full, " +
                "`next_after` is the id to pass as `after` for the next one." + AccessText)
            .AllowAnonymousWithValidKey()
            .WithBarrierProblems(400, 401)
            .WithBarrierExample(StatusCodes.Status200OK, new BarrierListResponse([BarrierExamples.ListedReport], null));

        group.MapGet("/{id}", GetBarrier)
            .WithName("GetBarrier")
            .WithSummary("Get one barrier report with its history")
            .WithDescription(
                "The report with its `history`: when, what (created, verified, resolved, rejected, edited with the changed " +
                "fields) and, for planners and admins, by which key. A report the caller may not see is `404 barrier-not-found`, " +
                "as is one that does not exist." + AccessText)
            .AllowAnonymousWithValidKey()
            .WithBarrierProblems(401, 404)
            .WithBarrierExample(StatusCodes.Status200OK, BarrierExamples.Report);

        MapTransition(group, "verify", "VerifyBarrier", "Verify a report",
            "A planner confirms a `reported` report: it becomes `verified` and changes routes (inside its window). The answer " +
            "comes after the routes respect it (within a second).", VerifyBarrier);
        MapTransition(group, "resolve", "ResolveBarrier", "Resolve a report",
            "A planner marks a `verified` report `resolved`: the barrier is gone, routes no longer avoid it. Final.", ResolveBarrier);
        MapTransition(group, "reject", "RejectBarrier", "Reject a report",
            "A planner marks a `reported` or `verified` report `rejected`: it was wrong or could not be confirmed (a verified " +
            "report that turns out to have been wrong is rejected, not resolved). Final.", RejectBarrier);

        group.MapPatch("/{id}", EditBarrier)
            .WithName("EditBarrier")
            .WithSummary("Edit a report")
            .WithDescription(
                "A planner changes `kind`, `description`, `valid_from`, `valid_until`, `kerb_height_cm`, `remaining_width_cm` " +
                "or `incline_pct` of a `reported` or `verified` report (JSON merge patch: fields left out stay, null clears an " +
                "optional field). The location cannot change: reject and report anew. The history records which fields " +
                "changed; an edit that changes nothing records nothing. Final reports cannot be edited (`409 invalid-transition`)." + AccessText)
            .Accepts<EditBarrierBody>("application/json", "application/merge-patch+json")
            .RequireKeyRole(ApiKeyRole.Planner)
            .WithBarrierProblems(400, 401, 403, 404, 409, 422)
            .WithRequestExample(BarrierExamples.EditRequest)
            .WithBarrierExample(StatusCodes.Status200OK, BarrierExamples.Report);

        routes.MapGet("/v1/barriers.geojson", ExportGeoJson)
            .WithTags("Barrier reports")
            .WithName("ExportBarriersGeoJson")
            .WithSummary("Export barrier reports as GeoJSON")
            .WithDescription(
                "The reports the caller may see as a GeoJSON FeatureCollection (`application/geo+json`, RFC 7946) for GIS tools: " +
                "one feature per report, its geometry as reported, its facts, status and pinned OSM ids as properties. Same " +
                "filters as `GET /v1/barriers`." + AccessText)
            .AllowAnonymousWithValidKey()
            .Produces<BarrierFeatureCollection>(StatusCodes.Status200OK, "application/geo+json")
            .WithBarrierProblems(400, 401)
            .WithBarrierExample(StatusCodes.Status200OK, BarrierExamples.FeatureCollection, "application/geo+json");

        return routes;
    }

    public static async Task<Results<Created<BarrierDto>, ProblemHttpResult>> CreateBarrier(
        HttpRequest request, ClaimsPrincipal user, BarrierService service, ReportQuota quota, IOptions<BarrierOptions> options, Router router,
        BarrierOverlayRefresher refresher, CancellationToken cancellationToken)
    {
        var actor = ApiKeyAuthentication.ActorOf(user)!;
        var errors = new FieldErrors();
        var body = await BarrierBodyReader.ReadObjectAsync(request, errors, cancellationToken);
        var draft = body is { } json ? BarrierBodyReader.ReadCreate(json, router.Graph.Bounds, service.Now, errors) : null;
        if (draft is null)
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(request.HttpContext))));
        }
        var pin = router.Pin(draft.Geometry, draft.Kind);
        if (pin.IsEmpty)
        {
            return TypedResults.Problem(BarrierProblems.NotOnNetwork(draft.Geometry, RequestLanguage.OfProblem(request.HttpContext)));
        }
        if (await quota.TryAdmitAsync(actor, Math.Max(1, options.Value.ReportsPerMinute), Math.Max(1, options.Value.PendingPerReporter), cancellationToken)
            is { } refusal)
        {
            return TypedResults.Problem(BarrierProblems.QuotaExceeded(refusal, request.HttpContext.Response, RequestLanguage.OfProblem(request.HttpContext)));
        }
        var report = await service.CreateAsync(draft, pin, actor, cancellationToken);
        await refresher.WaitForCommittedChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/barriers/{report.Id}", BarrierMapper.ToDto(report, actor, service.Now, withHistory: true));
    }

    public static async Task<Results<Ok<BarrierListResponse>, ProblemHttpResult>> ListBarriers(
        [AsParameters] BarrierListQuery query, HttpRequest request, ClaimsPrincipal user, BarrierService service, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (await VisibleReportsAsync(query, request, user, service, errors, cancellationToken) is not { } page)
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(request.HttpContext))));
        }
        return TypedResults.Ok(new BarrierListResponse(
            [.. page.Reports.Select(r => BarrierMapper.ToDto(r, page.Reader, page.Now, withHistory: false))], page.NextAfter));
    }

    public static async Task<Results<JsonHttpResult<BarrierFeatureCollection>, ProblemHttpResult>> ExportGeoJson(
        [AsParameters] BarrierListQuery query, HttpRequest request, ClaimsPrincipal user, BarrierService service,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (await VisibleReportsAsync(query, request, user, service, errors, cancellationToken) is not { } page)
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(request.HttpContext))));
        }
        var collection = new BarrierFeatureCollection("FeatureCollection", [.. page.Reports.Select(r => BarrierMapper.ToFeature(r, page.Now))], page.NextAfter);
        return TypedResults.Json(collection, json.Value.SerializerOptions, "application/geo+json");
    }

    /// <summary>The id after which the next page starts, when this page is full.</summary>
    /// <summary>One page of the reports a list query asks for that its caller may see; null with the query's errors.</summary>
    private static async Task<VisiblePage?> VisibleReportsAsync(BarrierListQuery query, HttpRequest request, ClaimsPrincipal user,
        BarrierService service, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (query.Parse(request.Query.Keys, errors) is not { } filter)
        {
            return null;
        }
        var reader = ApiKeyAuthentication.ActorOf(user);
        var now = service.Now;
        var reports = await service.ListAsync(filter with { VisibleTo = BarrierPermissions.VisibilityFor(reader, now) }, cancellationToken);
        return new VisiblePage(reports, reader, now, NextAfter(reports, filter));
    }

    private sealed record VisiblePage(IReadOnlyList<BarrierReport> Reports, Actor? Reader, DateTimeOffset Now, long? NextAfter);

    private static long? NextAfter(IReadOnlyList<BarrierReport> page, BarrierQuery query) =>
        query.Limit is { } limit && page.Count == limit ? page[^1].Id : null;

    public static async Task<Results<Ok<BarrierDto>, ProblemHttpResult>> GetBarrier(
        string id, HttpContext http, ClaimsPrincipal user, BarrierService service, CancellationToken cancellationToken)
    {
        var reader = ApiKeyAuthentication.ActorOf(user);
        var now = service.Now;
        if (ParseId(id) is not { } reportId || await service.GetAsync(reportId, cancellationToken) is not { } report
            || !BarrierPermissions.CanSee(reader, report, now))
        {
            return TypedResults.Problem(BarrierProblems.NotFound(id, RequestLanguage.OfProblem(http)));
        }
        return TypedResults.Ok(BarrierMapper.ToDto(report, reader, now, withHistory: true));
    }

    public static Task<Results<Ok<BarrierDto>, ProblemHttpResult>> VerifyBarrier(
        string id, HttpContext http, ClaimsPrincipal user, BarrierService service, BarrierOverlayRefresher refresher, CancellationToken cancellationToken) =>
        Transition(id, BarrierAction.Verified, http, user, service, refresher, cancellationToken);

    public static Task<Results<Ok<BarrierDto>, ProblemHttpResult>> ResolveBarrier(
        string id, HttpContext http, ClaimsPrincipal user, BarrierService service, BarrierOverlayRefresher refresher, CancellationToken cancellationToken) =>
        Transition(id, BarrierAction.Resolved, http, user, service, refresher, cancellationToken);

    public static Task<Results<Ok<BarrierDto>, ProblemHttpResult>> RejectBarrier(
        string id, HttpContext http, ClaimsPrincipal user, BarrierService service, BarrierOverlayRefresher refresher, CancellationToken cancellationToken) =>
        Transition(id, BarrierAction.Rejected, http, user, service, refresher, cancellationToken);

    public static async Task<Results<Ok<BarrierDto>, ProblemHttpResult>> EditBarrier(
        string id, HttpRequest request, ClaimsPrincipal user, BarrierService service, Router router, BarrierOverlayRefresher refresher,
        CancellationToken cancellationToken)
    {
        var actor = ApiKeyAuthentication.ActorOf(user)!;
        var language = RequestLanguage.OfProblem(request.HttpContext);
        if (ParseId(id) is not { } reportId || await service.GetAsync(reportId, cancellationToken) is not { } current)
        {
            return TypedResults.Problem(BarrierProblems.NotFound(id, language));
        }
        var errors = new FieldErrors();
        var body = await BarrierBodyReader.ReadObjectAsync(request, errors, cancellationToken);
        var edit = body is { } json ? BarrierBodyReader.ReadEdit(json, errors) : null;
        if (edit is null)
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(language)));
        }
        if (edit.Kind.IsSet && edit.Kind.Value != current.Kind)
        {
            var pin = router.Pin(current.Geometry, edit.Kind.Value);
            if (pin.IsEmpty)
            {
                return TypedResults.Problem(BarrierProblems.NotOnNetwork(current.Geometry, language));
            }
            edit = edit with { Pin = pin };
        }
        else if (edit.Kind.IsSet)
        {
            edit = edit with { Pin = current.Pin };
        }
        return await Answer(id, await service.EditAsync(reportId, edit, actor, cancellationToken), actor, service, refresher, language, cancellationToken);
    }

    private static void MapTransition(RouteGroupBuilder group, string verb, string name, string summary, string description, Delegate handler) =>
        group.MapPost("/{id}/" + verb, handler)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + " Not allowed in the report's status: `409 invalid-transition` with `report_status` and " +
                "`allowed_actions`. The history records when and by whom." + AccessText)
            .RequireKeyRole(ApiKeyRole.Planner)
            .WithBarrierProblems(401, 403, 404, 409)
            .WithBarrierExample(StatusCodes.Status200OK, BarrierExamples.Report)
            .WithBarrierExample(StatusCodes.Status409Conflict, BarrierExamples.InvalidTransition, "application/problem+json");

    private static async Task<Results<Ok<BarrierDto>, ProblemHttpResult>> Transition(
        string id, BarrierAction action, HttpContext http, ClaimsPrincipal user, BarrierService service, BarrierOverlayRefresher refresher,
        CancellationToken cancellationToken)
    {
        var actor = ApiKeyAuthentication.ActorOf(user)!;
        var language = RequestLanguage.OfProblem(http);
        if (ParseId(id) is not { } reportId)
        {
            return TypedResults.Problem(BarrierProblems.NotFound(id, language));
        }
        return await Answer(id, await service.TransitionAsync(reportId, action, actor, cancellationToken), actor, service, refresher, language, cancellationToken);
    }

    private static async Task<Results<Ok<BarrierDto>, ProblemHttpResult>> Answer(
        string id, BarrierChangeResult result, Actor actor, BarrierService service, BarrierOverlayRefresher refresher, TextLanguage language,
        CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case BarrierChangeOutcome.NotFound:
                return TypedResults.Problem(BarrierProblems.NotFound(id, language));
            case BarrierChangeOutcome.NotAllowed:
                return TypedResults.Problem(BarrierProblems.InvalidTransition(result.Report!, result.Message!, language));
            case BarrierChangeOutcome.Invalid:
                return TypedResults.Problem(HttpProblems.InvalidRequest(new Dictionary<string, string[]> { ["valid_until"] = [result.Message!.In(language)] }));
            case BarrierChangeOutcome.Changed:
                await refresher.WaitForCommittedChangesAsync(cancellationToken);
                break;
        }
        // Changed or unchanged: the report as it is now, with its history.
        var report = await service.GetAsync(result.Report!.Id, cancellationToken) ?? result.Report;
        return TypedResults.Ok(BarrierMapper.ToDto(report, actor, service.Now, withHistory: true));
    }

    private static long? ParseId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 ? value : null;
}
