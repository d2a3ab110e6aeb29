namespace Routing.Warmup;

/// <summary>
/// Whether the code running now serves a warm-up request: such requests must not count as a client's (quotas) nor in
/// the service's figures (request metrics). An async local rather than a request feature, so that a metric recorded
/// deep in a handler can ask without being handed the request.
/// </summary>
public static class WarmupRequest
{
    private static readonly AsyncLocal<bool> s_inProgress = new();

    public static bool InProgress => s_inProgress.Value;

    /// <summary>Marks the rest of the calling async flow (the warmer's own) as warm-up.</summary>
    internal static void MarkFlow() => s_inProgress.Value = true;
}
