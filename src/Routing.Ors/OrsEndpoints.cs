using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Routing.Engine;
using Routing.GeoFormats;
using Routing.Http;

namespace Routing.Ors;

/// <summary>
/// <c>/ors/v2/directions/{profile}[/json|/geojson|/gpx]</c>, <c>/ors/v2/isochrones/{profile}</c> and
/// <c>/ors/v2/matrix/{profile}</c>: openrouteservice's API over our engine, so that an ORS client pointed at
/// <c>http://host/ors</c> works unchanged. Requests become <see cref="RouteRequest"/>s
/// (<see cref="OrsRequestMapper"/>), routes become ORS answers (<see cref="OrsRouteMapper"/>), and every error is ORS's
/// <c>{"error": {"code", "message"}}</c> with ORS's status.
/// </summary>
public static partial class OrsEndpoints
{
    public const string Tag = "openrouteservice-compatible";
    internal const string Attribution = "accessible routing, openrouteservice-compatible API | © OpenStreetMap contributors";

    private static readonly string Version =
        typeof(OrsEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";

    /// <summary>What the door needs besides the router: the gate for directions with avoid polygons.</summary>
    public static IServiceCollection AddOrsDoor(this IServiceCollection services) =>
        services.AddSingleton(new AvoidAreaGate(AvoidAreaGate.DefaultConcurrent, AvoidAreaGate.DefaultWaiting));

    public static IEndpointRouteBuilder MapOrsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/ors/v2/directions").WithTags(Tag).WithQuota(Quota.Routes);
        group.MapPost("/{profile}", (string profile, HttpRequest request, Router router, ILoggerFactory loggers, CancellationToken ct) =>
                Post(profile, "json", request, router, loggers, ct))
            .WithName("OrsDirections")
            .WithSummary("ORS directions (JSON answer)")
            .WithOrsDocumentation("json");
        group.MapPost("/{profile}/{format}", Post)
            .WithName("OrsDirectionsFormat")
            .WithSummary("ORS directions as json, geojson or gpx")
            .WithOrsDocumentation("format");
        group.MapGet("/{profile}", Get)
            .WithName("OrsDirectionsGet")
            .WithSummary("ORS directions by query string (GeoJSON answer)")
            .WithOrsDocumentation("get");

        var analysis = routes.MapGroup("/ors/v2").WithTags(Tag).WithQuota(Quota.Expensive);
        analysis.MapPost("/isochrones/{profile}", (string profile, HttpRequest request, Router router, ILoggerFactory loggers, CancellationToken ct) =>
                Analyse<OrsIsochronesRequest>(OrsService.Isochrones, profile, request, router, loggers, OrsRequestReader.Isochrones,
                    (body, query, token) => Results.Json(OrsAnalysis.Isochrones(profile, body, router, query, Engine(router), token), OrsJson.Options, "application/geo+json"), ct))
            .WithName("OrsIsochrones")
            .WithSummary("ORS isochrones (GeoJSON answer)")
            .WithOrsAnalysisDocumentation(OrsService.Isochrones);
        analysis.MapPost("/matrix/{profile}", (string profile, HttpRequest request, Router router, ILoggerFactory loggers, CancellationToken ct) =>
                Analyse<OrsMatrixRequest>(OrsService.Matrix, profile, request, router, loggers, OrsRequestReader.Matrix,
                    (body, query, token) => Results.Json(OrsAnalysis.Matrix(profile, body, router, query, Engine(router), token), OrsJson.Options), ct))
            .WithName("OrsMatrix")
            .WithSummary("ORS matrix (durations and distances)")
            .WithOrsAnalysisDocumentation(OrsService.Matrix);
        return routes;
    }

    /// <summary>Reads an isochrones or matrix body and answers it; every error in that service's ORS numbering.</summary>
    private static async Task<IResult> Analyse<T>(OrsService service, string profile, HttpRequest request, Router router, ILoggerFactory loggers,
        OrsRequestReader.Level level, Func<T, JsonObject, CancellationToken, IResult> answer, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var body = await OrsRequestReader.ReadAsync<T>(request, level, cancellationToken);
            return answer(body, Echo(body, profile, "json"), cancellationToken);
        }
        catch (OrsRequestException ex)
        {
            return Error(ex.Code, ex.Message, router, service, status: ex.Status);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Internal(ex, request, router, loggers, service);
        }
    }

    private static async Task<IResult> Post(string profile, string format, HttpRequest request, Router router, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        try
        {
            if (format is not ("json" or "geojson" or "gpx"))
            {
                throw new OrsRequestException(OrsErrorCodes.UnsupportedExportFormat, $"Unsupported export format '{format}': use json, geojson or gpx.");
            }
            var body = await OrsRequestReader.ReadAsync<OrsDirectionsRequest>(request, OrsRequestReader.Directions, cancellationToken);
            if (body.Options?.AvoidPolygons is null)
            {
                return Answer(profile, format, body, router, cancellationToken);
            }
            using var slot = await request.HttpContext.RequestServices.GetRequiredService<AvoidAreaGate>().EnterAsync(cancellationToken)
                ?? throw new OrsRequestException(OrsErrorCodes.LimitExceeded,
                    "Too many requests with avoid_polygons are computing or waiting; try again in a second.", StatusCodes.Status429TooManyRequests);
            return Answer(profile, format, body, router, cancellationToken);
        }
        catch (OrsRequestException ex)
        {
            return Error(ex.Code, ex.Message, router, status: ex.Status);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Internal(ex, request, router, loggers, OrsService.Directions);
        }
    }

    private static IResult Get(string profile, HttpRequest request, Router router, ILoggerFactory loggers)
    {
        try
        {
            return Answer(profile, "geojson", OrsRequestMapper.FromQuery(request.Query), router, request.HttpContext.RequestAborted);
        }
        catch (OrsRequestException ex)
        {
            return Error(ex.Code, ex.Message, router, status: ex.Status);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Internal(ex, request, router, loggers, OrsService.Directions);
        }
    }

    /// <summary>ORS's 2099 for a fault of ours: ORS clients read every error in ORS's shape; the exception is logged, never answered.</summary>
    private static IResult Internal(Exception ex, HttpRequest request, Router router, ILoggerFactory loggers, OrsService service)
    {
        LogUnexpected(loggers.CreateLogger(typeof(OrsEndpoints).FullName!), ex, request.Method, request.Path, request.HttpContext.TraceIdentifier);
        return Error(OrsErrorCodes.Internal, $"Unknown internal error (trace id {request.HttpContext.TraceIdentifier}).", router, service);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error answering {Method} {Path} (trace id {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path, string traceId);

    private static IResult Answer(string profile, string format, OrsDirectionsRequest body, Router router, CancellationToken cancellationToken)
    {
        var query = OrsRequestMapper.Map(profile, body, router.Profiles);
        int count = query.Request.Waypoints.Count;
        switch (router.Route(query.Request, cancellationToken))
        {
            case RouteFound found:
                var route = OrsRouteMapper.Map(found.Route, query);
                var metadata = Metadata(body, query, format, router);
                return format switch
                {
                    "gpx" => Results.Text(OrsGpx.Write(route, profile), OrsGpx.ContentType, System.Text.Encoding.UTF8),
                    "geojson" => Results.Json(new OrsFeatureCollection("FeatureCollection", route.Bbox,
                        [new GeoJsonFeature<GeoJsonGeometry, OrsFeatureProperties>(GeoJsonGeometry.LineString(route.Positions),
                            new OrsFeatureProperties(route.Segments, route.Extras, route.Warnings.Count == 0 ? null : route.Warnings, route.Summary, route.WayPoints))
                        { Bbox = route.Bbox }],
                        metadata), OrsJson.Options, "application/geo+json"),
                    _ => Results.Json(new OrsDirectionsResponse(route.Bbox, [route.ToJson(query.Geometry)], metadata), OrsJson.Options),
                };
            case PointOutsideArea outside:
                return Error(OrsErrorCodes.PointNotFound,
                    $"Could not find routable point within a radius of {query.Request.SnapRadiusM:0.0} meters of specified coordinate {outside.WaypointIndex}: {Position(outside.Point)} (outside the area this service covers).", router);
            case PointNotOnNetwork notOnNetwork:
                string nearest = notOnNetwork.NearestUsableM is { } m ? $" The nearest way usable for {profile} is {m:0} m away." : "";
                return Error(OrsErrorCodes.PointNotFound,
                    $"Could not find routable point within a radius of {notOnNetwork.RadiusM:0.0} meters of specified coordinate {notOnNetwork.WaypointIndex}: {Position(notOnNetwork.Point)}.{nearest}", router);
            case NoRoute noRoute:
                int leg = noRoute.LegIndex;
                var blockers = OrsBlockers.Of(noRoute, profile);
                string why = blockers.Count > 0 ? " Blocked by: " + string.Join("; ", blockers.Select(b => b.Message)) + "." : "";
                return Error(OrsErrorCodes.RouteNotFound,
                    $"Route could not be found - Unable to find a route between points {leg} ({Position(query.Request.Waypoints[leg])}) and {leg + 1} ({Position(query.Request.Waypoints[leg + 1])}).{why}",
                    router,
                    OrsService.Directions,
                    blockers,
                    noRoute.LeastViolatingRoute is { } least ? OrsRouteMapper.Map(least, query).ToJson(query.Geometry, OrsRouteMapper.Violations(least)) : null);
            case var other:
                throw new InvalidOperationException($"Unexpected route outcome {other?.GetType().Name ?? "null"} for {count} points");
        }
    }

    private static string Position(GeoPoint point) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{point.Lon:0.0000000} {point.Lat:0.0000000}");

    /// <param name="code">In the directions numbering; answered in <paramref name="service"/>'s, with the status of the fault.</param>
    /// <param name="status">The HTTP status when it is not the code's own (413, 415).</param>
    private static IResult Error(int code, string message, Router router, OrsService service = OrsService.Directions,
        IReadOnlyList<OrsBlocker>? blockers = null, OrsRoute? leastViolating = null, int? status = null) =>
        Results.Json(new OrsErrorResponse(new OrsError(OrsErrorCodes.For(service, code), message),
                new OrsErrorInfo(Engine(router), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), blockers, leastViolating),
            OrsJson.Options, "application/json", status ?? OrsErrorCodes.StatusOf(code));

    private static OrsMetadata Metadata(OrsDirectionsRequest body, OrsQuery query, string format, Router router) =>
        new(body.Id, Attribution, "routing", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Echo(body, query.OrsProfile, format), Engine(router));

    /// <summary>The request as read, with the profile and format of its path: <c>metadata.query</c>.</summary>
    private static JsonObject Echo<T>(T body, string profile, string format)
    {
        var echo = JsonSerializer.SerializeToNode(body, OrsJson.Options)?.AsObject() ?? [];
        echo["profile"] = profile;
        echo["format"] = format;
        return echo;
    }

    private static OrsEngine Engine(Router router)
    {
        var graph = router.Graph.Metadata;
        return new OrsEngine(Version, graph.BuiltAtUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            (graph.OsmTimestamp ?? graph.BuiltAtUtc).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }
}
