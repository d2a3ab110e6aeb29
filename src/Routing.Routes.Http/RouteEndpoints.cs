using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Routing.Texts;
using Routing.Engine;
using Routing.Engine.Profiles;
using Routing.Http;

namespace Routing.Routes.Http;

/// <summary><c>/v1/routes</c>: a step-free route for a profile and the request's own constraints, or why there is none.</summary>
internal static class RouteEndpoints
{
    private const string Description =
        "A route from `from` to `to` through any `via` points for a preset `profile` (default `wheelchair`), with any of " +
        "its values overridden in `constraints`. The answer holds `routes[0]` with distance, duration, bbox, a GeoJSON " +
        "LineString geometry ([lon, lat]), the segments with their accessibility facts and where each fact comes from " +
        "(tagged, derived, unknown), a summary with the share of distance on unknown data and the profile applied, " +
        "instructions, warnings and problem texts in `language` (or the `Accept-Language` header; en by default: see GET /i18n/languages.json), and where each point was snapped.\n\n" +
        "A client may ask for less (everything is the default): `geometry=simplified` (the line within 2 m of the route, " +
        "every segment keeping its ends) or `geometry=none` (no line and no elevation profile; json only), " +
        "`instructions=false`, `elevation=false` (no heights in the positions, no elevation profile), `segments=false` " +
        "(json and gpx). What is not asked for is left out of the answer, never written as null; the same applies to a " +
        "refusal's least-violating route.\n\n" +
        "`format=geojson` answers a FeatureCollection (`application/geo+json`) with one LineString feature per segment " +
        "(properties: the segment's facts) and the route-level values in the foreign member `route`; `format=gpx` " +
        "answers GPX 1.1 (`application/gpx+xml`) with the route as a track and the instructions as waypoints.\n\n" +
        "Errors are `application/problem+json` with a stable `type`: `invalid-request` (400, `errors` lists field → " +
        "messages), `unknown-profile` (400, `known_profiles`), `point-outside-area`, `point-not-on-network` (422, " +
        "`waypoint_index`, `snap_radius_m`, `nearest_usable_m`) and `no-route` (422, `blockers`: which constraint, " +
        "where, by how much, and the request field that would lift it; `suggested_waypoints`: where to move a point the " +
        "profile cannot leave, such as a pavement between two flights of steps, so that the route exists).";

    public static IEndpointRouteBuilder MapRouteEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/routes").WithTags("Routes").WithQuota(Quota.Routes);

        group.MapPost("/", PostRoute)
            .WithName("PostRoute")
            .WithSummary("Find a step-free route (JSON body)")
            .WithDescription(Description)
            .Accepts<RouteRequestBody>("application/json")
            .WithRouteResponses()
            .WithRequestExample(RouteExamples.RouteRequest);

        group.MapGet("/", GetRoute)
            .WithName("GetRoute")
            .WithSummary("Find a step-free route (query string)")
            .WithDescription(
                "The same as `POST /v1/routes` for quick use: `from=LAT,LON&to=LAT,LON&via=LAT,LON;LAT,LON`, and every " +
                "constraint as a query parameter of the same name (`avoid_surfaces` comma-separated). Unknown parameters " +
                "are refused.\n\n" + Description)
            .WithConstraintParameters()
            .WithRouteResponses();

        return routes;
    }

    public static async Task<Results<JsonAnswer<RoutesResponse>, JsonAnswer<GeoJsonRoute>, ContentHttpResult, ProblemHttpResult>> PostRoute(
        HttpRequest request, Router router, LoadedGraph graph, RouteMetrics metrics, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        var errors = new FieldErrors();
        var body = await RouteBodyReader.ReadAsync(request, json.Value.SerializerOptions, errors, cancellationToken);
        if (body is null)
        {
            metrics.BadInput(start);
            return TypedResults.Problem(HttpProblems.InvalidRequest(errors.ToDictionary(RequestLanguage.OfProblem(request.HttpContext))));
        }
        return Answer(body with { Language = RequestLanguage.Code(request, body.Language) }, errors, "constraints.", router, graph, metrics, start, cancellationToken);
    }

    public static Results<JsonAnswer<RoutesResponse>, JsonAnswer<GeoJsonRoute>, ContentHttpResult, ProblemHttpResult> GetRoute(
        [AsParameters] RouteQuery query, HttpRequest request, Router router, LoadedGraph graph, RouteMetrics metrics)
    {
        long start = Stopwatch.GetTimestamp();
        var errors = new FieldErrors();
        var body = RouteQueryParser.Parse(query, request.Query, errors);
        return Answer(body with { Language = RequestLanguage.Code(request, body.Language) }, errors, "", router, graph, metrics, start, request.HttpContext.RequestAborted);
    }

    private static Results<JsonAnswer<RoutesResponse>, JsonAnswer<GeoJsonRoute>, ContentHttpResult, ProblemHttpResult> Answer(
        RouteRequestBody body, FieldErrors errors, string constraintPrefix, Router router, LoadedGraph graph,
        RouteMetrics metrics, long start, CancellationToken cancellationToken)
    {
        if (!RouteRequestValidator.TryValidate(body, router.Profiles, errors, constraintPrefix, out var valid, out var problem))
        {
            metrics.BadInput(start);
            return TypedResults.Problem(problem);
        }

        var request = valid.Request;
        int waypoints = request.Waypoints.Count;
        string profile = request.Profile.Name;
        var language = Translations.Of(request.Language);
        var outcome = router.Route(request, cancellationToken);
        metrics.Routed(start, profile, outcome);
        switch (outcome)
        {
            case RouteFound found when valid.Format == RouteFormat.Geojson:
                return new JsonAnswer<GeoJsonRoute>(GeoJsonRoute.From(found.Route, valid.Detail), RouteJsonContext.Default.GeoJsonRoute, "application/geo+json");
            case RouteFound found when valid.Format == RouteFormat.Gpx:
                return TypedResults.Text(GpxWriter.Write(found.Route, profile, valid.Detail), GpxWriter.ContentType, System.Text.Encoding.UTF8);
            case RouteFound found:
                return new JsonAnswer<RoutesResponse>(new RoutesResponse([RouteMapper.ToDto(found.Route, valid.Detail)]), RouteJsonContext.Default.RoutesResponse, "application/json");
            case PointOutsideArea outside:
                return TypedResults.Problem(RouteProblems.PointOutsideArea(outside, waypoints, graph.AreaBbox(), language));
            case PointNotOnNetwork notOnNetwork:
                return TypedResults.Problem(RouteProblems.PointNotOnNetwork(notOnNetwork, waypoints, profile, language));
            case NoRoute noRoute:
                return TypedResults.Problem(RouteProblems.NoRoute(noRoute, waypoints, request.Profile, language, valid.Detail));
            case var other:
                throw new InvalidOperationException($"Unexpected route outcome {other?.GetType().Name ?? "null"}");
        }
    }

    private static RouteHandlerBuilder WithRouteResponses(this RouteHandlerBuilder builder) => builder
        .Produces<RoutesResponse>(StatusCodes.Status200OK, "application/json")
        .WithAlternativeFormats()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status500InternalServerError)
        .WithResponseExample(StatusCodes.Status200OK, "application/json", RouteExamples.RouteResponse)
        .WithResponseExample(StatusCodes.Status400BadRequest, "application/problem+json", RouteExamples.InvalidRequest)
        .WithResponseExample(StatusCodes.Status422UnprocessableEntity, "application/problem+json", RouteExamples.NoRoute);

    /// <summary>
    /// Documents the other answers of 200 beside JSON: the GeoJSON FeatureCollection and GPX. (Produces metadata has one
    /// schema per status code, so the extra media types are added to the generated operation.)
    /// </summary>
    private static RouteHandlerBuilder WithAlternativeFormats(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
            {
                content["application/geo+json"] = new OpenApiMediaType
                {
                    Schema = await context.GetOrCreateSchemaAsync(typeof(GeoJsonRoute), null, cancellationToken),
                };
                content[GpxWriter.ContentType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "GPX 1.1: the route as trk/trkseg/trkpt, the instructions as wpt with name, desc and type.",
                    },
                };
            }
        });
}
