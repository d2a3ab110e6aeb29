using Microsoft.AspNetCore.Http.HttpResults;

namespace Routing.Api.Health;

/// <summary><c>/health</c>: answers once the graph is loaded (it is loaded before the service listens).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", GetHealth)
            .WithTags("Service")
            .WithName("Health")
            .WithSummary("Service health and the loaded graph")
            .WithDescription("200 with the size and origin of the loaded graph. The graph is loaded before the service listens, so any answer means ready.");
        return routes;
    }

    public static Ok<HealthResponse> GetHealth(ServingGraph serving)
    {
        var graph = serving.Router.Graph;
        var meta = graph.Metadata;
        var b = serving.Source.Bounds;
        return TypedResults.Ok(new HealthResponse("ok", new GraphHealth(
            graph.VertexCount, graph.EdgeCount, meta.BuiltAtUtc, meta.SourceFile, meta.SourceSha256, meta.OsmTimestamp,
            meta.ElevationSource, meta.BuilderVersion, [b.MinLon, b.MinLat, b.MaxLon, b.MaxLat])));
    }
}

internal sealed record HealthResponse(string Status, GraphHealth Graph);

/// <param name="Nodes">Vertices of the routing graph.</param>
/// <param name="Built">When the graph file was built (UTC).</param>
/// <param name="Source">File name of the OSM extract it was built from.</param>
/// <param name="ElevationSource">The terrain model its inclines and heights come from; null when built without one.</param>
/// <param name="Bbox">[min_lon, min_lat, max_lon, max_lat] of the graph.</param>
internal sealed record GraphHealth(int Nodes, int Edges, DateTimeOffset Built, string Source, string? SourceSha256, DateTimeOffset? OsmTimestamp, string? ElevationSource, string BuilderVersion, double[] Bbox);
