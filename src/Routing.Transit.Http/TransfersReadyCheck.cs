using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Routing.Transit.Http;

/// <summary>Whether the presets' transfer walks of the first graph served are computed ahead (<c>Transit:TransfersAhead</c>).</summary>
public sealed class TransfersAheadState(bool enabled)
{
    private volatile bool _done;
    private volatile string? _failure;

    public bool Enabled => enabled;
    public bool IsDone => _done;
    public string? Failure => _failure;

    public void Done() => _done = true;

    public void Failed(string reason) => _failure = reason;
}

/// <summary>
/// Not ready until the presets' transfer walks are computed ahead at start: a national feed's first trips would
/// otherwise compute them request by request. A failure is degraded (trips still work, each checking its walks), and
/// so is a later graph whose walks are still computed: it serves meanwhile, as a start without them would not.
/// </summary>
internal sealed class TransfersReadyCheck(TransfersAheadState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!state.Enabled ? HealthCheckResult.Healthy("transfer walks computed by requests (Transit:TransfersAhead is false)")
            : state.Failure is { } failure ? HealthCheckResult.Degraded("transfer walks not computed ahead: " + failure)
            : state.IsDone ? HealthCheckResult.Healthy("transfer walks computed ahead for every preset")
            : HealthCheckResult.Unhealthy("computing every preset's transfer walks"));
}
