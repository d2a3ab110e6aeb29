using Microsoft.Extensions.Diagnostics.HealthChecks;
using Routing.Serving;

namespace Routing.Api.Operations;

/// <summary>Ready when a graph serves; says which one, so a rollout can see the new graph arrive on every replica.</summary>
internal sealed class GraphReadyCheck(GraphHolder holder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!holder.IsLoaded)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no graph is loaded"));
        }
        var serving = holder.Current;
        return Task.FromResult(HealthCheckResult.Healthy(
            $"graph {serving.Source.FileChecksum} ({serving.Router.Graph.VertexCount} vertices) serving since {serving.Source.LoadedAtUtc:O}"));
    }
}
