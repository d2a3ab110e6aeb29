using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Routing.Warmup;

/// <summary>Not ready until the warm-up is done; a failed warm-up is degraded, which still counts as ready.</summary>
internal sealed class WarmupReadyCheck(Warmer warmer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = warmer.Report;
        return Task.FromResult(report.Stage switch
        {
            WarmupStage.Done => HealthCheckResult.Healthy("warmed up by " + report.Describe()),
            WarmupStage.Off => HealthCheckResult.Healthy("no warm-up (Warmup:Enabled is false)"),
            WarmupStage.Failed => HealthCheckResult.Degraded("warm-up failed: " + report.Failure),
            WarmupStage.Warming => HealthCheckResult.Unhealthy($"warming up: {report.Requests} requests so far"),
            _ => HealthCheckResult.Unhealthy("waiting to warm up"),
        });
    }
}
