using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using Routing.Barriers.Http;
using Routing.Routes.Http;
using Routing.Api.Problems;
using Routing.Barriers;

namespace Routing.Api.Operations;

/// <summary>
/// What an operations team watches: <c>/health/live</c> (the process answers), <c>/health/ready</c> (every check
/// tagged <see cref="ReadyTag"/>: the graph, and the barrier store where it registers one; degraded counts as ready),
/// <c>/metrics</c> (OpenTelemetry, Prometheus text: every <c>Routing.*</c> meter and ASP.NET Core's request metrics),
/// log scopes with the trace id, and a shutdown that lets requests in flight finish.
/// </summary>
internal static class OperationsHosting
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GraphMetrics>();
        builder.Services.AddSingleton<OperatorAccess>();
        builder.Services.AddHealthChecks().AddCheck<GraphReadyCheck>("graph", tags: [ReadyTag]);
        // Not ready until routes for every preset have run through the whole pipeline (Warmup:*).
        builder.Services.AddRoutes(builder.Configuration, ReadyTag);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Routing.*")
            // Requests by route and status (http.server.request.duration), connections and their queue.
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            // Every scrape sees the counts as they are (the exporter caches answers by default).
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));

        // Every log line written during a request carries its trace and span id (as a scope, shown by the console's
        // formatters when IncludeScopes is on, as appsettings.json sets it), so a 500's log line and its trace meet.
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        // On SIGTERM Kestrel stops accepting connections and waits for requests in flight up to this long.
        var shutdownTimeoutS = builder.Configuration.GetValue("Operations:ShutdownTimeoutS", 30);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(shutdownTimeoutS));
        return builder;
    }

    /// <summary>
    /// Starts collecting metrics now rather than when the host starts, so that what happens before the service listens
    /// (loading or building the graph) is counted too.
    /// </summary>
    public static WebApplication StartMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<MeterProvider>();
        return app;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson })
            .WithTags("Service").WithName("Liveness").WithSummary("The process answers (200)")
            .WithDescription("200 `{\"status\": \"healthy\"}` as long as the process answers; checks nothing else, so a busy or degraded service is not restarted.");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteJson })
            .WithTags("Service").WithName("Readiness").WithSummary("Ready to serve routes: 200 when healthy or degraded, 503 when not")
            .WithDescription("Runs every health check tagged `ready`: the serving graph, the warm-up (routes for every preset through the whole pipeline after start) and the barrier store where it registers one. " +
                "`{status}` for anyone; operators (a key with role operator or admin, or a client in `Operations:OperatorNetworks`) " +
                "also get `checks: {name: {status, description}}`: which graph since when, which store.");
        var operators = app.Services.GetRequiredService<OperatorAccess>();
        app.MapPrometheusScrapingEndpoint("/metrics")
            .AddEndpointFilter(async (context, next) => operators.Allows(context.HttpContext)
                ? await next(context)
                : Results.Problem(OperatorsOnly(context.HttpContext)));
        return app;
    }

    /// <summary>401 without a key (an operator may send one), 403 with a key of another role.</summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails OperatorsOnly(HttpContext context) =>
        ApiKeyAuthentication.ActorOf(context.User) is { } actor
            ? HttpProblems.Create(ProblemTypes.Forbidden, StatusCodes.Status403Forbidden, RequestLanguage.OfProblem(context).Format("problem.metrics_wrong_role",
                OperatorAccess.NetworksSetting, actor.KeyId, BarrierNames.Name(actor.Role)))
            : HttpProblems.Create(ProblemTypes.ApiKeyRequired, StatusCodes.Status401Unauthorized, RequestLanguage.OfProblem(context).Format("problem.metrics_key_required",
                ApiKeyAuthentication.Header, OperatorAccess.NetworksSetting));

    /// <summary><c>{"status": "healthy", "checks": {"graph": {"status": "healthy", "description": "..."}}}</c>, the checks for operators only.</summary>
    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object?> { ["status"] = Name(report.Status) };
        if (report.Entries.Count > 0 && context.RequestServices.GetRequiredService<OperatorAccess>().Allows(context))
        {
            body["checks"] = report.Entries.ToDictionary(e => e.Key, e => new Dictionary<string, string?>
            {
                ["status"] = Name(e.Value.Status),
                ["description"] = e.Value.Description,
            });
        }
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
