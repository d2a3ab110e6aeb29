using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Routing.Barriers.Operations;

namespace Routing.Barriers.Http;

/// <summary>
/// Readiness of the barrier store (tag <c>ready</c>): Healthy while it answers; Degraded (still ready: routes keep
/// answering with the last overlay) while it is lost, saying since when and how old the overlay is. It reads what
/// the store's operations and the change feed last found, and never queries the database itself, so load balancer
/// probes add no load to it.
/// </summary>
internal sealed class BarrierStoreHealthCheck(BarrierStoreHealth health, BarrierMetrics metrics, OpenedBarrierStore store, TimeProvider time) : IHealthCheck
{
    public const string Name = "barrier-store";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var synced = metrics.OverlaySyncedAt;
        double? ageS = synced is { } at ? Math.Round((now - at).TotalSeconds, 1) : null;
        var data = new Dictionary<string, object>
        {
            ["store"] = store.Description,
            ["overlay_age_s"] = (object?)ageS ?? "none",
        };
        if (health.Lost is not { } lost)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"The barrier store {store.Description} answers.", data));
        }
        data["lost_since"] = lost.Since.ToString("O", CultureInfo.InvariantCulture);
        data["lost_for_s"] = Math.Round((now - lost.Since).TotalSeconds, 1);
        data["reason"] = lost.Reason;
        string overlay = synced is { } syncedAt
            ? string.Create(CultureInfo.InvariantCulture, $"the overlay as of {syncedAt:O} ({ageS:F0} s old)")
            : "no overlay";
        return Task.FromResult(HealthCheckResult.Degraded(
            string.Create(CultureInfo.InvariantCulture, $"The barrier store is lost since {lost.Since:O}; routing with {overlay}; writes answer 503 until it returns."),
            data: data));
    }
}
