namespace Routing.Warmup;

/// <summary>What the host wants warm: requests as its clients send them (GET, path and query).</summary>
public interface IWarmupRequests
{
    /// <summary>
    /// Waits until what the requests run is in place (for a router, the search structure its clients will be served
    /// from) and returns the requests of one round, sent in turn until the runtime's compiler goes quiet.
    /// </summary>
    Task<IReadOnlyList<string>> PrepareAsync(CancellationToken cancellationToken);
}
