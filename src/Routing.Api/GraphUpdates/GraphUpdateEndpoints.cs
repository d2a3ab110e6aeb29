using Microsoft.AspNetCore.Http.HttpResults;
using Routing.Barriers.Http;
using Routing.Api.Problems;
using Routing.Barriers;
using Routing.Serving;

namespace Routing.Api.GraphUpdates;

/// <summary><c>POST /v1/admin/graph/reload</c>: swap in the graph file as it is now (role admin), and the services behind it.</summary>
internal static class GraphUpdateEndpoints
{
    public static IServiceCollection AddGraphUpdates(this IServiceCollection services)
    {
        services.AddOptions<GraphUpdateOptions>().BindConfiguration(GraphUpdateOptions.Section);
        services.AddSingleton<GraphReloader>();
        services.AddHostedService<GraphFileWatcher>();
        return services;
    }

    public static IEndpointRouteBuilder MapGraphUpdateEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/admin/graph/reload", Reload)
            .WithTags("Administration")
            .RequireKeyRole(ApiKeyRole.Admin)
            .WithName("ReloadGraph")
            .WithSummary("Swap in the graph file without a restart")
            .WithDescription("Reads the configured graph file beside the graph that serves, checks it (format, checksums, a route on it), " +
                "gives it the barrier reports in force and swaps it in; requests in flight finish on the old graph. `result` is " +
                "`swapped`, or `unchanged` when the file holds the serving graph. A broken file is refused (`422 graph-rejected`, " +
                "`detail` says why) and the old graph keeps serving. The service also reloads by itself when the file changes.\n\n" +
                "Needs a key with role `admin` in `X-Api-Key` (no key: `401 api-key-required`, another role: `403 forbidden`).")
            .WithBarrierProblems(401, 403)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    public static async Task<Results<Ok<GraphReloadResponse>, ProblemHttpResult>> Reload(GraphReloader reloader, HttpContext http, CancellationToken cancellationToken)
    {
        var reload = await reloader.ReloadAsync("admin", cancellationToken);
        if (reload.Result == "refused")
        {
            // The reason is the loader's own words (English, as in the log); the sentence around it is the reader's language.
            var problem = HttpProblems.Create(ProblemTypes.GraphRejected, StatusCodes.Status422UnprocessableEntity, RequestLanguage.OfProblem(http).Format(
                "problem.graph_refused", reload.Serving.Path, reload.Reason ?? "", reload.Serving.FileChecksum));
            problem.Extensions["serving"] = GraphIdentity.Of(reload.Serving);
            return TypedResults.Problem(problem);
        }
        return TypedResults.Ok(new GraphReloadResponse(reload.Result, GraphIdentity.Of(reload.Serving),
            reload.Previous is { } previous ? GraphIdentity.Of(previous) : null, reload.LoadMs, reload.SwapMs));
    }
}

/// <param name="Result">swapped or unchanged.</param>
/// <param name="Graph">The graph serving now.</param>
/// <param name="Previous">The graph it replaced (swapped only).</param>
/// <param name="LoadMs">Reading, checking and preparing the new graph.</param>
/// <param name="SwapMs">Building its barrier overlay and swapping it in.</param>
internal sealed record GraphReloadResponse(string Result, GraphIdentity Graph, GraphIdentity? Previous, double? LoadMs, double? SwapMs);

/// <param name="Checksum">XxHash3 of the graph file.</param>
internal sealed record GraphIdentity(string Path, string Checksum, DateTimeOffset LoadedAt)
{
    public static GraphIdentity Of(LoadedGraph source) => new(source.Path, source.FileChecksum, source.LoadedAtUtc);
}
