using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Routing.Analysis;
using Routing.Barriers.Http;
using Routing.Texts;
using Routing.Engine;
using Routing.Engine.Reach;
using Routing.GeoFormats;
using Routing.Http;

namespace Routing.Analysis.Http;

/// <summary><c>/v1/isochrones</c> and <c>/v1/matrix</c>: what a profile reaches, and what every trip between two sets of points costs.</summary>
internal static class AnalysisEndpoints
{
    public const int MaxOrigins = 10;
    public const int MaxRanges = 6;
    public const double MaxRangeS = 3600;
    public const double MaxRangeM = 5_000;
    public const int MaxMatrixSide = 100;
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The fix-first rankings that run in the background.</summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services) => services.AddSingleton<FixFirstJobs>();

    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Analysis");
        group.MapPost("/isochrones", PostIsochrones)
            .WithName("PostIsochrones")
            .WithQuota(Quota.Expensive)
            .WithSummary("What a profile reaches from each origin within each range")
            .WithDescription(
                "One search per origin with the profile and its constraints, barrier reports included. `ranges_s` bound the " +
                "profile's cost in seconds (a route's `cost_s`: on level, smooth, known ways the duration), `ranges_m` the " +
                "metres along the shortest usable ways. The answer is a GeoJSON FeatureCollection with one Polygon or " +
                "MultiPolygon per origin and range: the reached ways, partly reached ones cut where the budget ends, " +
                $"widened by {Isochrones.CorridorM} m each side and joined, with holes where nothing is reached. Bounds: " +
                $"{MaxOrigins} origins, {MaxRanges} ranges, {MaxRangeS} s or {MaxRangeM} m, and a work budget: the sum over origins and " +
                $"ranges of (reach in km)² at most {IsochroneBudget.MaxReachKm2} (a range in seconds reaches as far as the profile's " +
                "speed goes in that time); over it `422 work-budget-exceeded`, before any search.")
            .Accepts<IsochroneRequestBody>("application/json")
            .Produces<IsochroneCollection>(StatusCodes.Status200OK, "application/geo+json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new IsochroneRequestBody
            {
                Origins = [new PointDto { Lat = 49.4094, Lon = 8.6934 }],
                Profile = "wheelchair",
                RangesS = [300, 600, 900],
            });
        group.MapPost("/matrix", PostMatrix)
            .WithName("PostMatrix")
            .WithQuota(Quota.Expensive)
            .WithSummary("Durations and distances between every source and every destination")
            .WithDescription(
                "For each source one search that stops once every destination is reached; each value equals what " +
                "`/v1/routes` answers for that pair (`duration_s`, `distance_m`, `cost_s`), null where there is no route " +
                $"or a point cannot be placed (its `problem` says why). At most {MaxMatrixSide} sources and {MaxMatrixSide} destinations.")
            .Accepts<MatrixRequestBody>("application/json")
            .Produces<MatrixResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithRequestExample(new MatrixRequestBody
            {
                Sources = [new PointDto { Lat = 49.4094, Lon = 8.6934 }],
                Destinations = [new PointDto { Lat = 49.4122, Lon = 8.7101 }, new PointDto { Lat = 49.4105, Lon = 8.7098 }],
                Profile = "wheelchair",
            });
        group.MapPost("/fix-first", PostFixFirst)
            .WithName("PostFixFirst")
            .WithQuota(Quota.Expensive)
            .WithSummary("Which barrier to fix first")
            .WithDescription(
                "Every step, measured slope, kerb and barrier the profile's rules block, ranked by the network length mending " +
                "it would open within `minutes` from the `origins` (one search per origin, then one per origin whose reach " +
                "touches a candidate); without `origins`, from every public-transport stop of the extract. Barrier reports " +
                "in force count. `format=geojson` or `csv` for QGIS.")
            .Accepts<FixFirstRequestBody>("application/json")
            .Produces<FixFirstResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/fix-first/jobs", PostFixFirstJob)
            .WithName("PostFixFirstJob")
            .WithQuota(Quota.Expensive)
            .WithSummary("Start the fix-first ranking in the background (planner key)")
            .WithDescription("The same body as `/v1/fix-first` (without `format`), with `minutes` up to 60; needs a key with role " +
                "`planner` in `X-Api-Key`. Answers 202 at once with the job (`id`, `status`: queued, running, done, failed or " +
                $"cancelled, `progress` 0..1) and its address in `Location`; poll it for the result. One job computes at a time and " +
                $"at most {FixFirstJobs.MaxPending} are queued or running: one more is `429 too-many-requests` with Retry-After. " +
                $"The last {FixFirstJobs.Kept} jobs are kept; an older one pushed out of that list is cancelled.")
            .Accepts<FixFirstRequestBody>("application/json")
            .RequireKeyRole(Routing.Barriers.ApiKeyRole.Planner)
            .Produces<FixFirstJobDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/fix-first/jobs/{id}", GetFixFirstJob)
            .WithName("GetFixFirstJob")
            .WithSummary("A fix-first job: its progress, and its ranking when done")
            .Produces<FixFirstJobDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/fix-first/jobs/{id}", CancelFixFirstJob)
            .WithName("CancelFixFirstJob")
            .WithSummary("Cancel a fix-first job (planner key)")
            .WithDescription("Stops a queued or running job within milliseconds (its status becomes `cancelled`, 200 with the job); " +
                "a finished job is left as it is. Needs a key with role `planner`.")
            .RequireKeyRole(Routing.Barriers.ApiKeyRole.Planner)
            .Produces<FixFirstJobDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/barrier-impact", PostBarrierImpact)
            .WithName("PostBarrierImpact")
            .WithQuota(Quota.Expensive)
            .WithSummary("What each barrier report in force takes from people's reach")
            .WithDescription(
                "For every verified report in force: the network length reachable within `minutes` from the `origins` (by " +
                "default every public-transport stop) without the report and not with it, summed over the origins, and how " +
                "many origins lose something. Takes the same body as `/v1/fix-first` (without `format`).")
            .Accepts<FixFirstRequestBody>("application/json")
            .Produces<BarrierImpactResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/audit", GetAudit)
            .WithName("GetAudit")
            .WithQuota(Quota.Expensive)
            .WithSummary("Where the data is too thin to judge: unknown facts per grid cell")
            .WithDescription(
                "For a grid of square cells (`cell_m`, 50..5000, default 250) over the whole graph: the walkable length, the " +
                "shares of it whose surface, smoothness, width or incline are unknown, the share whose incline only a " +
                "low-confidence terrain reading gives, the crossings without any kerb data and the kerbs of unknown height. " +
                "`format=geojson` (default, a FeatureCollection of cell polygons for a map or QGIS) or `format=csv`.")
            .Produces<AuditCollection>(StatusCodes.Status200OK, "application/geo+json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    public const int MaxFixOrigins = 500;

    public static async Task<Results<Ok<FixFirstResponse>, JsonHttpResult<FixCollection>, ContentHttpResult, ProblemHttpResult>> PostFixFirst(
        HttpRequest request, Router router, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (query, problem) = await ReadFixFirstAsync(request, router, json.Value, allowFormat: true, FixFirstBudget.MaxOriginMinutes2, cancellationToken);
        if (query is null)
        {
            return TypedResults.Problem(problem!);
        }
        var ranking = FixFirst.Rank(router, query.Origins, query.Profile, query.Minutes, cancellationToken: cancellationToken);
        var answer = Answer(ranking);
        return query.Format switch
        {
            "geojson" => TypedResults.Json(FixCollection.From(answer), json.Value.SerializerOptions, "application/geo+json"),
            "csv" => TypedResults.Text(FixFirst.Csv(ranking), "text/csv", System.Text.Encoding.UTF8),
            _ => TypedResults.Ok(answer),
        };
    }

    /// <summary>Starts the ranking in the background and answers at once with the job to poll.</summary>
    public static async Task<Results<Accepted<FixFirstJobDto>, ProblemHttpResult>> PostFixFirstJob(
        HttpRequest request, Router router, FixFirstJobs jobs, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (query, problem) = await ReadFixFirstAsync(request, router, json.Value, allowFormat: false, FixFirstBudget.MaxJobOriginMinutes2, cancellationToken);
        if (query is null)
        {
            return TypedResults.Problem(problem!);
        }
        if (jobs.TryStart((progress, token) => Answer(FixFirst.Rank(router, query.Origins, query.Profile, query.Minutes, progress, token))) is not { } job)
        {
            request.HttpContext.Response.Headers.RetryAfter = FixFirstJobs.RetryAfterS.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var full = HttpProblems.Create(ProblemTypes.TooManyRequests, StatusCodes.Status429TooManyRequests,
                $"{FixFirstJobs.MaxPending} fix-first jobs are queued or running, the most this service keeps; try again in {FixFirstJobs.RetryAfterS} s " +
                "or cancel one (DELETE /v1/fix-first/jobs/{id}).");
            full.Extensions["quota"] = "fix_first_jobs";
            full.Extensions["retry_after_s"] = FixFirstJobs.RetryAfterS;
            return TypedResults.Problem(full);
        }
        return TypedResults.Accepted($"/v1/fix-first/jobs/{job.Id}", job.ToDto());
    }

    public static Results<Ok<FixFirstJobDto>, ProblemHttpResult> GetFixFirstJob(string id, HttpContext http, FixFirstJobs jobs) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(job.ToDto()) : TypedResults.Problem(JobNotFound(id, http));

    public static Results<Ok<FixFirstJobDto>, ProblemHttpResult> CancelFixFirstJob(string id, HttpContext http, FixFirstJobs jobs) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(job.Cancel().ToDto()) : TypedResults.Problem(JobNotFound(id, http));

    private static Microsoft.AspNetCore.Mvc.ProblemDetails JobNotFound(string id, HttpContext http) =>
        HttpProblems.Create(ProblemTypes.NotFound, StatusCodes.Status404NotFound,
            RequestLanguage.OfProblem(http).Format("problem.fix_first_job_not_found", id, FixFirstJobs.Kept.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static async Task<Results<Ok<BarrierImpactResponse>, ProblemHttpResult>> PostBarrierImpact(
        HttpRequest request, Router router, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (query, problem) = await ReadFixFirstAsync(request, router, json.Value, allowFormat: false, FixFirstBudget.MaxOriginMinutes2, cancellationToken);
        if (query is null)
        {
            return TypedResults.Problem(problem!);
        }
        var impacts = router.ReportImpacts(query.Origins, query.Profile, query.Minutes * 60, cancellationToken);
        return TypedResults.Ok(new BarrierImpactResponse([.. impacts.OrderByDescending(i => i.LostM).Select(i => new BarrierImpactDto(
            i.ReportId, JsonNamingPolicy.SnakeCaseLower.ConvertName(i.Kind.ToString()), RouteMapper.Metres(i.LostM), i.OriginsLosing))]));
    }

    /// <summary>A checked fix-first or barrier-impact request: the origins (by default every stop), the profile, the budget.</summary>
    private sealed record FixFirstQuery(IReadOnlyList<GeoPoint> Origins, Routing.Engine.Profiles.ProfileSettings Profile, double Minutes, string? Format);

    /// <param name="maxOriginMinutes2">The work budget: origins × minutes² (see <see cref="FixFirstBudget"/>).</param>
    private static async Task<(FixFirstQuery? Query, Microsoft.AspNetCore.Mvc.ProblemDetails? Problem)> ReadFixFirstAsync(
        HttpRequest request, Router router, JsonOptions json, bool allowFormat, double maxOriginMinutes2, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadAsync<FixFirstRequestBody>(request, MaxBodyBytes, json.SerializerOptions, errors, cancellationToken);
        var origins = body is { Origins: null } ? FixFirst.TransportStops(router.Graph) : Points(body?.Origins, "origins", MaxFixOrigins, errors);
        double minutes = body?.Minutes ?? 10;
        if (!double.IsFinite(minutes) || minutes < 1 || minutes > 60)
        {
            errors.AddMessage("minutes", "out_of_range_no_unit", 1, 60, minutes);
        }
        if (body?.Format is { } format && (!allowFormat || format is not ("json" or "geojson" or "csv")))
        {
            errors.Add("format", allowFormat ? Phrase.FieldError("not_supported_of_three", format, "json", "geojson", "csv") : Phrase.FieldError("not_a_field_here"));
        }
        if (!RouteRequestValidator.TryProfile(body?.Profile, body?.Constraints, "constraints.", router.Profiles, RequestLanguage.Of(request, null), errors, out var profile, out var problem))
        {
            return (null, problem);
        }
        double work = FixFirstBudget.OriginMinutes2(origins.Count, minutes);
        if (work > maxOriginMinutes2)
        {
            return (null, WorkBudgetExceeded("minutes", work, maxOriginMinutes2, "origin-minutes²",
                $"{origins.Count} origins at {minutes} minutes ask for {work:0} origin-minutes² (origins × minutes²); at most {maxOriginMinutes2:0} here " +
                $"(every stop of Heidelberg at {FixFirstBudget.SyncMinutesForAllStops} minutes). Ask for fewer origins or minutes, or start a job " +
                "(POST /v1/fix-first/jobs, planner key), which takes up to " + $"{FixFirstBudget.MaxJobOriginMinutes2:0}."));
        }
        return (new FixFirstQuery(origins, profile, minutes, body?.Format), null);
    }

    private static FixFirstResponse Answer(FixRanking ranking) =>
        new(ranking.Origins, RouteMapper.Metres(ranking.BaselineM), ranking.CandidatesChecked, [.. ranking.Fixes.Select((f, i) => FixDtoOf(f, i + 1))]);

    private static FixDto FixDtoOf(RankedFix fix, int rank)
    {
        var c = fix.Candidate;
        string constraint = JsonNamingPolicy.SnakeCaseLower.ConvertName(c.Violation.Constraint.ToString());
        string where = c.OsmWayId is { } way ? $"way {way}" : $"node {c.OsmNodeId}";
        return new FixDto(rank, constraint, c.Fix, RouteMapper.Metres(fix.GainM), fix.OriginsGaining, RouteMapper.Location(c.Location),
            c.OsmWayId, c.OsmNodeId, $"{c.Fix} at {where}: opens {Math.Round(fix.GainM):0} m to {fix.OriginsGaining} origin(s)");
    }

    public const double MinAuditCellM = 50;
    public const double MaxAuditCellM = 5000;

    public static Results<JsonHttpResult<AuditCollection>, ContentHttpResult, ProblemHttpResult> GetAudit(
        HttpRequest request, Router router, IOptions<JsonOptions> json, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "cell_m")] string? cellM = null,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "format")] string? format = null)
    {
        var errors = new FieldErrors();
        double cell = 250;
        if (cellM is not null && (!double.TryParse(cellM, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out cell)
            || cell < MinAuditCellM || cell > MaxAuditCellM))
        {
            errors.AddMessage("cell_m", "number_between_was", MinAuditCellM, MaxAuditCellM, Phrase.FieldError("unit.metres"), cellM);
        }
        if (format is not (null or "geojson" or "csv"))
        {
            errors.AddMessage("format", "not_supported_of_two", format, "geojson", "csv");
        }
        if (errors.Any)
        {
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(request.HttpContext))));
        }
        var cells = DataQualityAudit.ByGrid(router.Graph, cell);
        return format == "csv"
            ? TypedResults.Text(AuditCsv.Write(cells), "text/csv", System.Text.Encoding.UTF8)
            : TypedResults.Json(AuditCollection.From(cells), json.Value.SerializerOptions, "application/geo+json");
    }

    public static async Task<Results<JsonHttpResult<IsochroneCollection>, ProblemHttpResult>> PostIsochrones(
        HttpRequest request, Router router, LoadedGraph graph, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadAsync<IsochroneRequestBody>(request, MaxBodyBytes, json.Value.SerializerOptions, errors, cancellationToken);
        var origins = Points(body?.Origins, "origins", MaxOrigins, errors);
        var (metric, ranges) = Ranges(body, errors);
        if (!RouteRequestValidator.TryProfile(body?.Profile, body?.Constraints, "constraints.", router.Profiles, RequestLanguage.Of(request, null), errors, out var profile, out var problem))
        {
            return TypedResults.Problem(problem);
        }
        double workKm2 = IsochroneBudget.WorkKm2(origins.Count, ranges, metric, profile);
        if (workKm2 > IsochroneBudget.MaxReachKm2)
        {
            return TypedResults.Problem(WorkBudgetExceeded("origins", workKm2, IsochroneBudget.MaxReachKm2, "km²",
                $"These origins and ranges ask for {workKm2:0.#} km² of reach (the sum over origins and ranges of (reach in km)²); " +
                $"at most {IsochroneBudget.MaxReachKm2} km² are drawn per request. Ask for fewer origins, fewer or shorter ranges."));
        }
        var (isochrones, failure) = Routing.Analysis.Isochrones.Compute(router, origins, profile, metric, ranges, cancellationToken);
        if (failure is not null)
        {
            return TypedResults.Problem(PlacementProblem(failure, graph, profile.Name, RequestLanguage.Of(request, null)));
        }
        var features = isochrones.Select(i => new GeoJsonFeature<GeoJsonGeometry, IsochroneProperties>(GeoJsonGeometry.OfArea(i.Area), new IsochroneProperties(
            i.OriginIndex,
            metric == ReachMetric.CostS ? i.Range : null,
            metric == ReachMetric.LengthM ? i.Range : null,
            RouteMapper.Metres(i.ReachedLengthM),
            Math.Round(i.AreaM2),
            profile.Name))).ToList();
        return TypedResults.Json(new IsochroneCollection("FeatureCollection", features), json.Value.SerializerOptions, "application/geo+json");
    }

    public static async Task<Results<Ok<MatrixResponse>, ProblemHttpResult>> PostMatrix(
        HttpRequest request, Router router, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var body = await JsonBody.ReadAsync<MatrixRequestBody>(request, MaxBodyBytes, json.Value.SerializerOptions, errors, cancellationToken);
        var sources = Points(body?.Sources, "sources", MaxMatrixSide, errors);
        var destinations = Points(body?.Destinations, "destinations", MaxMatrixSide, errors);
        if (!RouteRequestValidator.TryProfile(body?.Profile, body?.Constraints, "constraints.", router.Profiles, RequestLanguage.Of(request, null), errors, out var profile, out var problem))
        {
            return TypedResults.Problem(problem);
        }
        var matrix = router.Matrix(sources, destinations, profile, cancellationToken: cancellationToken);
        return TypedResults.Ok(new MatrixResponse(
            Rounded(matrix.DurationsS), Rounded(matrix.DistancesM), Rounded(matrix.CostsS),
            [.. matrix.Sources.Select(PointDtoOf)], [.. matrix.Destinations.Select(PointDtoOf)]));
    }

    private static List<GeoPoint> Points(IReadOnlyList<PointDto?>? points, string field, int max, FieldErrors errors)
    {
        var result = new List<GeoPoint>();
        if (points is null || points.Count == 0)
        {
            errors.AddMessage(field, "points_required", max);
        }
        else if (points.Count > max)
        {
            errors.AddMessage(field, "too_many_points", max, points.Count);
        }
        else
        {
            for (int i = 0; i < points.Count; i++)
            {
                RouteRequestValidator.AddPoint(points[i], $"{field}[{i}]", result, errors);
            }
        }
        return result;
    }

    private static (ReachMetric Metric, IReadOnlyList<double> Ranges) Ranges(IsochroneRequestBody? body, FieldErrors errors)
    {
        var (metric, ranges, field, max) = (body?.RangesS, body?.RangesM) switch
        {
            ({ } _, { } _) => (ReachMetric.CostS, (IReadOnlyList<double>?)null, "ranges_m", 0.0),
            (null, { } metres) => (ReachMetric.LengthM, metres, "ranges_m", MaxRangeM),
            ({ } seconds, null) => (ReachMetric.CostS, seconds, "ranges_s", MaxRangeS),
            _ => (ReachMetric.CostS, null, "ranges_s", 0.0),
        };
        if (ranges is null)
        {
            errors.Add(field, body?.RangesS is not null ? Phrase.FieldError("not_both", "ranges_s", "ranges_m") : Phrase.FieldError("ranges_required", "ranges_m", MaxRanges));
            return (metric, [1]);
        }
        if (ranges.Count == 0 || ranges.Count > MaxRanges)
        {
            errors.AddMessage(field, "count_range", MaxRanges, ranges.Count);
        }
        for (int i = 0; i < ranges.Count; i++)
        {
            if (!double.IsFinite(ranges[i]) || ranges[i] < 1 || ranges[i] > max)
            {
                errors.AddMessage($"{field}[{i}]", "out_of_range_no_unit", 1, max, ranges[i]);
            }
        }
        return (metric, ranges.Count == 0 ? [1] : ranges);
    }

    /// <summary>422 <c>work-budget-exceeded</c>: within every single limit, but more work than one request may ask for.</summary>
    internal static Microsoft.AspNetCore.Mvc.ProblemDetails WorkBudgetExceeded(string field, double requested, double limit, string unit, string detail)
    {
        var problem = HttpProblems.Create(ProblemTypes.WorkBudgetExceeded, StatusCodes.Status422UnprocessableEntity, detail);
        problem.Extensions["field"] = field;
        problem.Extensions["requested"] = Math.Round(requested, 1);
        problem.Extensions["limit"] = limit;
        problem.Extensions["unit"] = unit;
        return problem;
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails PlacementProblem(RouteOutcome failure, LoadedGraph graph, string profile, TextLanguage language) =>
        failure switch
        {
            PointOutsideArea outside => RouteProblems.PointOutsideArea(outside, Origin(outside.WaypointIndex), graph.AreaBbox(), language),
            PointNotOnNetwork notOnNetwork => RouteProblems.PointNotOnNetwork(notOnNetwork, Origin(notOnNetwork.WaypointIndex), profile, language),
            _ => throw new InvalidOperationException($"Unexpected placement failure {failure.GetType().Name}"),
        };

    private static ProblemPoint Origin(int index) => new(index, $"origin {index}", "origin_index", null, "origin");

    private static MatrixPointDto PointDtoOf(MatrixPoint point) =>
        new(RouteMapper.Location(point.Requested), point.Snapped is { } snapped ? RouteMapper.Location(snapped) : null, point.Problem);

    private static double?[][] Rounded(double?[][] values) =>
        [.. values.Select(row => row.Select(v => v is { } x ? (double?)Math.Round(x, 1) : null).ToArray())];
}
